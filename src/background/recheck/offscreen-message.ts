/**
 * The one message between the background and the offscreen document that parses fetched pages in Chromium
 * (a service worker has no DOMParser). Tagged, so the offscreen document leaves every other runtime message
 * (content scripts talking to the background) alone.
 */
export const PARSE_TARGET = 'redline-recheck-parse';

export interface ParseRequest {
  target: typeof PARSE_TARGET;
  html: string;
  url: string;
  stored: string[] | null;
}

export function isParseRequest(value: unknown): value is ParseRequest {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    r.target === PARSE_TARGET &&
    typeof r.html === 'string' &&
    typeof r.url === 'string' &&
    (r.stored === null || (Array.isArray(r.stored) && r.stored.every((p) => typeof p === 'string')))
  );
}
