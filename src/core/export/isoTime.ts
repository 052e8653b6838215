/**
 * Times in the file: ISO 8601 / RFC 3339 date-times. Export writes UTC with milliseconds; import also accepts
 * an explicit offset and other fraction lengths, because a hand-edited file is still a reader's history.
 */

/** Oldest and newest instants a file may hold: before the epoch or after year 9999 is a broken clock or a forgery. */
export const EARLIEST_TIME = Date.UTC(1970, 0, 1);
export const LATEST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** RFC 3339 date-time with a time zone; the JSON Schema's date-time pattern is this regex's source. */
export const DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** Epoch milliseconds → "2026-11-22T16:15:10.123Z". Throws on a time the file format cannot hold. */
export function toIso(ms: number): string {
  if (!Number.isFinite(ms) || ms < EARLIEST_TIME || ms > LATEST_TIME) {
    throw new RangeError(`time out of range: ${ms}`);
  }
  return new Date(Math.floor(ms)).toISOString();
}

/** An RFC 3339 date-time with a time zone → epoch milliseconds; null when it is not one or is out of range. */
export function parseIso(text: string): number | null {
  const m = DATE_TIME_PATTERN.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  // Years below 100 would also be misread by Date.UTC (as 19xx); they are out of range anyway.
  if (year < 1969 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
    return null;
  // Day 0 of the next month is the last day of this one; Date.UTC handles leap years.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  let offsetMinutes = 0;
  if (sign !== undefined) {
    const offH = Number(oh);
    const offM = Number(om);
    if (offH > 23 || offM > 59) return null;
    offsetMinutes = (sign === '-' ? -1 : 1) * (offH * 60 + offM);
  }
  // Sub-millisecond digits are dropped: stored times are whole milliseconds.
  const ms = frac === undefined ? 0 : Number(frac.padEnd(3, '0').slice(0, 3));
  const time = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  if (!Number.isFinite(time) || time < EARLIEST_TIME || time > LATEST_TIME) return null;
  return time;
}
