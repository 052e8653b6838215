/**
 * Extraction of an article from a page: Readability on a clone of the document, split into block units,
 * each mapped back to the live element that shows it.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { Article, ExtractResult, Paragraph } from '../model';
import { splitBlocks } from './blocks';
import { canonicalUrl } from './canonical-url';
import { isElement } from './dom-kinds';
import { findHeadline } from './headline';
import { LiveMapper, pairTextNodes } from './live-map';
import { cleanField, isoTime, pageLanguage } from './metadata';
import { readerableOptions } from './readerable';

export interface ExtractOptions {
  /** The page's location; defaults to `doc.URL`. */
  url?: string;
  /** Pages with more text than this are not extracted (the cost of Readability grows with page size). */
  maxChars?: number;
  /**
   * The reader keeps this page although it may not look like an article: skip the "readerable" gate and take
   * whatever Readability finds.
   */
  force?: boolean;
}

export const DEFAULT_MAX_CHARS = 2_000_000;

function isHtmlDocument(doc: Document): boolean {
  const type = doc.contentType ?? 'text/html';
  return (type === 'text/html' || type === 'application/xhtml+xml') && doc.body != null;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/**
 * Extracts the article shown by `doc`, which is only read: Readability runs on a clone. On success
 * `elements[i]` is the live element showing `article.paragraphs[i]`.
 */
export function extract(doc: Document, opts: ExtractOptions = {}): ExtractResult {
  const location = opts.url ?? doc.URL;
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  if (!isHtmlDocument(doc)) {
    return {
      ok: false,
      reason: 'not-html',
      detail: `document is ${doc.contentType || 'not HTML'} without a body`,
    };
  }
  const body = doc.body;
  const text = body.textContent ?? '';
  const chars = text.length;
  if (chars > maxChars) {
    return {
      ok: false,
      reason: 'too-large',
      detail: `page has ${chars} characters of text, over ${maxChars}`,
    };
  }
  try {
    if (!opts.force && !isProbablyReaderable(doc, readerableOptions(text))) {
      return {
        ok: false,
        reason: 'not-readerable',
        detail: 'Readability does not see an article on this page',
      };
    }
    const clone = doc.cloneNode(true) as Document;
    const pairs = clone.body ? pairTextNodes(body, clone.body) : new Map<Node, Text>();
    const parsed = new Readability<Node>(clone, { serializer: (node) => node }).parse();
    const content = parsed?.content;
    if (!parsed || !content || !isElement(content)) {
      return { ok: false, reason: 'no-content', detail: 'Readability found no article content' };
    }
    const blocks = splitBlocks(content);
    if (blocks.length === 0) {
      return { ok: false, reason: 'no-content', detail: 'the article content holds no text' };
    }
    const mapper = new LiveMapper(pairs, body);
    const paragraphs: Paragraph[] = blocks.map((block) => ({ text: block.text, kind: block.kind }));
    const elements = blocks.map((block) => mapper.map(block));

    const siteName = cleanField(parsed.siteName);
    const headline = findHeadline(doc, cleanField(parsed.title), { siteName, host: hostOf(location) });
    const article: Article = {
      url: canonicalUrl(doc, location),
      title: headline.title,
      lang: pageLanguage(doc, parsed.lang),
      byline: cleanField(parsed.byline),
      siteName,
      publishedTime: isoTime(parsed.publishedTime),
      paragraphs,
    };
    return { ok: true, article, elements, titleElement: headline.element };
  } catch (error) {
    return { ok: false, reason: 'error', detail: error instanceof Error ? error.message : String(error) };
  }
}
