/**
 * Checks the marks Redline left on the BBC v2 page against the paragraph-level reference alignment
 * (test/fixtures/bbc-aleppo/reference.json) and returns every disagreement in words, so a failing test
 * says which paragraph is wrong and how.
 */
import { compareText } from '../../../src/core/text';
import type { BbcReference } from '../../fixtures/pages/fixture-pages';
import type { PageMarks } from './page-marks';

export function referenceDisagreements(
  marks: PageMarks,
  ref: BbcReference,
  v1: readonly string[],
  v2: readonly string[],
): string[] {
  const problems: string[] = [];
  const blocks = marks.blocks;
  if (blocks.length !== v2.length) {
    problems.push(`expected ${v2.length} article paragraphs on the page, found ${blocks.length}`);
    return problems;
  }
  blocks.forEach((block, i) => {
    if (compareText(block.text) !== compareText(v2[i] ?? '')) {
      problems.push(`paragraph ${i}: the page's own text was altered to "${block.text.slice(0, 80)}"`);
    }
  });

  const removed = new Set(marks.removed.map(compareText));
  const wasRemoved = (oldIndex: number): boolean => removed.has(compareText(v1[oldIndex] ?? ''));
  const movedRequired = new Set(ref.moved.required.map(([, n]) => n));
  const movedAcceptable = new Set(ref.moved.acceptable.map(([, n]) => n));
  const describe = (i: number): string => {
    const b = blocks[i];
    return b ? `data-redline=${b.mark ?? 'none'}${b.moved ? ' +moved' : ''}` : 'missing';
  };
  const checkMoved = (n: number): void => {
    const moved = blocks[n]?.moved === true || blocks[n]?.mark === 'moved';
    if (movedRequired.has(n) && !moved)
      problems.push(`paragraph ${n}: should be marked moved (${describe(n)})`);
    if (!movedRequired.has(n) && !movedAcceptable.has(n) && moved) {
      problems.push(`paragraph ${n}: marked moved but kept its place (${describe(n)})`);
    }
  };

  for (const [, n] of ref.unchanged) {
    if (blocks[n]?.mark !== null || blocks[n]?.moved) {
      problems.push(`paragraph ${n}: unchanged, but ${describe(n)}`);
    }
  }
  for (const [, n] of ref.reworded.required) {
    if (blocks[n]?.mark !== 'reworded')
      problems.push(`paragraph ${n}: should be reworded, is ${describe(n)}`);
    checkMoved(n);
  }
  const allowedRemoved = new Set(ref.removed.required);
  for (const [o, n] of ref.reworded.acceptable) {
    const mark = blocks[n]?.mark;
    if (mark === 'reworded') {
      checkMoved(n);
    } else if (mark === 'added') {
      allowedRemoved.add(o);
      if (!wasRemoved(o))
        problems.push(`paragraph ${n} is shown as added, so old paragraph ${o} must be removed`);
    } else {
      problems.push(`paragraph ${n}: should be reworded (or added), is ${describe(n)}`);
    }
  }
  for (const n of ref.added.required) {
    if (blocks[n]?.mark !== 'added') problems.push(`paragraph ${n}: should be added, is ${describe(n)}`);
  }
  for (const o of ref.removed.required) {
    if (!wasRemoved(o))
      problems.push(`old paragraph ${o} should appear as removed: "${v1[o]?.slice(0, 60)}…"`);
  }
  for (const text of marks.removed) {
    const o = v1.findIndex((p) => compareText(p) === compareText(text));
    if (o === -1)
      problems.push(`a removed element holds text that is no v1 paragraph: "${text.slice(0, 80)}"`);
    else if (!allowedRemoved.has(o)) problems.push(`old paragraph ${o} is shown as removed but was kept`);
  }
  if (marks.removedHaveOld.some((has) => !has)) problems.push('a removed element lacks data-redline-old');
  if (marks.removed.length !== new Set(marks.removed).size)
    problems.push('a removed paragraph is shown twice');
  if (ref.title.label === 'changed' && !marks.headlineMark)
    problems.push('the changed headline is not marked');
  return problems;
}
