/**
 * Splits an article's DOM into the block units Redline compares: paragraphs, subheadings, list items, block
 * quotes, preformatted blocks and captions, in document order.
 *
 * Nested blocks are resolved to the innermost block that holds the text, so no text is ever counted twice:
 * - a <li> (or <blockquote>, <div>, <td>) holding <p>s yields one unit per <p>; text it holds directly, between
 *   those blocks, becomes a unit of its own whose element is the <li> itself;
 * - a <div> with bare text and <br>s yields one unit per run of text between its child blocks; a <br> is a line
 *   break inside a unit, not a split (Readability already turns <br><br> runs into <p>s);
 * - a <pre> is one unit however it is structured inside, so code keeps its lines together;
 * - a <figcaption> is a unit of kind 'other' (captions are edited like body text); images and media add no text.
 * The kind says what a reader sees: anything inside a <blockquote> is a 'quote', a <p> inside a list item is an
 * 'li' (both read as part of the quote / list on a history page).
 */
import type { BlockKind } from '../model';
import { displayText } from '../text';
import { isElement, isInline, isSkipped, isText } from './dom-kinds';

export interface Block {
  /** Display form of the unit's text. */
  text: string;
  kind: BlockKind;
  /** The block element holding the text, in the DOM that was split. */
  element: Element;
  /** The text nodes the unit's text came from, in order (for mapping back to the live page). */
  nodes: Text[];
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Containers whose loose text reads as an ordinary paragraph.
const PARAGRAPH_LIKE = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'body',
  'center',
  'header',
  'footer',
]);

interface Context {
  element: Element;
  kind: BlockKind;
  /** Inside a <pre>: every descendant is part of one unit. */
  atomic: boolean;
}

class Run {
  readonly parts: string[] = [];
  readonly nodes: Text[] = [];
  constructor(readonly context: Context) {}
}

function kindFor(el: Element, parent: Context | null): BlockKind {
  const name = el.localName;
  if (name === 'pre') return 'pre';
  if (parent?.kind === 'quote' || name === 'blockquote') return 'quote';
  if (name === 'li' || (parent?.kind === 'li' && PARAGRAPH_LIKE.has(name))) return 'li';
  if (HEADINGS.has(name)) return 'heading';
  if (PARAGRAPH_LIKE.has(name)) return 'p';
  return 'other';
}

/**
 * The kind splitting gives `el` when it stands on its own, judged from its ancestors on the page: for blocks
 * found outside a split (restore.ts looks for dropped paragraphs on the live page).
 */
export function kindOfElement(el: Element): BlockKind {
  const outer = el.parentElement;
  const parentKind: BlockKind | null = outer?.closest('blockquote')
    ? 'quote'
    : outer?.closest('li')
      ? 'li'
      : null;
  return kindFor(el, parentKind && outer ? { element: outer, kind: parentKind, atomic: false } : null);
}

/** Splits the content under `root` (an article element, or a whole body) into block units. */
export function splitBlocks(root: Element): Block[] {
  const blocks: Block[] = [];
  const flush = (run: Run): void => {
    if (run.parts.length === 0) return;
    const text = displayText(run.parts.join(''));
    if (text !== '') {
      blocks.push({ text, kind: run.context.kind, element: run.context.element, nodes: run.nodes });
    }
  };

  // Iterative over an explicit stack: article DOMs can be nested deep enough to hurt a recursive walk.
  const rootContext: Context = { element: root, kind: kindFor(root, null), atomic: root.localName === 'pre' };
  // `parent` is set when the frame closes a block: the context the text after that block belongs to.
  type Frame = { node: Node | null; parent: Context | null };
  let run = new Run(rootContext);
  const stack: Frame[] = [];
  let node: Node | null = root.firstChild;
  for (;;) {
    if (node === null) {
      const frame = stack.pop();
      if (!frame) break;
      if (frame.parent) {
        // Leaving a block: its last run ends, and the text after it starts a new run in the parent block.
        flush(run);
        run = new Run(frame.parent);
      }
      node = frame.node;
      continue;
    }
    const next: Node | null = node.nextSibling;
    if (isText(node)) {
      run.parts.push(node.data);
      run.nodes.push(node);
    } else if (isElement(node) && !isSkipped(node)) {
      if (node.localName === 'br') {
        run.parts.push(' ');
      } else if (run.context.atomic || isInline(node)) {
        stack.push({ node: next, parent: null });
        node = node.firstChild;
        continue;
      } else {
        flush(run);
        const context: Context = {
          element: node,
          kind: kindFor(node, run.context),
          atomic: node.localName === 'pre',
        };
        stack.push({ node: next, parent: run.context });
        run = new Run(context);
        node = node.firstChild;
        continue;
      }
    }
    node = next;
  }
  flush(run);
  return blocks;
}
