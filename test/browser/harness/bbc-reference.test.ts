/**
 * The reference check itself, on hand-made marks (no browser): the marks the reference describes pass, and each
 * kind of mistake is named.
 */
import { describe, expect, it } from 'vitest';
import { BBC_REFERENCE, BBC_V1, BBC_V2 } from '../../fixtures/pages/fixture-pages';
import { referenceDisagreements } from './bbc-reference';
import type { PageMarks } from './page-marks';

/** The marks a perfect Redline would leave on v2, straight from the reference. */
function perfectMarks(): PageMarks {
  const blocks = BBC_V2.paragraphs.map((text) => ({ text, mark: null as string | null, moved: false }));
  const set = (n: number, mark: string, moved = false) => {
    const block = blocks[n];
    if (block) Object.assign(block, { mark, moved });
  };
  for (const n of BBC_REFERENCE.added.required) set(n, 'added');
  for (const [, n] of [...BBC_REFERENCE.reworded.required, ...BBC_REFERENCE.reworded.acceptable])
    set(n, 'reworded');
  for (const [, n] of BBC_REFERENCE.moved.required) set(n, 'reworded', true);
  const removed = BBC_REFERENCE.removed.required.map((o) => BBC_V1.paragraphs[o] ?? '');
  return {
    blocks,
    removed,
    removedHaveOld: removed.map(() => true),
    headlineMark: 'reworded',
    markedCount: 0,
    pageText: '',
  };
}

const check = (marks: PageMarks) =>
  referenceDisagreements(marks, BBC_REFERENCE, BBC_V1.paragraphs, BBC_V2.paragraphs);

describe('referenceDisagreements', () => {
  it('accepts the marks the reference describes', () => {
    expect(check(perfectMarks())).toEqual([]);
  });

  it('accepts an acceptable pair shown as added with its old paragraph removed', () => {
    const marks = perfectMarks();
    const [o, n] = BBC_REFERENCE.reworded.acceptable[0] ?? [0, 0];
    Object.assign(marks.blocks[n] ?? {}, { mark: 'added' });
    marks.removed.push(BBC_V1.paragraphs[o] ?? '');
    marks.removedHaveOld.push(true);
    expect(check(marks)).toEqual([]);
  });

  it('names each kind of mistake', () => {
    const marks = perfectMarks();
    Object.assign(marks.blocks[7] ?? {}, { mark: 'reworded' }); // unchanged [1, 7]
    Object.assign(marks.blocks[2] ?? {}, { moved: false }); // the required move
    marks.removed.pop();
    marks.removedHaveOld[0] = false;
    marks.headlineMark = null;
    expect(check(marks)).toEqual([
      'paragraph 7: unchanged, but data-redline=reworded',
      'paragraph 2: should be marked moved (data-redline=reworded)',
      expect.stringMatching(/^old paragraph 8 should appear as removed/),
      'a removed element lacks data-redline-old',
      'the changed headline is not marked',
    ]);
  });

  it('notices page text that was altered', () => {
    const marks = perfectMarks();
    Object.assign(marks.blocks[0] ?? {}, { text: 'Something else entirely.' });
    expect(check(marks)).toEqual([expect.stringMatching(/^paragraph 0: the page's own text was altered/)]);
  });
});
