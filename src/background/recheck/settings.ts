/**
 * The re-check's settings (issue 10), one `recheck` field of the stored settings. Off by default: turning it
 * on is the reader's choice, with the browser's own permission prompt (see enable.ts).
 */

export interface RecheckSettings {
  enabled: boolean;
  /** Follow an article this many days after the reader last read it. */
  days: number;
  /** Check a followed article every this many hours (backing off while nothing changes). */
  hours: number;
  /** At most this many fetches an hour, all articles together. */
  perHour: number;
}

/** The optional host access the re-check asks for: the hosts the content script reads. */
export const RECHECK_ORIGINS: readonly string[] = ['http://*/*', 'https://*/*'];
/** Asked for with the host access, in the same prompt: the notice of an edit. */
export const RECHECK_PERMISSIONS: readonly string[] = ['notifications'];

export const DEFAULT_RECHECK: Readonly<RecheckSettings> = Object.freeze({
  enabled: false,
  days: 7,
  hours: 6,
  perHour: 30,
});

export const RECHECK_LIMITS = {
  days: { min: 1, max: 90 },
  hours: { min: 1, max: 168 },
  perHour: { min: 1, max: 120 },
} as const;

function inRange(value: unknown, bounds: { min: number; max: number }): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= bounds.min && value <= bounds.max;
}

/** A stored value as settings: defaults for anything missing or malformed. */
export function parseRecheck(value: unknown): RecheckSettings {
  const r = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return {
    enabled: r.enabled === true,
    days: inRange(r.days, RECHECK_LIMITS.days) ? r.days : DEFAULT_RECHECK.days,
    hours: inRange(r.hours, RECHECK_LIMITS.hours) ? r.hours : DEFAULT_RECHECK.hours,
    perHour: inRange(r.perHour, RECHECK_LIMITS.perHour) ? r.perHour : DEFAULT_RECHECK.perHour,
  };
}

/** True when a `settings.update` request's `recheck` (if any) is a complete, valid value. */
export function isRecheckPatch(record: Readonly<Record<string, unknown>>): boolean {
  const value = record.recheck;
  if (value === undefined) return true;
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.enabled === 'boolean' &&
    inRange(r.days, RECHECK_LIMITS.days) &&
    inRange(r.hours, RECHECK_LIMITS.hours) &&
    inRange(r.perHour, RECHECK_LIMITS.perHour)
  );
}
