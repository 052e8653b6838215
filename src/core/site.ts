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
