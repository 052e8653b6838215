/**
 * The changed headline: the title element is marked like a reworded paragraph (label, inserted words
 * highlighted) and the whole previous headline is shown just after it, since a rewritten headline often shares
 * few words with the old one and struck words alone would not read as a sentence.
 */

import type { TitleChange } from '../../core/model';
import { t } from '../../ui/i18n';
import { READABLE_CONTRACT } from '../contract';
import { createLabel } from './blockMarks';
import type { DomJournal } from './journal';
import { fillOldText, oldTextOf } from './oldText';
import { planWordMarks } from './textMap';
import { insertedRanges } from './wordMarks';

/** Marks the headline; returns the ranges of its inserted words (for the highlight). */
export function markTitle(
  titleElement: Element,
  change: TitleChange,
  journal: DomJournal,
  readable = READABLE_CONTRACT,
): AbstractRange[] {
  const doc = titleElement.ownerDocument;
  const plan = change.words.length > 0 ? planWordMarks(titleElement, change.words) : null;
  const ranges = plan ? insertedRanges(doc, plan) : [];

  journal.setAttribute(titleElement, 'data-redline', 'reworded');
  const label = createLabel(doc, 'reworded', t('mark_headline'));
  label.setAttribute('title', t('mark_headline_title'));
  titleElement.insertBefore(journal.inserted(label), titleElement.firstChild);

  if (change.old.trim() !== '') {
    const old = doc.createElement('div');
    old.setAttribute('data-redline-old', 'title');
    old.setAttribute('role', 'deletion');
    titleElement.after(journal.inserted(fillOldText(old, oldTextOf(change.old), readable)));
  }
  return ranges;
}
