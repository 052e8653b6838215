/**
 * Places a word plan on the page: deleted old words become `<del data-redline-old>` elements at their place in
 * the page's text, inserted new words become Ranges for the highlight registry. Placing a `<del>` inside a text
 * node needs that node split in two; the journal re-joins exactly those pieces on teardown.
 */
import type { DomJournal } from './journal';
import type { TextPoint, WordPlan } from './textMap';

/** Follows text nodes across the splits made here, so points computed before splitting stay usable. */
class SplitTracker {
  // For each original node, its pieces in order with the original offset each starts at.
  private readonly pieces = new Map<Text, { start: number; node: Text }[]>();

  piecesOf(node: Text): { start: number; node: Text }[] {
    let list = this.pieces.get(node);
    if (!list) {
      list = [{ start: 0, node }];
      this.pieces.set(node, list);
    }
    return list;
  }

  /**
   * The piece holding original offset `offset` and the offset within it. At a split point, `asEnd` picks the
   * end of the earlier piece rather than the start of the later one, so a range ending there does not take in
   * a `<del>` placed between the two.
   */
  resolve(point: TextPoint, asEnd = false): TextPoint {
    const list = this.piecesOf(point.node);
    let found = list[0] ?? { start: 0, node: point.node };
    for (const piece of list) {
      if (asEnd ? piece.start < point.offset : piece.start <= point.offset) found = piece;
    }
    return { node: found.node, offset: point.offset - found.start };
  }

  split(point: TextPoint, journal: DomJournal): void {
    const at = this.resolve(point);
    const rest = journal.splitText(at.node, at.offset);
    const list = this.piecesOf(point.node);
    list.push({ start: point.offset, node: rest });
    list.sort((a, b) => a.start - b.start);
  }
}

/**
 * Inserts `node` at `point` in the page's text, splitting the text node when the point is inside it. A second
 * node at the same point goes after the first, so consecutive deletions keep their order.
 */
function insertAt(
  point: TextPoint,
  node: Node,
  tracker: SplitTracker,
  journal: DomJournal,
  lastAt: Map<Text, Map<number, Node>>,
): void {
  const atPoint = lastAt.get(point.node) ?? new Map<number, Node>();
  lastAt.set(point.node, atPoint);
  const previous = atPoint.get(point.offset);
  if (previous?.parentNode) {
    previous.parentNode.insertBefore(node, previous.nextSibling);
  } else {
    let at = tracker.resolve(point);
    if (at.offset > 0 && at.offset < at.node.length) {
      tracker.split(point, journal);
      at = tracker.resolve(point);
    }
    const parent = at.node.parentNode;
    if (!parent) return;
    parent.insertBefore(node, at.offset === 0 ? at.node : at.node.nextSibling);
  }
  atPoint.set(point.offset, node);
  journal.inserted(node);
}

export interface PlacedWords {
  /** Ranges over the page's own text that the new version inserted. */
  inserted: Range[];
  /** The `<del data-redline-old>` elements, in text order. */
  deleted: HTMLElement[];
}

/** Puts the plan on the page. The inserted-word ranges are built after all splits, over the final pieces. */
export function placeWordMarks(doc: Document, plan: WordPlan, journal: DomJournal): PlacedWords {
  const tracker = new SplitTracker();
  const lastAt = new Map<Text, Map<number, Node>>();
  const deleted: HTMLElement[] = [];
  for (const deletion of plan.deleted) {
    const del = doc.createElement('del');
    del.setAttribute('data-redline-old', 'words');
    del.textContent = deletion.text;
    insertAt(deletion.at, del, tracker, journal, lastAt);
    deleted.push(del);
  }
  const inserted: Range[] = [];
  for (const span of plan.inserted) {
    const start = tracker.resolve(span.start);
    const end = tracker.resolve(span.end, true);
    const range = doc.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    inserted.push(range);
  }
  return { inserted, deleted };
}
