/** The control bar's summary line (the "<when>" is formatted by src/ui/since.ts). */
import { tn } from '../../ui/i18n';
import { formatSince } from '../../ui/since';

export { formatSince };

/**
 * The bar's summary line, e.g. "5 changes since 3 hours ago". `locale` (src/ui/i18n.ts `uiLocale`) is a
 * variant of the catalogue's language, so the relative time's words match the sentence around them. `when`:
 * the "<when>" already formatted (by the background), so the page makes no Intl formatter.
 */
export function summaryText(
  count: number,
  since: number,
  now: number,
  locale?: string,
  when: string = formatSince(since, now, locale),
): string {
  return tn('bar_summary', count, when);
}
