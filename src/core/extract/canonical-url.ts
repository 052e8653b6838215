/**
 * The URL an article is filed under, so that the same article reached through a share link, a newsletter or
 * a feed is one history entry.
 */

/** Query parameters that only say how the reader arrived (analytics, ad clicks, mail campaigns). */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'vero_id',
  'oly_anon_id',
  'oly_enc_id',
  'rb_clickid',
  's_cid',
  'wickedid',
  'ncid',
  'cmpid',
  'ocid',
  'ito',
  'smid',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_'];

function isTrackingParam(rawKey: string): boolean {
  let key: string;
  try {
    key = decodeURIComponent(rawKey.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    key = rawKey.toLowerCase();
  }
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * The URL without fragment and tracking parameters. The other parameters are kept byte for byte and in order
 * (re-encoding them through URLSearchParams could turn one article into two keys).
 */
export function cleanUrl(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  const kept = copy.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(pair.split('=', 1)[0] ?? ''));
  copy.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return copy.href;
}

function parseHttp(raw: string | null | undefined, base: string): URL | null {
  const value = raw?.trim();
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function isHomePage(url: URL): boolean {
  return (url.pathname === '/' || url.pathname === '') && url.search === '';
}

function sameSite(a: URL, b: URL): boolean {
  const strip = (host: string): string => host.replace(/^www\./, '');
  return strip(a.hostname) === strip(b.hostname);
}

/**
 * A declared canonical is believed unless it is a home page while the reader is not on that same home page, or a
 * section the page sits in:
 * CMS templates that stamp the site root (or another site's root) on every article would otherwise file all
 * articles under one key.
 */
function trustworthy(candidate: URL, location: URL | null): boolean {
  if (isSectionOf(candidate, location)) return false;
  if (!isHomePage(candidate)) return true;
  return location !== null && isHomePage(location) && sameSite(candidate, location);
}

/**
 * A canonical naming a section that contains the page (yahoo-2 in Readability's fixtures declares
 * `//us.yahoo.com/news/` on an article under /news/) would file every article of that section under one key.
 */
function isSectionOf(candidate: URL, location: URL | null): boolean {
  if (location === null || !sameSite(candidate, location) || candidate.search !== '') return false;
  const section = candidate.pathname.endsWith('/') ? candidate.pathname : `${candidate.pathname}/`;
  return location.pathname.length > section.length && location.pathname.startsWith(section);
}

/**
 * Canonical URL of the page: `link[rel=canonical]`, else `og:url`, else `location` without its fragment and
 * tracking parameters. Relative URLs are resolved against the document's base URL; non-http(s) candidates
 * and untrustworthy ones (see above) are ignored.
 */
export function canonicalUrl(doc: Document, location: string): string {
  const raw = parseHttp(location, 'http://invalid.invalid/');
  // Judged without tracking parameters: a shared link to a home page is still the home page.
  const here = raw ? new URL(cleanUrl(raw)) : null;
  const base = doc.baseURI && doc.baseURI !== 'about:blank' ? doc.baseURI : location;
  const declared: (string | null)[] = [];
  for (const link of Array.from(doc.getElementsByTagName('link'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical') && link.hasAttribute('href')) declared.push(link.getAttribute('href'));
  }
  for (const meta of Array.from(doc.getElementsByTagName('meta'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').toLowerCase();
    if (key === 'og:url') declared.push(meta.getAttribute('content'));
  }
  for (const raw of declared) {
    const url = parseHttp(raw, base);
    if (url && trustworthy(url, here)) return cleanUrl(url);
  }
  if (here) return cleanUrl(here);
  // Not an http(s) page (file:, about:): nothing better than the location itself, minus its fragment.
  return location.split('#', 1)[0] ?? location;
}
