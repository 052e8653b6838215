/**
 * Readability is not stable under small edits: on some pages (buzzfeed-1 in its fixtures) deleting one paragraph
 * changes its scoring enough that it drops three or four *other* paragraphs that are still on the page (its
 * issues #333, #776, #878 are the same family). Compared with the previous version, those would show as removed,
 * and the version stored without them would later make them look added.
 *
 * So before a page is stored, every paragraph of the previous version that the extraction lacks is looked for
 * among the page's own blocks near the article; one that is still there, word for word, is put back at its place
 * in document order, mapped to the element that shows it. A paragraph that is really gone is not found and stays
 * removed.
 */
import type { ExtractResult, Paragraph } from '../model';
import { compareText, displayText } from '../text';
import { kindOfElement } from './blocks';
import { isElement } from './dom-kinds';

type Extracted = Extract<ExtractResult, { ok: true }>;

/** The blocks a dropped paragraph can sit in: the units block splitting produces (a leaf <div> included). */
const BLOCK_SELECTOR = 'p, li, h2, h3, h4, h5, h6, blockquote, pre, figcaption, dd, dt, td, th, div';

// A node's position relative to another, from Node.DOCUMENT_POSITION_* (no DOM globals in Node tests).
const FOLLOWING = 4;

/** The element containing every mapped element: where the article is on the page. */
function articleRegion(elements: readonly (Element | null)[]): Element | null {
  let region: Element | null = null;
  for (const el of elements) {
    if (!el) continue;
    if (region === null) {
      region = el.parentElement ?? el;
      continue;
    }
    while (region && !region.contains(el)) region = region.parentElement;
    if (!region) return null;
  }
  return region;
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

  // One level above the common container: Readability may have narrowed to a sub-container this time.
  const inner = articleRegion(extracted.elements);
  const region = inner?.parentElement ?? inner;
  if (!region) return extracted;

  const used = new Set(extracted.elements.filter((el): el is Element => el !== null));
  const found: { el: Element; paragraph: Paragraph }[] = [];
  for (const el of Array.from(region.querySelectorAll(BLOCK_SELECTOR))) {
    if (used.has(el) || el.closest('[data-redline-ui], [data-redline-old]')) continue;
    // Only innermost blocks: a <li> holding a <p> is found through the <p>.
    if (Array.from(el.children).some((child) => isElement(child) && child.matches(BLOCK_SELECTOR))) continue;
    const text = displayText(el.textContent ?? '');
    const key = compareText(text);
    const left = missing.get(key);
    if (left === undefined) continue;
    if (left > 1) missing.set(key, left - 1);
    else missing.delete(key);
    found.push({ el, paragraph: { text, kind: kindOfElement(el) } });
    if (missing.size === 0) break;
  }
  if (found.length === 0) return extracted;

  const paragraphs = [...extracted.article.paragraphs];
  const elements = [...extracted.elements];
  for (const { el, paragraph } of found) {
    // Before the first mapped element that follows it in the document; at the end when none does.
    let at = elements.findIndex(
      (other) => other !== null && (el.compareDocumentPosition(other) & FOLLOWING) !== 0,
    );
    if (at < 0) at = elements.length;
    paragraphs.splice(at, 0, paragraph);
    elements.splice(at, 0, el);
  }
  return { ...extracted, article: { ...extracted.article, paragraphs }, elements };
}
