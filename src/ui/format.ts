/**
 * How the extension's pages write dates, counts and change summaries. Locale-aware through Intl; the locale is a
 * parameter so tests are stable.
 */
import type { AlignStats } from '../core/model';
import { t, tn, uiLocale } from './i18n';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** "12 Mar 2026, 14:05" in the reader's locale and time zone. */
export function formatDateTime(
  ms: number,
  locales: readonly string[] = [uiLocale()],
  timeZone?: string,
): string {
  const key = `${locales.join(',')}|${timeZone ?? ''}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat([...locales], { dateStyle: 'medium', timeStyle: 'short', timeZone });
    dateTimeFormats.set(key, format);
  }
  return format.format(ms);
}

/** Words in the paragraphs: runs of non-space characters, as a reader counts them. */
export function wordCount(paragraphs: readonly string[]): number {
  let count = 0;
  for (const text of paragraphs) {
    const words = text.match(/\S+/g);
    if (words) count += words.length;
  }
  return count;
}

/** The change counts a version list shows against the version before. */
export interface ChangeCounts {
  added: number;
  reworded: number;
  removed: number;
  moved: number;
  headline: boolean;
}

export function changeCounts(stats: AlignStats, headlineChanged: boolean): ChangeCounts {
  return {
    added: stats.added,
    reworded: stats.reworded,
    removed: stats.removed,
    moved: stats.moved,
    headline: headlineChanged,
  };
}

/** "+2 ~1 −3" for the compact lists; zero counts are left out, "no changes" when all are zero. */
export function changeSummary(counts: ChangeCounts): string {
  const parts: string[] = [];
  if (counts.headline) parts.push(t('changes_headline'));
  if (counts.added > 0) parts.push(`+${counts.added}`);
  if (counts.reworded > 0) parts.push(`~${counts.reworded}`);
  if (counts.removed > 0) parts.push(`\u2212${counts.removed}`);
  if (counts.moved > 0) parts.push(`\u2195${counts.moved}`);
  return parts.length === 0 ? t('changes_none') : parts.join(' ');
}

/** The same in words, for screen readers and tooltips. */
export function changeDescription(counts: ChangeCounts): string {
  const parts: string[] = [];
  if (counts.headline) parts.push(t('changes_headlineChanged'));
  if (counts.added > 0) parts.push(tn('changes_added', counts.added));
  if (counts.reworded > 0) parts.push(tn('changes_reworded', counts.reworded));
  if (counts.removed > 0) parts.push(tn('changes_removed', counts.removed));
  if (counts.moved > 0) parts.push(tn('changes_moved', counts.moved));
  return parts.length === 0 ? t('changes_none') : parts.join(t('list_separator'));
}

/** A file name for an export: redline-history-2026-03-12.json, or redline-<site>-2026-03-12.json for one article. */
export function exportFileName(now: number, site: string | null): string {
  const day = new Date(now).toISOString().slice(0, 10);
  const safeSite = site?.replace(/[^a-z0-9.-]+/gi, '-').replace(/^-+|-+$/g, '');
  return safeSite ? `redline-${safeSite}-${day}.json` : `redline-history-${day}.json`;
}
