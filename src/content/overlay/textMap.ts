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
 * The element's visible characters (whitespace and invisibles left out), case folded, as one string, and where
 * each text node's share of it starts. Built with native string methods: a loop over every character ran in
 * V8's interpreter on each page (its feedback is per page), 0.2–0.5 µs a character, and planning the word marks
 * of la-nacion's five reworded paragraphs took 2.6 ms of the edited visit in Chromium (issue 8). A character's
 * place in its text node is found only for the few characters a mark starts or ends at (`locate`).
 */
interface VisibleText {
  readonly nodes: Text[];
  /** Per text node, the index of its first visible character; one more entry holds the total. */
  readonly firsts: Int32Array;
  /** The visible characters, folded (`fold`): one UTF-16 unit per unit of the page's text. */
  readonly folded: string;
  readonly length: number;
  /** Per text node, once asked for: where its hidden runs sit (`hiddenRuns`). */
  readonly runs: (HiddenRuns | undefined)[];
}

/**
 * A text node's runs of hidden characters, as a step function from a visible character's index in the node to
 * how many hidden units precede it: `shift[j]` from visible index `at[j]` on.
 */
interface HiddenRuns {
  readonly at: number[];
  readonly shift: number[];
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

// What isSpaceCode or isInvisibleCode accepts, as a class for native string methods (tested to agree).
export const HIDDEN = /[\t-\r \u00a0\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/g;
const HIDDEN_RUN = /[\t-\r \u00a0\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+/g;

/**
 * Visible characters in lower case, unit for unit, so that an index into the folded text is an index into the
 * visible characters. Two exceptions to `toLowerCase`: a dotted capital I (U+0130) stays as it is (it lowers to
 * two units, and matched only itself before), and a final sigma reads as σ (which of the two Σ lowers to depends
 * on the next character, and with whitespace left out the next character differs between the two sides).
 * Null if some other character changed length.
 */
export function fold(visible: string): string | null {
  const lower = visible.includes('\u0130')
    ? visible
        .split('\u0130')
        .map((part) => part.toLowerCase())
        .join('\u0130')
    : visible.toLowerCase();
  const folded = lower.includes('\u03c2') ? lower.replaceAll('\u03c2', '\u03c3') : lower;
  return folded.length === visible.length ? folded : null;
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

function visibleText(root: Element): VisibleText | null {
  const nodes = pageTextNodes(root);
  const firsts = new Int32Array(nodes.length + 1);
  const parts: string[] = [];
  let length = 0;
  for (const [i, node] of nodes.entries()) {
    firsts[i] = length;
    const visible = node.data.replace(HIDDEN, '');
    parts.push(visible);
    length += visible.length;
  }
  firsts[nodes.length] = length;
  const folded = fold(parts.join(''));
  return folded === null ? null : { nodes, firsts, folded, length, runs: [] };
}

function hiddenRuns(data: string): HiddenRuns {
  const runs: HiddenRuns = { at: [], shift: [] };
  let shift = 0;
  for (const match of data.matchAll(HIDDEN_RUN)) {
    runs.at.push(match.index - shift);
    shift += match[0].length;
    runs.shift.push(shift);
  }
  return runs;
}

/** The text node holding visible character `i` (0 <= i < length): the last whose first visible index is <= i. */
function nodeOf(text: VisibleText, i: number): number {
  let lo = 0;
  let hi = text.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((text.firsts[mid] as number) <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where visible character `i` is: its text node (an index into `nodes`) and its offset there. */
function locate(text: VisibleText, i: number): { index: number; offset: number } {
  const index = nodeOf(text, i);
  const k = i - (text.firsts[index] as number);
  text.runs[index] ??= hiddenRuns((text.nodes[index] as Text).data);
  const { at, shift } = text.runs[index];
  // The last run that starts at or before visible index k (runs before character k have at <= k).
  let lo = -1;
  let hi = at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((at[mid] as number) <= k) lo = mid;
    else hi = mid - 1;
  }
  return { index, offset: k + (lo < 0 ? 0 : (shift[lo] as number)) };
}

/** The point just after visible character `i`. */
function after(text: VisibleText, i: number): TextPoint {
  const { index, offset } = locate(text, i);
  return { node: text.nodes[index] as Text, offset: offset + 1 };
}

/** The point at visible character `i`. */
function before(text: VisibleText, i: number): TextPoint {
  const { index, offset } = locate(text, i);
  return { node: text.nodes[index] as Text, offset };
}

/**
 * The first whitespace from `from` (a text node's index and an offset in it) up to, not including, `to` (null:
 * the element's end). Only hidden characters lie between two neighbouring visible ones, so this reads a few.
 */
function firstSpace(
  text: VisibleText,
  from: { index: number; offset: number },
  to: { index: number; offset: number } | null,
): TextPoint | null {
  const last = to ? to.index : text.nodes.length - 1;
  for (let index = from.index; index <= last; index++) {
    const node = text.nodes[index] as Text;
    const data = node.data;
    const end = to && index === to.index ? to.offset : data.length;
    for (let at = index === from.index ? from.offset : 0; at < end; at++) {
      if (isSpaceCode(data.charCodeAt(at))) return { node, offset: at };
    }
  }
  return null;
}

/** Where the whitespace before visible character `i` starts, if there is any since the one before it. */
function spaceBefore(text: VisibleText, i: number): TextPoint | null {
  return firstSpace(text, i > 0 ? afterIndex(text, i - 1) : { index: 0, offset: 0 }, locate(text, i));
}

/** Where whitespace after the element's last visible character starts, if there is any. */
function trailingSpace(text: VisibleText): TextPoint | null {
  if (text.nodes.length === 0) return null;
  return firstSpace(
    text,
    text.length > 0 ? afterIndex(text, text.length - 1) : { index: 0, offset: 0 },
    null,
  );
}

function afterIndex(text: VisibleText, i: number): { index: number; offset: number } {
  const { index, offset } = locate(text, i);
  return { index, offset: offset + 1 };
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
  trailing: () => TextPoint | null,
  run: string,
): DeletionPoint {
  const words = run.trim().replace(/\s+/g, ' ');
  if (prev < 0 && next >= 0) return { at: before(text, next), text: `${words} ` };
  if (prev >= 0 && next < 0) return { at: trailing() ?? after(text, prev), text: ` ${words}` };
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
function findStart(text: VisibleText, target: string): number | null {
  if (target.length === 0 || target.length > text.length) return null;
  if (target.length === text.length) return target === text.folded ? 0 : null;
  const found = text.folded.indexOf(target);
  return found >= 0 && text.folded.indexOf(target, found + 1) < 0 ? found : null;
}

/**
 * Plans the word marks of one reworded element. Returns null when the new text of `words` (equal + insert
 * runs) is not the element's visible text, nor found exactly once in it; then nothing can be placed reliably.
 */
export function planWordMarks(root: Element, words: readonly WordChange[]): WordPlan | null {
  const text = visibleText(root);
  if (text === null) return null;
  // Each run's visible characters, folded, once: they are both the needle and what each run is checked against.
  const visible: string[] = [];
  for (const run of words) {
    const folded = fold(run.text.replace(HIDDEN, ''));
    if (folded === null) return null;
    visible.push(folded);
  }
  const target = words.map((run, i) => (run.op === 'delete' ? '' : visible[i])).join('');
  const start = findStart(text, target);
  if (start === null) return null;
  const end = start + target.length;
  const plan: WordPlan = { inserted: [], deleted: [] };
  let pos = start;
  for (const [i, run] of words.entries()) {
    const runChars = visible[i] ?? '';
    if (run.op === 'delete') {
      if (runChars.length > 0) {
        // Past the paragraph's own text, the space trailing the element's text is no longer the paragraph's.
        const trailing = () => (end === text.length ? trailingSpace(text) : spaceBefore(text, end));
        plan.deleted.push(
          deletionPoint(text, pos > start ? pos - 1 : -1, pos < end ? pos : -1, trailing, run.text),
        );
      }
      continue;
    }
    // The target was found here, so each run's text is there as it is; a zero-length run marks nothing.
    const startPos = pos;
    pos += runChars.length;
    if (run.op === 'insert' && pos > startPos)
      plan.inserted.push({ start: before(text, startPos), end: after(text, pos - 1) });
  }
  return plan;
}
