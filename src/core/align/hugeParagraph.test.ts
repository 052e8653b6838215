/**
 * A single paragraph of page size must never break the comparison: the word diff once spread its edit list into
 * `push` and threw `RangeError: Maximum call stack size exceeded` at 40,000 words. Whatever the size, the diff
 * finishes under its cost caps, both texts can be rebuilt from the result, and a capped diff says so.
 */
import { describe, expect, it } from 'vitest';
import { align } from './align';
import { diffWords } from './wordDiff';

function words(count: number, every: number, replacement: string): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(i % every === every - 1 ? replacement : `word${i % 997}`);
  return out.join(' ');
}

const sides = (runs: { op: string; text: string }[]) => ({
  old: runs
    .filter((r) => r.op !== 'insert')
    .map((r) => r.text)
    .join(''),
  new: runs
    .filter((r) => r.op !== 'delete')
    .map((r) => r.text)
    .join(''),
});

describe.each([40_000, 400_000])('one paragraph of %i words', (count) => {
  const oldText = words(count, 50, 'before');
  const newText = words(count, 50, 'after');

  it('diffs word by word without overflowing the stack, capped and rebuildable', () => {
    const { words: runs, capped } = diffWords(oldText, newText);
    expect(capped).toBe(true);
    expect(sides(runs)).toEqual({ old: oldText, new: newText });
  });

  it('aligns as one reworded paragraph whose words rebuild both texts', () => {
    const result = align(
      { title: 'Headline', paragraphs: ['Intro.', oldText] },
      { title: 'Headline', paragraphs: ['Intro.', newText] },
    );
    const change = result.paragraphs[1];
    expect(change?.kind).toBe('reworded');
    if (change?.kind !== 'reworded') return;
    expect(sides(change.words)).toEqual({ old: oldText, new: newText });
    expect(result.capped).toBe(true);
  });

  it('diffs a small edit in its middle exactly, uncapped', () => {
    const middle = oldText.length >> 1;
    const cut = oldText.indexOf(' ', middle);
    const edited = `${oldText.slice(0, cut)} inserted${oldText.slice(cut)}`;
    const { words: runs, capped } = diffWords(oldText, edited);
    expect(capped).toBe(false);
    expect(runs.filter((r) => r.op !== 'equal')).toEqual([{ op: 'insert', text: ' inserted' }]);
  });
});
