/**
 * Redline's extraction of a page given as HTML, run where a page cannot feel it. Firefox's background is an
 * event page with a DOM, so it parses there; Chromium's background is a service worker without DOMParser, so it
 * parses in an offscreen document (reason DOM_PARSER, offscreen.ts).
 * - `parseArticleHtml(html, url)`: the article of a page, e.g. a fetched one.
 * - `readPageHtml(html, url, …, previousFor)`: the content script's page, also anchored on the stored version
 *   of its article (anchor.ts), so nothing but serialising and mapping back runs on the page's thread.
 */
import type { Article } from '../../core/model';
import type { ParsedPage, ParseOptions } from '../../core/remote-extract/parse';
import { MAX_PAGE_CHARS } from '../../core/remote-extract/serialise';
import { ParseSessions } from '../../core/remote-extract/session';
import { dropOffscreen, ParseUnavailable, parseOffscreen, restoreOffscreen } from './offscreen';

export { ParseUnavailable };

/** Strings longer than this are refused (serialise.ts). */
export const MAX_HTML_CHARS = MAX_PAGE_CHARS;

/** Where pages are parsed: here (a DOM is at hand) or in the offscreen document. */
export interface ParseEnv {
  parse(html: string, url: string, options: ParseOptions, keep: boolean): Promise<ParsedPage>;
  restore(session: number, previous: string[]): Promise<ParsedPage | null>;
  drop(session: number): Promise<void>;
}

/** Parsing in this context, with its DOMParser (Firefox's background page; jsdom in tests). */
export function localEnv(parser: { parseFromString(html: string, type: 'text/html'): Document }): ParseEnv {
  const sessions = new ParseSessions(parser);
  return {
    parse: async (html, url, options, keep) => {
      const parsed = sessions.parse(html, url, options);
      if (keep || !parsed.ok || parsed.session === undefined) return parsed;
      const { session, ...rest } = parsed;
      sessions.drop(session);
      return rest;
    },
    restore: async (session, previous) => sessions.restore(session, previous),
    drop: async (session) => sessions.drop(session),
  };
}

export const offscreenEnv: ParseEnv = {
  parse: parseOffscreen,
  restore: restoreOffscreen,
  drop: dropOffscreen,
};

let here: ParseEnv | null = null;

export function defaultEnv(): ParseEnv {
  if (typeof DOMParser !== 'function') return offscreenEnv;
  here ??= localEnv(new DOMParser());
  return here;
}

function tooLarge(html: string): ParsedPage | null {
  if (html.length <= MAX_HTML_CHARS) return null;
  return {
    ok: false,
    reason: 'too-large',
    detail: `page has ${html.length} characters of HTML, over ${MAX_HTML_CHARS}`,
  };
}

export async function parseArticleHtml(
  html: string,
  url: string,
  options: ParseOptions = {},
  env: ParseEnv = defaultEnv(),
): Promise<ParsedPage> {
  return tooLarge(html) ?? env.parse(html, url, options, false);
}

/**
 * The page's article, anchored on the stored version `previousFor` finds for it (null: none stored). When the
 * parsed copy was let go meanwhile (other pages were parsed while the history was read), the page is parsed
 * again and anchored in the same pass: the page's thread never anchors or aligns.
 */
export async function readPageHtml(
  html: string,
  url: string,
  options: ParseOptions,
  previousFor: (article: Article) => Promise<string[] | null>,
  env: ParseEnv = defaultEnv(),
): Promise<ParsedPage> {
  const refused = tooLarge(html);
  if (refused) return refused;
  const parsed = await env.parse(html, url, options, true);
  if (!parsed.ok || parsed.session === undefined) return parsed;
  const { session, ...rest } = parsed;
  let previous: string[] | null;
  try {
    previous = await previousFor(parsed.article);
  } catch (error) {
    await env.drop(session).catch(() => undefined);
    throw error;
  }
  if (previous === null) {
    await env.drop(session).catch(() => undefined);
    return { ...rest, anchored: true };
  }
  const restored = await env.restore(session, previous);
  if (restored) return restored;
  const again = await env.parse(html, url, { ...options, anchorOn: previous }, false);
  return again.ok ? { ...again, anchored: true } : again;
}
