/**
 * Readability is not stable under small edits: on some pages (buzzfeed-1 in its fixtures) deleting one paragraph
 * changes its scoring enough that it drops three or four *other* paragraphs that are still on the page (its
 * issues #333, #776, #878 are the same family). Compared with the previous version, those would show as removed,
 * and the version stored without them would later make them look added.
 *
 * So before a page is stored, every paragraph of the previous version that the extraction lacks is looked for
 * among the page's own blocks, anywhere on the page: the article boundary drifts between visits (a caption, a
 * standfirst or a box taken in last time and left out now), and a block the reader still sees is not "removed"
 * wherever Readability put the boundary. One that is still there, word for word (comparison form, with or
 * without its visually hidden parts such as "Image caption, "), is put back at its place in document order,
 * mapped to the element that shows it, with the text as stored. A paragraph that is really gone is not found and
 * stays removed.
 */
import type { ExtractResult } from '../model';
import { compareText, displayText } from '../text';
import { kindOfElement } from './blocks';
import { isElement, isInline, isSkipped, isText } from './dom-kinds';
import { visibleText } from './visible-text';

type Extracted = Extract<ExtractResult, { ok: true }>;

/**
 * The blocks a dropped paragraph can sit in: the units block splitting produces (a leaf <div> included), and
 * the containers whose loose text it makes a unit of. An <h1> too: a page may have several (a slideshow's
 * captions), and only the one Readability took for the headline is not a paragraph.
 */
const BLOCK_SELECTOR =
  'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, figcaption, dd, dt, td, th, div, section, article, main, ' +
  'header, footer, aside, figure, center, address';

// A node's position relative to another, from Node.DOCUMENT_POSITION_* (no DOM globals in Node tests).
const FOLLOWING = 4;
const CONTAINS = 8;

/**
 * Cost cap: a revisit looks at no more blocks than this. A news page has a few thousand; a page with more is not
 * searched past it, and a stored paragraph not reached stays removed, as before this search existed.
 */
export const MAX_BLOCKS_SEARCHED = 20_000;

/** The comparison forms a page block can be known by: as extracted, and as a sighted reader sees it. */
export function blockKeys(el: Element): { full: string; visible: string; text: string } {
  const text = displayText(el.textContent ?? '');
  return { full: compareText(text), visible: compareText(visibleText(el)), text };
}

/**
 * Puts back the paragraphs of `previous` that are still shown on the page but that this extraction missed.
 * Returns the extraction unchanged when nothing is missing.
 */
export function restoreDropped(extracted: Extracted, previous: readonly string[]): Extracted {
  // Counted, not a set: a short line such as "Facebook" (an embed's caption) can stand twice in one article.
  const missing = new Map<string, number>();
  for (const key of previous.map(compareText)) if (key !== '') missing.set(key, (missing.get(key) ?? 0) + 1);
  for (const p of extracted.article.paragraphs) {
    const key = compareText(p.text);
    const left = (missing.get(key) ?? 0) - 1;
    if (left > 0) missing.set(key, left);
    else missing.delete(key);
  }
  if (missing.size === 0) return extracted;

  // With nothing of this extraction on the page there is no place to put a found paragraph back.
  const root = firstOwnerBody(extracted.elements);
  if (!root) return extracted;
  // Keyed by comparison form, holding the stored display text, so a block found by its visible text alone is
  // stored as it was and does not read as reworded.
  const storedText = new Map<string, string>();
  for (const text of previous) storedText.set(compareText(text), text);

  const used = new Set(extracted.elements.filter((el): el is Element => el !== null));
  // Every block that shows a missing text, in document order: a short line ("87", "Facebook") can stand in
  // several places (a rating in a teaser card and in the review's score box), and the one to take back is the
  // one at the paragraph's place in the stored order, not the first on the page.
  const candidates = new Map<string, Candidate[]>();
  const blocks = Array.from(root.querySelectorAll(BLOCK_SELECTOR)).slice(0, MAX_BLOCKS_SEARCHED);
  for (const el of blocks) {
    if (used.has(el) || el.closest('[data-redline-ui], [data-redline-old]')) continue;
    // A block holding blocks is found by the text it holds itself, between them (as block splitting makes a
    // unit of it: an "Enlarge image" link beside a picture's <div>); its inner blocks are found on their own.
    const holdsBlocks = Array.from(el.children).some(
      (child) => isElement(child) && child.matches(BLOCK_SELECTOR),
    );
    const runs: Run[] = holdsBlocks ? ownRuns(el) : [blockKeys(el)];
    for (const keys of runs) {
      const key = missing.has(keys.full) ? keys.full : missing.has(keys.visible) ? keys.visible : null;
      if (key === null) continue;
      const list = candidates.get(key) ?? [];
      if (list.length < MAX_CANDIDATES) list.push({ el, start: keys.start ?? el, text: keys.text });
      candidates.set(key, list);
    }
  }
  if (candidates.size === 0) return extracted;

  const found = placeInStoredOrder(extracted, previous, missing, candidates).map(
    ({ el, start, text, key }) => ({
      el,
      start,
      paragraph: { text: storedText.get(key) ?? text, kind: kindOfElement(el) },
    }),
  );
  if (found.length === 0) return extracted;

  const paragraphs = [...extracted.article.paragraphs];
  const elements = [...extracted.elements];
  const starts: (Node | null)[] = extracted.elements.map((el) => el);
  for (const { el, start, paragraph } of found) {
    // Before the first paragraph whose text begins after this one's; at the end when none does. Compared by
    // where the text begins, not by element: a block's own line can follow its child block ("3.409" in a
    // <div> inside the <div> that then says "letture"), and the outer element precedes what it contains.
    let at = -1;
    for (let k = 0; k < paragraphs.length && at < 0; k++) {
      let other = starts[k] ?? null;
      if (other !== null && (start.compareDocumentPosition(other) & CONTAINS) !== 0) {
        // An extracted line of a block that holds this one: where that line begins.
        other = runStart(other, paragraphs[k]?.text ?? '');
        starts[k] = other;
      }
      if (other !== null && (start.compareDocumentPosition(other) & FOLLOWING) !== 0) at = k;
    }
    if (at < 0) at = elements.length;
    paragraphs.splice(at, 0, paragraph);
    elements.splice(at, 0, el);
    starts.splice(at, 0, start);
  }
  return { ...extracted, article: { ...extracted.article, paragraphs }, elements };
}

/** A block that shows a missing paragraph's text. `start`: where that text begins on the page. */
interface Candidate {
  el: Element;
  start: Node;
  text: string;
}

// A text shown in more places than this is not told apart by place any better; the cap bounds the memory.
const MAX_CANDIDATES = 16;

/**
 * For each missing paragraph, in the stored order, the block that shows its text at its place: after the block
 * of the stored paragraph before it (extracted, or put back just now) and before the block of the next one this
 * extraction has (the last such block when nothing stored comes before it). Failing that, the first block after
 * the one before it; failing that, the first on the page (the paragraph moved up).
 */
function placeInStoredOrder(
  extracted: Extracted,
  previous: readonly string[],
  missing: ReadonlyMap<string, number>,
  candidates: ReadonlyMap<string, Candidate[]>,
): (Candidate & { key: string })[] {
  // Where this extraction shows each text, in its order; a stored paragraph takes them first come, first served.
  const shown = new Map<string, Node[]>();
  extracted.article.paragraphs.forEach((p, i) => {
    const el = extracted.elements[i];
    if (!el) return;
    const key = compareText(p.text);
    const nodes = shown.get(key);
    if (nodes) nodes.push(el);
    else shown.set(key, [el]);
  });
  const keys = previous.map(compareText);
  // The stored occurrences of a text beyond what the extraction shows are the missing ones.
  const extractedLeft = new Map<string, number>();
  for (const [key, nodes] of shown) extractedLeft.set(key, nodes.length);
  const place: (Node | 'missing' | null)[] = keys.map((key) => {
    const left = extractedLeft.get(key) ?? 0;
    if (left > 0) {
      extractedLeft.set(key, left - 1);
      const nodes = shown.get(key) ?? [];
      return nodes[nodes.length - left] ?? null;
    }
    return missing.has(key) ? 'missing' : null;
  });

  // For each stored paragraph, the block of the next one this extraction shows (one pass from the end, so a
  // stored version of thousands of missing paragraphs costs no more than one walk).
  const nextShown: (Node | null)[] = new Array(place.length).fill(null);
  for (let k = place.length - 2; k >= 0; k--) {
    const later = place[k + 1];
    nextShown[k] = later && later !== 'missing' ? later : (nextShown[k + 1] ?? null);
  }

  const taken = new Set<Candidate>();
  const placed: (Candidate & { key: string })[] = [];
  let before: Node | null = null;
  keys.forEach((key, i) => {
    const at = place[i];
    if (at !== 'missing') {
      if (at) before = at;
      return;
    }
    const free = (candidates.get(key) ?? []).filter((c) => !taken.has(c));
    if (free.length === 0) return;
    const next = nextShown[i] ?? null;
    const follows = (c: Candidate): boolean =>
      before === null || (before.compareDocumentPosition(c.start) & FOLLOWING) !== 0;
    const precedes = (c: Candidate): boolean =>
      next === null || (c.start.compareDocumentPosition(next) & FOLLOWING) !== 0;
    const between = free.filter((c) => follows(c) && precedes(c));
    // With no stored paragraph before it on the page, the copy nearest the next one.
    const chosen =
      (before === null ? between.at(-1) : between[0]) ?? free.find(follows) ?? (free[0] as Candidate);
    taken.add(chosen);
    placed.push({ ...chosen, key });
    before = chosen.start;
  });
  return placed;
}

/** Where the line `text` that `el` holds itself begins, or null when `el` holds no such line. */
function runStart(el: Node, text: string): Node | null {
  if (!isElement(el)) return null;
  const key = compareText(text);
  const run = ownRuns(el).find((r) => r.full === key || r.visible === key);
  return run?.start ?? null;
}

interface Run {
  full: string;
  visible: string;
  text: string;
  /** The run's first node. */
  start?: Node;
}

/** The runs of text `el` holds itself, outside its child blocks, each with its keys. */
function ownRuns(el: Element): Run[] {
  const runs: Run[] = [];
  let full: string[] = [];
  let visible: string[] = [];
  let start: Node | null = null;
  const flush = (): void => {
    const text = displayText(full.join(''));
    if (text !== '' && start !== null) {
      runs.push({ full: compareText(text), visible: compareText(visible.join('')), text, start });
    }
    full = [];
    visible = [];
    start = null;
  };
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (isText(child)) {
      start ??= child;
      full.push(child.data);
      visible.push(child.data);
    } else if (isElement(child) && isInline(child)) {
      start ??= child;
      full.push(child.textContent ?? '');
      visible.push(visibleText(child));
    } else if (isElement(child) && !isSkipped(child)) flush();
  }
  flush();
  return runs;
}

function firstOwnerBody(elements: readonly (Element | null)[]): Element | null {
  for (const el of elements) if (el) return el.ownerDocument.body;
  return null;
}
