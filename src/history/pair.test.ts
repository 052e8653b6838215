import { describe, expect, it } from 'vitest';
import { defaultPair } from './pair';

describe('defaultPair', () => {
  it('compares the newest version with the one before', () => {
    expect(defaultPair(5)).toEqual({ older: 3, newer: 4 });
    expect(defaultPair(2)).toEqual({ older: 0, newer: 1 });
    expect(defaultPair(1)).toEqual({ older: 0, newer: 0 });
  });
});
