/**
 * One request for a followed article, as privately and cheaply as a request can be: no cookies or logins
 * (`credentials: 'omit'`), no referrer, a conditional request from the validators of the last answer (a page that
 * did not change costs one 304), a timeout, and a cap on how much is read.
 */

export const FETCH_TIMEOUT_MS = 30_000;
/** Pages past this many bytes are not read (a news article is a few hundred kilobytes). */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchOutcome =
  | { kind: 'page'; html: string; finalUrl: string; redirected: boolean; validators: Validators }
  | { kind: 'not-modified' }
  | { kind: 'gone'; status: 404 | 410 }
  /** `retryAfterMs`: what the site's Retry-After header asked for, null when it said nothing readable. */
  | { kind: 'rate-limited'; retryAfterMs: number | null }
  | { kind: 'server-error'; status: number }
  | { kind: 'failed'; reason: string };

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** Retry-After as a delay: seconds, or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const charset = /charset=([^;]+)/i.exec(response.headers.get('content-type') ?? '')?.[1]?.trim();
  try {
    return new TextDecoder(charset || 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export interface FetchOptions {
  fetch: Fetch;
  now: () => number;
  timeoutMs?: number;
  maxBytes?: number;
  /** Aborts the request (the reader switched the feature off). */
  signal?: AbortSignal;
}

export async function fetchArticle(
  url: string,
  validators: Validators,
  { fetch, now, timeoutMs = FETCH_TIMEOUT_MS, maxBytes = MAX_PAGE_BYTES, signal }: FetchOptions,
): Promise<FetchOutcome> {
  const headers: Record<string, string> = { accept: 'text/html,application/xhtml+xml' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const timeout = AbortSignal.timeout(timeoutMs);
  const abort = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'GET',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
      // The HTTP cache could answer from its own copy; validators go to the server so a 304 is the server's.
      cache: 'no-store',
      headers,
      signal: abort,
    });
  } catch (error) {
    if (timeout.aborted) return { kind: 'failed', reason: 'timeout' };
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
  const status = response.status;
  if (status === 304) return { kind: 'not-modified' };
  if (status === 404 || status === 410) return { kind: 'gone', status };
  if (status === 429)
    return { kind: 'rate-limited', retryAfterMs: retryAfterMs(response.headers.get('retry-after'), now()) };
  if (status >= 500) return { kind: 'server-error', status };
  if (status !== 200) return { kind: 'failed', reason: `HTTP ${status}` };
  const type = response.headers.get('content-type') ?? '';
  if (type !== '' && !/html/i.test(type)) return { kind: 'failed', reason: `not a web page (${type})` };
  let html: string | null;
  try {
    html = await readCapped(response, maxBytes);
  } catch (error) {
    if (timeout.aborted) return { kind: 'failed', reason: 'timeout' };
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
  if (html === null) return { kind: 'failed', reason: 'page too large' };
  return {
    kind: 'page',
    html,
    finalUrl: response.url || url,
    redirected: response.redirected,
    validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
  };
}
