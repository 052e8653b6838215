/**
 * Extraction of an article from a page: Readability on a clone of the document, split into block units,
 * each mapped back to the live element that shows it.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { Article, ExtractResult, Paragraph } from '../model';
import { splitBlocks } from './blocks';
import { dropBoilerplate } from './boilerplate';
import { canonicalUrl } from './canonical-url';
import { markCaptions } from './captions';
import { isElement } from './dom-kinds';
import { removeFurniture } from './furniture';
import { declaresArticle, hasLooseParagraphs, isArticleText } from './gate';
import { findHeadline } from './headline';
import { removeHidden } from './hidden';
import { LiveMapper, pairTextNodes } from './live-map';
import { cleanField, isoTime, pageLanguage } from './metadata';
import { readerableOptions } from './readerable';

export interface ExtractOptions {
  /** The page's location; defaults to `doc.URL`. */
  url?: string;
  /** Pages with more text than this are not extracted (the cost of Readability grows with page size). */
  maxChars?: number;
  /**
   * Skip the readerable gate and extract as well as possible: the reader asked to keep this page ("Keep this
   * page anyway"). Still fails on a page with no text at all.
   */
  force?: boolean;
  /**
   * A rendered-visibility check for a live block element, for the browser (e.g. `checkVisibility`), called
   * once per extracted block; markup-hidden text (hidden.ts) is skipped without it.
   */
  isHidden?: (el: Element) => boolean;
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

const NOT_READERABLE: ExtractResult = {
  ok: false,
  reason: 'not-readerable',
  detail: 'Readability does not see an article on this page',
};

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
    // The gate is cheap and refuses most non-article pages before Readability runs. A page it refuses that
    // declares itself an article, or whose paragraphs are bare <div>s the gate does not count, is tried anyway
    // and kept only if what Readability finds reads as an article.
    const gateOptions = readerableOptions(text);
    const readerable = opts.force === true || isProbablyReaderable(doc, gateOptions);
    if (!readerable && !declaresArticle(doc) && !hasLooseParagraphs(doc, gateOptions.minContentLength)) {
      return NOT_READERABLE;
    }
    const clone = doc.cloneNode(true) as Document;
    const pairs = clone.body ? pairTextNodes(body, clone.body) : new Map<Node, Text>();
    // After pairing, so the clone's text nodes still map to the live ones.
    if (clone.body) removeHidden(clone.body);
    if (clone.body) removeFurniture(clone.body);
    const captionTexts = clone.body ? markCaptions(clone.body) : new Set<Text>();
    // Classes kept: the boilerplate rules read caption and credit class names (the content is never shown).
    const parsed = new Readability<Node>(clone, { serializer: (node) => node, keepClasses: true }).parse();
    const content = parsed?.content;
    if (!parsed || !content || !isElement(content)) {
      return { ok: false, reason: 'no-content', detail: 'Readability found no article content' };
    }
    if (!readerable && !isArticleText(content)) return NOT_READERABLE;
    const siteName = cleanField(parsed.siteName);
    const headline = findHeadline(doc, cleanField(parsed.title), { siteName, host: hostOf(location) });
    const byline = cleanField(parsed.byline);
    const blocks = dropBoilerplate(splitBlocks(content), {
      title: headline.title,
      byline,
      url: location,
      root: content,
      captionTexts,
    }).kept;
    if (blocks.length === 0) {
      return { ok: false, reason: 'no-content', detail: 'the article content holds no text' };
    }
    const mapper = new LiveMapper(pairs, body);
    const paragraphs: Paragraph[] = [];
    const elements: (Element | null)[] = [];
    for (const block of blocks) {
      const element = mapper.map(block);
      if (element && opts.isHidden?.(element)) continue;
      paragraphs.push({ text: block.text, kind: block.kind });
      elements.push(element);
    }
    if (paragraphs.length === 0) {
      return { ok: false, reason: 'no-content', detail: 'the article content holds no visible text' };
    }
    const article: Article = {
      url: canonicalUrl(doc, location),
      title: headline.title,
      lang: pageLanguage(doc, parsed.lang),
      byline,
      siteName,
      publishedTime: isoTime(parsed.publishedTime),
      paragraphs,
    };
    return { ok: true, article, elements, titleElement: headline.element };
  } catch (error) {
    return { ok: false, reason: 'error', detail: error instanceof Error ? error.message : String(error) };
  }
}
