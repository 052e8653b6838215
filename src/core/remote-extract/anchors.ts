/**
 * Anchors say where an element found in a re-parsed copy of a page sits in the live page, so the extraction can
 * run away from the page's main thread (an offscreen document, a background page) and its result still mark
 * the page's own elements.
 *
 * Serialising a page and parsing it again keeps its text, in order, but not its text nodes (adjacent ones
 * merge, empty ones vanish), so an anchor is not a node index but character offsets into the page's text: the
 * concatenated data of every text node under the root outside skipped elements (scripts, styles, media, form
 * controls), in document order. An element is anchored by its first and last text node's offsets, plus how
 * many parent steps lead from their common ancestor up to it; the same steps from the live nodes at those
 * offsets find the live element. The caller verifies the text (`keyLength`) (a page changed between serialising and
 * mapping, or a parser moved content, and the offsets no longer line up) and searches for it otherwise.
 *
 * Finding offsets means walking the page's text nodes up to the article's end, the placement's largest cost on
 * an edited visit (issue 8). So an anchor also carries the element's `path`: its element-child index at each
 * level below the root. Serialising keeps every element (scripts and styles only lose their content), so in the
 * usual case the path leads straight to the live element, a few `children` steps away; where a parser rebuilt
 * the tree (mis-nested markup a script made), the path lands elsewhere, the text check fails, and the offsets
 * are walked for the anchors that need them.
 */
import { isElement, isSkipped, isText } from '../extract/dom-kinds';
import { matchKey } from '../extract/live-map';

export interface Anchor {
  /** Offset of the element's first character in the root's text. */
  start: number;
  /** Offset just past its last character. */
  end: number;
  /** Parent steps from the common ancestor of the text nodes at `start` and `end - 1` up to the element. */
  up: number;
  /**
   * Length of the element's whole text in match form (live-map.ts `matchKey`): the mapped live element must have
   * the same, so offsets gone astray cannot land on an ancestor that merely contains the paragraph.
   */
  keyLength: number;
  /**
   * The element's path from the root, as `shared:steps`: how many leading steps it shares with the previous
   * anchor's path in the same list (consecutive paragraphs share nearly all), then its own element-child
   * indices, dot-separated. Absent: found by the offsets only.
   */
  path?: string;
}

/** Calls `visit` for each non-empty text node under `root` outside skipped elements, in document order. */
function* textNodes(root: Node): Generator<Text> {
  let node: Node | null = root.firstChild;
  while (node) {
    if (isText(node)) {
      if (node.data.length > 0) yield node;
    } else if (isElement(node) && !isSkipped(node) && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) return;
    node = node.nextSibling;
  }
}

function commonAncestor(a: Node, b: Node): Node | null {
  if (a === b) return a;
  const seen = new Set<Node>();
  for (let n: Node | null = a; n; n = n.parentNode) seen.add(n);
  for (let n: Node | null = b; n; n = n.parentNode) if (seen.has(n)) return n;
  return null;
}

/**
 * Anchors of `elements` (each under `root`, or null) in `root`'s text; null for an element with no text there.
 * One walk of the root's text.
 */
export function anchorsOf(root: Node, elements: readonly (Element | null)[]): (Anchor | null)[] {
  const first = new Map<Element, { node: Text; at: number }>();
  const last = new Map<Element, { node: Text; end: number }>();
  const wanted = new Set<Element>();
  for (const element of elements) if (element) wanted.add(element);
  let offset = 0;
  for (const node of textNodes(root)) {
    for (let el: Node | null = node.parentNode; el && el !== root.parentNode; el = el.parentNode) {
      if (!isElement(el) || !wanted.has(el)) continue;
      if (!first.has(el)) first.set(el, { node, at: offset });
      last.set(el, { node, end: offset + node.data.length });
    }
    offset += node.data.length;
  }
  const paths = new PathWriter(root);
  return elements.map((element) => {
    if (!element) return null;
    const a = first.get(element);
    const b = last.get(element);
    if (!a || !b) return null;
    let up = 0;
    for (let n = commonAncestor(a.node, b.node); n && n !== element; n = n.parentNode) up++;
    const anchor: Anchor = {
      start: a.at,
      end: b.end,
      up,
      keyLength: matchKey(element.textContent ?? '').length,
    };
    const path = paths.write(element);
    if (path !== null) anchor.path = path;
    return anchor;
  });
}

/** The length of the prefix two paths share. */
function sharedSteps(a: readonly number[], b: readonly number[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Writes anchors' paths (`Anchor.path`), each against the one written before it. */
class PathWriter {
  /** Element-child index of each element whose parent's children were counted: counted once per parent. */
  private readonly indexOf = new Map<Element, number>();
  private previous: number[] = [];

  constructor(private readonly root: Node) {}

  /** `element`'s path, or null when it is not under the root. */
  write(element: Element): string | null {
    const steps: number[] = [];
    let node: Element = element;
    while (node !== this.root) {
      const parent = node.parentNode;
      if (!parent) return null;
      steps.push(this.index(parent, node));
      if (!isElement(parent)) {
        if (parent !== this.root) return null;
        break;
      }
      node = parent;
    }
    steps.reverse();
    const shared = sharedSteps(this.previous, steps);
    this.previous = steps;
    return `${shared}:${steps.slice(shared).join('.')}`;
  }

  private index(parent: Node & ParentNode, child: Element): number {
    let index = this.indexOf.get(child);
    if (index === undefined) {
      let i = 0;
      for (let c = parent.firstElementChild; c; c = c.nextElementSibling) this.indexOf.set(c, i++);
      index = this.indexOf.get(child) ?? -1;
    }
    return index;
  }
}

/**
 * Follows anchors' paths in the live page, in the order they were written (`Anchor.path` is relative to the
 * previous one), reusing the elements of the shared steps. An anchor whose element is not wanted must still be
 * passed to `skip`, in its place: the next path may be written against it.
 */
export class PathResolver {
  private previous: number[] = [];
  /**
   * The live element at each of the first `elements.length` steps of `previous` (null once a step led nowhere);
   * the steps past them were only read (`skip`), not walked.
   */
  private elements: (Element | null)[] = [];

  constructor(private readonly root: Element) {}

  /** The element at `anchor`'s path; null when it has none, or the live page has no element there. */
  follow(anchor: Anchor | null): Element | null {
    const steps = this.read(anchor);
    if (steps === null) return null;
    const elements = this.elements;
    let element: Element | null = elements.length > 0 ? (elements[elements.length - 1] ?? null) : this.root;
    for (let i = elements.length; i < steps.length; i++) {
      const step = steps[i] ?? -1;
      element = element && Number.isInteger(step) && step >= 0 ? (element.children[step] ?? null) : null;
      elements.push(element);
    }
    return element;
  }

  /** Reads `anchor`'s path without looking for its element: a later path may share its steps. */
  skip(anchor: Anchor | null): void {
    this.read(anchor);
  }

  /**
   * `anchor`'s steps, made the previous path, with the elements of the steps it shares kept; null (and
   * nothing kept) when its path is malformed, and null with nothing changed when it has none (the writer
   * skipped it too).
   */
  private read(anchor: Anchor | null): number[] | null {
    const path = anchor?.path;
    if (path === undefined) return null;
    const colon = path.indexOf(':');
    const shared = Number(path.slice(0, colon));
    const rest = path.slice(colon + 1);
    if (!(colon > 0 && Number.isInteger(shared) && shared >= 0 && shared <= this.previous.length)) {
      this.previous = [];
      this.elements = [];
      return null;
    }
    const steps = this.previous.slice(0, shared);
    if (rest !== '') for (const step of rest.split('.')) steps.push(Number(step));
    this.previous = steps;
    if (this.elements.length > shared) this.elements.length = shared;
    return steps;
  }
}

/**
 * Finds the elements anchors point at in the live page. The walk of the page's text is done in slices
 * (`step`), so a caller can yield to the page between them; `done` says when every anchor is resolved.
 */
export class AnchorResolver {
  private readonly offsets: Float64Array;
  private readonly found = new Map<number, Text>();
  private readonly walk: Generator<Text>;
  private next = 0;
  private offset = 0;
  private finished = false;

  constructor(
    root: Node,
    private readonly anchors: readonly (Anchor | null)[],
  ) {
    // A typed array sorts by number natively; sorting 40,000 offsets through a comparator function took
    // milliseconds of the page's thread. Repeated offsets are harmless: each maps to the same text node.
    const offsets = new Float64Array(2 * anchors.length);
    let n = 0;
    for (const anchor of anchors) {
      if (!anchor) continue;
      offsets[n++] = anchor.start;
      offsets[n++] = anchor.end - 1;
    }
    this.offsets = offsets.subarray(0, n).sort();
    this.walk = textNodes(root);
  }

  get done(): boolean {
    return this.finished;
  }

  /** Walks at most `budget` text nodes; returns `done`. */
  step(budget: number): boolean {
    for (let i = 0; i < budget && !this.finished; i++) {
      const next = this.walk.next();
      if (next.done) {
        this.finished = true;
        break;
      }
      const node = next.value;
      const end = this.offset + node.data.length;
      while (this.next < this.offsets.length && (this.offsets[this.next] ?? 0) < end) {
        this.found.set(this.offsets[this.next] ?? 0, node);
        this.next++;
      }
      this.offset = end;
      if (this.next >= this.offsets.length) this.finished = true;
    }
    return this.finished;
  }

  /** The live element of anchor `i` (call once `done`); null when its offsets lie past the page's text. */
  element(i: number): Element | null {
    const anchor = this.anchors[i];
    if (!anchor) return null;
    const a = this.found.get(anchor.start);
    const b = this.found.get(anchor.end - 1);
    if (!a || !b) return null;
    let node = commonAncestor(a, b);
    for (let k = 0; k < anchor.up && node; k++) node = node.parentNode;
    return node && isElement(node) ? node : null;
  }
}
