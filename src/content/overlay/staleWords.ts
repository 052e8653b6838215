/**
 * Inserted words are painted over StaticRanges (wordMarks.ts), which keep their offsets when the page changes
 * the text under them. A page's framework that re-renders a marked paragraph (Preact setting a text node's
 * data, React replacing it) would leave the highlight on whatever characters now sit at the old offsets: a
 * green "r Redline " in the middle of new words. This watches each element that has painted words and, once
 * the page changes its text, drops that element's words: the paragraph keeps its mark and its "Was:" line,
 * which still tell the reader what changed since the stored version.
 */

import { isOverlayElement } from './overlayElement';

export interface StaleWords {
  /** Watches `element` from now on; its `ranges` are dropped when the page changes its text. */
  watch(element: Element, ranges: readonly AbstractRange[]): void;
  /** Stops watching (the overlay is taken down). */
  disconnect(): void;
}

function isOwnUi(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && isOverlayElement(node as Element);
}

function onlyOwnUi(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node && !isOwnUi(node)) return false;
  }
  return true;
}

/** Whether a record changed the page's own text, rather than adding or removing the overlay's labels. */
function changesPageText(record: MutationRecord): boolean {
  if (record.type === 'characterData') return true;
  return !(onlyOwnUi(record.addedNodes) && onlyOwnUi(record.removedNodes));
}

/**
 * `onStale` gets the ranges of every watched element whose text the page changed, once per element. Without a
 * MutationObserver (no such environment is known) nothing is watched.
 */
export function watchStaleWords(
  doc: Document,
  onStale: (ranges: readonly AbstractRange[]) => void,
): StaleWords {
  const watched = new Map<Node, AbstractRange[]>();
  const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  const observer = Observer
    ? new Observer((records) => {
        for (const record of records) {
          if (!changesPageText(record)) continue;
          // The record's target is inside a watched element (only those are observed): the nearest one owns it.
          for (let node: Node | null = record.target; node; node = node.parentNode) {
            const ranges = watched.get(node);
            if (!ranges) continue;
            // A MutationObserver cannot stop observing one node; a later record finds nothing and moves on.
            watched.delete(node);
            onStale(ranges);
            break;
          }
        }
      })
    : null;
  return {
    watch(element, ranges) {
      if (!observer || ranges.length === 0) return;
      const known = watched.get(element);
      if (known) {
        known.push(...ranges);
        return;
      }
      watched.set(element, [...ranges]);
      observer.observe(element, { characterData: true, childList: true, subtree: true });
    },
    disconnect() {
      observer?.disconnect();
      watched.clear();
    },
  };
}
