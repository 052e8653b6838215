/**
 * The page as HTML for parsing elsewhere, produced in steps so the page's thread is never held for long: one
 * `outerHTML` of a large page took tens of milliseconds, and sending it in one message as long again (issue 8).
 *
 * The walk serialises only the elements on the way to what must be left out, or that are too large to write in
 * one go, itself; every other subtree (and foreign content, raw-text elements, templates) goes to the browser's
 * own serialiser, so text and attributes are escaped as the HTML fragment serialisation algorithm says and
 * parse back to the same tree.
 * What the extraction never reads is left out, which halves the HTML of a typical news page: the code of
 * scripts (JSON-LD stays: Readability and the article gate read it) and the rules of style sheets (hidden text
 * is judged from markup, hidden.ts). Both sit in skipped elements (dom-kinds.ts), whose text anchors never
 * count, so offsets in the serialised copy are the live page's.
 *
 * The output comes as pieces of at most `pieceChars` characters; their concatenation is the page's HTML.
 */
import { isElement, isText } from '../extract/dom-kinds';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Elements with no end tag and no content in HTML syntax. */
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/**
 * Serialised by the browser whole: their content is raw text or lives elsewhere (a template's), so only the
 * native serialiser knows how to write it.
 */
const NATIVE = new Set([
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
  'template',
  'textarea',
  'title',
  'xmp',
]);

/** Whose content the extraction never reads: the element is kept, empty. */
const EMPTIED = new Set(['script', 'style']);

const COMMENT_NODE = 8;
const JSON_LD = /^\s*application\/ld\+json\s*$/i;

/**
 * The largest page read at all, in characters of serialised HTML (the largest of the 230 public pages has under
 * 2 M): past it the page is reported too large and nothing is sent. Chromium refuses a runtime message past 64 MiB.
 */
export const MAX_PAGE_CHARS = 24 * 1024 * 1024;

/** Characters of HTML per piece: each piece is one message, whose cost on the page's thread grows with it. */
export const PIECE_CHARS = 64 * 1024;

function escapeText(text: string): string {
  return text.replace(/[&<>\u00a0]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;',
  );
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>\u00a0]/g, (c) =>
    c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;',
  );
}

function startTag(element: Element): string {
  let tag = `<${element.localName}`;
  for (const attribute of Array.from(element.attributes)) {
    tag += ` ${attribute.name}="${escapeAttribute(attribute.value)}"`;
  }
  return `${tag}>`;
}

/** Elements whose content is left out, as the selector engine finds them (JSON-LD scripts stay). */
const EMPTIED_SELECTOR = 'script:not([type="application/ld+json" i]), style';

/**
 * A subtree with no more elements than this, and nothing to leave out, is written by one native call: walking
 * it in script costs several times more, and one call on this many elements takes about a millisecond.
 */
export const WHOLE_ELEMENTS = 1500;

/**
 * ...and no more characters of text than this: a subtree of few elements may hold megabytes of text, which one
 * native call would write in one go (issue 8). Past it the walk enters the subtree and writes long texts in
 * chunks.
 */
export const WHOLE_CHARS = 64 * 1024;

/** A long text or attribute value is escaped and written this many characters at a time, one unit of work each. */
export const CHUNK_CHARS = 16 * 1024;

/**
 * The cost model of `step(budget)`: a node visited is one unit of work, and so is every `CHARS_PER_UNIT`
 * characters written (a native call on a subtree costs in proportion to what it writes).
 */
export const CHARS_PER_UNIT = 256;

/** `whole` enters the element: too many elements in it, something to leave out, or foreign content. */
const ENTER = 0;
/** `whole` enters the element because it holds more than WHOLE_CHARS of text. */
const ENTER_TEXT = 1;

/**
 * What the walk writes of `element` without entering it, or why it enters it. `textHeavy`: its parent was
 * entered for its text, so its own text is counted rather than copied (`fewChars`).
 */
function whole(element: Element, textHeavy = false): string | typeof ENTER | typeof ENTER_TEXT {
  const name = element.localName;
  if (element.namespaceURI !== HTML_NS) {
    return fewElements(element) && fewChars(element, textHeavy) ? element.outerHTML : ENTER;
  }
  if (EMPTIED.has(name)) {
    const keep = name === 'script' && JSON_LD.test(element.getAttribute('type') ?? '');
    return keep ? element.outerHTML : `${startTag(element)}</${name}>`;
  }
  if (VOID.has(name) || NATIVE.has(name)) return element.outerHTML;
  if (element.firstElementChild === null) return fewChars(element, false) ? element.outerHTML : ENTER_TEXT;
  // Each check stops early (the element past the limit, the first script), so it costs at most a walk of
  // WHOLE_ELEMENTS elements however large the subtree: a page's wrappers nest the whole article several deep.
  // The text is looked at last, only for a subtree about to be written whole (not the code of its scripts).
  if (!fewElements(element) || element.querySelector(EMPTIED_SELECTOR) !== null) return ENTER;
  return fewChars(element, textHeavy) ? element.outerHTML : ENTER_TEXT;
}

/** Whether `element` has at most WHOLE_ELEMENTS elements: `item(n)` walks to the n-th only, `length` all. */
function fewElements(element: Element): boolean {
  return (
    element.firstElementChild === null || element.getElementsByTagName('*').item(WHOLE_ELEMENTS) === null
  );
}

// NodeFilter.SHOW_TEXT, spelled out: a content script's global may not be the page's.
const SHOW_TEXT = 4;

/**
 * Whether `element` has at most WHOLE_CHARS of text. Usually by a copy of its text, far cheaper than
 * serialising it. Inside an element entered for its text (`textHeavy`), by adding up its text nodes' lengths
 * until past the limit: an article's text sits in a chain of wrappers, each over the limit and so entered, and
 * copying it again at every level was most of the walk on long articles (engadget: 35 copies, 1.25 M
 * characters, 19.5 of the serialiser's 32.7 ms in Chromium). Elsewhere counting node by node costs more than
 * the copy: a subtree written whole has many short text nodes.
 */
function fewChars(element: Element, textHeavy: boolean): boolean {
  if (!textHeavy) return (element.textContent?.length ?? 0) <= WHOLE_CHARS;
  const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    chars += (node as Text).length;
    if (chars > WHOLE_CHARS) return false;
  }
  return true;
}

/** A text or attribute value written in chunks: `escape` is applied to each (it maps characters one by one). */
interface LongText {
  text: string;
  at: number;
  escape: (text: string) => string;
}

/**
 * Serialises `doc` in steps. `step(budget)` does at most about `budget` units of work (a node visited, or
 * `CHARS_PER_UNIT` characters written; one native call past the budget at most, itself bounded by
 * WHOLE_ELEMENTS and WHOLE_CHARS) and says whether it is done; `onPiece` gets the output, `pieceChars` at a
 * time, the last piece when done.
 */
export class PageSerialiser {
  private node: Node | null;
  private readonly root: Element;
  private parts: string[] = [];
  private chars = 0;
  private finished = false;
  /** Output waiting behind a long text still being written, in order. */
  private pending: (string | LongText)[] = [];
  /** Characters written so far (handed out or waiting to be). */
  total = 0;
  /** Elements entered for their text (`whole`'s ENTER_TEXT): their children's text is counted, not copied. */
  private readonly textHeavy = new WeakSet<Element>();

  constructor(
    doc: Document,
    private readonly onPiece: (piece: string) => void,
    private readonly pieceChars = PIECE_CHARS,
  ) {
    this.root = doc.documentElement;
    if (doc.doctype) this.write(`<!DOCTYPE ${doc.doctype.name}>`);
    const top = whole(this.root);
    this.node = null;
    if (typeof top === 'string') {
      this.write(top);
      this.flush();
    } else {
      if (top === ENTER_TEXT) this.textHeavy.add(this.root);
      this.node = this.enter(this.root);
    }
  }

  get done(): boolean {
    return this.finished;
  }

  step(budget: number): boolean {
    const from = this.total;
    let visited = 0;
    while (visited + (this.total - from) / CHARS_PER_UNIT < budget) {
      if (this.pending.length > 0) {
        this.writePending();
        continue;
      }
      const node = this.node;
      if (!node) break;
      visited += 1;
      if (isElement(node)) {
        const parent = node.parentElement;
        const text = whole(node, parent !== null && this.textHeavy.has(parent));
        if (typeof text !== 'string') {
          if (text === ENTER_TEXT) this.textHeavy.add(node);
          const first = this.enter(node);
          if (first) {
            this.node = first;
            continue;
          }
          this.write(`</${node.localName}>`);
        } else this.write(text);
      } else if (isText(node)) {
        this.writeText(node.data, escapeText);
      } else if (node.nodeType === COMMENT_NODE) {
        this.writeText(`<!--${(node as Comment).data}-->`, (text) => text);
      }
      this.advance(node);
    }
    if (this.node === null && this.pending.length === 0 && !this.finished) this.flush();
    return this.finished;
  }

  /** Writes `element`'s start tag; returns its first child. */
  private enter(element: Element): Node | null {
    this.write(`<${element.localName}`);
    for (const attribute of Array.from(element.attributes)) {
      this.write(` ${attribute.name}="`);
      this.writeText(attribute.value, escapeAttribute);
      this.write('"');
    }
    this.write('>');
    return element.firstChild;
  }

  /** `text` escaped, in chunks of CHUNK_CHARS over as many units of work when it is long. */
  private writeText(text: string, escaped: (text: string) => string): void {
    if (text.length <= CHUNK_CHARS && this.pending.length === 0) this.write(escaped(text));
    else this.pending.push({ text, at: 0, escape: escaped });
  }

  /** The next chunk of what waits, or the strings up to the next long text. */
  private writePending(): void {
    const next = this.pending[0];
    if (next === undefined) return;
    if (typeof next === 'string') {
      this.pending.shift();
      this.out(next);
      return;
    }
    this.out(next.escape(next.text.slice(next.at, next.at + CHUNK_CHARS)));
    next.at += CHUNK_CHARS;
    if (next.at >= next.text.length) this.pending.shift();
  }

  /**
   * To the node after `from`'s subtree, closing each element left on the way up. The page may change between
   * steps; a node taken out of it ends the walk early, and the copy is checked where it is used (anchors.ts).
   */
  private advance(from: Node): void {
    let node = from;
    for (;;) {
      if (node.nextSibling && node !== this.root) {
        this.node = node.nextSibling;
        return;
      }
      const parent = node === this.root ? null : node.parentNode;
      if (parent === null || !isElement(parent)) {
        this.node = null;
        return;
      }
      this.write(`</${parent.localName}>`);
      node = parent;
    }
  }

  /** Output in order: behind a long text still being written, it waits its turn. */
  private write(text: string): void {
    if (this.pending.length > 0) this.pending.push(text);
    else this.out(text);
  }

  private out(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
    this.total += text.length;
    if (this.chars >= this.pieceChars) this.emit(false);
  }

  private flush(): void {
    this.emit(true);
    this.finished = true;
  }

  private emit(all: boolean): void {
    let buffered = this.parts.join('');
    this.parts = [];
    while (buffered.length >= this.pieceChars || (all && buffered.length > 0)) {
      this.onPiece(buffered.slice(0, this.pieceChars));
      buffered = buffered.slice(this.pieceChars);
    }
    if (buffered.length > 0) this.parts.push(buffered);
    this.chars = buffered.length;
  }
}

/** The whole page at once (tests, and callers with no thread to spare). */
export function serialisePage(doc: Document): string {
  const pieces: string[] = [];
  const serialiser = new PageSerialiser(doc, (piece) => pieces.push(piece), Number.POSITIVE_INFINITY);
  while (!serialiser.step(10_000)) {
    // Steps until done.
  }
  return pieces.join('');
}
