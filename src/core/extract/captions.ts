/**
 * Caption and credit containers, judged on the page's own tree before Readability rewrites it.
 *
 * Readability replaces a <div> holding a single <p> with that <p>, and on a retry rebuilds the whole tree from
 * its HTML, so a `div.image-caption > p` credit (buzzfeed-1's `sub_buzz_grid_cell_caption`) or a
 * `p > span.caption` caption reaches the block rules as a bare paragraph, kept on one visit and dropped on the
 * next. `markCaptions` therefore notes, on the clone and before Readability runs, which text nodes stand in a
 * caption container, two ways: by identity (Readability moves text nodes, even when it drops their container),
 * and by an attribute on their parent element, which survives Readability's retry from cached HTML, where every
 * node is new (unless that retry collapses the container again; then the text is taken as body text).
 */
import { isInline } from './dom-kinds';

export const CAPTION_MARK = 'data-redline-caption';

const CAPTION_TAGS = new Set(['figcaption', 'figure']);
// Class or id words of caption and credit containers; \b-free so css-in-js spellings (ImageCaption) match.
const CAPTION_CLASS = /caption|credit|(?:^|[\s_-])(?:photo|image|img)-?(?:source|copyright)/i;
const NEGATED_CAPTION = /(?:^|[\s_-])(?:no|without|hide|hidden)[-_]?caption\S*/gi;
/**
 * How many block-level elements up from its text a caption container may be (figure > div > figcaption > p).
 * Inline wrappers do not count: a credit is often a <span> in an <a> in a <p>. The limit keeps a page-wide
 * wrapper whose class merely mentions captions ("has-captions") from swallowing the article.
 */
export const CAPTION_DEPTH = 4;

export function isCaptionContainer(el: Element): boolean {
  if (CAPTION_TAGS.has(el.localName)) return true;
  // "no_caption", "without-caption": the class says the item has no caption (buzzfeed-1's story items).
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`.replace(NEGATED_CAPTION, ' ');
  return CAPTION_CLASS.test(names);
}

function standsInCaption(start: Element): boolean {
  let el: Element | null = start;
  for (let depth = 0; el && el.localName !== 'body' && depth < CAPTION_DEPTH; el = el.parentElement) {
    if (isCaptionContainer(el)) return true;
    if (!isInline(el)) depth++;
  }
  return false;
}

/**
 * The text nodes under `root` that stand in a caption container; their parent elements get CAPTION_MARK.
 */
export function markCaptions(root: Element): Set<Text> {
  const texts = new Set<Text>();
  const verdict = new Map<Element, boolean>();
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Whitespace-only nodes too: when Readability drops a comment, normalising merges the caption's text into
    // the whitespace node before it, which keeps that node's identity.
    const parent = node.parentElement;
    if (!parent) continue;
    let caption = verdict.get(parent);
    if (caption === undefined) {
      caption = standsInCaption(parent);
      verdict.set(parent, caption);
      if (caption) parent.setAttribute(CAPTION_MARK, '');
    }
    if (caption) texts.add(node as Text);
  }
  return texts;
}

// Marked text above this share of a block makes it a caption; msn's body paragraphs open with an inline credit.
export const CAPTION_SHARE = 0.8;

/**
 * True when `texts` (one block's text nodes, under `blockElement`) are mostly caption text found by
 * `markCaptions`: in `known`, or under a marked element no higher than the block element's parent (Readability
 * wraps the loose text of a `div.caption-wrapper` in a new <p>).
 */
export function isMarkedCaption(
  texts: readonly Text[],
  blockElement: Element,
  known: ReadonlySet<Text> = new Set(),
): boolean {
  const stop = blockElement.parentElement;
  let total = 0;
  let marked = 0;
  for (const text of texts) {
    const length = text.data.trim().length;
    total += length;
    if (known.has(text)) {
      marked += length;
      continue;
    }
    for (let el = text.parentElement; el; el = el.parentElement) {
      if (el.hasAttribute(CAPTION_MARK)) {
        marked += length;
        break;
      }
      if (el === stop) break;
    }
  }
  return total > 0 && marked >= CAPTION_SHARE * total;
}
