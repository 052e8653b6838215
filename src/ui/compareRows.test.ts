import { describe, expect, it } from 'vitest';
import { align } from '../core/align';
import type { AlignResult } from '../core/model';
import { compareRows, sides } from './compareRows';

const base: AlignResult = {
  title: { changed: false, old: 'T', new: 'T', words: [{ op: 'equal', text: 'T' }] },
  paragraphs: [],
  removed: [],
  stats: { unchanged: 0, added: 0, removed: 0, reworded: 0, moved: 0 },
  capped: false,
};

describe('compareRows', () => {
  it('pairs paragraphs in the new order with removed ones at their old place', () => {
    const result: AlignResult = {
      ...base,
      paragraphs: [
        { kind: 'unchanged', newIndex: 0, oldIndex: 0 },
        {
          kind: 'reworded',
          newIndex: 1,
          oldIndex: 2,
          moved: true,
          similarity: 0.8,
          words: [
            { op: 'equal', text: 'Ten ' },
            { op: 'delete', text: 'people' },
            { op: 'insert', text: 'civilians' },
            { op: 'equal', text: ' died.' },
          ],
        },
        { kind: 'added', newIndex: 2 },
      ],
      removed: [
        { oldIndex: 1, text: 'Gone.', before: 1 },
        { oldIndex: 3, text: 'Last gone.', before: 3 },
      ],
    };
    const rows = compareRows(
      result,
      ['Same.', 'Gone.', 'Ten people died.', 'Last gone.'],
      ['Same.', 'Ten civilians died.', 'New.'],
    );
    expect(rows.map((r) => r.kind)).toEqual(['unchanged', 'removed', 'reworded', 'added', 'removed']);
    expect(rows[2]?.old?.map((w) => w.text).join('')).toBe('Ten people died.');
    expect(rows[2]?.new?.map((w) => w.text).join('')).toBe('Ten civilians died.');
    expect(rows[2]?.moved).toBe(true);
    expect(rows[2]?.words).toHaveLength(4);
    expect(rows[3]).toMatchObject({ old: null, newIndex: 2 });
    expect(rows[4]).toMatchObject({ new: null, oldIndex: 3 });
  });

  it('works on a real alignment of two versions', () => {
    const oldV = {
      title: 'Fire',
      paragraphs: ['A fire broke out downtown.', 'Nobody was hurt.', 'More soon.'],
    };
    const newV = {
      title: 'Big fire',
      paragraphs: ['A large fire broke out downtown.', 'Two people were hurt badly.'],
    };
    const rows = compareRows(align(oldV, newV), oldV.paragraphs, newV.paragraphs);
    const newSide = rows.flatMap((r) => (r.new ? [r.new.map((w) => w.text).join('')] : []));
    const oldSide = rows.flatMap((r) => (r.old ? [r.old.map((w) => w.text).join('')] : []));
    expect(newSide).toEqual(newV.paragraphs);
    expect([...oldSide].sort()).toEqual([...oldV.paragraphs].sort());
  });
});

describe('sides', () => {
  it('splits runs into old and new text', () => {
    const split = sides([
      { op: 'equal', text: 'a ' },
      { op: 'delete', text: 'b' },
      { op: 'insert', text: 'c' },
    ]);
    expect(split.old.map((w) => w.text).join('')).toBe('a b');
    expect(split.new.map((w) => w.text).join('')).toBe('a c');
  });
});
