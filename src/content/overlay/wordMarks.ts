/**
 * Word marks of a reworded paragraph, without touching the page's text nodes (issue 9, item 7): a framework
 * that later re-renders the paragraph updates the very text nodes it made, so the page shows exactly its new
 * text, with or without marks. Splitting a node to put a deleted word inside it left the framework updating one
 * piece and the other piece stale.
 *
 * - Inserted words are StaticRanges over the page's own text, painted by the highlight registry (highlights.ts).
 *   A StaticRange is not updated on every later DOM change, as a live Range is, so thousands cost nothing
 *   while the overlay mounts.
 * - Deleted words are shown in a "Was:" line after the paragraph: its old text, unchanged words plain and
 *   deleted ones struck, inside a closed shadow root in the normal build (oldText.ts).
 */

import type { WordChange } from '../../core/model';
import { t } from '../../ui/i18n';
import type { DomJournal } from './journal';
import { fillOldText } from './oldText';
import type { WordPlan } from './textMap';

type StaticRangeCtor = new (init: StaticRangeInit) => StaticRange;

/** The inserted-word spans of `plan` as ranges the highlight registry accepts. */
export function insertedRanges(doc: Document, plan: WordPlan): AbstractRange[] {
  const view = doc.defaultView as (Window & { StaticRange?: StaticRangeCtor }) | null;
  const Static = view?.StaticRange;
  return plan.inserted.map(({ start, end }) => {
    if (Static) {
      return new Static({
        startContainer: start.node,
        startOffset: start.offset,
        endContainer: end.node,
        endOffset: end.offset,
      });
    }
    const range = doc.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    return range;
  });
}

/** True when the word diff deleted any old word. */
export function hasDeletions(words: readonly WordChange[]): boolean {
  return words.some((run) => run.op === 'delete' && run.text.trim() !== '');
}

/**
 * Inserts the "Was:" line after `after` (the paragraph, or the line before this one): the old text from `words`
 * (equal and deleted runs), each deleted run in a `<del>` (`data-redline-old="words"`, part `deleted`).
 * Without word runs, `oldText` is shown whole.
 */
export function placeWasLine(
  after: Element,
  words: readonly WordChange[],
  oldText: string,
  readable: boolean,
  journal: DomJournal,
): HTMLElement {
  const doc = after.ownerDocument;
  const line = doc.createElement('div');
  line.setAttribute('data-redline-old', 'paragraph-text');
  line.setAttribute('title', t('mark_was_title'));
  fillOldText(
    line,
    (parent) => {
      if (words.length === 0) {
        parent.append(doc.createTextNode(oldText));
        return;
      }
      for (const run of words) {
        if (run.op === 'equal') parent.append(doc.createTextNode(run.text));
        else if (run.op === 'delete') {
          const del = doc.createElement('del');
          del.setAttribute('data-redline-old', 'words');
          del.setAttribute('part', 'deleted');
          del.textContent = run.text;
          parent.append(del);
        }
      }
    },
    readable,
  );
  after.after(journal.inserted(line));
  return line;
}
