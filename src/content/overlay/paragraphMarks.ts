/**
 * Puts every paragraph-level change on the page: marks on the page's elements (added, reworded, moved), word
 * marks for reworded ones, ghosts for removed ones. Returns what the navigation walks and the Ranges of
 * inserted words for the highlight.
 */

import type { AlignResult, ParagraphChange, WordChange } from '../../core/model';
import { t } from '../../ui/i18n';
import { READABLE_CONTRACT } from '../contract';
import { markBlock } from './blockMarks';
import type { DomJournal } from './journal';
import type { ChangeItem } from './navigation';
import { planRemovedGhosts } from './removedGhosts';
import { planWordMarks } from './textMap';
import { hasDeletions, insertedRanges, placeWasLine } from './wordMarks';

export interface PlacedChanges {
  items: ChangeItem[];
  insertedRanges: AbstractRange[];
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

/** Placing one change; `element` is where it shows (the chunked mount orders by it). */
export interface MarkJob {
  element: Element;
  run(into: PlacedChanges): void;
}

export interface PlannedChanges {
  jobs: MarkJob[];
  /** How many items the jobs will add to the navigation (one per marked element and per ghost). */
  items: number;
}

/**
 * The jobs that put every paragraph-level change on the page. Jobs on one element run in the order given;
 * jobs on different elements may run in any order (visible ones first).
 */
export function planParagraphChanges(
  doc: Document,
  result: AlignResult,
  elements: readonly (Element | null)[],
  titleElement: Element | null,
  oldParagraphs: readonly string[],
  journal: DomJournal,
  readable = READABLE_CONTRACT,
): PlannedChanges {
  const jobs: MarkJob[] = [];
  for (const ghost of planRemovedGhosts(doc, result.removed, elements, titleElement, journal, readable)) {
    jobs.push({
      element: ghost.anchor,
      run: (into) => {
        const placed = ghost.place();
        if (placed) into.items.push({ element: placed, description: t(DESCRIPTIONS.removed) });
      },
    });
  }
  let items = jobs.length;

  // An extractor may map two paragraphs to one element (text split at <br>, a shared ancestor): the element
  // gets the first change's mark and counts once, while each reworded paragraph still gets its word marks,
  // found as its own part of the element's text.
  const marked = new Set<Element>();
  // Two paragraphs of one element: the second "Was:" line goes after the first, in reading order.
  const lastLine = new Map<Element, Element>();
  for (const change of result.paragraphs) {
    if (change.kind === 'unchanged') continue;
    const element = elements[change.newIndex];
    if (!element || element === titleElement) continue;
    const first = !marked.has(element);
    marked.add(element);
    if (first) items += 1;
    jobs.push({
      element,
      run: (into) => {
        if (change.kind === 'reworded') {
          const place = (words: readonly WordChange[], oldText: string): void => {
            const line = placeWasLine(lastLine.get(element) ?? element, words, oldText, readable, journal);
            lastLine.set(element, line);
          };
          for (const range of placeRewording(element, change, oldParagraphs[change.oldIndex], place)) {
            into.insertedRanges.push(range);
          }
        }
        if (!first) return;
        if (change.kind === 'reworded') {
          markBlock(element, 'reworded', change.moved, journal);
          const description = t(change.moved ? DESCRIPTIONS.movedReworded : DESCRIPTIONS.reworded);
          into.items.push({ element, description });
        } else {
          markBlock(element, change.kind, false, journal);
          into.items.push({ element, description: t(DESCRIPTIONS[change.kind]) });
        }
      },
    });
  }
  return { jobs, items };
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
