import { describe, expect, it } from 'vitest';
import { DEFAULT_RECHECK, isRecheckPatch, parseRecheck } from './settings';

describe('re-check settings', () => {
  it('are off by default: 7 days, every 6 hours, 30 fetches an hour', () => {
    expect(parseRecheck(undefined)).toEqual({ enabled: false, days: 7, hours: 6, perHour: 30 });
    expect(parseRecheck({ enabled: 'yes', days: -1, hours: 2.5, perHour: 1e9 })).toEqual(DEFAULT_RECHECK);
    expect(parseRecheck({ enabled: true, days: 3, hours: 12, perHour: 10 })).toEqual({
      enabled: true,
      days: 3,
      hours: 12,
      perHour: 10,
    });
  });

  it('accept only a complete, valid value in an update', () => {
    expect(isRecheckPatch({})).toBe(true);
    expect(isRecheckPatch({ recheck: { ...DEFAULT_RECHECK, enabled: true } })).toBe(true);
    expect(isRecheckPatch({ recheck: { enabled: true } })).toBe(false);
    expect(isRecheckPatch({ recheck: { ...DEFAULT_RECHECK, perHour: 0 } })).toBe(false);
    expect(isRecheckPatch({ recheck: null })).toBe(false);
  });
});
