/**
 * A tiny HTTP server on 127.0.0.1 for browser tests and the demo. Routes are mutable, so one URL can serve an
 * article's first version and later its edited one, as a newsroom's server would.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RouteAnswer {
  status: number;
  body: string;
  type?: string;
  headers?: Record<string, string>;
}

/** A route either returns fixed HTML or computes an answer per request (maybe taking its time). */
export type Route = string | ((req: IncomingMessage) => RouteAnswer | Promise<RouteAnswer>);

export interface PageServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  url(path: string): string;
  /** Serve `route` at `path` (path without query string) from now on, replacing what was there. */
  set(path: string, route: Route): void;
  /** How many times `path` was requested; tests use it to prove a reload really reached the server. */
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const routes = new Map<string, Route>();
  const hitCounts = new Map<string, number>();

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    hitCounts.set(path, (hitCounts.get(path) ?? 0) + 1);
    const route = routes.get(path);
    // Versions change under one URL, so the browser must never answer a revisit from its cache.
    res.setHeader('cache-control', 'no-store');
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`no route for ${path}`);
      return;
    }
    const answer = typeof route === 'string' ? { status: 200, body: route } : route(req);
    const reply = (done: RouteAnswer): void => {
      res.writeHead(done.status, {
        ...done.headers,
        'content-type': done.type ?? 'text/html; charset=utf-8',
      });
      res.end(done.body);
    };
    if (answer instanceof Promise) answer.then(reply, () => res.destroy());
    else reply(answer);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: (path) => new URL(path, origin).href,
    set: (path, route) => {
      routes.set(path, route);
    },
    hits: (path) => hitCounts.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Browsers keep connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
