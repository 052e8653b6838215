/**
 * Whether a page declares itself an article. Readability's `isProbablyReaderable` counts long <p>s, so an article
 * written in short paragraphs, in <div>s, or in a template it does not recognise is refused outright (6 of the
 * 181 benchmark articles). Those pages nearly always say what they are: schema.org Article markup (JSON-LD
 * `@type` or `itemprop="articleBody"`) or `og:type` article. Home, section, search and error pages declare
 * `website` or a list type, so the fallback does not take them in; the extracted text must still pass
 * `isArticleText`.
 */
import { isElement, isInline, isText } from './dom-kinds';

// schema.org's Article and its subtypes a news or blog page uses.
const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|Report|ScholarlyArticle|TechArticle|LiveBlogPosting)$/;
// Enough to tell one JSON-LD block's types without parsing megabytes of embedded state.
const MAX_JSON_LD_CHARS = 200_000;

function typesOf(value: unknown, out: string[], depth = 0): void {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) typesOf(item, out, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  const type = record['@type'];
  if (typeof type === 'string') out.push(type);
  else if (Array.isArray(type)) for (const t of type) if (typeof t === 'string') out.push(t);
  typesOf(record['@graph'], out, depth + 1);
}

/** The schema.org types a page's JSON-LD declares at its top level (and in an @graph). */
export function jsonLdTypes(doc: Document): string[] {
  const types: string[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS) continue;
    try {
      typesOf(JSON.parse(text), types);
    } catch {
      // Hand-written JSON-LD is often malformed; it then says nothing.
    }
  }
  return types;
}

/** True when the page declares itself one article (not a list of them). */
export function declaresArticle(doc: Document): boolean {
  const og = doc.querySelector('meta[property="og:type" i]')?.getAttribute('content')?.trim().toLowerCase();
  if (og === 'article') return true;
  if (doc.querySelectorAll('[itemprop~="articleBody"]').length === 1) return true;
  return jsonLdTypes(doc).some((t) => ARTICLE_TYPES.test(t));
}

// isProbablyReaderable's scoring: a paragraph counts once over `minContentLength`, by the square root of the
// excess; the page passes when the sum exceeds this.
const MIN_SCORE = 20;
const DEFAULT_MIN_CONTENT_LENGTH = 140;
// Containers whose loose text Readability wraps into paragraphs (its div-to-p step, extended to sections).
const CONTAINERS = 'div, section, article, main';

/**
 * isProbablyReaderable's test applied to runs of loose text (text and inline elements between block children)
 * in <div>, <section>, <article> and <main>: Readability reads each run as a paragraph, but the gate counts only
 * <p>, <pre>, <article> and <div>s with a <br>, so an article written as bare text between images and
 * subheadings (IGN's deals pages) is refused before Readability ever runs.
 */
export function hasLooseParagraphs(doc: Document, minContentLength = DEFAULT_MIN_CONTENT_LENGTH): boolean {
  let score = 0;
  const count = (run: number): boolean => {
    if (run >= minContentLength) score += Math.sqrt(run - minContentLength);
    return score > MIN_SCORE;
  };
  for (const container of Array.from(doc.body?.querySelectorAll(CONTAINERS) ?? [])) {
    let run = 0;
    for (let child = container.firstChild; child; child = child.nextSibling) {
      if (isText(child)) run += child.data.trim().length;
      else if (isElement(child) && isInline(child)) run += (child.textContent ?? '').trim().length;
      else if (isElement(child)) {
        if (count(run)) return true;
        run = 0;
      }
    }
    if (count(run)) return true;
  }
  return false;
}

// Shorter than this, a "page" is a teaser or an error message, not an article worth keeping.
export const MIN_ARTICLE_CHARS = 250;
// Above this share of linked text, the content is a list of links (a section front), not an article.
const MAX_LINK_SHARE = 0.5;

/** True when extracted content reads as an article: enough text, most of it not links. */
export function isArticleText(content: Element): boolean {
  const text = (content.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length < MIN_ARTICLE_CHARS) return false;
  let linked = 0;
  for (const a of Array.from(content.querySelectorAll('a'))) {
    linked += (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  }
  return linked / text.length <= MAX_LINK_SHARE;
}
