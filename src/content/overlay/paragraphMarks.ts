/**
 * Puts every paragraph-level change on the page: marks on the page's elements (added, reworded, moved), word
 * marks for reworded ones, ghosts for removed ones. Returns what the navigation walks and the Ranges of
 * inserted words for the highlight.
 */

import type { AlignResult, ParagraphChange, RemovedParagraph, WordChange } from '../../core/model';
import { t } from '../../ui/i18n';
import { READABLE_CONTRACT } from '../contract';
import { markBlock } from './blockMarks';
import type { DomJournal } from './journal';
import type { ChangeItem } from './navigation';
import { type GhostAnchor, ghostAnchor, ghostJob, ghostOrder } from './removedGhosts';
import { planWordMarks } from './textMap';
import { hasDeletions, insertedRanges, placeWasLine } from './wordMarks';

export interface PlacedChanges {
  items: ChangeItem[];
  insertedRanges: AbstractRange[];
  /** Told of each element's inserted-word ranges once its marks are in (staleWords.ts watches them). */
  onWords?: (element: Element, ranges: readonly AbstractRange[]) => void;
}

// Message keys of what the control bar announces for each change.
const DESCRIPTIONS = {
  added: 'change_added',
  reworded: 'change_reworded',
  movedReworded: 'change_movedReworded',
  moved: 'change_moved',
  removed: 'change_removed',
};

/**
 * Word marks of a reworded paragraph: its inserted words as ranges for the highlight, and a "Was:" line when
 * words were deleted. When the element's text is not the text the diff was made on, no word can be placed and
 * the "Was:" line alone lets the reader compare.
 */
function placeRewording(
  element: Element,
  change: Extract<ParagraphChange, { kind: 'reworded' }>,
  oldText: string | undefined,
  place: (words: readonly WordChange[], oldText: string) => void,
): AbstractRange[] {
  const plan = change.words.length > 0 ? planWordMarks(element, change.words) : null;
  if (plan) {
    if (hasDeletions(change.words)) place(change.words, oldText ?? '');
    return insertedRanges(element.ownerDocument, plan);
  }
  // The runs' old side is the old text too, but the stored paragraph is what the reader read.
  if (oldText) place([], oldText);
  else if (hasDeletions(change.words)) place(change.words, '');
  return [];
}

/**
 * Placing one change; `element` is where it shows, `at` its index in the new paragraphs' elements (-1: the
 * headline), by which the chunked mount orders the jobs.
 */
export interface MarkJob {
  element: Element;
  at: number;
  run(into: PlacedChanges): void;
}

export interface PlannedChanges {
  jobs: MarkJob[];
  /** How many items the jobs will add to the navigation (one per marked element and per ghost). */
  items: number;
}

/**
 * The jobs that put every paragraph-level change on the page, made in passes so a long article's plan is
 * never made in one task (issue 8): `plan(accept)` yields the jobs at the indices `accept` takes (the ones on
 * screen first, then the rest, in slices). Within a pass the jobs come ghosts first, each group in order; jobs
 * on one element run in the order given, jobs on different elements in any order.
 */
export class ChangePlanner {
  /** Jobs and navigation items (one per marked element and per ghost) planned so far, over all passes. */
  jobs = 0;
  items = 0;
  private readonly ghosts: { paragraph: RemovedParagraph; anchor: GhostAnchor | null }[];
  // An extractor may map two paragraphs to one element (text split at <br>, a shared ancestor): the element
  // gets the first change's mark and counts once, while each reworded paragraph still gets its word marks,
  // found as its own part of the element's text.
  private readonly marked = new Set<Element>();
  // Two paragraphs of one element: the second "Was:" line goes after the first, in reading order.
  private readonly lastLine = new Map<Element, Element>();
  private readonly lastAfter = new Map<Element, Element>();
  /** Ghosts and changes already planned, by their place in `ghosts` and by new index: each is planned once. */
  private readonly ghostTaken: Uint8Array;
  private readonly changeTaken: Uint8Array;

  constructor(
    private readonly doc: Document,
    private readonly result: AlignResult,
    private readonly elements: readonly (Element | null)[],
    private readonly titleElement: Element | null,
    private readonly oldParagraphs: readonly string[],
    private readonly journal: DomJournal,
    private readonly readable = READABLE_CONTRACT,
  ) {
    this.ghosts = ghostOrder(result.removed).map((paragraph) => ({
      paragraph,
      anchor: ghostAnchor(paragraph.before, elements, titleElement),
    }));
    this.ghostTaken = new Uint8Array(this.ghosts.length);
    this.changeTaken = new Uint8Array(result.paragraphs.length);
  }

  /**
   * The jobs at the indices `accept` takes that no other pass planned, in order. Passes may run side by side
   * (the reader scrolled while the rest is being planned): whichever reaches an index first plans its jobs.
   */
  *plan(accept: (at: number) => boolean): Generator<MarkJob> {
    const { doc, elements, titleElement, journal, readable } = this;
    // Index loops: each pass looks at every change of a 20,000-paragraph page, and an entries() iterator
    // allocates for each.
    for (let k = 0; k < this.ghosts.length; k++) {
      const { paragraph, anchor } = this.ghosts[k] as (typeof this.ghosts)[number];
      if (!anchor || this.ghostTaken[k] === 1 || !accept(anchor.at)) continue;
      this.ghostTaken[k] = 1;
      const ghost = ghostJob(doc, paragraph, anchor, this.lastAfter, journal, readable);
      this.jobs += 1;
      this.items += 1;
      yield {
        element: ghost.anchor,
        at: anchor.at,
        run: (into) => {
          const placed = ghost.place();
          if (placed) into.items.push({ element: placed, description: t(DESCRIPTIONS.removed) });
        },
      };
    }
    const changes = this.result.paragraphs;
    for (let k = 0; k < changes.length; k++) {
      const change = changes[k] as ParagraphChange;
      if (change.kind === 'unchanged' || this.changeTaken[k] === 1 || !accept(change.newIndex)) continue;
      this.changeTaken[k] = 1;
      const element = elements[change.newIndex];
      if (!element || element === titleElement) continue;
      const first = !this.marked.has(element);
      this.marked.add(element);
      this.jobs += 1;
      if (first) this.items += 1;
      yield { element, at: change.newIndex, run: (into) => this.place(into, change, element, first) };
    }
  }

  private place(into: PlacedChanges, change: ParagraphChange, element: Element, first: boolean): void {
    const { journal, readable } = this;
    let ranges: AbstractRange[] = [];
    if (change.kind === 'reworded') {
      const place = (words: readonly WordChange[], oldText: string): void => {
        const line = placeWasLine(this.lastLine.get(element) ?? element, words, oldText, readable, journal);
        this.lastLine.set(element, line);
      };
      ranges = placeRewording(element, change, this.oldParagraphs[change.oldIndex], place);
      for (const range of ranges) into.insertedRanges.push(range);
    }
    if (first) this.markElement(into, change, element);
    // After the label went in, so that insertion is not the first change the watcher sees.
    if (ranges.length > 0) into.onWords?.(element, ranges);
  }

  private markElement(into: PlacedChanges, change: ParagraphChange, element: Element): void {
    const { journal } = this;
    if (change.kind === 'reworded') {
      markBlock(element, 'reworded', change.moved, journal);
      const description = t(change.moved ? DESCRIPTIONS.movedReworded : DESCRIPTIONS.reworded);
      into.items.push({ element, description });
    } else if (change.kind !== 'unchanged') {
      markBlock(element, change.kind, false, journal);
      into.items.push({ element, description: t(DESCRIPTIONS[change.kind]) });
    }
  }
}

/** Every job at once (tests; the chunked mount in index.ts plans with ChangePlanner in passes). */
export function planParagraphChanges(
  doc: Document,
  result: AlignResult,
  elements: readonly (Element | null)[],
  titleElement: Element | null,
  oldParagraphs: readonly string[],
  journal: DomJournal,
  readable = READABLE_CONTRACT,
): PlannedChanges {
  const planner = new ChangePlanner(doc, result, elements, titleElement, oldParagraphs, journal, readable);
  const jobs = [...planner.plan(() => true)];
  return { jobs, items: planner.items };
}

/** Places every change at once (the chunked mount in index.ts runs the same jobs over several tasks). */
export function placeParagraphChanges(
  doc: Document,
  result: AlignResult,
  elements: readonly (Element | null)[],
  titleElement: Element | null,
  oldParagraphs: readonly string[],
  journal: DomJournal,
  readable = READABLE_CONTRACT,
): PlacedChanges {
  const placed: PlacedChanges = { items: [], insertedRanges: [] };
  const planned = planParagraphChanges(doc, result, elements, titleElement, oldParagraphs, journal, readable);
  for (const job of planned.jobs) job.run(placed);
  return placed;
}
