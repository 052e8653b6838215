import { describe, expect, it } from 'vitest';
import type { AlignResult, ParagraphChange, WordChange } from '../model';
import { align } from './align';

const P = {
  a: 'The exodus from rebel-held eastern parts of Aleppo is growing, Russia says, amid a push by the Syrian army.',
  b: 'About 50,000 civilians have fled the rebel enclave over the past two days, a Russian defence spokesman said.',
  c: 'He added that more than 1,000 rebels had laid down their arms as pro-government forces close in.',
  d: 'Meanwhile Western powers have renewed calls for Syria and its ally, Russia, to allow people to leave Aleppo.',
  e: 'The statement came at a meeting of officials from the US, Europe, and some Arab countries in Paris.',
  f: 'Aleppo was once the largest city of Syria and its commercial and industrial hub before the uprising began.',
};

const version = (paragraphs: string[], title = 'Syria conflict: Aleppo exodus growing') => ({
  title,
  paragraphs,
});

const kinds = (r: AlignResult) => r.paragraphs.map((p) => p.kind);
const joinNew = (words: WordChange[]) =>
  words
    .filter((w) => w.op !== 'delete')
    .map((w) => w.text)
    .join('');
const joinOld = (words: WordChange[]) =>
  words
    .filter((w) => w.op !== 'insert')
    .map((w) => w.text)
    .join('');
const reworded = (p: ParagraphChange | undefined) => {
  if (p?.kind !== 'reworded') throw new Error(`expected reworded, got ${p?.kind}`);
  return p;
};

describe('align', () => {
  it('reports identical versions as all unchanged, with no marks', () => {
    const v = version(Object.values(P));
    const r = align(v, v);
    expect(kinds(r)).toEqual(Array(6).fill('unchanged'));
    expect(r.paragraphs.map((p) => (p.kind === 'added' ? -1 : p.oldIndex))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(r.removed).toEqual([]);
    expect(r.title).toEqual({
      changed: false,
      old: v.title,
      new: v.title,
      words: [{ op: 'equal', text: v.title }],
    });
    expect(r.stats).toEqual({ unchanged: 6, added: 0, removed: 0, reworded: 0, moved: 0 });
    expect(r.capped).toBe(false);
  });

  it('treats whitespace, nbsp, quote style, dashes and soft hyphens as no change', () => {
    const old = version(['He said: "We will stay" - and left.', "It's Aleppo's fall...", P.a]);
    const now = version([
      'He said:\u00a0\u201cWe will  stay\u201d \u2013 and left.',
      'It\u2019s Alep\u00adpo\u2019s fall\u2026',
      P.a,
    ]);
    const r = align(old, now);
    expect(kinds(r)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(r.stats.reworded).toBe(0);
  });

  it('finds an inserted paragraph', () => {
    const r = align(version([P.a, P.b, P.c]), version([P.a, P.e, P.b, P.c]));
    expect(kinds(r)).toEqual(['unchanged', 'added', 'unchanged', 'unchanged']);
    expect(r.stats).toMatchObject({ added: 1, unchanged: 3, moved: 0 });
  });

  it('finds a deleted paragraph and places its ghost where it stood', () => {
    const r = align(version([P.a, P.b, P.c, P.d]), version([P.a, P.c, P.d]));
    expect(kinds(r)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(r.removed).toEqual([{ oldIndex: 1, text: P.b, before: 1 }]);
  });

  it('places ghosts at the top, at the end, and after the last paragraph that kept its place', () => {
    const r = align(version([P.a, P.b, P.c, P.d, P.e]), version([P.b, P.e, P.d]));
    // b and e kept their order (d counts as moved): a's ghost goes before everything, c's right after b.
    expect(r.removed.map((g) => g.oldIndex)).toEqual([0, 2]);
    expect(r.removed[0]!.before).toBe(0);
    expect(r.removed[1]!.before).toBe(1);
    const end = align(version([P.a, P.b]), version([P.a]));
    expect(end.removed).toEqual([{ oldIndex: 1, text: P.b, before: 1 }]);
  });

  it('marks only the paragraph that moved, not those shifted around it', () => {
    const r = align(version([P.a, P.b, P.c, P.d, P.e]), version([P.a, P.c, P.d, P.b, P.e]));
    expect(kinds(r)).toEqual(['unchanged', 'unchanged', 'unchanged', 'moved', 'unchanged']);
    expect(r.stats.moved).toBe(1);
  });

  it('diffs a reworded paragraph word by word', () => {
    const changed = P.c.replace('close in', 'closed in');
    const r = align(version([P.a, P.c]), version([P.a, changed]));
    const p = reworded(r.paragraphs[1]);
    expect(p.oldIndex).toBe(1);
    expect(p.moved).toBe(false);
    expect(p.similarity).toBeGreaterThan(0.8);
    expect(p.words.filter((w) => w.op !== 'equal')).toEqual([
      { op: 'delete', text: 'close' },
      { op: 'insert', text: 'closed' },
    ]);
    expect(joinNew(p.words)).toBe(changed);
    expect(joinOld(p.words)).toBe(P.c);
    expect(r.stats).toMatchObject({ reworded: 1, unchanged: 1, moved: 0 });
  });

  it('finds a paragraph rewritten and moved to the top', () => {
    const rewritten =
      'Russia says the exodus from the rebel-held eastern parts of Aleppo is growing amid the push by the Syrian army.';
    const r = align(version([P.b, P.c, P.d, P.e, P.f, P.a]), version([rewritten, P.b, P.c, P.d, P.e, P.f]));
    const top = reworded(r.paragraphs[0]);
    expect(top.oldIndex).toBe(5);
    expect(top.moved).toBe(true);
    expect(kinds(r).slice(1)).toEqual(Array(5).fill('unchanged'));
    expect(r.stats).toMatchObject({ moved: 1, reworded: 1, added: 0, removed: 0 });
  });

  it('does not pair two unrelated paragraphs that sit at the same place', () => {
    const r = align(version([P.a, P.b, P.f]), version([P.a, P.e, P.f]));
    expect(kinds(r)).toEqual(['unchanged', 'added', 'unchanged']);
    expect(r.removed).toEqual([{ oldIndex: 1, text: P.b, before: 1 }]);
  });

  it('reports a split as reworded parts, each diffed against its slice of the old paragraph', () => {
    const whole = `${P.a} ${P.b}`;
    const first = P.a;
    const second = P.b.replace('two days', 'three days');
    const r = align(version([P.c, whole, P.d]), version([P.c, first, second, P.d]));
    const [one, two] = [reworded(r.paragraphs[1]), reworded(r.paragraphs[2])];
    expect(one.group).toEqual({ type: 'split', oldIndices: [1], newIndices: [1, 2] });
    expect(two.group).toEqual(one.group);
    expect([one.oldIndex, two.oldIndex]).toEqual([1, 1]);
    expect(one.words).toEqual([{ op: 'equal', text: first }]);
    expect(joinNew(two.words)).toBe(second);
    expect(two.words.filter((w) => w.op !== 'equal')).toEqual([
      { op: 'delete', text: 'two' },
      { op: 'insert', text: 'three' },
    ]);
    expect(r.removed).toEqual([]);
    expect(r.stats).toMatchObject({ reworded: 2, added: 0, removed: 0, moved: 0 });
  });

  it('reports a merge as one reworded paragraph diffed against the old paragraphs joined', () => {
    const merged = `${P.a} ${P.b.replace('About 50,000', 'Some 50,000')}`;
    const r = align(version([P.c, P.a, P.b, P.d]), version([P.c, merged, P.d]));
    const p = reworded(r.paragraphs[1]);
    expect(p.group).toEqual({ type: 'merge', oldIndices: [1, 2], newIndices: [1] });
    expect(p.oldIndex).toBe(1);
    expect(joinNew(p.words)).toBe(merged);
    expect(joinOld(p.words)).toBe(`${P.a} ${P.b}`);
    expect(r.removed).toEqual([]);
    expect(r.stats).toMatchObject({ reworded: 1, removed: 0, added: 0 });
  });

  it('pairs duplicated paragraphs in order, so copies do not look moved', () => {
    const r = align(version([P.a, P.b, P.a, P.c]), version([P.a, P.b, P.a, P.c, P.a]));
    expect(kinds(r)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'added']);
    expect(r.paragraphs.slice(0, 3).map((p) => (p.kind === 'added' ? -1 : p.oldIndex))).toEqual([0, 1, 2]);
  });

  it('pairs hundreds of reworded copies of one line in order, reporting no moves', () => {
    const copies = (text: string) => Array.from({ length: 300 }, () => text);
    const r = align(
      version(copies('Advertisement: scroll to continue reading')),
      version(copies('Advertisement: scroll down to continue reading')),
    );
    expect(r.stats).toMatchObject({ reworded: 300, moved: 0, added: 0, removed: 0 });
    expect(r.paragraphs.every((p) => p.kind === 'reworded' && p.oldIndex === p.newIndex)).toBe(true);
  });

  it('diffs a changed title', () => {
    const r = align(
      version([P.a], 'Aleppo exodus growing, says Russia'),
      version([P.a], 'Aleppo exodus slowing, says Russia'),
    );
    expect(r.title.changed).toBe(true);
    expect(r.title.words).toEqual([
      { op: 'equal', text: 'Aleppo exodus ' },
      { op: 'delete', text: 'growing' },
      { op: 'insert', text: 'slowing' },
      { op: 'equal', text: ', says Russia' },
    ]);
  });

  it('falls back to delete + insert and reports capped when a diff exceeds its cost cap', () => {
    const words = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');
    // Three quarters of the words kept so the paragraphs still pair; the rest all different, a 400-token edit.
    const oldText = `${words('kept', 600)} ${words('old', 200)}`;
    const newText = `${words('kept', 600)} ${words('new', 200)}`;
    const r = align(version([oldText]), version([newText]), { maxEditLength: 50 });
    const p = reworded(r.paragraphs[0]);
    expect(r.capped).toBe(true);
    expect(p.words.map((w) => w.op)).toEqual(['equal', 'delete', 'insert']);
    expect(joinNew(p.words)).toBe(newText);
    expect(joinOld(p.words)).toBe(oldText);
  });

  it('lets the caller raise or lower the similarity threshold', () => {
    const changed = P.d
      .replace('Meanwhile Western powers have', 'The US and its allies')
      .replace('its ally', 'the ally');
    const loose = align(version([P.a, P.d]), version([P.a, changed]));
    const similarity = reworded(loose.paragraphs[1]).similarity;
    const strict = align(version([P.a, P.d]), version([P.a, changed]), { threshold: similarity + 0.01 });
    expect(kinds(strict)).toEqual(['unchanged', 'added']);
    expect(strict.removed.map((g) => g.oldIndex)).toEqual([1]);
  });

  it('keeps paragraphs without words (separators) out of splits', () => {
    const r = align(version([`${P.a} ${P.b}`, '* * *', P.c]), version([P.a, P.b, '\u2014', P.c]));
    expect(reworded(r.paragraphs[0]).group?.newIndices).toEqual([0, 1]);
    expect(r.paragraphs[2]!.kind).toBe('added');
    expect(r.removed.map((g) => g.text)).toEqual(['* * *']);
  });

  it('stops word-diffing when the alignment diff budget is spent, and says so', () => {
    const changed = P.c.replace('close in', 'closed in');
    const r = align(version([P.a, P.c]), version([P.a, changed]), { diffBudgetMs: 0 });
    const p = reworded(r.paragraphs[1]);
    expect(r.capped).toBe(true);
    // The shared start and end stay equal; the changed middle is one deletion and one insertion.
    expect(p.words.map((w) => w.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
    expect(joinNew(p.words)).toBe(changed);
    expect(joinOld(p.words)).toBe(P.c);
    // The headline is diffed before the budget can run out.
    expect(r.title.changed).toBe(false);
  });

  it('handles empty versions', () => {
    expect(align(version([]), version([])).paragraphs).toEqual([]);
    const added = align(version([]), version([P.a]));
    expect(kinds(added)).toEqual(['added']);
    const gone = align(version([P.a]), version([]));
    expect(gone.removed).toEqual([{ oldIndex: 0, text: P.a, before: 0 }]);
  });

  it('word-diffs Chinese by word, not by sentence', () => {
    const r = align(
      version([
        '我们今天去北京大学看看，然后在学校附近吃饭。',
        '这是另一段完全不同的内容，讲的是天气和交通情况。',
      ]),
      version([
        '我们明天去北京大学看看，然后在学校附近吃饭。',
        '这是另一段完全不同的内容，讲的是天气和交通情况。',
      ]),
    );
    const p = reworded(r.paragraphs[0]);
    expect(p.words.filter((w) => w.op !== 'equal')).toEqual([
      { op: 'delete', text: '今天' },
      { op: 'insert', text: '明天' },
    ]);
    expect(r.paragraphs[1]!.kind).toBe('unchanged');
  });
});
