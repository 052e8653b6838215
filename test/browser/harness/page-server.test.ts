/**
 * The page server on its own (no browser): routes swap under one URL, unknown paths are 404, hits are counted
 * and nothing may be cached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageServer, startPageServer } from './page-server';

describe('startPageServer', () => {
  let server: PageServer;
  beforeAll(async () => {
    server = await startPageServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 on a free port', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url('/a/b')).toBe(`${server.origin}/a/b`);
  });

  it('serves the newest route at a path, uncached, and counts hits', async () => {
    server.set('/story', '<p>v1</p>');
    const first = await fetch(server.url('/story?utm_source=x'));
    expect(await first.text()).toBe('<p>v1</p>');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
    server.set('/story', () => ({ status: 200, body: '<p>v2</p>', headers: { 'x-version': '2' } }));
    const second = await fetch(server.url('/story'));
    expect(await second.text()).toBe('<p>v2</p>');
    expect(second.headers.get('x-version')).toBe('2');
    expect(server.hits('/story')).toBe(2);
  });

  it('answers 404 for a path without a route', async () => {
    const response = await fetch(server.url('/nowhere'));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('no route for /nowhere');
  });
});
