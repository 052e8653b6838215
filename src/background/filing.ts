/**
 * Which URL an article read on a page is kept under. The page declares its canonical URL itself, and a page can
 * declare anything: a page on one site naming another site's article as canonical would otherwise write its own
 * text into that article's history and make the real article look edited on the reader's next visit. So a
 * declared URL is only believed on the page's own site (the same host, or one a subdomain of the other); anything
 * else is kept under the page's own address.
 */
import { cleanUrl } from '../core/extract/canonical-url';
import { siteMatches, siteOf } from './site';

export function filingUrl(declared: string, location: string): string {
  const page = siteOf(location);
  const claimed = siteOf(declared);
  if (page === null) return declared;
  if (claimed !== null && (siteMatches(claimed, page) || siteMatches(page, claimed))) return declared;
  return cleanUrl(new URL(location));
}
