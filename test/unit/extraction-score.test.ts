import { describe, expect, it } from 'vitest';
import {
  pagePrecision,
  pageRecall,
  scorePage,
  shingles,
  summarize,
  tokenize,
} from '../../scripts/eval-extraction/score';

describe('benchmark scoring', () => {
  it('tokenizes runs of Unicode word characters, case kept', () => {
    expect(tokenize("Hello, wörld! l'été 2024_x — 東京")).toEqual([
      'Hello',
      'wörld',
      'l',
      'été',
      '2024_x',
      '東京',
    ]);
  });

  it('splits tokens at combining marks, as Python does', () => {
    // "हिन्दी": the vowel signs and virama are marks (Mc/Mn), not word characters in Python's re.
    expect(tokenize('हिन्दी')).toEqual(['ह', 'न', 'द']);
  });

  it('makes 4-token shingles, or one shingle of a short text', () => {
    expect([...shingles('a b c d e').entries()]).toEqual([
      ['a b c d', 1],
      ['b c d e', 1],
    ]);
    expect([...shingles('a b').entries()]).toEqual([['a b', 1]]);
    expect(shingles('').size).toBe(0);
    expect([...shingles('a b c d a b c d').entries()]).toEqual([
      ['a b c d', 2],
      ['b c d a', 1],
      ['c d a b', 1],
      ['d a b c', 1],
    ]);
  });

  it('normalises tp/fp/fn per page', () => {
    // truth shingles: abcd bcde cdef; prediction: abcd bcde cdex dexy → tp 2, fp 2, fn 1.
    const s = scorePage('a b c d e f', 'a b c d e x y');
    expect(s.tp).toBeCloseTo(2 / 5);
    expect(s.fp).toBeCloseTo(2 / 5);
    expect(s.fn).toBeCloseTo(1 / 5);
    expect(pagePrecision(s)).toBeCloseTo(0.5);
    expect(pageRecall(s)).toBeCloseTo(2 / 3);
    expect(s.exact).toBe(false);
  });

  it('scores an exact page 1 and an empty prediction 0 recall', () => {
    const same = scorePage('One two three four five.', 'One\ntwo three, four five');
    expect(same).toEqual({ tp: 1, fp: 0, fn: 0, exact: true });
    const empty = scorePage('one two three four', '');
    expect(empty).toEqual({ tp: 0, fp: 0, fn: 1, exact: false });
    expect(pageRecall(empty)).toBe(0);
  });

  it('averages precision over pages that predicted something and takes F1 of the means', () => {
    const pages = [
      scorePage('a b c d e f', 'a b c d e x y'), // P 0.5, R 2/3
      scorePage('one two three four', ''), // no prediction: recall 0, left out of precision
      scorePage('w x y z', 'w x y z'), // P 1, R 1
    ];
    const s = summarize(pages);
    expect(s.precision).toBeCloseTo(0.75);
    expect(s.recall).toBeCloseTo((2 / 3 + 0 + 1) / 3);
    expect(s.f1).toBeCloseTo((2 * 0.75 * (5 / 9)) / (0.75 + 5 / 9));
    expect(s.accuracy).toBeCloseTo(1 / 3);
    expect(s.pages).toBe(3);
  });
});
