import { describe, expect, it } from 'vitest';
import { ALL_PAIRS, type PoolItem, poolItem, scoreCandidates } from './candidates';
import { totalWeight } from './similarity';
import { Vocabulary } from './simTokens';

function pool(texts: readonly string[], vocabulary: Vocabulary, start = 0): PoolItem[] {
  return texts.map((text, k) => poolItem(start + k, vocabulary.tokenIds(text)));
}

function weigh(items: PoolItem[], size: number): Float64Array {
  const w = new Float64Array(size).fill(1);
  for (const item of items) item.weight = totalWeight(item.profile, w);
  return w;
}

let seed = 99;
function random(): number {
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const sentence = (n: number) =>
  Array.from({ length: n }, () => `w${Math.floor(random() * random() * 2000)}`).join(' ');

describe('poolItem', () => {
  it('builds the token multiset and the distinct token and token-pair keys', () => {
    const item = poolItem(4, [5, 6, 5, 6]);
    expect(item.index).toBe(4);
    expect([...item.profile.ids]).toEqual([5, 6]);
    expect([...item.profile.counts]).toEqual([2, 2]);
    // 5, 6 and the pairs 5-6 and 6-5 (5-6 twice).
    expect(Array.from(poolItem(0, [5, 6, 5, 6]).keys)).toHaveLength(4);
    expect(Array.from(poolItem(0, []).keys)).toEqual([]);
  });
});

describe('scoreCandidates', () => {
  it('scores every pair of a small pool', () => {
    const vocabulary = new Vocabulary();
    const olds = pool(['alpha beta gamma', 'delta epsilon'], vocabulary);
    const news = pool(['alpha beta', 'zeta eta'], vocabulary);
    expect(olds.length * news.length).toBeLessThanOrEqual(ALL_PAIRS);
    const w = weigh([...olds, ...news], vocabulary.size);
    const pairs = scoreCandidates(olds, news, 2, 2, w, () => true);
    const best = pairs.find((p) => p.oldItem === 0 && p.newItem === 0);
    expect(best?.similarity).toBeCloseTo(0.8);
    expect(best?.sharedTokens).toBe(2);
  });

  it('finds a reworded paragraph anywhere in a large pool without scoring all pairs', () => {
    const vocabulary = new Vocabulary();
    const oldTexts = Array.from({ length: 600 }, () => sentence(40));
    const target = oldTexts[550]!;
    const reworded = target
      .split(' ')
      .map((w, i) => (i % 7 === 3 ? 'changed' : w))
      .join(' ');
    const newTexts = [reworded, ...Array.from({ length: 599 }, () => sentence(40))];
    const olds = pool(oldTexts, vocabulary);
    const news = pool(newTexts, vocabulary);
    const w = weigh([...olds, ...news], vocabulary.size);
    const pairs = scoreCandidates(olds, news, 600, 600, w, () => true);
    expect(pairs.length).toBeLessThan((olds.length * news.length) / 20);
    const forFirst = pairs.filter((p) => p.newItem === 0).sort((a, b) => b.similarity - a.similarity);
    expect(forFirst[0]?.oldItem).toBe(550);
    expect(forFirst[0]?.similarity).toBeGreaterThan(0.7);
  });

  it('returns only the pairs `keep` accepts', () => {
    const vocabulary = new Vocabulary();
    const olds = pool(['a b c', 'd e f'], vocabulary);
    const news = pool(['a b c'], vocabulary);
    const w = weigh([...olds, ...news], vocabulary.size);
    const pairs = scoreCandidates(olds, news, 2, 1, w, (p) => p.similarity > 0.5);
    expect(pairs.map((p) => [p.oldItem, p.newItem, p.similarity])).toEqual([[0, 0, 1]]);
  });
});
