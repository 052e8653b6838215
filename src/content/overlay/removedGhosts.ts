/**
 * Removed paragraphs come back as inserted "ghost" elements at their old place in the new order: before the
 * element of new paragraph `before`, or after the last paragraph's element when `before` is the new length.
 * When that element was not found on the page, the nearest mapped neighbour stands in (the previous one, then
 * the next one, then the headline). The ghost's text is old text (oldText.ts).
 */
import type { RemovedParagraph } from '../../core/model';
import { READABLE_CONTRACT } from '../contract';
import type { DomJournal } from './journal';
import { fillOldText, oldTextOf } from './oldText';

type Anchor = { element: Element; where: 'before' | 'after' };

/** Where a ghost for new position `before` goes, or null when nothing on the page is mapped. */
export function ghostAnchor(
  before: number,
  elements: readonly (Element | null)[],
  titleElement: Element | null,
): Anchor | null {
  const at = elements[before];
  if (at) return { element: at, where: 'before' };
  for (let i = Math.min(before, elements.length) - 1; i >= 0; i--) {
    const element = elements[i];
    if (element) return { element, where: 'after' };
  }
  for (let i = before + 1; i < elements.length; i++) {
    const element = elements[i];
    if (element) return { element, where: 'before' };
  }
  return titleElement ? { element: titleElement, where: 'after' } : null;
}

function createGhost(doc: Document, anchor: Element, text: string, readable: boolean): HTMLElement {
  // Inside a list a ghost list item keeps the list's markup valid and its bullets aligned.
  const inList = anchor.tagName.toUpperCase() === 'LI';
  const ghost = doc.createElement(inList ? 'li' : 'div');
  ghost.setAttribute('data-redline', 'removed');
  ghost.setAttribute('data-redline-old', 'paragraph');
  ghost.setAttribute('title', 'Redline: paragraph removed since your last visit');
  if (!inList) ghost.setAttribute('role', 'deletion');
  return fillOldText(ghost, oldTextOf(text), readable);
}

/** Inserts one ghost per removed paragraph; returns them in the order they stand on the page. */
export function placeRemovedGhosts(
  doc: Document,
  removed: readonly RemovedParagraph[],
  elements: readonly (Element | null)[],
  titleElement: Element | null,
  journal: DomJournal,
  readable = READABLE_CONTRACT,
): HTMLElement[] {
  // Several ghosts after one element go in one after the other, not each straight after the element.
  const lastAfter = new Map<Element, Element>();
  const placed: HTMLElement[] = [];
  const ordered = [...removed].sort((a, b) => a.before - b.before || a.oldIndex - b.oldIndex);
  for (const paragraph of ordered) {
    const anchor = ghostAnchor(paragraph.before, elements, titleElement);
    if (!anchor?.element.parentNode) continue;
    const ghost = createGhost(doc, anchor.element, paragraph.text, readable);
    if (anchor.where === 'before') {
      anchor.element.before(ghost);
    } else {
      const previous = lastAfter.get(anchor.element) ?? anchor.element;
      previous.after(ghost);
      lastAfter.set(anchor.element, ghost);
    }
    journal.inserted(ghost);
    placed.push(ghost);
  }
  return placed;
}
