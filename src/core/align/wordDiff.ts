/**
 * Word-level diff of two display texts: jsdiff's `diffArrays` (Myers) over `Intl.Segmenter` tokens compared in
 * comparison form, so a quote style or nbsp change is never a word change.
 *
 * Output runs are in display form. Joining `equal` + `insert` runs gives the new text exactly; joining `equal` +
 * `delete` gives the old text up to comparison form (an equal run carries the new side's spelling of the same
 * words, e.g. its quote style).
 *
 * Cost cap: Myers is O((N+M)·D), so every diff runs with `maxEditLength` (D) and a `timeout`; past either, the
 * changed middle is reported as one delete of the old words and one insert of the new ones, and `capped` is set.
 * A changed middle longer than `MAX_DIFF_CHARS` takes that fallback at once.
 */
import { diffArrays } from 'diff';
import type { WordChange } from '../model';
import { compareText } from '../text';
import { TokenIds, wordTokens } from './segment';

/**
 * Edit script length in tokens (words, spaces and punctuation each count) past which a diff falls back: about
 * 500 changed words, more than any paragraph worth showing word by word; Myers then stops after D² = 10⁶
 * steps, a few milliseconds.
 */
export const DEFAULT_MAX_EDIT_LENGTH = 1000;
/** Wall-clock cap per diff on top of `maxEditLength`, for slow devices; normally never reached. */
export const DEFAULT_TIMEOUT_MS = 100;
/**
 * Characters of changed middle (old + new) past which a diff falls back without segmenting at all: about 150,000
 * words. Segmenting and interning are linear but cost ~1 s per million characters, before Myers even starts; no
 * paragraph that long is read word by word.
 */
export const MAX_DIFF_CHARS = 1_000_000;

export interface DiffCaps {
  maxEditLength?: number;
  /** 0: no time left, fall back at once. */
  timeoutMs?: number;
}

export interface DiffWordsOptions extends DiffCaps {
  /** BCP 47 tag of the text's language, for the word segmenter; the default segmenter handles most scripts. */
  locale?: string;
}

/** One token of an edit script; an equal token keeps both spellings. */
export interface TokenEdit {
  op: WordChange['op'];
  /** Display text: the new token for equal and insert, the old token for delete. */
  text: string;
  /** For equal tokens, the old side's token (may differ from `text` in quote style, spaces...). */
  old?: string;
}

export interface TokenDiff {
  edits: TokenEdit[];
  capped: boolean;
}

/** Diffs two token lists; `ids` interns tokens by comparison form (share one per alignment to normalise once). */
export function diffTokenLists(
  oldTokens: readonly string[],
  newTokens: readonly string[],
  ids: TokenIds,
  caps: DiffCaps = {},
): TokenDiff {
  const a = ids.ids(oldTokens);
  const b = ids.ids(newTokens);
  const edits: TokenEdit[] = [];
  // The common prefix and suffix are most of a lightly edited paragraph: trimming them keeps Myers on the middle.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    edits.push({ op: 'equal', text: newTokens[start]!, old: oldTokens[start]! });
    start++;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  let capped = false;
  if (endA > start && endB > start) {
    const changes = diffArrays(a.slice(start, endA), b.slice(start, endB), {
      maxEditLength: caps.maxEditLength ?? DEFAULT_MAX_EDIT_LENGTH,
      timeout: caps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    if (changes) {
      let i = start;
      let j = start;
      for (const change of changes) {
        for (let k = 0; k < change.count; k++) {
          if (change.added) edits.push({ op: 'insert', text: newTokens[j++]! });
          else if (change.removed) edits.push({ op: 'delete', text: oldTokens[i++]! });
          else edits.push({ op: 'equal', text: newTokens[j++]!, old: oldTokens[i++]! });
        }
      }
    } else {
      capped = true;
      for (let i = start; i < endA; i++) edits.push({ op: 'delete', text: oldTokens[i]! });
      for (let j = start; j < endB; j++) edits.push({ op: 'insert', text: newTokens[j]! });
    }
  } else {
    for (let i = start; i < endA; i++) edits.push({ op: 'delete', text: oldTokens[i]! });
    for (let j = start; j < endB; j++) edits.push({ op: 'insert', text: newTokens[j]! });
  }
  for (let i = endA, j = endB; j < newTokens.length; i++, j++) {
    edits.push({ op: 'equal', text: newTokens[j]!, old: oldTokens[i]! });
  }
  return { edits, capped };
}

const WHITESPACE_ONLY = /^\s+$/u;

/**
 * Turns a token edit script into display runs, tidied for reading:
 * - a lone space kept between two changes joins them ("a b" → "x y" is one deletion and one insertion, not
 *   word/space/word fragments);
 * - in each changed stretch all deleted text comes before all inserted text;
 * - a stretch whose deleted and inserted text have the same comparison form is equal after all (the segmenter
 *   can cut `''` and `"` differently, so token ids alone miss it).
 */
export function toRuns(edits: readonly TokenEdit[]): WordChange[] {
  const runs: WordChange[] = [];
  const push = (op: WordChange['op'], text: string) => {
    if (text === '') return;
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.text += text;
    else runs.push({ op, text });
  };
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted === '' && inserted === '') return;
    if (deleted !== '' && inserted !== '' && compareText(deleted) === compareText(inserted)) {
      push('equal', inserted);
    } else {
      push('delete', deleted);
      push('insert', inserted);
    }
    deleted = '';
    inserted = '';
  };
  let i = 0;
  while (i < edits.length) {
    const edit = edits[i]!;
    if (edit.op === 'delete') deleted += edit.text;
    else if (edit.op === 'insert') inserted += edit.text;
    else {
      let end = i;
      while (end < edits.length && edits[end]!.op === 'equal') end++;
      const inChange = deleted !== '' || inserted !== '';
      const isGap = end - i === 1 && WHITESPACE_ONLY.test(edit.text) && end < edits.length;
      if (inChange && isGap) {
        deleted += edit.old ?? edit.text;
        inserted += edit.text;
      } else {
        flush();
        for (let k = i; k < end; k++) push('equal', edits[k]!.text);
      }
      i = end;
      continue;
    }
    i++;
  }
  flush();
  return runs;
}

const SPACE = /\s/u;
const CJK_STOP = /[\u3001\u3002\uff01\uff0c\uff1a\uff1b\uff1f]/u;

/**
 * Diffs two display texts. The common prefix and suffix (cut back to a word boundary: the start of a whitespace
 * run, or after ideographic punctuation) are compared as characters and never segmented: Intl.Segmenter costs
 * ~0.4 µs per character in V8, and a reworded paragraph usually differs in a few words of its middle.
 */
export function diffTexts(
  oldText: string,
  newText: string,
  ids: TokenIds,
  caps: DiffCaps = {},
  locale?: string,
): TokenDiff {
  if (oldText === newText) {
    return { edits: oldText === '' ? [] : [{ op: 'equal', text: newText, old: oldText }], capped: false };
  }
  const shorter = Math.min(oldText.length, newText.length);
  let common = 0;
  while (common < shorter && oldText.charCodeAt(common) === newText.charCodeAt(common)) common++;
  let prefix = 0;
  for (let i = common - 1; i > 0; i--) {
    // Before a whitespace run the shared character at i starts; or after shared ideographic punctuation.
    if ((SPACE.test(oldText[i]!) && !SPACE.test(oldText[i - 1]!)) || CJK_STOP.test(oldText[i - 1]!)) {
      prefix = i;
      break;
    }
  }
  if (common > 0 && CJK_STOP.test(oldText[common - 1]!)) prefix = Math.max(prefix, common);
  let commonEnd = 0;
  while (
    commonEnd < shorter - prefix &&
    oldText.charCodeAt(oldText.length - 1 - commonEnd) === newText.charCodeAt(newText.length - 1 - commonEnd)
  ) {
    commonEnd++;
  }
  let suffix = 0;
  for (let k = commonEnd; k > 0; k--) {
    // The suffix would start at `at` in the old text and `bt` in the new: a shared whitespace after a
    // non-whitespace character on both sides, or after shared ideographic punctuation.
    const at = oldText.length - k;
    const bt = newText.length - k;
    const beforeA = oldText[at - 1];
    const beforeB = newText[bt - 1];
    const atSpace =
      SPACE.test(oldText[at]!) &&
      beforeA !== undefined &&
      beforeB !== undefined &&
      !SPACE.test(beforeA) &&
      !SPACE.test(beforeB);
    if (atSpace || (k < commonEnd && CJK_STOP.test(beforeA ?? ''))) {
      suffix = k;
      break;
    }
  }
  const head = oldText.slice(0, prefix);
  const tail = oldText.slice(oldText.length - suffix);
  const oldMiddle = oldText.slice(prefix, oldText.length - suffix);
  const newMiddle = newText.slice(prefix, newText.length - suffix);
  const middle: TokenDiff =
    caps.timeoutMs === 0 || oldMiddle.length + newMiddle.length > MAX_DIFF_CHARS
      ? {
          edits: [
            ...(oldMiddle === '' ? [] : [{ op: 'delete' as const, text: oldMiddle }]),
            ...(newMiddle === '' ? [] : [{ op: 'insert' as const, text: newMiddle }]),
          ],
          capped: true,
        }
      : diffTokenLists(wordTokens(oldMiddle, locale), wordTokens(newMiddle, locale), ids, caps);
  const edits: TokenEdit[] = [];
  if (head !== '') edits.push({ op: 'equal', text: head, old: head });
  // A loop, not push(...): spreading a page-sized array overflows the call stack (a 40,000-word paragraph did).
  for (const edit of middle.edits) edits.push(edit);
  if (tail !== '') edits.push({ op: 'equal', text: tail, old: tail });
  return { edits, capped: middle.capped };
}

/**
 * Cuts one edit script whose new side is `parts` joined by single spaces into one script per part. The joining
 * spaces belong to no part and are dropped; deleted text goes with the part before it, except whitespace-only
 * deletions at a part's edge, which would only mark a gap between two paragraphs.
 */
export function cutByNewParts(edits: readonly TokenEdit[], partLengths: readonly number[]): TokenEdit[][] {
  const out: TokenEdit[][] = partLengths.map(() => []);
  const starts: number[] = [];
  let position = 0;
  for (const length of partLengths) {
    starts.push(position);
    position += length + 1;
  }
  let part = 0;
  let offset = 0;
  for (const edit of edits) {
    if (edit.op === 'delete') {
      out[part]!.push(edit);
      continue;
    }
    const from = offset;
    const to = offset + edit.text.length;
    for (let k = part; k < partLengths.length; k++) {
      const start = starts[k]!;
      if (start >= to) break;
      const a = Math.max(from, start);
      const b = Math.min(to, start + partLengths[k]!);
      if (a >= b) continue;
      const whole = a === from && b === to;
      const text = whole ? edit.text : edit.text.slice(a - from, b - from);
      const piece: TokenEdit = { op: edit.op, text };
      if (edit.op === 'equal') piece.old = whole ? (edit.old ?? text) : text;
      out[k]!.push(piece);
      part = k;
    }
    offset = to;
  }
  for (const list of out) {
    while (list.length > 0 && list[0]!.op === 'delete' && WHITESPACE_ONLY.test(list[0]!.text)) list.shift();
    while (list.length > 0 && list.at(-1)!.op === 'delete' && WHITESPACE_ONLY.test(list.at(-1)!.text))
      list.pop();
  }
  return out;
}

/** Word-level diff of two display texts, runs in display form; `capped` when the fallback was used. */
export function diffWords(
  oldText: string,
  newText: string,
  opts: DiffWordsOptions = {},
): { words: WordChange[]; capped: boolean } {
  const diff = diffTexts(oldText, newText, new TokenIds(), opts, opts.locale);
  return { words: toRuns(diff.edits), capped: diff.capped };
}
