/** The storage usage line of the options page, from the background's `ui.usage` answer. */
import type { UsageReport } from '../background/usage';
import { plural } from '../ui/format';

/** "12.4 MB", "640 kB": decimal units, as browsers and file managers show sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

export function usageText(report: UsageReport): string {
  const share = Math.min(100, Math.round((100 * report.bytes) / report.budget));
  return (
    `${formatBytes(report.bytes)} of ${formatBytes(report.budget)} (${share}%): ` +
    `${plural(report.articles, 'article', 'articles')}, ${plural(report.versions, 'version', 'versions')}, ` +
    `${plural(report.visits, 'visit', 'visits')}.`
  );
}
