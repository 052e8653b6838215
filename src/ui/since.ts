/**
 * "since 3 hours ago" / "since yesterday" for recent visits, "since 12 Mar, 14:05" for older ones, in the
 * reader's locale. The background formats it for a changed page's capture reply (handlers.ts): the first
 * `Intl.RelativeTimeFormat` a renderer makes costs tens of milliseconds, which the page's thread must not pay.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Past this age a calendar date reads better than "23 days ago". */
const RELATIVE_LIMIT = 7 * DAY;

/** The "<when>" of "N changes since <when>". */
export function formatSince(since: number, now: number, locale?: string): string {
  const age = Math.max(0, now - since);
  if (age >= RELATIVE_LIMIT) {
    const sameYear = new Date(since).getFullYear() === new Date(now).getFullYear();
    return new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: sameYear ? undefined : 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(since);
  }
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  // numeric:'auto' would say "since now"; a minute is the smallest unit that reads right after "since".
  if (age < MINUTE) return new Intl.RelativeTimeFormat(locale).format(-1, 'minute');
  if (age < HOUR) return relative.format(-Math.floor(age / MINUTE), 'minute');
  if (age < DAY) return relative.format(-Math.floor(age / HOUR), 'hour');
  return relative.format(-Math.floor(age / DAY), 'day');
}
