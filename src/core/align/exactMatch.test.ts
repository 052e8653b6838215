import { describe, expect, it } from 'vitest';
import { matchExactly } from './exactMatch';

describe('matchExactly', () => {
  it('pairs identical paragraphs wherever they are', () => {
    const m = matchExactly(['a b', 'c d', 'e f'], ['e f', 'x y', 'a b']);
    expect([...m.newOfOld]).toEqual([2, -1, 0]);
    expect([...m.oldOfNew]).toEqual([2, -1, 0]);
  });

  it('pairs paragraphs that differ only in spacing, quote style or soft hyphens', () => {
    const m = matchExactly(
      ['He said "no".', 'Aleppo  is far'],
      ['He said \u201cno\u201d.', 'Alep\u00adpo is far'],
    );
    expect([...m.newOfOld]).toEqual([0, 1]);
  });

  it('pairs copies of the same text in order', () => {
    const m = matchExactly(['same', 'other', 'same'], ['same', 'same', 'same']);
    expect([...m.newOfOld]).toEqual([0, -1, 1]);
    expect([...m.oldOfNew]).toEqual([0, 2, -1]);
  });

  it('keeps the comparison forms it computed for the paragraphs left over', () => {
    const m = matchExactly(['a', 'b\u00a0c'], ['a', 'd']);
    expect(m.oldKeys.get(1)).toBe('b c');
    expect(m.newKeys.get(1)).toBe('d');
    expect(m.oldKeys.has(0)).toBe(false);
  });
});
