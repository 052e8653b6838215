/**
 * The changed headline: the title element is marked like a reworded paragraph (label, word marks) and the
 * whole previous headline is shown just after it, since a rewritten headline often shares few words with the
 * old one and the struck words alone would not read as a sentence.
 */
import type { TitleChange } from '../../core/model';
import { createLabel } from './blockMarks';
import type { DomJournal } from './journal';
import { planWordMarks } from './textMap';
import { placeWordMarks } from './wordMarks';

/** Marks the headline; returns the Ranges of its inserted words (for the highlight). */
export function markTitle(titleElement: Element, change: TitleChange, journal: DomJournal): Range[] {
  const doc = titleElement.ownerDocument;
  const plan = change.words.length > 0 ? planWordMarks(titleElement, change.words) : null;
  const ranges = plan ? placeWordMarks(doc, plan, journal).inserted : [];

  journal.setAttribute(titleElement, 'data-redline', 'reworded');
  const label = createLabel(doc, 'reworded', 'Headline changed');
  label.setAttribute('title', 'Redline: headline changed since your last visit');
  titleElement.insertBefore(journal.inserted(label), titleElement.firstChild);

  if (change.old.trim() !== '') {
    const old = doc.createElement('div');
    old.setAttribute('data-redline-old', 'title');
    old.setAttribute('role', 'deletion');
    old.textContent = change.old;
    titleElement.after(journal.inserted(old));
  }
  return ranges;
}
