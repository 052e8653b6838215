import { describe, expect, it } from 'vitest';
import { parseIso, toIso } from './isoTime';

describe('toIso', () => {
  it('writes UTC with milliseconds', () => {
    expect(toIso(Date.UTC(2026, 10, 22, 16, 15, 10, 5))).toBe('2026-11-22T16:15:10.005Z');
  });
  it('refuses times the format cannot hold', () => {
    expect(() => toIso(Number.NaN)).toThrow(RangeError);
    expect(() => toIso(-1)).toThrow(RangeError);
    expect(() => toIso(Date.UTC(10000, 0, 1))).toThrow(RangeError);
  });
});

describe('parseIso', () => {
  it('reads back what toIso writes', () => {
    for (const ms of [
      0,
      1,
      Date.UTC(2016, 1, 29, 23, 59, 59, 999),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    ]) {
      expect(parseIso(toIso(ms))).toBe(ms);
    }
  });
  it('accepts offsets and other fraction lengths', () => {
    expect(parseIso('2026-11-22T17:15:10+01:00')).toBe(Date.UTC(2026, 10, 22, 16, 15, 10));
    expect(parseIso('2026-11-22T16:15:10.5Z')).toBe(Date.UTC(2026, 10, 22, 16, 15, 10, 500));
    expect(parseIso('2026-11-22T16:15:10.123456789Z')).toBe(Date.UTC(2026, 10, 22, 16, 15, 10, 123));
    expect(parseIso('2026-11-22T11:45:10-04:30')).toBe(Date.UTC(2026, 10, 22, 16, 15, 10));
  });
  it.each([
    ['no time zone', '2026-11-22T16:15:10'],
    ['date only', '2026-11-22'],
    ['not a date', 'yesterday'],
    ['February 30', '2026-02-30T00:00:00Z'],
    ['29 February of a common year', '2023-02-29T00:00:00Z'],
    ['hour 24', '2026-11-22T24:00:00Z'],
    ['a leap second', '2016-12-31T23:59:60Z'],
    ['before 1970', '1969-12-31T23:59:59.999Z'],
    ['after 9999', '+010000-01-01T00:00:00.000Z'],
    ['offset out of range', '2026-11-22T16:15:10+24:00'],
    ['epoch milliseconds as text', '1700000000000'],
  ])('rejects %s', (_, text) => {
    expect(parseIso(text)).toBeNull();
  });
});
