import { describe, expect, it } from 'vitest';
import { compareText } from '../text';
import { matchSimilar } from './fuzzyMatch';

function run(oldParagraphs: string[], newParagraphs: string[], kept: [number, number][] = []) {
  const keptOld = new Set(kept.map(([o]) => o));
  const keptNew = new Set(kept.map(([, n]) => n));
  const oldLeft = oldParagraphs.map((_, i) => i).filter((i) => !keptOld.has(i));
  const newLeft = newParagraphs.map((_, j) => j).filter((j) => !keptNew.has(j));
  return matchSimilar({
    oldParagraphs,
    newParagraphs,
    oldLeft,
    newLeft,
    oldKept: [...keptOld].sort((a, b) => a - b),
    oldKeys: new Map(oldLeft.map((i) => [i, compareText(oldParagraphs[i]!)])),
    newKeys: new Map(newLeft.map((j) => [j, compareText(newParagraphs[j]!)])),
    threshold: 0.4,
  });
}
const pairsOf = (r: ReturnType<typeof run>) => r.pairs.map((p) => [p.oldIndex, p.newIndex]);

const KEPT = [
  'The Russian military says the Syrian government now controls 93% of Aleppo.',
  'The intensification in fighting in recent weeks has forced tens of thousands to seek refuge.',
  'On Friday the UN estimated that up to 100,000 people had been squeezed into a rebel pocket.',
];

describe('matchSimilar', () => {
  it('pairs reworded paragraphs by their words, not their places', () => {
    const r = run(
      [
        'The exodus from rebel-held, eastern parts of Aleppo is growing, Russia says, amid a push by the army.',
        'But latest reports from the city say the rebel enclave is being hit by repeated air strikes.',
      ],
      [
        'Latest reports from the city say the rebel enclave is being hit by repeated air and rocket strikes.',
        'Russia says the exodus from the rebel-held eastern parts of Aleppo is growing amid the push by the army.',
      ],
    );
    expect(pairsOf(r)).toEqual(
      expect.arrayContaining([
        [0, 1],
        [1, 0],
      ]),
    );
    for (const p of r.pairs) expect(p.similarity).toBeGreaterThan(0.8);
  });

  it('does not pair unrelated paragraphs that sit at the same place', () => {
    const r = run(
      [KEPT[0]!, 'He said 30,000 people had left on Friday and 20,000 so far on Saturday.', KEPT[1]!],
      [KEPT[0]!, 'Civilians are said to be streaming out of the city in large numbers.', KEPT[1]!],
      [
        [0, 0],
        [2, 2],
      ],
    );
    expect(r.pairs).toEqual([]);
    expect(r.groups).toEqual([]);
  });

  it('does not pair short subheads that share a word by chance', () => {
    const r = run(
      [...KEPT, 'The humanitarian crisis', 'Who are the rebels?', 'Analysis'],
      [...KEPT, 'The diplomatic push', 'What happens next?', 'Background'],
      [
        [0, 0],
        [1, 1],
        [2, 2],
      ],
    );
    expect(r.pairs).toEqual([]);
  });

  it('still pairs a short subhead that kept most of its words', () => {
    const r = run(
      [...KEPT, 'The battle for eastern Aleppo and its old city'],
      [...KEPT, 'The battle for eastern Aleppo and the old city'],
      [
        [0, 0],
        [1, 1],
        [2, 2],
      ],
    );
    expect(pairsOf(r)).toEqual([[3, 3]]);
  });

  it('pairs copies of a reworded paragraph one to one, in order', () => {
    const a =
      'Aid convoys reached the eastern districts on Monday after a week of delays at the checkpoints.';
    const b =
      'Aid convoys reached the eastern districts on Tuesday after a week of delays at the checkpoints.';
    const r = run([a, KEPT[0]!, a], [b, KEPT[0]!, b], [[1, 1]]);
    expect(pairsOf(r)).toEqual([
      [0, 0],
      [2, 2],
    ]);
  });
});
