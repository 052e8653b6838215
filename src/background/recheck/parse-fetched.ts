/**
 * Reading a fetched page with the same extraction a tab uses, anchored on the stored version the same way
 * (anchor.ts), so boundary drift and template churn are left out exactly as on a revisit. The parsing itself is
 * the background's (src/background/parse: Firefox's background page, Chromium's offscreen document).
 */

import type { Article } from '../../core/model';
import { type HtmlParser, type ParsedPage as Parsed, parseHtml } from '../../core/remote-extract/parse';
import { parseArticleHtml } from '../parse/parse-html';

export type ParsedPage = { ok: true; article: Article } | { ok: false; reason: string };

/** Injected into the re-check: `stored` is the newest stored version's paragraphs, to anchor on. */
export type ParseFetched = (
  html: string,
  url: string,
  stored: readonly string[] | null,
) => Promise<ParsedPage>;

function fetchedPage(parsed: Parsed): ParsedPage {
  return parsed.ok ? { ok: true, article: parsed.article } : { ok: false, reason: parsed.reason };
}

/** Parses with `parser` right here (tests: jsdom's DOMParser). */
export function parseWith(
  parser: HtmlParser,
  html: string,
  url: string,
  stored: readonly string[] | null,
): ParsedPage {
  return fetchedPage(parseHtml(parser, html, url, stored === null ? {} : { anchorOn: [...stored] }));
}

/** The background's parser: wherever the background parses pages. */
export function createParser(): ParseFetched {
  return async (html, url, stored) =>
    fetchedPage(await parseArticleHtml(html, url, stored === null ? {} : { anchorOn: [...stored] }));
}
