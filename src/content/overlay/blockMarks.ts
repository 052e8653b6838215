/**
 * Marks the page's own block elements with the contract's attributes and a small text label, so the kind of
 * change reads without colour.
 */
import { t } from '../../ui/i18n';
import type { DomJournal } from './journal';

export type MarkKind = 'added' | 'reworded' | 'moved';

// Message keys (extension/_locales) of each label's text and its longer title.
const LABELS: Record<MarkKind, { text: string; title: string }> = {
  added: { text: 'mark_added', title: 'mark_added_title' },
  reworded: { text: 'mark_reworded', title: 'mark_reworded_title' },
  moved: { text: 'mark_moved', title: 'mark_moved_title' },
};

/** A `data-redline-ui` label element; `kind` picks its text and colour. */
export function createLabel(doc: Document, kind: MarkKind, text = t(LABELS[kind].text)): HTMLElement {
  const label = doc.createElement('span');
  label.setAttribute('data-redline-ui', 'label');
  label.setAttribute('data-redline-label', kind);
  label.setAttribute('title', t(LABELS[kind].title));
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
