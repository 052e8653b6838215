/**
 * Removed paragraphs come back as inserted "ghost" elements at their old place in the new order: before the
 * element of new paragraph `before`, or after the last paragraph's element when `before` is the new length.
 * When that element was not found on the page, the nearest mapped neighbour stands in (the previous one, then
 * the next one, then the headline). The ghost's text is old text (oldText.ts).
 */

import type { RemovedParagraph } from '../../core/model';
import { t } from '../../ui/i18n';
import { READABLE_CONTRACT } from '../contract';
import type { DomJournal } from './journal';
import { fillOldText, oldTextOf } from './oldText';

/** `at`: the index of `element` in the new paragraphs' elements, -1 for the headline. */
export type GhostAnchor = { element: Element; where: 'before' | 'after'; at: number };

/** Where a ghost for new position `before` goes, or null when nothing on the page is mapped. */
export function ghostAnchor(
  before: number,
  elements: readonly (Element | null)[],
  titleElement: Element | null,
): GhostAnchor | null {
  const at = elements[before];
  if (at) return { element: at, where: 'before', at: before };
  for (let i = Math.min(before, elements.length) - 1; i >= 0; i--) {
    const element = elements[i];
    if (element) return { element, where: 'after', at: i };
  }
  for (let i = before + 1; i < elements.length; i++) {
    const element = elements[i];
    if (element) return { element, where: 'before', at: i };
  }
  return titleElement ? { element: titleElement, where: 'after', at: -1 } : null;
}

function createGhost(doc: Document, anchor: Element, text: string, readable: boolean): HTMLElement {
  // Inside a list a ghost list item keeps the list's markup valid and its bullets aligned.
  const inList = anchor.tagName.toUpperCase() === 'LI';
  const ghost = doc.createElement(inList ? 'li' : 'div');
  ghost.setAttribute('data-redline', 'removed');
  ghost.setAttribute('data-redline-old', 'paragraph');
  ghost.setAttribute('title', t('mark_removed_title'));
  if (!inList) ghost.setAttribute('role', 'deletion');
  return fillOldText(ghost, oldTextOf(text), readable);
}

/** Placing one ghost; `anchor` is the page element it goes next to (the chunked mount orders by it). */
export interface GhostJob {
  anchor: Element;
  place(): HTMLElement | null;
}

/** Removed paragraphs in the order their ghosts must be placed, for ghosts sharing an anchor to keep their old order. */
export function ghostOrder(removed: readonly RemovedParagraph[]): RemovedParagraph[] {
  return [...removed].sort((a, b) => a.before - b.before || a.oldIndex - b.oldIndex);
}

/**
 * The job placing `paragraph`'s ghost at `anchor`. `lastAfter` is shared by the jobs of one mount: several ghosts
 * after one element go in one after the other, not each straight after the element.
 */
export function ghostJob(
  doc: Document,
  paragraph: RemovedParagraph,
  anchor: GhostAnchor,
  lastAfter: Map<Element, Element>,
  journal: DomJournal,
  readable = READABLE_CONTRACT,
): GhostJob {
  const { element, where } = anchor;
  return {
    anchor: element,
    place: () => {
      if (!element.parentNode) return null;
      const ghost = createGhost(doc, element, paragraph.text, readable);
      if (where === 'before') {
        element.before(ghost);
      } else {
        // After the element's own "Was:" lines, whichever was placed first.
        let previous = lastAfter.get(element);
        if (!previous) {
          previous = element;
          while (isWasLine(previous.nextElementSibling)) previous = previous.nextElementSibling as Element;
        }
        previous.after(ghost);
        lastAfter.set(element, ghost);
      }
      return journal.inserted(ghost);
    },
  };
}

/**
 * One job per removed paragraph that has somewhere to go, in the order they must be placed for ghosts sharing
 * an anchor to keep their old order. Jobs of different anchors may run in any order.
 */
export function planRemovedGhosts(
  doc: Document,
  removed: readonly RemovedParagraph[],
  elements: readonly (Element | null)[],
  titleElement: Element | null,
  journal: DomJournal,
  readable = READABLE_CONTRACT,
): GhostJob[] {
  const lastAfter = new Map<Element, Element>();
  const jobs: GhostJob[] = [];
  for (const paragraph of ghostOrder(removed)) {
    const anchor = ghostAnchor(paragraph.before, elements, titleElement);
    if (anchor) jobs.push(ghostJob(doc, paragraph, anchor, lastAfter, journal, readable));
  }
  return jobs;
}

function isWasLine(element: Element | null): boolean {
  return element?.getAttribute('data-redline-old') === 'paragraph-text';
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
  const placed: HTMLElement[] = [];
  for (const job of planRemovedGhosts(doc, removed, elements, titleElement, journal, readable)) {
    const ghost = job.place();
    if (ghost) placed.push(ghost);
  }
  return placed;
}
