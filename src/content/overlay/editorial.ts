/**
 * What the overlay says about an edit beyond its paragraphs (issue 11): an editor's note the new version brought
 * gets a "Correction notice" label on its paragraph; on a live blog the new dated entries at the top are not
 * marked one by one, a banner before the first says "N new entries since you read" and the control bar jumps
 * to it.
 */
import { detectLive, type LiveUpdate, withoutEntries } from '../../core/live';
import type { AlignResult } from '../../core/model';
import { type Notice, newNotices } from '../../core/notices';
import { t, tn } from '../../ui/i18n';
import type { DomJournal } from './journal';

export interface EditorialView {
  /** The comparison the paragraph marks are made from: without a live blog's new entries. */
  result: AlignResult;
  live: LiveUpdate | null;
  notices: Notice[];
}

/** `notices`: already found (by the background, with the comparison); looked for here when absent. */
export function readEdit(
  result: AlignResult,
  oldParagraphs: readonly string[],
  newParagraphs: readonly string[] | undefined,
  notices?: Notice[],
): EditorialView {
  if (!newParagraphs) return { result, live: null, notices: [] };
  const live = detectLive(result, oldParagraphs, newParagraphs);
  return {
    result: live ? withoutEntries(result, live) : result,
    live,
    notices: notices ?? newNotices(oldParagraphs, newParagraphs),
  };
}

/** "Correction notice". */
export function noticeLabel(): string {
  return t('edits_noticeTag');
}

/** "5 new entries since you read". */
export function liveText(entries: number): string {
  return tn('overlay_live', entries);
}

/** A "Correction notice" label first in the notice's element; returns the element, or null when unmapped. */
export function markNotice(element: Element | null, journal: DomJournal): Element | null {
  if (!element) return null;
  const label = element.ownerDocument.createElement('span');
  label.setAttribute('data-redline-ui', 'label');
  label.setAttribute('data-redline-label', 'notice');
  label.setAttribute('title', t('overlay_noticeTitle'));
  label.textContent = noticeLabel();
  element.insertBefore(journal.inserted(label), element.firstChild);
  return element;
}

/** The banner before a live blog's first new entry; null when that entry is not on the page. */
export function markLiveStart(element: Element | null, entries: number, journal: DomJournal): Element | null {
  if (!element?.parentNode) return null;
  const banner = element.ownerDocument.createElement('div');
  banner.setAttribute('data-redline-ui', 'live');
  banner.setAttribute('role', 'note');
  banner.textContent = liveText(entries);
  element.parentNode.insertBefore(journal.inserted(banner), element);
  return banner;
}
