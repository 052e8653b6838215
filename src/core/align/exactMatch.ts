/**
 * Exact pairing: paragraphs whose words are the same (equal comparison forms, see `compareText`), so spacing,
 * nbsp, quote style or soft hyphens never count as an edit.
 *
 * Three passes keep the common case cheap: identical strings in order (one comparison each), identical
 * strings anywhere (one hash lookup each), then comparison forms for the few left, because normalising 5,000
 * paragraphs costs more than the whole alignment budget. When the pairs hold a move, copies of the same text are
 * paired again so as to keep order (copies.ts), which keeps duplicates from looking moved. (Known limit: when
 * copies of a text also differ in display form, e.g. one straight-quoted and one curly, the identical-string
 * pass pairs first, so copies may pair crosswise; only their "moved" marks can differ.)
 */
import { comparisonForm } from './comparisonForm';
import { pairCopiesInOrder } from './copies';

export interface ExactMatch {
  /** newOfOld[i] = new index paired with old paragraph i, or -1. */
  newOfOld: Int32Array;
  oldOfNew: Int32Array;
  /** Comparison forms computed on the way, by paragraph index (only for paragraphs left after the first pass). */
  oldKeys: Map<number, string>;
  newKeys: Map<number, string>;
}

function pairByKey(
  oldIndices: readonly number[],
  newIndices: readonly number[],
  oldKey: (i: number) => string,
  newKey: (j: number) => string,
  newOfOld: Int32Array,
  oldOfNew: Int32Array,
): void {
  // First old paragraph holding each text; copies chained in order through `next`, so no array per text.
  const first = new Map<string, number>();
  const next = new Int32Array(newOfOld.length);
  for (let k = oldIndices.length - 1; k >= 0; k--) {
    const i = oldIndices[k]!;
    const key = oldKey(i);
    next[i] = first.get(key) ?? -1;
    first.set(key, i);
  }
  for (const j of newIndices) {
    const key = newKey(j);
    const i = first.get(key);
    if (i === undefined) continue;
    if (next[i] === -1) first.delete(key);
    else first.set(key, next[i]!);
    newOfOld[i] = j;
    oldOfNew[j] = i;
  }
}

// How far the in-order walk looks ahead to step over an inserted or deleted run.
const LOOKAHEAD = 4;

/**
 * Pairs identical strings that stay in order, walking both versions at once and stepping over short runs of
 * inserted, deleted or changed paragraphs. Between two revisits almost every paragraph is identical and in
 * place, so this pairs nearly all of them with one string comparison each, without hashing thousands of long
 * strings; whatever it leaves (moved paragraphs, long runs) goes through the hash passes.
 */
function pairInOrder(
  oldParagraphs: readonly string[],
  newParagraphs: readonly string[],
  newOfOld: Int32Array,
  oldOfNew: Int32Array,
): void {
  let i = 0;
  let j = 0;
  while (i < oldParagraphs.length && j < newParagraphs.length) {
    if (oldParagraphs[i] === newParagraphs[j]) {
      newOfOld[i++] = j;
      oldOfNew[j++] = i - 1;
      continue;
    }
    let step = 0;
    for (let d = 1; d <= LOOKAHEAD && step === 0; d++) {
      if (newParagraphs[j + d] === oldParagraphs[i]) step = d;
      else if (oldParagraphs[i + d] === newParagraphs[j]) step = -d;
    }
    if (step > 0) j += step;
    else if (step < 0) i -= step;
    else {
      i++;
      j++;
    }
  }
}

export function matchExactly(oldParagraphs: readonly string[], newParagraphs: readonly string[]): ExactMatch {
  const newOfOld = new Int32Array(oldParagraphs.length).fill(-1);
  const oldOfNew = new Int32Array(newParagraphs.length).fill(-1);
  pairInOrder(oldParagraphs, newParagraphs, newOfOld, oldOfNew);
  const left = () => {
    const oldLeft: number[] = [];
    const newLeft: number[] = [];
    for (let i = 0; i < oldParagraphs.length; i++) if (newOfOld[i] === -1) oldLeft.push(i);
    for (let j = 0; j < newParagraphs.length; j++) if (oldOfNew[j] === -1) newLeft.push(j);
    return { oldLeft, newLeft };
  };
  const first = left();
  pairByKey(
    first.oldLeft,
    first.newLeft,
    (i) => oldParagraphs[i]!,
    (j) => newParagraphs[j]!,
    newOfOld,
    oldOfNew,
  );
  const oldKeys = new Map<number, string>();
  const newKeys = new Map<number, string>();
  const { oldLeft, newLeft } = left();
  if (oldLeft.length > 0 && newLeft.length > 0) {
    for (const i of oldLeft) oldKeys.set(i, comparisonForm(oldParagraphs[i]!));
    for (const j of newLeft) newKeys.set(j, comparisonForm(newParagraphs[j]!));
    pairByKey(
      oldLeft,
      newLeft,
      (i) => oldKeys.get(i)!,
      (j) => newKeys.get(j)!,
      newOfOld,
      oldOfNew,
    );
  }
  pairCopiesInOrder(oldParagraphs, newParagraphs, newOfOld, oldOfNew);
  return { newOfOld, oldOfNew, oldKeys, newKeys };
}
