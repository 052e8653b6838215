/**
 * One-to-one pairing of scored candidates: best similarity first, each paragraph used once. Greedy by score is
 * what a reader does ("this one is obviously that one"), and unlike a position-ordered pass it lets a rewritten
 * paragraph pair across the whole article. Equal scores (duplicated text) go to the pair whose relative
 * positions are closest, so two copies of a paragraph pair in order rather than crosswise.
 */
import type { PoolItem, ScoredPair } from './candidates';

export function pairGreedily(
  pairs: readonly ScoredPair[],
  olds: readonly PoolItem[],
  news: readonly PoolItem[],
  oldLength: number,
  newLength: number,
  accept: (pair: ScoredPair) => boolean,
): ScoredPair[] {
  const displacement = (pair: ScoredPair) =>
    Math.abs(
      olds[pair.oldItem]!.index / Math.max(1, oldLength) - news[pair.newItem]!.index / Math.max(1, newLength),
    );
  const ordered = pairs
    .filter(accept)
    .sort(
      (a, b) =>
        b.similarity - a.similarity ||
        displacement(a) - displacement(b) ||
        a.newItem - b.newItem ||
        a.oldItem - b.oldItem,
    );
  const oldUsed = new Uint8Array(olds.length);
  const newUsed = new Uint8Array(news.length);
  const chosen: ScoredPair[] = [];
  for (const pair of ordered) {
    if (oldUsed[pair.oldItem] || newUsed[pair.newItem]) continue;
    oldUsed[pair.oldItem] = 1;
    newUsed[pair.newItem] = 1;
    chosen.push(pair);
  }
  return chosen;
}
