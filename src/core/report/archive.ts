/**
 * The Internet Archive's page for an address: every capture it holds. Redline only shows the link; following
 * it is the reader's choice, and Redline itself never asks the archive anything.
 */
export const ARCHIVE_PREFIX = 'https://web.archive.org/web/*/';

/** The archive link for an http(s) address, or null for anything else. */
export function archiveUrl(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return `${ARCHIVE_PREFIX}${url.href}`;
}
