/**
 * Two versions side by side, NewsSniffer-style, but paired by Redline's alignment: each row holds an old
 * paragraph and the new paragraph it became (or only one side, for removed and added ones), in the new order,
 * with removed paragraphs at the place they stood.
 */
import type { AlignResult, WordChange } from '../core/model';

export type RowKind = 'unchanged' | 'moved' | 'reworded' | 'added' | 'removed';

export interface CompareRow {
  kind: RowKind;
  /** Old side as word runs (`equal` and `delete`); null when the row has no old paragraph. */
  old: WordChange[] | null;
  /** New side as word runs (`equal` and `insert`); null when the row has no new paragraph. */
  new: WordChange[] | null;
  oldIndex: number | null;
  newIndex: number | null;
  /** A reworded paragraph that also moved. */
  moved: boolean;
  /** Reworded rows: the word runs in reading order, for the inline view; null otherwise. */
  words: WordChange[] | null;
  /** Left out of the comparison by one of the reader's ignore rules (shown muted, not counted). */
  ignored?: boolean;
}

function plain(text: string): WordChange[] {
  return [{ op: 'equal', text }];
}

/** Splits word-diff runs into the old side (equal + delete) and the new side (equal + insert). */
export function sides(words: readonly WordChange[]): { old: WordChange[]; new: WordChange[] } {
  return {
    old: words.filter((w) => w.op !== 'insert'),
    new: words.filter((w) => w.op !== 'delete'),
  };
}

export function compareRows(
  result: AlignResult,
  oldParagraphs: readonly string[],
  newParagraphs: readonly string[],
): CompareRow[] {
  const removedBefore = new Map<number, CompareRow[]>();
  for (const removed of result.removed) {
    const row: CompareRow = {
      kind: 'removed',
      old: plain(removed.text),
      new: null,
      oldIndex: removed.oldIndex,
      newIndex: null,
      moved: false,
      words: null,
    };
    const list = removedBefore.get(removed.before);
    if (list) list.push(row);
    else removedBefore.set(removed.before, [row]);
  }
  const rows: CompareRow[] = [];
  const flushRemoved = (before: number) => rows.push(...(removedBefore.get(before) ?? []));

  for (const change of result.paragraphs) {
    flushRemoved(change.newIndex);
    const newText = newParagraphs[change.newIndex] ?? '';
    switch (change.kind) {
      case 'added':
        rows.push({
          kind: 'added',
          old: null,
          new: plain(newText),
          oldIndex: null,
          newIndex: change.newIndex,
          moved: false,
          words: null,
        });
        break;
      case 'reworded': {
        const split = sides(change.words);
        rows.push({
          kind: 'reworded',
          old: split.old,
          new: split.new,
          oldIndex: change.oldIndex,
          newIndex: change.newIndex,
          moved: change.moved,
          words: change.words,
        });
        break;
      }
      default:
        rows.push({
          kind: change.kind,
          old: plain(oldParagraphs[change.oldIndex] ?? ''),
          new: plain(newText),
          oldIndex: change.oldIndex,
          newIndex: change.newIndex,
          moved: change.kind === 'moved',
          words: null,
        });
    }
  }
  flushRemoved(newParagraphs.length);
  // A removal placed past the end by a shorter new version still belongs in the table.
  for (const [before, list] of removedBefore) if (before > newParagraphs.length) rows.push(...list);
  return rows;
}
