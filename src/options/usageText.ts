/** The storage usage line of the options page, from the background's `ui.usage` answer. */
import type { UsageReport } from '../background/usage';
import { formatNumber, t, tn } from '../ui/i18n';

/** "12.4 MB", "640 kB": decimal units, as browsers and file managers show sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return t('bytes_B', bytes);
  const units = ['bytes_kB', 'bytes_MB', 'bytes_GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const shown = value >= 100 ? formatNumber(Math.round(value)) : formatNumber(value, 1);
  return t(units[unit] ?? 'bytes_GB', shown);
}

export function usageText(report: UsageReport): string {
  const share = Math.min(100, Math.round((100 * report.bytes) / report.budget));
  return t(
    'usage_text',
    formatBytes(report.bytes),
    formatBytes(report.budget),
    share,
    tn('count_articles', report.articles),
    tn('count_versions', report.versions),
    tn('count_visits', report.visits),
  );
}
