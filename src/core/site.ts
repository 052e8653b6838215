/**
 * Sites as Redline names them: a host name in lower case without a leading "www.". Per-site settings, the `site`
 * index of the history and the `site` field of an export use this form. Pure, so the import check can use it.
 */

/** The site of a URL, or null for anything that is not an http(s) URL with a host. */
export function siteOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') return null;
  return parsed.hostname
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
}

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
