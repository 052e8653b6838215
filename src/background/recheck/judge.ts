/**
 * What a fetched article means against what is stored: the same text, a real edit, or not the article at all
 * (a paywall, a consent page, a teaser). Pure: the same alignment, boundary and extractor rules the page's own
 * marks use (src/core/align, anchor.ts, across-extractors.ts), so a re-check notifies exactly what a revisit
 * would mark.
 */
import { align } from '../../core/align';
import { acrossExtractors, hideLabelRemovals } from '../../core/extract';
import type { AlignResult, VersionText } from '../../core/model';
import { t, tn } from '../../ui/i18n';
import type { EditedSinceRead } from './follow';

/**
 * Below this share of the stored words, the fetched page is a teaser, not an edit: a paywall or consent wall
 * shows the first paragraph or two of the article and nothing else. A newsroom rarely cuts most of a story; a
 * reader told "90 % removed" of an article that is still there stops trusting the notices.
 */
export const TEASER_SHARE = 0.4;

export interface StoredText extends VersionText {
  extractor: number;
}

export type Judgement =
  | { kind: 'same' }
  | { kind: 'teaser'; words: number; storedWords: number }
  /** `counts`: against the version the reader last saw. */
  | { kind: 'edited'; counts: EditedSinceRead['counts'] };

function words(text: VersionText): number {
  let count = 0;
  for (const p of text.paragraphs) count += p.split(/\s+/).filter(Boolean).length;
  return count;
}

/** What a revisit would mark between `older` and `newer`, `newer` read by `extractor`. */
export function visibleChanges(older: StoredText, newer: VersionText, extractor: number): AlignResult {
  const result = hideLabelRemovals(align(older, newer));
  return older.extractor === extractor ? result : acrossExtractors(result);
}

export function countOf(result: AlignResult): EditedSinceRead['counts'] {
  const { added, removed, reworded, moved } = result.stats;
  return { added, removed, reworded, moved, headline: result.title.changed };
}

function any(counts: EditedSinceRead['counts']): boolean {
  return counts.headline || counts.added + counts.removed + counts.reworded + counts.moved > 0;
}

/**
 * `newest`: the newest stored version (seen or fetched), what "changed" is measured against, so the same edit is
 * found once. `seen`: the last version the reader saw, what the notice counts against.
 */
export function judgeFetched(
  newest: StoredText,
  seen: StoredText,
  fetched: VersionText,
  extractor: number,
): Judgement {
  const storedWords = words(newest);
  const fetchedWords = words(fetched);
  if (fetchedWords < storedWords * TEASER_SHARE) return { kind: 'teaser', words: fetchedWords, storedWords };
  if (!any(countOf(visibleChanges(newest, fetched, extractor)))) return { kind: 'same' };
  const counts = countOf(visibleChanges(seen, fetched, extractor));
  // Changed against the newest fetched version but back to what the reader saw: nothing to tell them.
  return any(counts) ? { kind: 'edited', counts } : { kind: 'same' };
}

/** "2 reworded, 1 added" for a notice; the order a reader weighs them in. */
export function countsText(counts: EditedSinceRead['counts']): string {
  const parts: string[] = [];
  if (counts.headline) parts.push(t('changes_headlineChanged'));
  if (counts.reworded > 0) parts.push(tn('recheck_reworded', counts.reworded));
  if (counts.added > 0) parts.push(tn('recheck_added', counts.added));
  if (counts.removed > 0) parts.push(tn('recheck_removed', counts.removed));
  if (counts.moved > 0) parts.push(tn('recheck_moved', counts.moved));
  return parts.join(t('list_separator'));
}

/** The notification's text (issue 10): "Edited since you read it: <headline> — 2 reworded, 1 added". */
export function noticeText(headline: string, counts: EditedSinceRead['counts']): string {
  return t('recheck_notice', headline, countsText(counts));
}
