import { describe, expect, it } from 'vitest';
import { type PoolItem, poolItem, type ScoredPair } from './candidates';
import { pairGreedily } from './pairing';

const items = (indices: number[]): PoolItem[] => indices.map((i) => poolItem(i, [i]));
const pair = (oldItem: number, newItem: number, similarity: number): ScoredPair => ({
  oldItem,
  newItem,
  similarity,
  shared: 0,
  sharedTokens: 0,
});

describe('pairGreedily', () => {
  it('takes the best pairs first and uses each paragraph once', () => {
    const chosen = pairGreedily(
      [pair(0, 0, 0.6), pair(0, 1, 0.9), pair(1, 1, 0.8), pair(1, 0, 0.5)],
      items([0, 1]),
      items([0, 1]),
      2,
      2,
      () => true,
    );
    expect(chosen.map((p) => [p.oldItem, p.newItem])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('breaks ties by the closest relative position, so copies pair in order', () => {
    const chosen = pairGreedily(
      [pair(0, 1, 1), pair(1, 0, 1), pair(0, 0, 1), pair(1, 1, 1)],
      items([0, 5]),
      items([0, 5]),
      6,
      6,
      () => true,
    );
    expect(chosen.map((p) => [p.oldItem, p.newItem])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('skips pairs that are not accepted', () => {
    const chosen = pairGreedily([pair(0, 0, 0.3)], items([0]), items([0]), 1, 1, (p) => p.similarity >= 0.4);
    expect(chosen).toEqual([]);
  });
});
