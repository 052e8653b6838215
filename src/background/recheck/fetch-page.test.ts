import { describe, expect, it } from 'vitest';
import { type Fetch, fetchArticle, retryAfterMs } from './fetch-page';

const none = { etag: null, lastModified: null };
const answering =
  (body: string | null, init: ResponseInit): Fetch =>
  async () =>
    new Response(body, init);

describe('fetchArticle', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('120', 0)).toBe(120_000);
    expect(retryAfterMs('Wed, 02 Dec 2026 10:00:00 GMT', Date.UTC(2026, 11, 2, 9))).toBe(3_600_000);
    expect(retryAfterMs('soon', 0)).toBeNull();
    expect(retryAfterMs(null, 0)).toBeNull();
  });

  it('asks without cookies and only for what changed', async () => {
    let seen: RequestInit | undefined;
    const fetch: Fetch = async (_url, init) => {
      seen = init;
      return new Response(null, { status: 304 });
    };
    const outcome = await fetchArticle(
      'https://a.test/1',
      { etag: '"x"', lastModified: null },
      { fetch, now: () => 0 },
    );
    expect(outcome).toEqual({ kind: 'not-modified' });
    expect(seen).toMatchObject({
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { 'if-none-match': '"x"' },
    });
    expect(Object.keys(seen?.headers ?? {})).not.toContain('if-modified-since');
  });

  it('refuses what is not a web page, or too large, and reports other statuses as failures', async () => {
    const now = () => 0;
    expect(
      await fetchArticle('https://a.test/1', none, {
        fetch: answering('{}', { status: 200, headers: { 'content-type': 'application/json' } }),
        now,
      }),
    ).toEqual({ kind: 'failed', reason: 'not a web page (application/json)' });
    expect(
      await fetchArticle('https://a.test/1', none, {
        fetch: answering('x'.repeat(100), { status: 200, headers: { 'content-type': 'text/html' } }),
        now,
        maxBytes: 10,
      }),
    ).toEqual({ kind: 'failed', reason: 'page too large' });
    expect(
      await fetchArticle('https://a.test/1', none, { fetch: answering('', { status: 403 }), now }),
    ).toEqual({
      kind: 'failed',
      reason: 'HTTP 403',
    });
    expect(
      await fetchArticle('https://a.test/1', none, { fetch: answering('', { status: 502 }), now }),
    ).toEqual({
      kind: 'server-error',
      status: 502,
    });
  });
});
