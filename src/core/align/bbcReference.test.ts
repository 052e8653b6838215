/**
 * The BBC Aleppo article before and about three hours after an edit, against the alignment judged by reading
 * both versions (test/fixtures/bbc-aleppo/reference.json, see its "about").
 */
import { describe, expect, it } from 'vitest';
import reference from '../../../test/fixtures/bbc-aleppo/reference.json';
import v1 from '../../../test/fixtures/bbc-aleppo/v1.json';
import v2 from '../../../test/fixtures/bbc-aleppo/v2.json';
import type { AlignResult } from '../model';
import { align } from './align';

type Pair = [number, number];
const key = ([o, n]: Pair) => `${o}->${n}`;
const pairs = (list: number[][]) => list.map((p) => key(p as Pair));

function summary(result: AlignResult): string {
  const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);
  const lines = [`title: ${result.title.changed ? 'changed' : 'unchanged'}`];
  const ghosts = new Map<number, string[]>();
  for (const g of result.removed) {
    const list = ghosts.get(g.before) ?? [];
    list.push(`            removed  old ${String(g.oldIndex).padStart(2)}  "${clip(g.text)}"`);
    ghosts.set(g.before, list);
  }
  for (const p of result.paragraphs) {
    lines.push(...(ghosts.get(p.newIndex) ?? []));
    const from = p.kind === 'added' ? '      ' : `old ${String(p.oldIndex).padStart(2)}`;
    let what: string = p.kind;
    if (p.kind === 'reworded') what = `reworded${p.moved ? '+moved' : ''} ${p.similarity.toFixed(2)}`;
    lines.push(
      `new ${String(p.newIndex).padStart(2)} <- ${from}  ${what.padEnd(20)} "${clip(v2.paragraphs[p.newIndex]!)}"`,
    );
  }
  lines.push(...(ghosts.get(result.paragraphs.length) ?? []));
  lines.push(`stats: ${JSON.stringify(result.stats)}`);
  return lines.join('\n');
}

describe('BBC Aleppo reference alignment', () => {
  const result = align(v1, v2);
  const found = new Map<string, string>();
  for (const p of result.paragraphs) {
    if (p.kind !== 'added') found.set(key([p.oldIndex, p.newIndex]), p.kind);
  }
  const rewordedPairs = result.paragraphs.flatMap((p) =>
    p.kind === 'reworded' ? [key([p.oldIndex, p.newIndex])] : [],
  );
  const movedPairs = result.paragraphs.flatMap((p) =>
    p.kind === 'moved' || (p.kind === 'reworded' && p.moved) ? [key([p.oldIndex, p.newIndex])] : [],
  );

  it('prints a per-paragraph summary', () => {
    const text = summary(result);
    console.log(`\n${text}\n`);
    expect(text.split('\n')).toHaveLength(1 + v2.paragraphs.length + result.removed.length + 1);
  });

  it('finds every required reworded pair', () => {
    for (const pair of pairs(reference.reworded.required)) expect(found.get(pair), pair).toBe('reworded');
  });

  it('reports no reworded pair outside required + acceptable', () => {
    const allowed = new Set([...pairs(reference.reworded.required), ...pairs(reference.reworded.acceptable)]);
    expect(rewordedPairs.filter((p) => !allowed.has(p))).toEqual([]);
  });

  it('reports each acceptable pair either as an edit pair or as removed + added', () => {
    for (const [o, n] of reference.reworded.acceptable as Pair[]) {
      const asPair = found.get(key([o, n])) === 'reworded';
      const asRemovedAdded =
        result.removed.some((g) => g.oldIndex === o) && result.paragraphs[n]!.kind === 'added';
      expect(asPair || asRemovedAdded, key([o, n])).toBe(true);
    }
  });

  it('finds the unchanged pairs', () => {
    for (const pair of pairs(reference.unchanged)) expect(found.get(pair), pair).toBe('unchanged');
  });

  it('finds the added and removed paragraphs, and nothing else added or removed', () => {
    const added = result.paragraphs.filter((p) => p.kind === 'added').map((p) => p.newIndex);
    const removed = result.removed.map((g) => g.oldIndex);
    const acceptableOld = reference.reworded.acceptable.map(([o]) => o!);
    const acceptableNew = reference.reworded.acceptable.map(([, n]) => n!);
    expect(added.filter((n) => !acceptableNew.includes(n))).toEqual(reference.added.required);
    expect(removed.filter((o) => !acceptableOld.includes(o))).toEqual(reference.removed.required);
  });

  it('marks the required moves and no others outside the acceptable ones', () => {
    for (const pair of pairs(reference.moved.required)) expect(movedPairs, pair).toContain(pair);
    const allowed = new Set([...pairs(reference.moved.required), ...pairs(reference.moved.acceptable)]);
    expect(movedPairs.filter((p) => !allowed.has(p))).toEqual([]);
  });

  it('reports the title as changed', () => {
    expect(reference.title.label).toBe('changed');
    expect(result.title).toMatchObject({ changed: true, old: v1.title, new: v2.title });
  });

  it('places the removed paragraphs after the last paragraph that kept its place before them', () => {
    // Old 6-8 followed old 5, which is new 9 (kept in order); so their ghosts go before new 10.
    expect(result.removed.map((g) => [g.oldIndex, g.before])).toEqual([
      [6, 10],
      [7, 10],
      [8, 10],
    ]);
  });
});
