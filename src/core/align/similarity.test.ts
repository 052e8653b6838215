import { describe, expect, it } from 'vitest';
import {
  combineProfiles,
  dice,
  isSimilar,
  overlap,
  profileOf,
  SHORT_THRESHOLD,
  SIMILARITY_THRESHOLD,
  totalWeight,
  Weights,
} from './similarity';

describe('profiles', () => {
  it('counts each token of a multiset', () => {
    const p = profileOf([3, 1, 3, 2, 3]);
    expect([...p.ids]).toEqual([1, 2, 3]);
    expect([...p.counts]).toEqual([1, 1, 3]);
    expect(p.tokens).toBe(5);
  });

  it('adds profiles together', () => {
    const p = combineProfiles([profileOf([1, 2]), profileOf([2, 3])]);
    expect([...p.ids]).toEqual([1, 2, 3]);
    expect([...p.counts]).toEqual([1, 2, 1]);
  });
});

describe('weighted Dice', () => {
  const flat = new Float64Array(10).fill(1);

  it('is 1 for the same multiset and 0 for disjoint ones', () => {
    const a = profileOf([1, 2, 3]);
    expect(dice(overlap(a, a, flat).shared, 3, 3)).toBe(1);
    expect(dice(overlap(a, profileOf([4, 5]), flat).shared, 3, 2)).toBe(0);
    expect(dice(0, 0, 0)).toBe(0);
  });

  it('counts repeated tokens up to the smaller count', () => {
    const o = overlap(profileOf([1, 1, 1, 2]), profileOf([1, 2, 2]), flat);
    expect(o).toEqual({ shared: 2, sharedTokens: 2 });
  });

  it('weights rare tokens above common ones', () => {
    const stats = new Weights(4);
    // Token 0 is in every paragraph, token 3 in one.
    for (const ids of [
      [0, 1],
      [0, 2],
      [0, 1, 2],
      [0, 3],
    ])
      stats.add(profileOf(ids));
    const w = stats.table();
    expect(w[3]!).toBeGreaterThan(w[1]!);
    expect(w[1]!).toBeGreaterThan(w[0]!);
    expect(w[0]).toBeCloseTo(Math.log(2));
    const p = profileOf([0, 3]);
    expect(totalWeight(p, w)).toBeCloseTo(w[0]! + w[3]!);
  });

  it('lets a sampled paragraph stand for several', () => {
    const stats = new Weights(2);
    stats.add(profileOf([0]), 9);
    stats.add(profileOf([1]));
    const w = stats.table();
    expect(w[0]).toBeCloseTo(Math.log(1 + 10 / 9));
    expect(w[1]).toBeCloseTo(Math.log(1 + 10));
  });
});

describe('isSimilar', () => {
  const long = profileOf([1, 2, 3, 4, 5, 6, 7, 8]);
  const short = profileOf([1, 2, 3]);

  it('uses the documented threshold for ordinary paragraphs', () => {
    expect(isSimilar(SIMILARITY_THRESHOLD, 3, long, long)).toBe(true);
    expect(isSimilar(SIMILARITY_THRESHOLD - 0.01, 3, long, long)).toBe(false);
  });

  it('asks more of short paragraphs: a higher score and two shared tokens', () => {
    expect(isSimilar(0.5, 2, short, long)).toBe(false);
    expect(isSimilar(SHORT_THRESHOLD, 2, short, long)).toBe(true);
    expect(isSimilar(0.9, 1, short, long)).toBe(false);
  });

  it('lets a one-word subhead pair with its re-cased self', () => {
    const word = profileOf([1]);
    expect(isSimilar(1, 1, word, word)).toBe(true);
  });
});
