/**
 * Element classes shared by block splitting and live mapping. Works on `localName`, so it is the same for
 * HTML documents, jsdom and XHTML, and needs no `instanceof` (a content script's DOM classes live in another
 * realm than the page's, and Node has none).
 */

/** Elements laid out inline: text in them belongs to the paragraph around them. */
const INLINE = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'output',
  'picture',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'small',
  'source',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/** Subtrees whose text a reader never sees as article text (code, embedded media, form controls). */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'canvas',
  'select',
  'textarea',
  'button',
  'head',
]);

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
export const COMMENT_NODE = 8;

export function isInline(el: Element): boolean {
  return INLINE.has(el.localName);
}

export function isSkipped(el: Element): boolean {
  return SKIPPED.has(el.localName);
}

export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

export function isText(node: Node): node is Text {
  return node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;
}

/** The nearest element at or above `node` that is not inline: the block a reader sees the text in. */
export function blockOf(node: Node): Element | null {
  let cur: Node | null = isElement(node) ? node : node.parentNode;
  while (cur && isElement(cur)) {
    if (!isInline(cur)) return cur;
    cur = cur.parentNode;
  }
  return null;
}
