import { describe, expect, it } from 'vitest';
import { type PoolItem, poolItem, scoreCandidates } from './candidates';
import { findSplitsAndMerges } from './groups';
import { pairGreedily } from './pairing';
import { isSimilar, totalWeight } from './similarity';
import { Vocabulary } from './simTokens';

const A =
  'Syrian troops broke the deadlock with the help of Iranian-backed militias and Russian air strikes.';
const B = 'Aleppo was once the largest city of Syria and its commercial and industrial hub before the war.';
const C = 'Militants from the Islamic State group have been advancing on positions around ancient Palmyra.';

function groupsFor(oldTexts: string[], newTexts: string[]) {
  const vocabulary = new Vocabulary();
  const items = (texts: string[]): PoolItem[] =>
    texts.map((t, i) => poolItem(i, vocabulary.tokenIds(t.toLowerCase())));
  const olds = items(oldTexts);
  const news = items(newTexts);
  const w = new Float64Array(vocabulary.size).fill(1);
  for (const it of [...olds, ...news]) it.weight = totalWeight(it.profile, w);
  const scored = scoreCandidates(olds, news, olds.length, news.length, w, () => true);
  const similar = (p: (typeof scored)[number]) =>
    isSimilar(p.similarity, p.sharedTokens, olds[p.oldItem]!.profile, news[p.newItem]!.profile);
  const chosen = pairGreedily(scored, olds, news, olds.length, news.length, similar);
  return findSplitsAndMerges(olds, news, scored, chosen, w, 0.4);
}

describe('findSplitsAndMerges', () => {
  it('finds one old paragraph split into consecutive new ones', () => {
    const groups = groupsFor([`${A} ${B}`, C], [A, B, C]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ type: 'split', oldItems: [0], newItems: [0, 1] });
    expect(groups[0]!.similarity).toBeGreaterThan(0.95);
  });

  it('finds consecutive old paragraphs merged into one', () => {
    const groups = groupsFor([A, B, C], [`${A} ${B}`, C]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ type: 'merge', oldItems: [0, 1], newItems: [0] });
  });

  it('finds a split into three small parts, none of which pairs alone', () => {
    const groups = groupsFor([`${A} ${B} ${C}`], [A, B, C]);
    expect(groups).toEqual([expect.objectContaining({ type: 'split', oldItems: [0], newItems: [0, 1, 2] })]);
  });

  it('does not group parts that are not next to each other', () => {
    const D = 'The UN estimated that up to 100,000 people had been squeezed into an ever-shrinking pocket.';
    const groups = groupsFor([`${A} ${B}`], [A, D, B]);
    expect(groups).toEqual([]);
  });

  it('finds nothing when each paragraph kept its counterpart', () => {
    expect(groupsFor([A, B], [A.replace('air', 'rocket'), B])).toEqual([]);
  });

  it('finds a split that cuts off a word or two, a gain under GROUP_GAIN', () => {
    const cut = A.lastIndexOf(' strikes');
    const groups = groupsFor([A, B], [A.slice(0, cut), A.slice(cut + 1), B]);
    expect(groups).toEqual([expect.objectContaining({ type: 'split', oldItems: [0], newItems: [0, 1] })]);
  });

  it('finds a short paragraph merged onto the end of the one before it', () => {
    const cut = B.lastIndexOf(' war');
    const groups = groupsFor([B.slice(0, cut), B.slice(cut + 1), C], [B, C]);
    expect(groups).toEqual([expect.objectContaining({ type: 'merge', oldItems: [0, 1], newItems: [0] })]);
  });

  it('does not take a short new paragraph that repeats words its neighbour kept for a split part', () => {
    const groups = groupsFor([A, B], [A.replace('deadlock', 'stalemate'), 'Russian air strikes.', B]);
    expect(groups).toEqual([]);
  });
});
