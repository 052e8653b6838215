/**
 * Which matched paragraphs moved: the complement of a longest increasing subsequence. Matched pairs are listed in
 * old order; the longest run of them whose new positions also increase is the largest set that kept its relative
 * order, so everything outside it is the minimal set of paragraphs that must have moved. A paragraph shifted by
 * insertions or deletions around it is not moved. O(n log n) (patience sorting).
 */

/**
 * `newOrder[k]` is the new index of the k-th matched pair in old order (ties in old order, as for the parts of a
 * split, must already be in new order). Returns a flag per pair: true when it is outside the chosen subsequence.
 */
export function movedPairs(newOrder: readonly number[]): boolean[] {
  const n = newOrder.length;
  // tails[l] = index (into newOrder) of the smallest tail of an increasing subsequence of length l + 1.
  const tails: number[] = [];
  const previous = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    const value = newOrder[k]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (newOrder[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const moved = new Array<boolean>(n).fill(true);
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k !== -1; k = previous[k]!) moved[k] = false;
  return moved;
}
