/**
 * Candidate generation: which old paragraphs are worth scoring against each new one, without scoring all pairs.
 *
 * An inverted index maps each key (a token, or a pair of consecutive tokens, which is far rarer) to the old
 * paragraphs holding it. A key is *rare* when at most `cap` old paragraphs hold it (√pool, between 4 and
 * POSTING_CAP). Each new paragraph votes through its rare keys, token pairs first, up to RARE_KEYS keys and
 * VOTE_BUDGET votes; if it has fewer than PROBE_KEYS rare keys (a short subhead made of common words), its
 * rarest common keys vote too, each through the `cap` entries nearest the paragraph's expected place. The
 * CANDIDATES most voted old
 * paragraphs (those with at least 1/MIN_VOTE_SHARE of the top vote) are scored with Dice. The work per new
 * paragraph is thus bounded whatever the article size, so aligning stays linear when every paragraph changed.
 * Pools of at most ALL_PAIRS pairs skip all this and score every pair.
 *
 * Position only decides which entries of a common key are read. A rare word (a name, a number) or word pair has
 * a short list and finds its paragraph wherever it went, which is how a paragraph rewritten and moved to the top
 * is still paired.
 */
import { IntTable } from './intTable';
import { dice, overlap, type Profile } from './similarity';

export const PROBE_KEYS = 16;
export const POSTING_CAP = 16;
/** Pools this small (old × new paragraphs) are scored pair by pair: exact, and cheaper than indexing. */
export const ALL_PAIRS = 1024;
/**
 * Rare keys one new paragraph probes at most. Pair keys are hashed, so the first ones probed are a random sample
 * of the paragraph's word pairs; 48 of them give its counterpart dozens of votes.
 */
export const RARE_KEYS = 48;
/** Votes one new paragraph may cast through short posting lists. */
export const VOTE_BUDGET = 256;
export const CANDIDATES = 8;
/** Candidates with fewer than 1/MIN_VOTE_SHARE of the best candidate's votes are not scored. */
export const MIN_VOTE_SHARE = 4;

/** One paragraph without an exact counterpart. */
export interface PoolItem {
  /** Index in its version's paragraphs. */
  index: number;
  profile: Profile;
  /** Distinct index keys (see `poolItem`). */
  keys: Int32Array;
  /** Total IDF weight of the profile. */
  weight: number;
}

export interface ScoredPair {
  /** Positions in the old and new pools (not paragraph indices). */
  oldItem: number;
  newItem: number;
  similarity: number;
  shared: number;
  sharedTokens: number;
}

// Keys stay small integers (V8 Smis, below 2^30) so the index is a fast integer-keyed Map: token ids as they are
// (below 2^24, i.e. 16 M distinct words), pairs of tokens hashed into [2^24, 2^24 + 2^26). A hash collision only
// adds a candidate, which scoring then rejects.
const PAIR_BASE = 0x1000000;

function pairKey(a: number, b: number): number {
  return PAIR_BASE + ((Math.imul(a + 1, 0x9e3779b1) ^ b) >>> 6);
}

/**
 * A paragraph's profile (token multiset) and index keys (each distinct token and each distinct pair of consecutive
 * tokens), from one sort: token ids sort below every pair key, so the sorted array starts with the tokens.
 */
export function poolItem(index: number, tokenIds: readonly number[]): PoolItem {
  const n = tokenIds.length;
  const all = new Int32Array(n > 0 ? 2 * n - 1 : 0);
  for (let i = 0; i < n; i++) {
    all[i] = tokenIds[i]!;
    if (i > 0) all[n + i - 1] = pairKey(tokenIds[i - 1]!, tokenIds[i]!);
  }
  all.sort();
  let distinct = 0;
  let distinctTokens = 0;
  for (let i = 0; i < all.length; i++) {
    if (i > 0 && all[i] === all[i - 1]) continue;
    distinct++;
    if (i < n) distinctTokens++;
  }
  const keys = new Int32Array(distinct);
  const ids = new Int32Array(distinctTokens);
  const counts = new Int32Array(distinctTokens);
  for (let i = 0, k = -1, t = -1; i < all.length; i++) {
    const value = all[i]!;
    const fresh = i === 0 || value !== all[i - 1];
    if (fresh) keys[++k] = value;
    if (i < n) {
      if (fresh) ids[++t] = value;
      counts[t]!++;
    }
  }
  return { index, profile: { ids, counts, tokens: n }, keys, weight: 0 };
}

function lowerBound(values: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The inverted index without an array per key: `head` maps a key to its first entry (-1: none); entry e holds old pool
 * position items[e] and continues at next[e] (-1 ends), in ascending old order; size[e] is the length of the list
 * starting at e.
 */
interface Postings {
  head: IntTable;
  items: Int32Array;
  next: Int32Array;
  size: Int32Array;
}

function buildPostings(olds: readonly PoolItem[]): Postings {
  let total = 0;
  for (const item of olds) total += item.keys.length;
  const head = new IntTable(total);
  const items = new Int32Array(total);
  const next = new Int32Array(total);
  const size = new Int32Array(total);
  let e = 0;
  // Prepending in reverse old order leaves every list ascending.
  for (let o = olds.length - 1; o >= 0; o--) {
    for (const key of olds[o]!.keys) {
      const first = head.get(key);
      items[e] = o;
      next[e] = first;
      size[e] = first === -1 ? 1 : size[first]! + 1;
      head.set(key, e++);
    }
  }
  return { head, items, next, size };
}

/**
 * Scores likely pairs between the old and new pools (each sorted by paragraph index) and returns those for
 * which `keep` holds.
 */
export function scoreCandidates(
  olds: readonly PoolItem[],
  news: readonly PoolItem[],
  oldLength: number,
  newLength: number,
  weights: Float64Array,
  keep: (pair: ScoredPair) => boolean,
): ScoredPair[] {
  const all = olds.length * news.length <= ALL_PAIRS;
  const { head, items, next, size } = buildPostings(all ? [] : olds);
  // A key is rare when few old paragraphs hold it, relative to the pool: in a pool of 160 paragraphs a word found
  // in 40 of them tells nothing.
  const cap = Math.max(4, Math.min(POSTING_CAP, Math.ceil(Math.sqrt(olds.length))));
  const oldIndices = olds.map((item) => item.index);
  const votes = new Int32Array(olds.length);
  const touched: number[] = [];
  const pairs: ScoredPair[] = [];
  const long: number[] = [];
  const best = new Int32Array(all ? olds.length : CANDIDATES);
  // Long lists as arrays, built once per key and only when read, for a binary search by position.
  const arrays = new Map<number, Int32Array>();
  const asArray = (first: number): Int32Array => {
    let list = arrays.get(first);
    if (!list) {
      list = new Int32Array(size[first]!);
      for (let e = first, i = 0; e !== -1; e = next[e]!) list[i++] = items[e]!;
      arrays.set(first, list);
    }
    return list;
  };
  const vote = (o: number) => {
    if (votes[o] === 0) touched.push(o);
    votes[o]!++;
  };
  for (let n = 0; n < news.length; n++) {
    const item = news[n]!;
    if (all) {
      for (let o = 0; o < olds.length; o++) vote(o);
    }
    // Every key held by few old paragraphs votes; common keys only when rare ones are too few to go on.
    let probed = 0;
    let budget = VOTE_BUDGET;
    long.length = 0;
    // Keys are sorted with pair keys last; pairs are the more telling, so they vote first.
    for (let k = item.keys.length - 1; k >= 0 && !all; k--) {
      const first = head.get(item.keys[k]!);
      if (first === -1) continue;
      if (size[first]! > cap) {
        long.push(first);
        continue;
      }
      probed++;
      budget -= size[first]!;
      for (let e = first; e !== -1; e = next[e]!) vote(items[e]!);
      if (budget <= 0 || probed >= RARE_KEYS) break;
    }
    const expected = lowerBound(oldIndices, (item.index / Math.max(1, newLength)) * oldLength);
    if (probed < PROBE_KEYS && long.length > 0) {
      long.sort((a, b) => size[a]! - size[b]!);
      // Lists are in old order: read the `cap` entries nearest the expected old position.
      for (let p = 0; p < long.length && probed < PROBE_KEYS; p++, probed++) {
        const list = asArray(long[p]!);
        const at = lowerBound(list, expected);
        const from = Math.max(0, Math.min(at - (cap >> 1), list.length - cap));
        for (let i = from; i < from + cap; i++) vote(list[i]!);
      }
    }
    // The CANDIDATES most voted old paragraphs, by insertion into a small sorted array. Ties go to the one
    // nearest the expected place, so copies of a text pair in order rather than crosswise.
    const limit = all ? olds.length : CANDIDATES;
    const before = (a: number, b: number) =>
      votes[a]! > votes[b]! ||
      (votes[a] === votes[b] &&
        (Math.abs(a - expected) < Math.abs(b - expected) ||
          (Math.abs(a - expected) === Math.abs(b - expected) && a < b)));
    let count = 0;
    for (const o of touched) {
      let at = count;
      while (at > 0 && before(o, best[at - 1]!)) at--;
      if (at >= limit) continue;
      for (let m = Math.min(count, limit - 1); m > at; m--) best[m] = best[m - 1]!;
      best[at] = o;
      if (count < limit) count++;
    }
    // A true counterpart shares dozens of rare words and word pairs; candidates with a fraction of the top
    // vote got there by chance and are not worth a Dice computation.
    const enough = all ? 0 : votes[best[0]!]! / MIN_VOTE_SHARE;
    for (let c = 0; c < count && votes[best[c]!]! >= enough; c++) {
      const o = best[c]!;
      const old = olds[o]!;
      const { shared, sharedTokens } = overlap(old.profile, item.profile, weights);
      const pair: ScoredPair = {
        oldItem: o,
        newItem: n,
        similarity: dice(shared, old.weight, item.weight),
        shared,
        sharedTokens,
      };
      if (keep(pair)) pairs.push(pair);
    }
    for (const o of touched) votes[o] = 0;
    touched.length = 0;
  }
  return pairs;
}
