/**
 * The headline of an article as its reader sees it: the page's own <h1> when one matches what the page's
 * metadata calls the title, else og:title / Readability's title / <title>, without a trailing site name
 * (" - BBC News", " | The Guardian", "_腾讯网").
 */
import { compareText, displayText } from '../text';

// A separator between headline and site name: spaced pipes and dashes, or CJK-style underscores.
const SEPARATOR = /\s+(?:\||-|–|—|::|·|•|»|~|\/)\s+|\s*_\s*/g;
const MAX_SUFFIXES = 3;

export interface SiteHints {
  siteName?: string | null;
  /** Host name of the page, e.g. "www.theguardian.com". */
  host?: string | null;
}

function key(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function siteKeys(hints: SiteHints): string[] {
  const keys: string[] = [];
  if (hints.siteName) keys.push(key(hints.siteName));
  if (hints.host) {
    const host = hints.host.toLowerCase().replace(/^www\d*\./, '');
    keys.push(key(host));
    // The registrable label ("bbc" of bbc.co.uk, "theguardian" of theguardian.com).
    const labels = host.split('.').slice(0, -1);
    while (labels.length > 1 && /^(co|com|org|net|gov|ac|ne|or)$/.test(labels[labels.length - 1] ?? '')) {
      labels.pop();
    }
    keys.push(key(labels[labels.length - 1] ?? ''));
  }
  return keys.filter((k) => k.length >= 3);
}

function namesSite(tail: string, keys: readonly string[]): boolean {
  const tailKey = key(tail);
  if (tailKey.length === 0) return false;
  return keys.some((site) => tailKey === site || tailKey.startsWith(site) || site.startsWith(tailKey));
}

function looksLikeSuffix(head: string, tail: string): boolean {
  const words = tail.split(/\s+/).filter(Boolean).length;
  return words <= 4 && tail.length <= 30 && head.length >= tail.length;
}

/**
 * Removes trailing site names. Without `loose`, only a tail that names the site (site name or host) goes;
 * with `loose` (for <title>, which nearly always carries one) any short tail after a separator goes too.
 */
export function stripSiteSuffix(title: string, hints: SiteHints = {}, loose = false): string {
  const keys = siteKeys(hints);
  let current = displayText(title);
  for (let i = 0; i < MAX_SUFFIXES; i++) {
    let last: RegExpExecArray | null = null;
    for (const match of current.matchAll(SEPARATOR)) last = match;
    if (!last || last.index === 0) break;
    const head = current.slice(0, last.index).trim();
    const tail = current.slice(last.index + last[0].length).trim();
    if (head === '' || tail === '') break;
    if (!namesSite(tail, keys) && !(loose && looksLikeSuffix(head, tail))) break;
    current = head;
  }
  return current;
}

/** True when `a` and `b` are the same headline, one possibly carrying extra words ("The", a site suffix). */
export function similarHeadlines(a: string, b: string): boolean {
  const x = compareText(a).toLowerCase();
  const y = compareText(b).toLowerCase();
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return long.includes(short) && short.length * 2 >= long.length;
}

/** The first non-blank content of each of `names` among the page's <meta property|name> tags. */
function metaContents(doc: Document, names: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  // getElementsByTagName rather than a selector: this runs on every page load, and is several times faster.
  for (const meta of Array.from(doc.getElementsByTagName('meta'))) {
    const k = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').toLowerCase();
    if (!names.includes(k) || found.has(k)) continue;
    const value = displayText(meta.getAttribute('content') ?? '');
    if (value !== '') found.set(k, value);
  }
  return found;
}

export interface Headline {
  title: string;
  element: Element | null;
}

// Beyond this an <h1> is a wrapper, not a headline; the cap also keeps a page full of <h1>s cheap.
const MAX_HEADLINE_CHARS = 400;
const MAX_CANDIDATES = 30;

function headlineElements(doc: Document, tag: string): Element[] {
  return Array.from(doc.getElementsByTagName(tag)).slice(0, MAX_CANDIDATES);
}

function elementText(el: Element): string {
  const raw = el.textContent ?? '';
  return raw.length > MAX_HEADLINE_CHARS * 4 ? '' : displayText(raw);
}

/**
 * Picks the headline of `doc` (the live page; only read). `readabilityTitle` is what Readability found
 * (JSON-LD, Dublin Core, og/twitter metadata or its own <title> heuristics).
 */
export function findHeadline(doc: Document, readabilityTitle: string | null, hints: SiteHints): Headline {
  const meta = metaContents(doc, ['og:title', 'twitter:title']);
  const ogTitle = meta.get('og:title') ?? null;
  const twitterTitle = meta.get('twitter:title') ?? null;
  const docTitle = displayText(doc.title ?? '');
  const declared = [ogTitle, readabilityTitle, twitterTitle, docTitle].filter(
    (t): t is string => typeof t === 'string' && displayText(t) !== '',
  );

  // The visible headline wins when the metadata agrees it is the headline: the page's <h1> may also hold a
  // logo or a section name (a logo <h1> also "matches" a short "Headline - Site" title, hence the site check),
  // and og:title may be an SEO variant of what the reader sees.
  const keys = siteKeys(hints);
  for (const h1 of headlineElements(doc, 'h1')) {
    const text = elementText(h1);
    if (text === '' || text.length > MAX_HEADLINE_CHARS || keys.includes(key(text))) continue;
    if (declared.some((t) => similarHeadlines(text, t))) return { title: text, element: h1 };
  }

  let title = '';
  for (const candidate of declared) {
    title = stripSiteSuffix(candidate, hints, candidate === docTitle);
    if (title !== '') break;
  }
  const wanted = compareText(title);
  const shows = (el: Element): boolean => compareText(elementText(el)) === wanted;
  const element =
    wanted === ''
      ? null
      : (headlineElements(doc, 'h1').find(shows) ??
        headlineElements(doc, 'h2').find(shows) ??
        Array.from(doc.querySelectorAll('[itemprop~="headline"]')).slice(0, MAX_CANDIDATES).find(shows) ??
        null);
  return { title, element };
}
