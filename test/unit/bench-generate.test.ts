import { describe, expect, it } from 'vitest';
import {
  type ArticlePair,
  EDIT_SHARE,
  editCountFor5Percent,
  generateArticle,
  generatePair,
  MAX_SUBHEAD_WORDS,
  MAX_WORDS,
  MIN_WORDS,
  wordCount,
} from '../../bench/generate';
import { createRandom } from '../../bench/random';
import { VOCABULARY, VOCABULARY_SIZE } from '../../bench/vocabulary';

function countKinds(pair: ArticlePair): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const edit of pair.edits) counts[edit.kind] = (counts[edit.kind] ?? 0) + 1;
  return counts;
}

/** Length of the longest increasing subsequence: the kept paragraphs that did not move relative to each other. */
function longestIncreasing(values: readonly number[]): number {
  const tails: number[] = [];
  for (const value of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
  }
  return tails.length;
}

describe('bench random', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    for (const value of seqA) expect(value).toBeGreaterThanOrEqual(0);
    for (const value of seqA) expect(value).toBeLessThan(1);
  });
});

describe('bench generator', () => {
  it('holds a few thousand distinct words', () => {
    expect(VOCABULARY).toHaveLength(VOCABULARY_SIZE);
    expect(new Set(VOCABULARY).size).toBe(VOCABULARY_SIZE);
  });

  it('is deterministic for a seed and varies with it', () => {
    expect(generatePair(300, '5%', 42)).toEqual(generatePair(300, '5%', 42));
    expect(generatePair(300, 'all', 42)).toEqual(generatePair(300, 'all', 42));
    expect(generateArticle(300, 43).paragraphs).not.toEqual(generateArticle(300, 42).paragraphs);
  });

  it('writes news-sized paragraphs, some of them short subheads, all different', () => {
    const article = generateArticle(2000, 1);
    expect(article.paragraphs).toHaveLength(2000);
    expect(new Set(article.paragraphs).size).toBe(2000);
    const subheads = article.paragraphs.filter((text) => wordCount(text) <= MAX_SUBHEAD_WORDS);
    for (const text of article.paragraphs) {
      const words = wordCount(text);
      expect(words <= MAX_SUBHEAD_WORDS || (words >= MIN_WORDS && words <= MAX_WORDS)).toBe(true);
    }
    expect(subheads.length / 2000).toBeGreaterThan(0.03);
    expect(subheads.length / 2000).toBeLessThan(0.12);
    expect(wordCount(article.paragraphs[0] as string)).toBeGreaterThanOrEqual(MIN_WORDS);
    // Sentences: capitalised start, and body paragraphs end with a full stop.
    for (const text of article.paragraphs.slice(0, 50)) expect(text).toMatch(/^[\u201c]?[A-Z0-9$]/);
  });

  it('edits 5% of the paragraphs with the newsroom mix', () => {
    for (const size of [50, 500, 5000]) {
      const pair = generatePair(size, '5%', size);
      const kinds = countKinds(pair);
      expect(pair.edits).toHaveLength(editCountFor5Percent(size));
      // Rounded to whole paragraphs: 50 × 5% = 2.5 edits becomes 3.
      expect(Math.abs(pair.edits.length - size * EDIT_SHARE)).toBeLessThanOrEqual(0.5);
      expect(kinds.rewrittenMoved).toBe(1);
      if (size >= 500) {
        for (const kind of ['reworded', 'inserted', 'deleted', 'moved'])
          expect(kinds[kind]).toBeGreaterThan(0);
        expect(kinds.reworded).toBeGreaterThan((kinds.inserted ?? 0) + (kinds.deleted ?? 0));
      }
      const inserted = kinds.inserted ?? 0;
      const deleted = kinds.deleted ?? 0;
      const rewritten = (kinds.reworded ?? 0) + 1;
      expect(pair.new.paragraphs).toHaveLength(size + inserted - deleted);

      // Check the edits against the texts themselves, not the generator's own bookkeeping.
      const oldTexts = new Set(pair.old.paragraphs);
      const newTexts = new Set(pair.new.paragraphs);
      expect(pair.old.paragraphs.filter((text) => !newTexts.has(text))).toHaveLength(rewritten + deleted);
      expect(pair.new.paragraphs.filter((text) => !oldTexts.has(text))).toHaveLength(rewritten + inserted);
      const oldIndex = new Map(pair.old.paragraphs.map((text, index) => [text, index]));
      const keptOrder = pair.new.paragraphs.flatMap((text) => {
        const index = oldIndex.get(text);
        return index === undefined ? [] : [index];
      });
      const outOfOrder = keptOrder.length - longestIncreasing(keptOrder);
      // Only plain moves keep their text; each disorders at most one kept paragraph.
      expect(outOfOrder).toBeLessThanOrEqual(kinds.moved ?? 0);
      if (kinds.moved) expect(outOfOrder).toBeGreaterThan(0);

      for (const edit of pair.edits) {
        if (edit.newIndex !== null) expect(pair.new.paragraphs[edit.newIndex]).toBeDefined();
        if (edit.kind === 'moved') {
          expect(pair.new.paragraphs[edit.newIndex as number]).toBe(
            pair.old.paragraphs[edit.oldIndex as number],
          );
        }
      }
    }
  });

  it('rewords every paragraph a little in the "all" profile and moves a few', () => {
    const pair = generatePair(500, 'all', 9);
    const oldTexts = new Set(pair.old.paragraphs);
    expect(pair.new.paragraphs).toHaveLength(500);
    expect(pair.edits).toHaveLength(500);
    expect(pair.new.paragraphs.filter((text) => oldTexts.has(text))).toHaveLength(0);
    expect(countKinds(pair).rewordedMoved).toBe(5);
    // "A little": most words of each paragraph survive in place.
    for (const edit of pair.edits) {
      const before = (pair.old.paragraphs[edit.oldIndex as number] as string).split(' ');
      const after = new Set((pair.new.paragraphs[edit.newIndex as number] as string).split(' '));
      const kept = before.filter((word) => after.has(word)).length;
      expect(kept / before.length).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('shares the old article between the two profiles', () => {
    expect(generatePair(200, '5%', 3).old).toEqual(generatePair(200, 'all', 3).old);
  });
});
