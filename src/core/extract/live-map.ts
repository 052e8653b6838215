/**
 * Maps text extracted from a clone of the page back to the live page's elements.
 *
 * Readability works on a clone and re-tags elements (a <div> becomes a <p>) but moves the original text nodes
 * rather than copying them, so a clone text node → live text node map made before it runs still holds
 * afterwards. The map is made by one lockstep walk of the two trees, which `cloneNode(true)` makes identical.
 * When Readability gives up on its first attempt it restores the page from an innerHTML copy and every text
 * node is new; those units (and any other that fails verification) are found by searching their text in the
 * live page's text instead.
 */
import { compareText } from '../text';
import type { Block } from './blocks';
import { blockOf, COMMENT_NODE, isElement, isSkipped, isText } from './dom-kinds';

/**
 * Pairs every text node under `cloneRoot` with the live text node it was cloned from, and removes comment
 * nodes from the clone: Readability only wraps runs of phrasing content into <p>s, and a comment is not
 * phrasing content, so React's `text<!-- -->text` markup would become one <p> per word group.
 */
export function pairTextNodes(liveRoot: Node, cloneRoot: Node): Map<Node, Text> {
  const pairs = new Map<Node, Text>();
  const comments: Node[] = [];
  let a: Node | null = liveRoot.firstChild;
  let b: Node | null = cloneRoot.firstChild;
  while (a && b) {
    // Identical by construction; a mismatch means the page changed under us, and the text search takes over.
    if (a.nodeName !== b.nodeName) break;
    if (isText(a)) pairs.set(b, a);
    else if (b.nodeType === COMMENT_NODE) comments.push(b);
    if (isElement(a) && !isSkipped(a) && a.firstChild && b.firstChild) {
      a = a.firstChild;
      b = b.firstChild;
      continue;
    }
    while (a && b && a !== liveRoot && !a.nextSibling) {
      a = a.parentNode;
      b = b.parentNode;
    }
    if (!a || !b || a === liveRoot) break;
    a = a.nextSibling;
    b = b.nextSibling;
  }
  for (const comment of comments) comment.parentNode?.removeChild(comment);
  return pairs;
}

/** The form text is matched in: comparison form without any whitespace (a <br> or block edge may add some). */
export function matchKey(text: string): string {
  return compareText(text).replace(/ /g, '');
}

/** Lowest common ancestor of two nodes of the same tree. */
function commonAncestor(a: Node, b: Node): Node | null {
  if (a === b) return a;
  const seen = new Set<Node>();
  for (let n: Node | null = a; n; n = n.parentNode) seen.add(n);
  for (let n: Node | null = b; n; n = n.parentNode) if (seen.has(n)) return n;
  return null;
}

/** The live page's visible text, concatenated in match form, with where each text node starts. */
class TextIndex {
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  readonly flat: string;

  constructor(root: Node) {
    const parts: string[] = [];
    let length = 0;
    const stack: Node[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (isText(node)) {
        const part = matchKey(node.data);
        if (part !== '') {
          this.nodes.push(node);
          this.starts.push(length);
          parts.push(part);
          length += part.length;
        }
      } else if (node === root || (isElement(node) && !isSkipped(node))) {
        for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
      }
    }
    this.flat = parts.join('');
  }

  /** The text node holding character `offset` of `flat`. */
  nodeAt(offset: number): Text | null {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.nodes[lo] ?? null;
  }
}

export type MappedBy = 'identity' | 'search' | 'none';

export class LiveMapper {
  private readonly keys = new Map<Element, string>();
  private index: TextIndex | null = null;
  private cursor = 0;
  /** How each unit was mapped, for diagnostics and tests. */
  readonly stats: Record<MappedBy, number> = { identity: 0, search: 0, none: 0 };

  constructor(
    private readonly pairs: Map<Node, Text>,
    private readonly liveRoot: Node,
  ) {}

  /** The live block element that shows `block`'s text, or null when the text is not on the live page. */
  map(block: Block): Element | null {
    const wanted = matchKey(block.text);
    const byIdentity = this.byIdentity(block, wanted);
    if (byIdentity) {
      this.stats.identity++;
      return byIdentity;
    }
    const bySearch = this.bySearch(wanted);
    this.stats[bySearch ? 'search' : 'none']++;
    return bySearch;
  }

  private byIdentity(block: Block, wanted: string): Element | null {
    let first: Text | undefined;
    let last: Text | undefined;
    for (const node of block.nodes) {
      const live = this.pairs.get(node);
      if (!live) continue;
      first ??= live;
      last = live;
    }
    if (!first || !last) return null;
    const ancestor = commonAncestor(first, last);
    const element = ancestor ? blockOf(ancestor) : null;
    return element && this.keyOf(element).includes(wanted) ? element : null;
  }

  private bySearch(wanted: string): Element | null {
    if (wanted === '') return null;
    this.index ??= new TextIndex(this.liveRoot);
    const flat = this.index.flat;
    // Search forward from the previous hit first, so a repeated short text maps to the occurrence in order.
    let at = flat.indexOf(wanted, this.cursor);
    if (at < 0) at = flat.indexOf(wanted);
    if (at < 0) return null;
    this.cursor = at + wanted.length;
    const first = this.index.nodeAt(at);
    const last = this.index.nodeAt(at + wanted.length - 1);
    const ancestor = first && last ? commonAncestor(first, last) : null;
    return ancestor ? blockOf(ancestor) : null;
  }

  private keyOf(element: Element): string {
    let cached = this.keys.get(element);
    if (cached === undefined) {
      cached = matchKey(element.textContent ?? '');
      this.keys.set(element, cached);
    }
    return cached;
  }
}
