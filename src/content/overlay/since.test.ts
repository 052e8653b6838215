import { describe, expect, it } from 'vitest';
import { formatSince, summaryText } from './since';

const now = Date.UTC(2026, 2, 20, 12, 0);
const HOUR = 3_600_000;

describe('formatSince', () => {
  it('says how long ago for recent versions', () => {
    expect(formatSince(now - 3 * HOUR, now, 'en-GB')).toBe('3 hours ago');
    expect(formatSince(now - 20 * 60_000, now, 'en-GB')).toBe('20 minutes ago');
    expect(formatSince(now - 10_000, now, 'en-GB')).toBe('1 minute ago');
    expect(formatSince(now - 30 * HOUR, now, 'en-GB')).toBe('yesterday');
    expect(formatSince(now - 72 * HOUR, now, 'en-GB')).toBe('3 days ago');
  });

  it('gives a date and time for older versions, with the year only when it differs', () => {
    const since = new Date(2026, 2, 12, 14, 5).getTime();
    expect(formatSince(since, now, 'en-GB')).toBe('12 Mar, 14:05');
    const lastYear = new Date(2025, 10, 3, 9, 30).getTime();
    expect(formatSince(lastYear, now, 'en-GB')).toBe('3 Nov 2025, 09:30');
  });
});

describe('summaryText', () => {
  it('counts changes with the right plural', () => {
    expect(summaryText(1, now - 2 * HOUR, now, 'en-GB')).toBe('1 change since 2 hours ago');
    expect(summaryText(7, now - 2 * HOUR, now, 'en-US')).toBe('7 changes since 2 hours ago');
  });
});
