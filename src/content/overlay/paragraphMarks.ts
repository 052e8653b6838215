/**
 * Puts every paragraph-level change on the page: marks on the page's elements (added, reworded, moved), word
 * marks inside reworded ones, ghosts for removed ones. Returns what the navigation walks and the Ranges of
 * inserted words for the highlight.
 */
import type { AlignResult, ParagraphChange } from '../../core/model';
import { markBlock } from './blockMarks';
import type { DomJournal } from './journal';
import type { ChangeItem } from './navigation';
import { placeRemovedGhosts } from './removedGhosts';
import { planWordMarks } from './textMap';
import { placeWordMarks } from './wordMarks';

export interface PlacedChanges {
  items: ChangeItem[];
  insertedRanges: Range[];
}

const DESCRIPTIONS = {
  added: 'New paragraph',
  reworded: 'Reworded paragraph',
  movedReworded: 'Reworded and moved paragraph',
  moved: 'Moved paragraph',
  removed: 'Removed paragraph',
};

/**
 * The old text of a reworded paragraph whose words could not be placed (its element's text is not the text
 * the diff was made on), shown struck after it so the reader can still compare.
 */
function showOldText(element: Element, oldText: string, journal: DomJournal): void {
  const old = element.ownerDocument.createElement('div');
  old.setAttribute('data-redline-old', 'paragraph-text');
  old.setAttribute('role', 'deletion');
  old.textContent = oldText;
  element.after(journal.inserted(old));
}

/** Word marks of a reworded paragraph, or its old text when they cannot be placed. */
function placeRewording(
  element: Element,
  change: Extract<ParagraphChange, { kind: 'reworded' }>,
  oldText: string | undefined,
  journal: DomJournal,
): Range[] {
  const plan = change.words.length > 0 ? planWordMarks(element, change.words) : null;
  if (plan) return placeWordMarks(element.ownerDocument, plan, journal).inserted;
  if (oldText) showOldText(element, oldText, journal);
  return [];
}

export function placeParagraphChanges(
  doc: Document,
  result: AlignResult,
  elements: readonly (Element | null)[],
  titleElement: Element | null,
  oldParagraphs: readonly string[],
  journal: DomJournal,
): PlacedChanges {
  const items: ChangeItem[] = [];
  const insertedRanges: Range[] = [];
  // Ghosts first: a reworded paragraph's fallback old text then goes straight after its element, before a
  // ghost that follows the same element.
  for (const ghost of placeRemovedGhosts(doc, result.removed, elements, titleElement, journal)) {
    items.push({ element: ghost, description: DESCRIPTIONS.removed });
  }

  // An extractor may map two paragraphs to one element (text split at <br>, a shared ancestor): the element
  // gets the first change's mark and counts once, while each reworded paragraph still gets its word marks,
  // found as its own part of the element's text.
  const marked = new Set<Element>();
  for (const change of result.paragraphs) {
    if (change.kind === 'unchanged') continue;
    const element = elements[change.newIndex];
    if (!element || element === titleElement) continue;
    if (change.kind === 'reworded') {
      insertedRanges.push(...placeRewording(element, change, oldParagraphs[change.oldIndex], journal));
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

  return { items, insertedRanges };
}
