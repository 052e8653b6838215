/**
 * Which URL an article read on a page is kept under. The page declares its canonical URL itself, and a page can
 * declare anything: a page on one site naming another site's article as canonical would otherwise read that
 * article's stored text back from the marks and write its own text into that article's history.
 *
 * So a declared URL is only believed when it is on the page's own **site as browsers define it**: the registrable
 * domain by the Public Suffix List, private suffixes included (tldts, not a list of our own). `edition.cnn.com`
 * may name `www.cnn.com`, but `attacker.github.io` may not name `victim.github.io`, nor `blog.test.evil` name
 * `blog.test`. Hosts without a registrable domain (IP addresses, `localhost`) are a site of their own. Anything
 * else is kept under the page's own address.
 */
import { getDomain } from 'tldts';
import { cleanUrl } from '../core/extract/canonical-url';

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

export function filingUrl(declared: string, location: string): string {
  const page = httpUrl(location);
  if (page === null) return declared;
  return sameSite(declared, location) ? declared : cleanUrl(page);
}
