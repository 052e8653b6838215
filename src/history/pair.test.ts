import { describe, expect, it } from 'vitest';
import { defaultPair, pairOf } from './pair';

describe('defaultPair', () => {
  it('compares the newest version with the one before', () => {
    expect(defaultPair(5)).toEqual({ older: 3, newer: 4 });
    expect(defaultPair(2)).toEqual({ older: 0, newer: 1 });
    expect(defaultPair(1)).toEqual({ older: 0, newer: 0 });
  });
});

describe('pairOf', () => {
  it('opens on the two versions a link names, by id, else on the default pair', () => {
    expect(pairOf([11, 12, 15, 20], { from: 12, to: 20 })).toEqual({ older: 1, newer: 3 });
    expect(pairOf([11, 12, 15, 20], { from: 99, to: 20 })).toEqual({ older: 2, newer: 3 });
    expect(pairOf([11, 12], undefined)).toEqual({ older: 0, newer: 1 });
  });
});
