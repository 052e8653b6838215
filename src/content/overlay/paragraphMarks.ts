/**
 * Puts every paragraph-level change on the page: marks on the page's elements (added, reworded, moved), word
 * marks for reworded ones, ghosts for removed ones. Returns what the navigation walks and the Ranges of
 * inserted words for the highlight.
 */
import type { AlignResult, ParagraphChange, WordChange } from '../../core/model';
import { READABLE_CONTRACT } from '../contract';
import { markBlock } from './blockMarks';
import type { DomJournal } from './journal';
import type { ChangeItem } from './navigation';
import { placeRemovedGhosts } from './removedGhosts';
import { planWordMarks } from './textMap';
import { hasDeletions, insertedRanges, placeWasLine } from './wordMarks';

export interface PlacedChanges {
  items: ChangeItem[];
  insertedRanges: AbstractRange[];
}

const DESCRIPTIONS = {
  added: 'New paragraph',
  reworded: 'Reworded paragraph',
  movedReworded: 'Reworded and moved paragraph',
  moved: 'Moved paragraph',
  removed: 'Removed paragraph',
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

export function placeParagraphChanges(
  doc: Document,
  result: AlignResult,
  elements: readonly (Element | null)[],
  titleElement: Element | null,
  oldParagraphs: readonly string[],
  journal: DomJournal,
  readable = READABLE_CONTRACT,
): PlacedChanges {
  const items: ChangeItem[] = [];
  const inserted: AbstractRange[] = [];
  // Ghosts first: a reworded paragraph's fallback old text then goes straight after its element, before a
  // ghost that follows the same element.
  for (const ghost of placeRemovedGhosts(doc, result.removed, elements, titleElement, journal, readable)) {
    items.push({ element: ghost, description: DESCRIPTIONS.removed });
  }

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
    if (change.kind === 'reworded') {
      const place = (words: readonly WordChange[], oldText: string): void => {
        const line = placeWasLine(lastLine.get(element) ?? element, words, oldText, readable, journal);
        lastLine.set(element, line);
      };
      for (const range of placeRewording(element, change, oldParagraphs[change.oldIndex], place)) {
        inserted.push(range);
      }
    }
    if (marked.has(element)) continue;
    marked.add(element);
    if (change.kind === 'reworded') {
      markBlock(element, 'reworded', change.moved, journal);
      items.push({ element, description: change.moved ? DESCRIPTIONS.movedReworded : DESCRIPTIONS.reworded });
    } else {
      markBlock(element, change.kind, false, journal);
      items.push({ element, description: DESCRIPTIONS[change.kind] });
    }
  }

  return { items, insertedRanges: inserted };
}
