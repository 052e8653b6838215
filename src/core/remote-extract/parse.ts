/**
 * Redline's extraction of a page given as an HTML string: the same `extract` the content script would run on
 * the live page, run on a parsed copy wherever a DOM is at hand (Chromium's offscreen document, Firefox's
 * background page, jsdom in tests). The result carries, instead of live elements, anchors (anchors.ts) that
 * find them again in the page the string came from.
 */
import { anchorOnStored, extract } from '../extract';
import type { Article, ExtractResult } from '../model';
import { type Anchor, anchorsOf } from './anchors';

export type ParsedPage =
  | {
      ok: true;
      article: Article;
      /** anchors[i] finds the element showing article.paragraphs[i] in the serialised page; null if none. */
      anchors: (Anchor | null)[];
      titleAnchor: Anchor | null;
      /** Set when the parsed copy is kept for `restore` (session.ts). */
      session?: number;
      /** The extraction is already anchored on the stored version (anchor.ts): the page must not do it again. */
      anchored?: boolean;
    }
  | Extract<ExtractResult, { ok: false }>;

export type Extracted = Extract<ExtractResult, { ok: true }>;

export interface ParseOptions {
  /** The reader keeps this page although it may not look like an article (extract's `force`). */
  force?: boolean;
  /**
   * The stored version's paragraphs to anchor the extraction on (anchor.ts), as a revisit is: the background
   * re-check reads a fetched page this way (src/background/recheck).
   */
  anchorOn?: readonly string[];
}

/** Anything that parses HTML into a Document: `new DOMParser()` in a browser, a jsdom window's in tests. */
export interface HtmlParser {
  parseFromString(html: string, type: 'text/html'): Document;
}

/**
 * A parsed copy resolves relative addresses against its own URL (the extension's, or about:blank); the page
 * resolved them against `url`. The page's first <base href> was resolved against `url` too.
 */
function setBase(doc: Document, url: string): void {
  const base = doc.querySelector('base[href]');
  let href = url;
  try {
    href = new URL(base?.getAttribute('href') ?? '', url).href;
  } catch {
    // An unparsable base is ignored by the page as well.
  }
  if (base) {
    base.setAttribute('href', href);
    return;
  }
  const added = doc.createElement('base');
  added.setAttribute('href', href);
  doc.head?.prepend(added);
}

/** The extraction of a parsed copy as the page receives it: elements replaced by anchors into its text. */
export function toParsedPage(doc: Document, result: Extracted): Extract<ParsedPage, { ok: true }> {
  const anchors = anchorsOf(doc.body, [...result.elements, result.titleElement]);
  const titleAnchor = anchors.pop() ?? null;
  return { ok: true, article: result.article, anchors, titleAnchor };
}

/** Extracts the article of `doc`, a parsed copy of the page at `url`. */
export function extractParsed(doc: Document, url: string, options: ParseOptions = {}): ExtractResult {
  setBase(doc, url);
  return extract(doc, options.force === true ? { url, force: true } : { url });
}

export function parseDocument(doc: Document, url: string, options: ParseOptions = {}): ParsedPage {
  const result = extractParsed(doc, url, options);
  if (!result.ok) return result;
  if (!options.anchorOn) return toParsedPage(doc, result);
  return { ...toParsedPage(doc, anchorOnStored(result, options.anchorOn)), anchored: true };
}

export function failure(error: unknown): ParsedPage {
  return { ok: false, reason: 'error', detail: error instanceof Error ? error.message : String(error) };
}

export function parseHtml(
  parser: HtmlParser,
  html: string,
  url: string,
  options: ParseOptions = {},
): ParsedPage {
  try {
    return parseDocument(parser.parseFromString(html, 'text/html'), url, options);
  } catch (error) {
    return failure(error);
  }
}
