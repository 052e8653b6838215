/**
 * Copies of one text (a number such as a view count, "* * *", a "Facebook" embed caption standing twice) can be
 * paired across the two versions in many ways, and the exact passes choose greedily: the in-order walk steps
 * over a run to reach the next copy, the hash passes pair first with first among what is left. A choice that
 * crosses another pair makes one of them look moved although another choice of copies would have kept order.
 * So when the exact pairs hold a move, they are chosen again: a longest common subsequence of the two versions
 * over what may pair (a paragraph with its exact partner; a copy with any copy of its text on the other side),
 * found as a longest increasing subsequence of those candidate pairs (Hunt–Szymanski), keeps the most pairs in
 * order; the copies left outside it are paired first with first, as before. The number of pairs never changes,
 * and the number of moved ones is the least any choice of copies gives.
 *
 * Copies are recognised by their display text (as the first two exact passes pair them); a copy paired by
 * comparison form with a differently written partner keeps its partner.
 */
import { movedPairs } from './moves';

/**
 * Cost cap: candidate pairs of one alignment (a text with c copies on each side gives c × c). Past it the exact
 * passes' choice stands.
 */
export const MAX_CANDIDATE_PAIRS = 200_000;

/** Chooses among copies of the same text so that the fewest pairs move; rewrites the two maps in place. */
export function pairCopiesInOrder(
  oldParagraphs: readonly string[],
  newParagraphs: readonly string[],
  newOfOld: Int32Array,
  oldOfNew: Int32Array,
): void {
  // The common case, a revisit without moves, costs one longest-increasing-subsequence pass.
  if (movedCount(newOfOld) === 0) return;

  const { oldId, newId, oldCount, newCount } = copyIds(oldParagraphs, newParagraphs);
  const hasChoice = (id: number) =>
    id !== -1 && oldCount[id]! > 0 && newCount[id]! > 0 && oldCount[id]! + newCount[id]! > 2;
  // A copy: its text stands more than once on a side, and it is unpaired or paired with the same text.
  const isOldCopy = (i: number) =>
    hasChoice(oldId[i]!) && (newOfOld[i] === -1 || newId[newOfOld[i]!] === oldId[i]);
  const isNewCopy = (j: number) =>
    hasChoice(newId[j]!) && (oldOfNew[j] === -1 || oldId[oldOfNew[j]!] === newId[j]);

  // The new copies of each text, descending, so that one old paragraph's candidates never chain in the LIS.
  const newCopiesOf = new Map<number, number[]>();
  for (let j = newParagraphs.length - 1; j >= 0; j--) {
    if (!isNewCopy(j)) continue;
    const list = newCopiesOf.get(newId[j]!);
    if (list) list.push(j);
    else newCopiesOf.set(newId[j]!, [j]);
  }
  if (newCopiesOf.size === 0) return;

  // Candidate pairs in old order, each old paragraph's in descending new order.
  const candOld: number[] = [];
  const candNew: number[] = [];
  const oldCopies: number[] = [];
  for (let i = 0; i < oldParagraphs.length; i++) {
    if (isOldCopy(i)) {
      oldCopies.push(i);
      for (const j of newCopiesOf.get(oldId[i]!) ?? []) {
        candOld.push(i);
        candNew.push(j);
      }
    } else if (newOfOld[i] !== -1) {
      candOld.push(i);
      candNew.push(newOfOld[i]!);
    }
    if (candOld.length > MAX_CANDIDATE_PAIRS) return;
  }
  if (oldCopies.length === 0) return;

  // Strictly increasing new indices: one pair per old and per new paragraph.
  const outside = movedPairs(candNew);
  for (const i of oldCopies) newOfOld[i] = -1;
  for (const list of newCopiesOf.values()) for (const j of list) oldOfNew[j] = -1;
  candOld.forEach((i, k) => {
    if (outside[k]) return;
    newOfOld[i] = candNew[k]!;
    oldOfNew[candNew[k]!] = i;
  });
  // The copies outside it pair as the exact passes would have: first with first, text by text.
  const next = new Map<number, number>();
  for (const i of oldCopies) {
    if (newOfOld[i] !== -1) continue;
    const list = newCopiesOf.get(oldId[i]!) ?? [];
    // `list` is descending: walk it from its end for the first unpaired new copy.
    let k = next.get(oldId[i]!) ?? list.length - 1;
    while (k >= 0 && oldOfNew[list[k]!] !== -1) k--;
    next.set(oldId[i]!, k - 1);
    if (k < 0) continue;
    newOfOld[i] = list[k]!;
    oldOfNew[list[k]!] = i;
  }
}

function movedCount(newOfOld: Int32Array): number {
  const order: number[] = [];
  for (const j of newOfOld) if (j !== -1) order.push(j);
  let moved = 0;
  for (const m of movedPairs(order)) if (m) moved++;
  return moved;
}

/**
 * Ids of the texts that may stand more than once on a side (-1 for every other paragraph), and how often each
 * stands on each side. Hashing thousands of long paragraphs cold costs tens of milliseconds at 5,000 paragraphs,
 * so paragraphs are first bucketed by a number made of their length and a few characters; only a bucket holding
 * more than one paragraph on a side is compared as text.
 */
function copyIds(
  oldParagraphs: readonly string[],
  newParagraphs: readonly string[],
): { oldId: Int32Array; newId: Int32Array; oldCount: number[]; newCount: number[] } {
  const oldId = new Int32Array(oldParagraphs.length).fill(-1);
  const newId = new Int32Array(newParagraphs.length).fill(-1);
  const oldCount: number[] = [];
  const newCount: number[] = [];
  const oldKeys = quickKeys(oldParagraphs);
  const newKeys = quickKeys(newParagraphs);
  // Keys standing more than once on a side, found in sorted copies: no map entry per paragraph.
  const repeated = new Set<number>();
  for (const keys of [oldKeys.slice().sort(), newKeys.slice().sort()]) {
    for (let k = 1; k < keys.length; k++) if (keys[k] === keys[k - 1]) repeated.add(keys[k]!);
  }
  const buckets = new Map<number, { olds: number[]; news: number[] }>();
  const bucketOf = (key: number) => {
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { olds: [], news: [] };
      buckets.set(key, bucket);
    }
    return bucket;
  };
  oldKeys.forEach((key, i) => {
    if (repeated.has(key)) bucketOf(key).olds.push(i);
  });
  newKeys.forEach((key, j) => {
    if (repeated.has(key)) bucketOf(key).news.push(j);
  });
  for (const { olds, news } of buckets.values()) {
    // The distinct texts of this bucket: one, unless two texts share a key.
    const texts: string[] = [];
    const idIn = (text: string) => {
      let k = texts.indexOf(text);
      if (k === -1) {
        k = texts.length;
        texts.push(text);
        oldCount.push(0);
        newCount.push(0);
      }
      return oldCount.length - texts.length + k;
    };
    for (const i of olds) {
      const id = idIn(oldParagraphs[i]!);
      oldId[i] = id;
      oldCount[id]!++;
    }
    for (const j of news) {
      const id = idIn(newParagraphs[j]!);
      newId[j] = id;
      newCount[id]!++;
    }
  }
  return { oldId, newId, oldCount, newCount };
}

/** Per text, a number made of its length and eight of its characters. */
function quickKeys(texts: readonly string[]): Int32Array {
  const keys = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    const n = text.length;
    let h = n;
    for (let k = 0; k < 8 && n > 0; k++)
      h = (Math.imul(h, 31) + text.charCodeAt(((k * (n - 1)) / 7) | 0)) | 0;
    keys[i] = h;
  }
  return keys;
}
