/**
 * Reading a fetched page with the same extraction a tab uses (src/core/extract), anchored on the stored version
 * the same way (anchor.ts), so boundary drift and template churn are left out exactly as on a revisit. Needs a
 * DOM parser: Firefox's background page has one; Chromium's service worker has none and parses in an offscreen
 * document (offscreen-parser.ts).
 */
import { anchorOnStored, extract } from '../../core/extract';
import type { Article } from '../../core/model';

export type ParsedPage = { ok: true; article: Article } | { ok: false; reason: string };

/** Injected into the re-check: `stored` is the newest stored version's paragraphs, to anchor on. */
export type ParseFetched = (
  html: string,
  url: string,
  stored: readonly string[] | null,
) => Promise<ParsedPage>;

/** Parses with `parser` (a `DOMParser`), in whatever context has one. */
export function parseWith(
  parser: { parseFromString(html: string, type: 'text/html'): Document },
  html: string,
  url: string,
  stored: readonly string[] | null,
): ParsedPage {
  const doc = parser.parseFromString(html, 'text/html');
  // Relative links and the canonical URL resolve against the article's address, not the extension's.
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.href = url;
    doc.head.prepend(base);
  }
  const extracted = extract(doc, { url });
  if (!extracted.ok) return { ok: false, reason: extracted.reason };
  const anchored = stored === null ? extracted : anchorOnStored(extracted, stored);
  return { ok: true, article: anchored.article };
}
