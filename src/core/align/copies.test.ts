import { describe, expect, it } from 'vitest';
import { align } from './align';
import { MAX_CANDIDATE_PAIRS } from './copies';
import { matchExactly } from './exactMatch';
import { movedPairs } from './moves';

// Distinct paragraphs sharing no word with each other, so only exact pairing applies.
const WORDS = ['amber', 'basil', 'cedar', 'dune', 'ember', 'fjord', 'grove', 'heron', 'iris', 'jade', 'kelp'];
const para = (k: number) =>
  `P${k} ${Array.from({ length: 6 }, (_, n) => `${WORDS[(k * 7 + n * 3) % WORDS.length]}${k}x${n}`).join(' ')}.`;

function movedIn(oldP: string[], newP: string[]): number {
  const { paragraphs } = align({ title: 't', paragraphs: oldP }, { title: 't', paragraphs: newP });
  return paragraphs.filter((p) => p.kind === 'moved' || (p.kind === 'reworded' && p.moved)).length;
}

/** The fewest moves any choice of copies allows: pairs minus the longest common subsequence. */
function fewestMoves(oldP: string[], newP: string[]): number {
  const count = new Map<string, number>();
  for (const t of oldP) count.set(t, (count.get(t) ?? 0) + 1);
  let pairs = 0;
  for (const t of newP) {
    const left = count.get(t) ?? 0;
    if (left > 0) {
      pairs++;
      count.set(t, left - 1);
    }
  }
  const row = new Array<number>(newP.length + 1).fill(0);
  for (const a of oldP) {
    let diagonal = 0;
    for (let j = 1; j <= newP.length; j++) {
      const up = row[j]!;
      row[j] = a === newP[j - 1] ? diagonal + 1 : Math.max(up, row[j - 1]!);
      diagonal = up;
    }
  }
  return pairs - row[newP.length]!;
}

describe('copies of one text pair so as to keep order', () => {
  it('marks nothing moved when a view count and separators stand more than once and one of each went', () => {
    // The in-order walk steps over two paragraphs to reach the later "3.409", then the leftover copies cross.
    const P = [0, 4, 5].map(para);
    const oldP = [P[0]!, '* * *', '3.409', '* * *', P[1]!, P[2]!, '3.409', '3.409'];
    const newP = [P[0]!, '3.409', '* * *', P[1]!, P[2]!, '3.409'];
    expect(movedIn(oldP, newP)).toBe(0);
    const { removed } = align({ title: 't', paragraphs: oldP }, { title: 't', paragraphs: newP });
    expect(removed.map((r) => r.text).sort()).toEqual(['* * *', '3.409']);
  });

  it('still marks the one paragraph that really moved past a copy', () => {
    const P = [0, 1, 2, 3].map(para);
    const oldP = [P[0]!, 'Facebook', P[1]!, P[2]!, 'Facebook', P[3]!];
    const newP = [P[0]!, 'Facebook', P[2]!, P[1]!, 'Facebook', P[3]!];
    expect(movedIn(oldP, newP)).toBe(1);
  });

  it('moves no more paragraphs than the best choice of copies, on 400 seeded articles', () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const copies = ['3.409', '* * *', 'Facebook', 'Advertisement below'];
    let fewerThanGreedy = 0;
    for (let trial = 0; trial < 400; trial++) {
      const oldP = Array.from({ length: 6 + Math.floor(random() * 20) }, (_, k) =>
        random() < 0.35 ? copies[Math.floor(random() * copies.length)]! : para(k),
      );
      const newP = [...oldP];
      for (let edits = 1 + Math.floor(random() * 5); edits > 0; edits--) {
        const at = Math.floor(random() * newP.length);
        const r = random();
        if (r < 0.35) newP.splice(at, 1);
        else if (r < 0.7) newP.splice(at, 0, copies[Math.floor(random() * copies.length)]!);
        else newP.splice(Math.floor(random() * newP.length), 0, ...newP.splice(at, 1));
      }
      const moved = movedIn(oldP, newP);
      expect(moved, JSON.stringify({ oldP, newP })).toBe(fewestMoves(oldP, newP));
      // The first-with-first choice for comparison: how often it would have moved more.
      if (moved < greedyMoves(oldP, newP)) fewerThanGreedy++;
    }
    expect(fewerThanGreedy).toBeGreaterThan(0);
  });

  it('keeps a copy paired by comparison form with its differently written partner', () => {
    // The straight-quoted line stands twice in the old version; its curly twin pairs by comparison form only
    // and keeps that partner (the known limit in exactMatch.ts), while the copies still pair.
    const oldP = ['"Yes."', para(0), '"Yes."'];
    const newP = ['\u201cYes.\u201d', para(0), '"Yes."'];
    const m = matchExactly(oldP, newP);
    expect([...m.newOfOld]).toEqual([2, 1, 0]);
  });

  it('tells apart copies of two texts of one length that differ only between the characters it samples', () => {
    const a = 'aXbcdefghijklmn';
    const b = 'aYbcdefghijklmn';
    const P = [0, 1].map(para);
    const oldP = [P[0]!, a, b, a, P[1]!];
    const newP = [P[1]!, b, a, P[0]!, a];
    const m = matchExactly(oldP, newP);
    m.newOfOld.forEach((j, i) => {
      expect(j).not.toBe(-1);
      expect(newP[j]).toBe(oldP[i]);
    });
    expect(movedIn(oldP, newP)).toBe(fewestMoves(oldP, newP));
  });

  it('leaves the exact passes\u2019 choice past its cost cap, and pairs as many copies either way', () => {
    // The first test's article, then a run of copies of one more text: more candidate pairs than the cap.
    const n = Math.ceil(Math.sqrt(MAX_CANDIDATE_PAIRS)) + 1;
    const P = [0, 4, 5].map(para);
    const tail = Array<string>(n).fill('x x');
    const oldP = [P[0]!, '* * *', '3.409', '* * *', P[1]!, P[2]!, '3.409', '3.409', ...tail];
    const newP = [P[0]!, '3.409', '* * *', P[1]!, P[2]!, '3.409', ...tail];
    const m = matchExactly(oldP, newP);
    expect([...m.oldOfNew].filter((i) => i !== -1)).toHaveLength(newP.length);
    expect(movedIn(oldP, newP)).toBeGreaterThan(fewestMoves(oldP, newP));
    // Under the cap the same article keeps order.
    expect(movedIn(oldP.slice(0, -n + 10), newP.slice(0, -n + 10))).toBe(0);
  });
});

/** Moves with copies paired first with first wherever they stand (the plain greedy choice). */
function greedyMoves(oldP: string[], newP: string[]): number {
  const waiting = new Map<string, number[]>();
  newP.forEach((t, j) => {
    waiting.set(t, [...(waiting.get(t) ?? []), j]);
  });
  const order: number[] = [];
  for (const t of oldP) {
    const j = waiting.get(t)?.shift();
    if (j !== undefined) order.push(j);
  }
  return movedPairs(order).filter(Boolean).length;
}
