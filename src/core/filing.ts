/**
 * Which URL an article read on a page is kept under. The page declares its canonical URL itself, and a page can
 * declare anything: a page on one site naming another site's article as canonical would otherwise read that
 * article's stored text back from the marks and write its own text into that article's history.
 *
 * So a declared URL is only believed when it is on the page's own **site as browsers define it** (the registrable
 * domain by the Public Suffix List, private suffixes included: tldts, not a list of our own), and then only on the
 * page's own host or one of its aliases (`www.`, `m.`, `mobile.`, `amp.`, or none). `attacker.github.io` may not
 * name `victim.github.io`; and because many hosts hand out subdomains that are not on the list (a blog platform's
 * `evil.blog.test` beside its `www.blog.test`), a sibling subdomain may not name another either, though the PSL
 * calls them one site. `news.test` and `www.news.test` / `m.news.test` / `amp.news.test` share their articles;
 * `edition.cnn.com` and `www.cnn.com` keep theirs apart (a reader sees both as one article only by reading both
 * addresses, a small loss against letting any subdomain read another's history). Hosts without a registrable
 * domain (IP addresses, `localhost`) are a site of their own. Anything else is kept under the page's own address.
 */
import { getDomain } from 'tldts';
import { cleanUrl } from './extract/canonical-url';

function httpUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== ''
      ? parsed
      : null;
  } catch {
    return null;
  }
}

/** The site of a URL in the browsers' sense, or null for anything that is not an http(s) URL with a host. */
export function registrableSite(url: string): string | null {
  const parsed = httpUrl(url);
  if (parsed === null) return null;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/** True when both URLs are http(s) on one site, so an article may be shared between them. */
export function sameSite(a: string, b: string): boolean {
  const site = registrableSite(a);
  return site !== null && site === registrableSite(b);
}

// Host prefixes a site uses for the same pages in another form (desktop, mobile, AMP).
const ALIAS_LABEL = /^(?:www|m|mobile|amp)\./;

function hostKey(url: string): string | null {
  const parsed = httpUrl(url);
  return parsed === null ? null : parsed.hostname.toLowerCase().replace(/\.$/, '').replace(ALIAS_LABEL, '');
}

/** True when an article declared at `declared` may be kept for a page at `location` (see the file comment). */
export function sameArticleHost(declared: string, location: string): boolean {
  const key = hostKey(declared);
  return key !== null && key === hostKey(location) && sameSite(declared, location);
}

export function filingUrl(declared: string, location: string): string {
  const page = httpUrl(location);
  if (page === null) return declared;
  return sameArticleHost(declared, location) ? declared : cleanUrl(page);
}
