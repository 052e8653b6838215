/**
 * Pairs the paragraphs left without an exact counterpart by similarity (see similarity.ts), across the whole
 * article, then looks for splits and merges among what remains (groups.ts).
 */
import { poolItem, type ScoredPair, scoreCandidates } from './candidates';
import { comparisonForm } from './comparisonForm';
import { findSplitsAndMerges, PART_CONTAINMENT } from './groups';
import { pairGreedily } from './pairing';
import { isSimilar, type Profile, profileOf, totalWeight, Weights } from './similarity';
import { Vocabulary } from './simTokens';

/**
 * Paragraphs the IDF statistics cover at least: the unmatched ones, topped up with a sample of kept ones when
 * there are fewer; enough to tell function words from names.
 */
export const IDF_SAMPLE = 64;

export interface SimilarPair {
  oldIndex: number;
  newIndex: number;
  similarity: number;
}

export interface SimilarGroup {
  type: 'split' | 'merge';
  oldIndices: number[];
  newIndices: number[];
  similarity: number;
}

export interface FuzzyInput {
  oldParagraphs: readonly string[];
  newParagraphs: readonly string[];
  /** Unmatched paragraph indices, ascending. */
  oldLeft: readonly number[];
  newLeft: readonly number[];
  /** Old paragraphs that were matched exactly (sampled for word statistics). */
  oldKept: readonly number[];
  /** Comparison forms already computed, by index. */
  oldKeys: ReadonlyMap<number, string>;
  newKeys: ReadonlyMap<number, string>;
  threshold: number;
}

export function matchSimilar(input: FuzzyInput): { pairs: SimilarPair[]; groups: SimilarGroup[] } {
  const { oldParagraphs, newParagraphs, oldLeft, newLeft, threshold } = input;
  if (oldLeft.length === 0 || newLeft.length === 0) return { pairs: [], groups: [] };
  const vocabulary = new Vocabulary();
  const olds = oldLeft.map((i) =>
    poolItem(i, vocabulary.tokenIds(input.oldKeys.get(i) ?? comparisonForm(oldParagraphs[i]!))),
  );
  const news = newLeft.map((j) =>
    poolItem(j, vocabulary.tokenIds(input.newKeys.get(j) ?? comparisonForm(newParagraphs[j]!))),
  );
  // Word statistics come from the unmatched paragraphs, topped up to IDF_SAMPLE paragraphs with an even sample of
  // the kept ones (each standing for `stride` of them) so a small edit still knows the article's common words.
  const sampleSize = Math.min(input.oldKept.length, Math.max(0, IDF_SAMPLE - olds.length - news.length));
  const stride = sampleSize > 0 ? input.oldKept.length / sampleSize : 0;
  const sample: Profile[] = [];
  for (let k = 0; k < sampleSize; k++) {
    const text = comparisonForm(oldParagraphs[input.oldKept[Math.floor(k * stride)]!]!);
    sample.push(profileOf(vocabulary.tokenIds(text)));
  }
  const stats = new Weights(vocabulary.size);
  for (const it of olds) stats.add(it.profile);
  for (const it of news) stats.add(it.profile);
  for (const p of sample) stats.add(p, stride);
  const weights = stats.table();
  for (const it of olds) it.weight = totalWeight(it.profile, weights);
  for (const it of news) it.weight = totalWeight(it.profile, weights);

  const similar = (pair: ScoredPair) =>
    isSimilar(
      pair.similarity,
      pair.sharedTokens,
      olds[pair.oldItem]!.profile,
      news[pair.newItem]!.profile,
      threshold,
    );
  // Also keep pairs where one side is mostly inside the other: split and merge parts. (A paragraph without
  // words, like "* * *", shares nothing and is part of nothing.)
  const keep = (pair: ScoredPair) =>
    similar(pair) ||
    (pair.shared > 0 &&
      pair.shared >= PART_CONTAINMENT * Math.min(olds[pair.oldItem]!.weight, news[pair.newItem]!.weight));
  const scored = scoreCandidates(olds, news, oldParagraphs.length, newParagraphs.length, weights, keep);
  const chosen = pairGreedily(scored, olds, news, oldParagraphs.length, newParagraphs.length, similar);
  const found = findSplitsAndMerges(olds, news, scored, chosen, weights, threshold);

  const inGroupOld = new Set<number>();
  const inGroupNew = new Set<number>();
  const groups: SimilarGroup[] = found.map((g) => {
    for (const o of g.oldItems) inGroupOld.add(o);
    for (const n of g.newItems) inGroupNew.add(n);
    return {
      type: g.type,
      oldIndices: g.oldItems.map((o) => olds[o]!.index),
      newIndices: g.newItems.map((n) => news[n]!.index),
      similarity: g.similarity,
    };
  });
  const pairs = chosen
    .filter((p) => !inGroupOld.has(p.oldItem) && !inGroupNew.has(p.newItem))
    .map((p) => ({
      oldIndex: olds[p.oldItem]!.index,
      newIndex: news[p.newItem]!.index,
      similarity: p.similarity,
    }));
  return { pairs, groups };
}
