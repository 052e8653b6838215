/**
 * Attack (issue 9, item 1): a tenant of a hosting suffix (`evil.blogdns.org`, a private suffix of the Public
 * Suffix List, so a site of its own) declares the host's own article `www.blogdns.org/victim/7123` as its
 * canonical URL. It must neither see the victim's stored text in the page nor poison the victim's history. Both
 * host names are mapped to the local page server (Chromium: --host-resolver-rules; Firefox:
 * network.dns.localDomains).
 *
 * The same attack from a sibling subdomain the PSL does not list (`evil.blog.test` naming `www.blog.test`, the
 * issue's own case): one site by the list, but not the same host nor an alias of it, so not believed either.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BBC_V1, bbcPage } from '../fixtures/pages/fixture-pages';
import { builtExtensionDir } from './harness/extension-dir';
import {
  BROWSERS,
  type BrowserName,
  type LaunchedBrowser,
  launchWithExtension,
} from './harness/launch-browser';
import { type PageServer, startPageServer } from './harness/page-server';
import { visit } from './harness/redline-status';

const CASES = [
  { victimHost: 'www.blogdns.org', evilHost: 'evil.blogdns.org' },
  { victimHost: 'www.blog.test', evilHost: 'evil.blog.test' },
];

describe.each(BROWSERS)('a page naming another site’s article as canonical in %s', (name: BrowserName) => {
  let server: PageServer;
  let launched: LaunchedBrowser;
  let page: Page;
  const on = (host: string, path: string) => {
    const url = new URL(server.url(path));
    url.hostname = host;
    return url.href;
  };

  beforeAll(async () => {
    server = await startPageServer();
    launched = await launchWithExtension(name, builtExtensionDir(name), {
      localHosts: CASES.flatMap((c) => [c.victimHost, c.evilHost]),
    });
    page = await launched.browser.newPage();
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  it.each(CASES)(
    '$evilHost neither reads $victimHost’s stored text nor poisons its history',
    async ({ victimHost, evilHost }) => {
      const victim = on(victimHost, '/victim/7123');
      server.set('/victim/7123', bbcPage(1, victim));
      expect(await visit(page, victim)).toBe('captured');

      // The impostor serves edited text under the victim's canonical URL: followed, it would be "changed" and
      // show the victim's stored paragraphs as removed ghosts, readable by its own script.
      const secret = BBC_V1.paragraphs[0] ?? '';
      server.set(
        '/copy',
        bbcPage(1, victim).replace(secret, 'An impostor paragraph that replaces the first one entirely.'),
      );
      expect(await visit(page, on(evilHost, '/copy'))).toBe('captured');
      expect(await page.$$eval('[data-redline-old], [data-redline]', (els) => els.length)).toBe(0);
      expect(await page.evaluate(() => document.body.textContent ?? '')).not.toContain(secret);

      // The victim's history is untouched: its article is still the one version it stored.
      expect(await visit(page, victim)).toBe('unchanged');
      expect(await page.$$eval('[data-redline]', (els) => els.length)).toBe(0);
    },
  );
});
