/**
 * Marks the page's own block elements with the contract's attributes and a small text label, so the kind of
 * change reads without colour.
 */
import type { DomJournal } from './journal';

export type MarkKind = 'added' | 'reworded' | 'moved';

const LABELS: Record<MarkKind, { text: string; title: string }> = {
  added: { text: 'New', title: 'Redline: paragraph added since your last visit' },
  reworded: { text: 'Reworded', title: 'Redline: paragraph reworded since your last visit' },
  moved: { text: 'Moved', title: 'Redline: paragraph moved since your last visit' },
};

/** A `data-redline-ui` label element; `kind` picks its text and colour. */
export function createLabel(doc: Document, kind: MarkKind, text = LABELS[kind].text): HTMLElement {
  const label = doc.createElement('span');
  label.setAttribute('data-redline-ui', 'label');
  label.setAttribute('data-redline-label', kind);
  label.setAttribute('title', LABELS[kind].title);
  label.textContent = text;
  return label;
}

/**
 * Sets `data-redline` (and `data-redline-moved` for a reworded paragraph that also moved) and puts the labels
 * first inside the element, where they are read before its text.
 */
export function markBlock(element: Element, kind: MarkKind, alsoMoved: boolean, journal: DomJournal): void {
  const doc = element.ownerDocument;
  journal.setAttribute(element, 'data-redline', kind);
  const labels = [createLabel(doc, kind)];
  if (kind === 'reworded' && alsoMoved) {
    journal.setAttribute(element, 'data-redline-moved', '');
    labels.push(createLabel(doc, 'moved'));
  }
  for (const label of labels.reverse()) element.insertBefore(journal.inserted(label), element.firstChild);
}
