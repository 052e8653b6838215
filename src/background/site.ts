/**
 * Sites as Redline names them (see src/core/site.ts), and what a user typed as one.
 */
import { siteOf } from '../core/site';

export { siteOf };

/**
 * What a user typed as a site ("https://www.bbc.co.uk/news", "BBC.co.uk", "bbc.co.uk/") in site form, or null
 * when it names no host.
 */
export function normaliseSite(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  return siteOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
}

/** True when `site` is `rule` or one of its subdomains: a rule for bbc.co.uk covers news.bbc.co.uk. */
export function siteMatches(site: string, rule: string): boolean {
  return site === rule || site.endsWith(`.${rule}`);
}
