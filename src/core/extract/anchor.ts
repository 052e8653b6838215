/**
 * A revisit is anchored on what was stored. Readability draws the article's boundary afresh on every visit, and
 * when only the page around the article changed (other "most read" links, a new banner, an ad slot) it can take
 * in neighbouring blocks it left out last time, or leave out ones it took. Compared with the stored version,
 * those would be marked New or Removed although the newsroom changed nothing; every such false mark teaches the
 * reader to ignore the marks. The stored version says where the article was, so:
 *
 * 1. A stored paragraph the page still shows anywhere, as it was or without its visually hidden prefix, is kept
 *    (restore.ts): not removed.
 * 2. A paragraph that differs from a stored one only in visually hidden text ("Image caption, ") takes the stored
 *    text: a reader sees the same words.
 * 3. A paragraph that is new this time is boundary drift, not an addition, when
 *    - it stands outside the region that holds the matched (unchanged, moved, reworded) paragraphs: outside
 *      their common container, or before the first / after the last of them in a different parent (an update
 *      appended to a story is a sibling of its last paragraph; a footer, a byline box or a related list is not);
 *    - or it is link-dominated (nav lists, footers, share bars, related or most-read lists), inside page
 *      furniture (<nav>, <footer>, <aside>, navigation/complementary/contentinfo roles), or a label or
 *      dateline ("Advertisement", "Sponsored", "Published 3 hours ago").
 *    It is neither marked nor stored as part of the article. A new paragraph between matched ones in their
 *    container is still an addition, and a stored paragraph the page no longer shows is still removed.
 *
 * 4. A stored paragraph that is a dateline or an ad label by its words alone ("Updated 5 minutes ago",
 *    "Advertisement") is not shown as removed when the page no longer has it (`hideLabelRemovals`): a template
 *    rewrites such lines on every visit, and a first extraction may have taken one in.
 *
 * With nothing matched there is no anchor (the page shows another text altogether) and the extraction is kept.
 */
import { align } from '../align';
import type { AlignResult, ExtractResult } from '../model';
import { compareText } from '../text';
import { isCounterText } from './boilerplate';
import { blockKeys, restoreDropped } from './restore';

type Extracted = Extract<ExtractResult, { ok: true }>;

// Node.DOCUMENT_POSITION_* (no DOM globals in Node tests).
const PRECEDING = 2;
const FOLLOWING = 4;

/** Share of a block's text inside links from which it reads as a list of links, not prose. */
export const LINK_DOMINATED = 0.5;

const FURNITURE = 'nav, footer, aside, [role="navigation"], [role="complementary"], [role="contentinfo"]';

// Ad and promotion labels in the major languages of the news, alone or with a separator and a teaser after them
// (not `\b`: it sees no word edge after 広告 or реклама).
const AD_LABEL =
  /^(advertisement|advertising|sponsored( content| by)?|paid (content|post|partner)|promoted( by)?|partner content|anzeige|werbung|publicité|publicidad|pubblicità|publicitate|reklama|reklam|advertentie|iklan|hirdetés|inzerce|διαφήμιση|реклама|إعلان|פרסומת|विज्ञापन|โฆษณา|quảng cáo|広告|广告|광고)(?=$|[\s\p{P}])/iu;
// Datelines a template adds around an article; a short block that starts with one is metadata.
const DATELINE =
  /^(published|updated|last updated|first published|posted|modified|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado)\b/i;
const DATELINE_MAX_WORDS = 12;
// A dateline names a time: a number (a date, an hour) or "ago"; "Published reports say…" is prose.
const HAS_TIME = /\d|\bago\b/i;

/** Share of `el`'s text that sits inside <a> elements. */
export function linkShare(el: Element): number {
  const total = compareText(el.textContent ?? '').length;
  if (total === 0) return 0;
  let linked = 0;
  const links = el.localName === 'a' ? [el] : Array.from(el.querySelectorAll('a'));
  for (const a of links) linked += compareText(a.textContent ?? '').length;
  const inLink = el.closest('a') !== null && el.localName !== 'a';
  return inLink ? 1 : Math.min(1, linked / total);
}

/** An ad or promotion label, or a dateline: what its words alone say is not article text. */
export function isLabelText(text: string): boolean {
  if (AD_LABEL.test(text) || isCounterText(text)) return true;
  return DATELINE.test(text) && HAS_TIME.test(text) && text.split(/\s+/).length <= DATELINE_MAX_WORDS;
}

/** Page furniture, a link list or a label: never article text, wherever Readability's boundary fell. */
export function isBoilerplate(el: Element, text: string): boolean {
  if (el.closest(FURNITURE) !== null) return true;
  if (linkShare(el) >= LINK_DOMINATED) return true;
  return isLabelText(text);
}

/** Rule 4: the comparison without removed datelines and ad labels. */
export function hideLabelRemovals(result: AlignResult): AlignResult {
  const removed = result.removed.filter((r) => !isLabelText(r.text));
  if (removed.length === result.removed.length) return result;
  return { ...result, removed, stats: { ...result.stats, removed: removed.length } };
}

function commonAncestor(elements: readonly Element[]): Element | null {
  const [first, ...rest] = elements;
  let candidate: Element | null = first?.parentElement ?? null;
  while (candidate && !rest.every((el) => candidate?.contains(el))) candidate = candidate.parentElement;
  return candidate;
}

/** Rule 2: the stored text for a paragraph whose element differs from it only in visually hidden text. */
function adoptStoredText(extracted: Extracted, previous: readonly string[]): Extracted {
  const stored = new Map(previous.map((text) => [compareText(text), text]));
  let changed = false;
  const paragraphs = extracted.article.paragraphs.map((p, i) => {
    if (stored.has(compareText(p.text))) return p;
    const el = extracted.elements[i];
    if (!el) return p;
    const keys = blockKeys(el);
    // Only when the element shows this paragraph alone; a unit split out of a larger block is left as it is.
    if (keys.full !== compareText(p.text) && keys.visible !== compareText(p.text)) return p;
    const text = stored.get(keys.visible) ?? stored.get(keys.full);
    if (text === undefined) return p;
    changed = true;
    return { ...p, text };
  });
  return changed ? { ...extracted, article: { ...extracted.article, paragraphs } } : extracted;
}

/**
 * Anchors this visit's extraction on the stored version `previous` (its paragraph texts): puts back what the
 * page still shows, and leaves out boundary drift (see the rules above). Returns the extraction to store and
 * compare.
 */
export function anchorOnStored(extracted: Extracted, previous: readonly string[]): Extracted {
  const restored = adoptStoredText(restoreDropped(extracted, previous), previous);
  const texts = restored.article.paragraphs.map((p) => p.text);
  // Titles are left out: only which paragraphs pair up matters here.
  const result = align({ title: '', paragraphs: previous }, { title: '', paragraphs: texts });
  const matched: Element[] = [];
  const added: number[] = [];
  for (const change of result.paragraphs) {
    const el = restored.elements[change.newIndex];
    if (change.kind === 'added') added.push(change.newIndex);
    else if (el) matched.push(el);
  }
  if (added.length === 0 || matched.length === 0) return restored;

  const container = commonAncestor(matched);
  let first = matched[0] as Element;
  let last = first;
  for (const el of matched) {
    if (el.compareDocumentPosition(first) & FOLLOWING) first = el;
    if (el.compareDocumentPosition(last) & PRECEDING) last = el;
  }
  const drift = new Set<number>();
  for (const i of added) {
    const el = restored.elements[i];
    // Unmapped: nothing to judge its place by, and dropping text the reader may see would hide a real change.
    if (!el) continue;
    const text = restored.article.paragraphs[i]?.text ?? '';
    const before = (el.compareDocumentPosition(first) & FOLLOWING) !== 0 && !el.contains(first);
    const after = (el.compareDocumentPosition(last) & PRECEDING) !== 0 && !el.contains(last);
    const outside =
      container === null ||
      !container.contains(el) ||
      (before && el.parentElement !== first.parentElement) ||
      (after && el.parentElement !== last.parentElement);
    if (outside || isBoilerplate(el, text)) drift.add(i);
  }
  if (drift.size === 0) return restored;
  const keep = (_: unknown, i: number): boolean => !drift.has(i);
  return {
    ...restored,
    article: { ...restored.article, paragraphs: restored.article.paragraphs.filter(keep) },
    elements: restored.elements.filter(keep),
  };
}
