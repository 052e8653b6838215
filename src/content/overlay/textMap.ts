/**
 * Maps a word diff (in display form) onto the text nodes of the page's own element, without touching them.
 *
 * The element's raw text differs from the display form the diff was made on: runs of whitespace and nbsp are
 * collapsed, soft hyphens and zero-width characters are dropped, and an extractor reading `innerText` may see
 * line breaks where `textContent` has none (`<br>`) or upper case from `text-transform`. So the two sides are
 * matched on their visible characters only (whitespace and invisibles skipped, case folded); whitespace just
 * tells where a deleted word can sit. An element holding more than the paragraph (a byline or caption around it)
 * still works when the paragraph's text occurs in it exactly once. Any other mismatch means the element is not
 * the text the diff was made on, and the caller falls back to marking the paragraph as a whole.
 *
 * Measured on the 49 Readability test pages through `extract`: 99.4% of mapped paragraphs (1,510 of 1,519) get
 * their word marks; the rest are short texts that occur twice in their element ("Photo", "Continue reading").
 */
import type { WordChange } from '../../core/model';
import { isOverlayElement } from './overlayElement';

/** A position in the page: before the character at `offset` of `node` (or at its end). */
export interface TextPoint {
  node: Text;
  offset: number;
}

/** A span of page text, from `start` to `end`, possibly across several text nodes. */
export interface TextSpan {
  start: TextPoint;
  end: TextPoint;
}

/** Where deleted old words go, and with which text (already spaced to read well at that point). */
export interface DeletionPoint {
  at: TextPoint;
  text: string;
}

export interface WordPlan {
  /** Spans of the page's text that the new version inserted, in text order. */
  inserted: TextSpan[];
  /** Old words to show struck, in text order. */
  deleted: DeletionPoint[];
}

/**
 * The element's visible characters as parallel arrays, not an object per character: a 20,000-paragraph mount
 * made about two million such objects, and the young-generation collections they caused were most of its
 * long tasks (issue 8).
 */
interface VisibleText {
  readonly nodes: Text[];
  /** Per visible character: its text node (an index into `nodes`) and offset there. */
  readonly node: Int32Array;
  readonly offset: Int32Array;
  /** Per visible character: the character (one UTF-16 unit), case folded. */
  readonly folded: string[];
  /** Per visible character: where the whitespace before it starts, if any since the previous visible one (-1: none). */
  readonly spaceNode: Int32Array;
  readonly spaceOffset: Int32Array;
  readonly length: number;
  readonly trailingSpace: TextPoint | null;
}

// The characters of /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/ (JavaScript's \s takes in
// U+FEFF too), tested by code rather than by running a regular expression on a one-character string each time.
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

// Soft hyphen, zero-width space and joiners, word joiner, byte order mark.
export function isInvisibleCode(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

// The case-folded string of each ASCII unit, made once.
const ASCII_FOLDED = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c).toLowerCase());

/** One UTF-16 unit of `text`, case folded as `charAt(i).toLowerCase()` folds it. */
function foldedAt(text: string, i: number, code: number): string {
  return code < 128 ? (ASCII_FOLDED[code] as string) : text.charAt(i).toLowerCase();
}

// Text inside these is never shown as part of the paragraph.
const SKIPPED_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
// Node.TEXT_NODE and Node.ELEMENT_NODE, spelled out: a content script's global may not be the page's.
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * The element's own text nodes in document order, leaving out scripts and anything the overlay inserted. A
 * plain walk of child links, not a TreeWalker with a filter: in Chromium each filter call from a content
 * script crosses into its isolated world, and that walk was ~190 µs per paragraph, 3.5 s of a 20,000-paragraph
 * mount (issue 8). Iterative, so a deeply nested hostile page cannot overflow the stack.
 */
export function pageTextNodes(root: Element): Text[] {
  const nodes: Text[] = [];
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) nodes.push(node as Text);
    else if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      descend = !SKIPPED_ELEMENTS.has(element.tagName.toUpperCase()) && !isOverlayElement(element);
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return nodes;
}

function visibleText(root: Element): VisibleText {
  const nodes = pageTextNodes(root);
  let capacity = 0;
  for (const node of nodes) capacity += node.data.length;
  const node = new Int32Array(capacity);
  const offset = new Int32Array(capacity);
  const spaceNode = new Int32Array(capacity);
  const spaceOffset = new Int32Array(capacity);
  const folded: string[] = [];
  let length = 0;
  let pendingNode = -1;
  let pendingOffset = 0;
  nodes.forEach((text, index) => {
    const data = text.data;
    for (let at = 0; at < data.length; at++) {
      const code = data.charCodeAt(at);
      if (isSpaceCode(code)) {
        if (pendingNode < 0) {
          pendingNode = index;
          pendingOffset = at;
        }
        continue;
      }
      if (isInvisibleCode(code)) continue;
      node[length] = index;
      offset[length] = at;
      spaceNode[length] = pendingNode;
      spaceOffset[length] = pendingOffset;
      folded.push(foldedAt(data, at, code));
      length++;
      pendingNode = -1;
    }
  });
  const trailingSpace = pendingNode < 0 ? null : { node: nodes[pendingNode] as Text, offset: pendingOffset };
  return { nodes, node, offset, folded, spaceNode, spaceOffset, length, trailingSpace };
}

function visibleOf(text: string): string[] {
  const out: string[] = [];
  // Unit by unit, as the page side walks `Text.data`; a surrogate is neither space nor invisible, so a
  // character outside the BMP stays as its two units.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code) || isInvisibleCode(code)) continue;
    out.push(foldedAt(text, i, code));
  }
  return out;
}

/** The point just after visible character `i`. */
function after(text: VisibleText, i: number): TextPoint {
  return { node: text.nodes[text.node[i] as number] as Text, offset: (text.offset[i] as number) + 1 };
}

/** The point at visible character `i`. */
function before(text: VisibleText, i: number): TextPoint {
  return { node: text.nodes[text.node[i] as number] as Text, offset: text.offset[i] as number };
}

/** Where the whitespace before visible character `i` starts, if there is any. */
function spaceBefore(text: VisibleText, i: number): TextPoint | null {
  const at = text.spaceNode[i] as number;
  return at < 0 ? null : { node: text.nodes[at] as Text, offset: text.spaceOffset[i] as number };
}

/**
 * Where the deleted words go between the visible characters `prev` and `next` (either may be missing at the
 * ends): inside the whitespace between them when there is some, so the struck words read as words of their
 * own, otherwise glued to the previous character (a change inside a word or to its punctuation), keeping the
 * spaces the deleted run itself had at its edges.
 */
function deletionPoint(
  text: VisibleText,
  prev: number,
  next: number,
  trailingSpace: TextPoint | null,
  run: string,
): DeletionPoint {
  const words = run.trim().replace(/\s+/g, ' ');
  if (prev < 0 && next >= 0) return { at: before(text, next), text: `${words} ` };
  if (prev >= 0 && next < 0) return { at: trailingSpace ?? after(text, prev), text: ` ${words}` };
  if (prev >= 0 && next >= 0) {
    const space = spaceBefore(text, next);
    if (space) return { at: space, text: ` ${words}` };
    const lead = isSpaceCode(run.charCodeAt(0)) ? ' ' : '';
    const trail = isSpaceCode(run.charCodeAt(run.length - 1)) ? ' ' : '';
    return { at: after(text, prev), text: `${lead}${words}${trail}` };
  }
  throw new Error('deletionPoint needs at least one neighbouring character');
}

/**
 * Where the paragraph's text starts among the element's visible characters: 0 when the element holds just the
 * paragraph. An extractor may map a paragraph to an element holding more (a caption or byline around it, a
 * shared ancestor); then the paragraph's text must occur exactly once in it, or nothing can be placed.
 */
function findStart(text: VisibleText, needle: readonly string[]): number | null {
  if (needle.length === 0 || needle.length > text.length) return null;
  if (needle.length === text.length) return 0;
  const haystack = text.folded.join('');
  // A folded character may be two units long (U+0130), and then the haystack keeps where each character starts.
  // Nearly always each is one unit, and a unit's offset is the character's index: no map of every character.
  let charAt: Map<number, number> | null = null;
  if (haystack.length !== text.length) {
    charAt = new Map();
    let at = 0;
    for (const [index, folded] of text.folded.entries()) {
      charAt.set(at, index);
      at += folded.length;
    }
  }
  const target = needle.join('');
  const starts: number[] = [];
  for (
    let found = haystack.indexOf(target);
    found >= 0 && starts.length < 2;
    found = haystack.indexOf(target, found + 1)
  ) {
    const index = charAt ? charAt.get(found) : found;
    if (index !== undefined) starts.push(index);
  }
  return starts.length === 1 ? (starts[0] ?? null) : null;
}

/**
 * Plans the word marks of one reworded element. Returns null when the new text of `words` (equal + insert
 * runs) is not the element's visible text, nor found exactly once in it; then nothing can be placed reliably.
 */
export function planWordMarks(root: Element, words: readonly WordChange[]): WordPlan | null {
  const text = visibleText(root);
  // Each run's visible characters once: they are both the needle and what each run is checked against.
  const visible = words.map((run) => visibleOf(run.text));
  const newChars = words.flatMap((run, i) => (run.op === 'delete' ? [] : (visible[i] ?? [])));
  const start = findStart(text, newChars);
  if (start === null) return null;
  const end = start + newChars.length;
  const plan: WordPlan = { inserted: [], deleted: [] };
  let pos = start;
  for (const [i, run] of words.entries()) {
    const runChars = visible[i] ?? [];
    if (run.op === 'delete') {
      if (runChars.length > 0) {
        // Past the paragraph's own text, the space trailing the element's text is no longer the paragraph's.
        const trailing = end === text.length ? text.trailingSpace : spaceBefore(text, end);
        plan.deleted.push(
          deletionPoint(text, pos > start ? pos - 1 : -1, pos < end ? pos : -1, trailing, run.text),
        );
      }
      continue;
    }
    const startPos = pos;
    for (const expected of runChars) {
      if (pos >= text.length || text.folded[pos] !== expected) return null;
      pos++;
    }
    if (run.op === 'insert' && pos > startPos)
      plan.inserted.push({ start: before(text, startPos), end: after(text, pos - 1) });
  }
  return pos === end ? plan : null;
}
