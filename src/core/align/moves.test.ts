import { describe, expect, it } from 'vitest';
import { movedPairs } from './moves';

describe('movedPairs', () => {
  it('moves nothing when the order is kept, gaps included', () => {
    expect(movedPairs([0, 1, 2, 3])).toEqual([false, false, false, false]);
    expect(movedPairs([0, 3, 4, 9])).toEqual([false, false, false, false]);
    expect(movedPairs([])).toEqual([]);
  });

  it('marks the one paragraph taken to the top, not the ones it jumped over', () => {
    // Old order a b c d; new order d a b c: only d moved.
    expect(movedPairs([1, 2, 3, 0])).toEqual([false, false, false, true]);
  });

  it('marks the one paragraph taken to the end', () => {
    expect(movedPairs([3, 0, 1, 2])).toEqual([true, false, false, false]);
  });

  it('marks a minimal set when several moved', () => {
    const moved = movedPairs([4, 0, 1, 5, 2, 3]);
    expect(moved.filter(Boolean)).toHaveLength(2);
    const kept = [4, 0, 1, 5, 2, 3].filter((_, k) => !moved[k]);
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
  });

  it('marks exactly one of two swapped neighbours', () => {
    expect(movedPairs([0, 2, 1, 3]).filter(Boolean)).toHaveLength(1);
  });
});
