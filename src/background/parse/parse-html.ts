/**
 * `parseArticleHtml(html, url)`: Redline's extraction of a page given as HTML, run where a page cannot feel it.
 * Firefox's background is an event page with a DOM, so it parses there; Chromium's background is a service
 * worker without DOMParser, so it parses in an offscreen document (reason DOM_PARSER, offscreen.ts).
 * Used for the content script's pages (the page's own thread only serialises) and for fetched pages.
 */
import {
  type HtmlParser,
  type ParsedPage,
  type ParseOptions,
  parseHtml,
} from '../../core/remote-extract/parse';
import { ParseUnavailable, parseOffscreen } from './offscreen';

export { ParseUnavailable };

/** Strings longer than this are refused: Chromium refuses a runtime message past 64 MiB. */
export const MAX_HTML_CHARS = 24 * 1024 * 1024;

export interface ParseEnv {
  /** A DOM parser in this context (Firefox's background page), or null (a service worker). */
  parser: HtmlParser | null;
  /** Parses in the offscreen document; rejects with ParseUnavailable when there is none. */
  offscreen: (html: string, url: string, options: ParseOptions) => Promise<ParsedPage>;
}

function defaultEnv(): ParseEnv {
  return {
    parser: typeof DOMParser === 'function' ? new DOMParser() : null,
    offscreen: parseOffscreen,
  };
}

export async function parseArticleHtml(
  html: string,
  url: string,
  options: ParseOptions = {},
  env: ParseEnv = defaultEnv(),
): Promise<ParsedPage> {
  if (html.length > MAX_HTML_CHARS) {
    return {
      ok: false,
      reason: 'too-large',
      detail: `page has ${html.length} characters of HTML, over ${MAX_HTML_CHARS}`,
    };
  }
  if (env.parser) return parseHtml(env.parser, html, url, options);
  return env.offscreen(html, url, options);
}
