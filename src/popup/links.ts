/** Addresses of the extension's pages, relative to the popup (all pages sit next to each other). */

/** The history page opened on one article. */
export function historyPageUrl(articleUrl: string): string {
  return `history.html#article=${encodeURIComponent(articleUrl)}`;
}
