/**
 * A page that is not an article, made from a real page's template: every text cut to a teaser's length, and
 * nothing that declares an article. What the extraction makes of one varies from page to page (many templates
 * still read as an article to it); `bench:jank --not-articles` visits those it refuses.
 */
import { parseHtml } from '../../src/core/remote-extract/parse';
import { serialisePage } from '../../src/core/remote-extract/serialise';
import { parseSource, prepareSource } from '../fixtures/pages/acceptance-pages';
import type { EvalPage } from './change-eval';

const SHOW_TEXT = 4;
const TEASER_CHARS = 60;

/** Takes the article out of `doc`, in place. */
function withoutArticle(doc: Document): void {
  for (const el of Array.from(
    doc.querySelectorAll('meta[property="og:type" i], script[type*="ld+json" i]'),
  )) {
    el.remove();
  }
  for (const el of Array.from(doc.querySelectorAll('[itemprop~="articleBody"]')))
    el.removeAttribute('itemprop');
  if (!doc.body) return;
  const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.length > TEASER_CHARS) text.data = text.data.slice(0, TEASER_CHARS);
  }
}

/**
 * `page`'s template without its article, as HTML to serve (style sheets kept, scripts as prepareSource leaves
 * them), when Redline refuses it as not an article (read as the content script sends it); null when it reads as
 * an article all the same.
 */
export function notArticlePage(page: EvalPage): string | null {
  const { dom } = parseSource(prepareSource(page.load(), true), page.url);
  try {
    const doc = dom.window.document;
    withoutArticle(doc);
    const parsed = parseHtml(new dom.window.DOMParser(), serialisePage(doc), page.url);
    return !parsed.ok && parsed.reason === 'not-readerable' ? dom.serialize() : null;
  } finally {
    dom.window.close();
  }
}
