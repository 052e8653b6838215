// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { AlignResult } from '../../core/model';
import { DomJournal } from './journal';
import { placeParagraphChanges } from './paragraphMarks';

function result(paragraphs: AlignResult['paragraphs'], removed: AlignResult['removed'] = []): AlignResult {
  return {
    title: { changed: false, old: 'T', new: 'T', words: [] },
    paragraphs,
    removed,
    stats: { unchanged: 0, added: 0, removed: 0, reworded: 0, moved: 0 },
    capped: false,
  };
}

describe('placeParagraphChanges', () => {
  it('returns one item per placed change and the inserted-word ranges', () => {
    document.body.innerHTML = '<p id="a">one new</p><p id="b">two</p>';
    const elements = [document.getElementById('a'), document.getElementById('b')];
    const placed = placeParagraphChanges(
      document,
      result(
        [
          {
            kind: 'reworded',
            newIndex: 0,
            oldIndex: 0,
            moved: false,
            similarity: 0.7,
            words: [
              { op: 'equal', text: 'one ' },
              { op: 'delete', text: 'old' },
              { op: 'insert', text: 'new' },
            ],
          },
          { kind: 'unchanged', newIndex: 1, oldIndex: 1 },
        ],
        [{ oldIndex: 2, text: 'gone', before: 2 }],
      ),
      elements,
      null,
      ['one old', 'two', 'gone'],
      new DomJournal(),
    );
    expect(placed.items.map((i) => i.description).sort()).toEqual([
      'Removed paragraph',
      'Reworded paragraph',
    ]);
    const range = document.createRange();
    const [inserted] = placed.insertedRanges;
    range.setStart(inserted!.startContainer, inserted!.startOffset);
    range.setEnd(inserted!.endContainer, inserted!.endOffset);
    expect(placed.insertedRanges).toHaveLength(1);
    expect(range.toString()).toBe('new');
    // The deleted word is in a "Was:" line after the paragraph, not inside the page's text.
    expect(document.getElementById('a')?.lastChild?.textContent).toBe('one new');
    expect(document.getElementById('a')?.nextElementSibling?.textContent).toBe('one old');
  });

  it('marks an element shared by two paragraphs once, with the word marks of each', () => {
    document.body.innerHTML = '<p id="a">first one<br>second two</p>';
    const p = document.getElementById('a');
    const reworded = (newIndex: number, oldWord: string, text: string) => ({
      kind: 'reworded' as const,
      newIndex,
      oldIndex: newIndex,
      moved: false,
      similarity: 0.7,
      words: [
        { op: 'delete' as const, text: `${oldWord} ` },
        { op: 'equal' as const, text },
      ],
    });
    const placed = placeParagraphChanges(
      document,
      result([
        reworded(0, 'old', 'first one'),
        { kind: 'added', newIndex: 1 },
        reworded(2, 'older', 'second two'),
      ]),
      [p, p, p],
      null,
      ['old first one', 'x', 'older second two'],
      new DomJournal(),
    );
    expect(placed.items).toHaveLength(1);
    expect(p?.getAttribute('data-redline')).toBe('reworded');
    expect(p?.querySelectorAll('[data-redline-label]')).toHaveLength(1);
    expect(p?.querySelector('del')).toBeNull();
    const lines = Array.from(document.querySelectorAll('[data-redline-old="paragraph-text"]'));
    expect(lines.map((line) => line.textContent)).toEqual(['old first one', 'older second two']);
    expect(lines.flatMap((line) => Array.from(line.querySelectorAll('del'), (d) => d.textContent))).toEqual([
      'old ',
      'older ',
    ]);
  });

  it('shows the old text after the element when the words cannot be placed', () => {
    document.body.innerHTML = '<p id="a">what the page shows</p>';
    const p = document.getElementById('a');
    placeParagraphChanges(
      document,
      result([
        {
          kind: 'reworded',
          newIndex: 0,
          oldIndex: 0,
          moved: true,
          similarity: 0.6,
          words: [{ op: 'insert', text: 'what the extractor saw' }],
        },
      ]),
      [p],
      null,
      ['the old text'],
      new DomJournal(),
    );
    expect(p?.getAttribute('data-redline-moved')).toBe('');
    const old = p?.nextElementSibling;
    expect(old?.getAttribute('data-redline-old')).toBe('paragraph-text');
    expect(old?.textContent).toBe('the old text');
  });
});
