/**
 * Split and merge detection, after one-to-one pairing.
 *
 * A split is one old paragraph whose words now sit in several consecutive new paragraphs; one-to-one pairing
 * sees at best one part (the others look added, or nothing passes the threshold when the parts are small).
 * Symmetrically, a merge is several consecutive old paragraphs now in one new paragraph.
 *
 * Detection: a new paragraph is a *part* of an old one when most of its weight is inside it (containment
 * shared/weight ≥ PART_CONTAINMENT). For each old paragraph, take the run of consecutive new paragraphs that are
 * parts of it and otherwise unpaired (plus its current partner, if any). If there are at least two, and their
 * text taken together is similar to the old paragraph (≥ threshold) and clearly more so than its current partner
 * alone (by GROUP_GAIN), it is a split. A smaller gain is enough when every other part is made of the words its
 * current partner lacks: a split that cuts off a word or two ("… the harbour master, Cmdr." + "Ellen Ward …", or a
 * stray last word) gains little similarity, yet the cut-off part is the rest of the old paragraph, not new text;
 * without this it was marked New. Merges are the mirror image, looked for after splits.
 *
 * How they are reported is up to the caller (align.ts): each part of a split as reworded from the old paragraph,
 * diffed against its slice of the old text; a merge as one reworded paragraph diffed against the old paragraphs
 * joined; both with `group` listing every paragraph involved.
 */
import type { PoolItem, ScoredPair } from './candidates';
import { combineProfiles, dice, overlap, subtractProfile, totalWeight } from './similarity';

export const PART_CONTAINMENT = 0.7;
export const GROUP_GAIN = 0.05;

export interface Group {
  type: 'split' | 'merge';
  /** Pool positions, in paragraph order. */
  oldItems: number[];
  newItems: number[];
  similarity: number;
}

interface Side {
  /** The paragraph of which parts are sought (old for a split, new for a merge). */
  whole: readonly PoolItem[];
  parts: readonly PoolItem[];
  wholeOf: (pair: ScoredPair) => number;
  partOf: (pair: ScoredPair) => number;
  /** Similarity of a scored pair, 0 when it was not scored. */
  similarity: (whole: number, part: number) => number;
}

function findGroups(
  side: Side,
  scored: readonly ScoredPair[],
  partnerOfWhole: Int32Array,
  partnerOfPart: Int32Array,
  usedWhole: Uint8Array,
  usedPart: Uint8Array,
  weights: Float64Array,
  threshold: number,
): { whole: number; parts: number[]; similarity: number }[] {
  const partsByWhole = new Map<number, number[]>();
  for (const pair of scored) {
    const w = side.wholeOf(pair);
    const p = side.partOf(pair);
    const part = side.parts[p]!;
    const free = partnerOfPart[p] === -1 || partnerOfPart[p] === w;
    if (!free || pair.shared === 0 || pair.shared < PART_CONTAINMENT * part.weight) continue;
    const list = partsByWhole.get(w);
    if (list) list.push(p);
    else partsByWhole.set(w, [p]);
  }
  const found: { whole: number; parts: number[]; similarity: number }[] = [];
  for (const [w, candidates] of [...partsByWhole].sort((a, b) => a[0] - b[0])) {
    if (usedWhole[w]) continue;
    const partner = partnerOfWhole[w]!;
    const set = new Set(candidates);
    if (partner !== -1) set.add(partner);
    const members = [...set].filter((p) => !usedPart[p]).sort((a, b) => a - b);
    // Runs of consecutive paragraphs (consecutive in the article, not just in the pool).
    let best: number[] = [];
    let run: number[] = [];
    const closeRun = () => {
      const holdsPartner = partner === -1 || run.includes(partner);
      if (run.length >= 2 && holdsPartner && (best.length === 0 || run.length > best.length)) best = run;
      run = [];
    };
    for (const p of members) {
      const last = run[run.length - 1];
      if (last !== undefined && side.parts[p]!.index !== side.parts[last]!.index + 1) closeRun();
      run.push(p);
    }
    closeRun();
    if (best.length < 2) continue;
    const whole = side.whole[w]!;
    const combined = combineProfiles(best.map((p) => side.parts[p]!.profile));
    const similarity = dice(
      overlap(whole.profile, combined, weights).shared,
      whole.weight,
      totalWeight(combined, weights),
    );
    const current = partner === -1 ? 0 : side.similarity(w, partner);
    if (similarity < threshold || similarity <= current) continue;
    if (similarity < current + GROUP_GAIN && !fillsGap(side, whole, partner, best, weights)) continue;
    usedWhole[w] = 1;
    for (const p of best) usedPart[p] = 1;
    found.push({ whole: w, parts: best, similarity });
  }
  return found;
}

/** True when each part other than `partner` is mostly made of words of `whole` that `partner` lacks. */
function fillsGap(
  side: Side,
  whole: PoolItem,
  partner: number,
  parts: readonly number[],
  weights: Float64Array,
): boolean {
  if (partner === -1) return false;
  const gap = subtractProfile(whole.profile, side.parts[partner]!.profile);
  return parts.every((p) => {
    if (p === partner) return true;
    const part = side.parts[p]!;
    return overlap(gap, part.profile, weights).shared >= PART_CONTAINMENT * part.weight;
  });
}

/**
 * Finds splits, then merges, among pool paragraphs. `chosen` is the one-to-one pairing; pairs whose paragraphs end
 * up in a group must be dropped by the caller.
 */
export function findSplitsAndMerges(
  olds: readonly PoolItem[],
  news: readonly PoolItem[],
  scored: readonly ScoredPair[],
  chosen: readonly ScoredPair[],
  weights: Float64Array,
  threshold: number,
): Group[] {
  const newOfOld = new Int32Array(olds.length).fill(-1);
  const oldOfNew = new Int32Array(news.length).fill(-1);
  for (const pair of chosen) {
    newOfOld[pair.oldItem] = pair.newItem;
    oldOfNew[pair.newItem] = pair.oldItem;
  }
  const scores = new Map<number, number>();
  for (const pair of scored) scores.set(pair.oldItem * news.length + pair.newItem, pair.similarity);
  const usedOld = new Uint8Array(olds.length);
  const usedNew = new Uint8Array(news.length);
  const groups: Group[] = [];
  const splits = findGroups(
    {
      whole: olds,
      parts: news,
      wholeOf: (s) => s.oldItem,
      partOf: (s) => s.newItem,
      similarity: (o, n) => scores.get(o * news.length + n) ?? 0,
    },
    scored,
    newOfOld,
    oldOfNew,
    usedOld,
    usedNew,
    weights,
    threshold,
  );
  for (const s of splits)
    groups.push({ type: 'split', oldItems: [s.whole], newItems: s.parts, similarity: s.similarity });
  const merges = findGroups(
    {
      whole: news,
      parts: olds,
      wholeOf: (s) => s.newItem,
      partOf: (s) => s.oldItem,
      similarity: (n, o) => scores.get(o * news.length + n) ?? 0,
    },
    scored,
    oldOfNew,
    newOfOld,
    usedNew,
    usedOld,
    weights,
    threshold,
  );
  for (const m of merges)
    groups.push({ type: 'merge', oldItems: m.parts, newItems: [m.whole], similarity: m.similarity });
  return groups;
}
