/**
 * The harness itself, proven against a throwaway extension (not Redline): both browsers load an unpacked MV3
 * extension whose content script runs on pages from 127.0.0.1, the server swaps versions under one URL, and
 * the status wait fails with a useful message when no content script answers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bbcPage } from '../fixtures/pages/fixture-pages';
import {
  BROWSERS,
  type BrowserName,
  type LaunchedBrowser,
  launchWithExtension,
} from './harness/launch-browser';
import { type PageServer, startPageServer } from './harness/page-server';
import { reload, visit, waitForStatus } from './harness/redline-status';

// Reports the first paragraph's text through the status attribute's neighbour, so a test can tell versions apart.
const CONTENT_SCRIPT = `
  const first = document.querySelector('article p');
  if (first) document.documentElement.setAttribute('data-probe', first.textContent.slice(0, 40));
  document.documentElement.setAttribute('data-redline-status', first ? 'captured' : 'skipped');
`;

async function writeThrowawayExtension(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'redline-throwaway-'));
  const manifest = {
    manifest_version: 3,
    name: 'Redline harness probe',
    version: '0.0.1',
    content_scripts: [
      { matches: ['http://*/*', 'https://*/*'], exclude_globs: ['*/silent/*'], js: ['probe.js'] },
    ],
    host_permissions: ['http://*/*', 'https://*/*'],
    browser_specific_settings: { gecko: { id: 'harness-probe@redline.test' } },
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(join(dir, 'probe.js'), CONTENT_SCRIPT);
  return dir;
}

describe.each(BROWSERS)('harness in %s', (name: BrowserName) => {
  let extensionDir: string;
  let server: PageServer;
  let launched: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    extensionDir = await writeThrowawayExtension();
    server = await startPageServer();
    launched = await launchWithExtension(name, extensionDir);
    page = await launched.browser.newPage();
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
    await rm(extensionDir, { recursive: true, force: true });
  });

  it('runs the extension content script on a page served from 127.0.0.1', async () => {
    server.set('/news/probe', bbcPage(1, server.url('/news/probe')));
    expect(await visit(page, server.url('/news/probe'))).toBe('captured');
    expect(await page.$eval('html', (html) => html.getAttribute('data-probe'))).toBe(
      'The exodus from rebel-held, eastern part',
    );
  });

  it('serves a new version at the same URL, and a reload reaches the server', async () => {
    const path = '/news/versions';
    server.set(path, bbcPage(1, server.url(path)));
    await visit(page, server.url(path));
    server.set(path, bbcPage(2, server.url(path)));
    const before = server.hits(path);
    expect(await reload(page)).toBe('captured');
    expect(server.hits(path)).toBe(before + 1);
    expect(await page.$eval('html', (html) => html.getAttribute('data-probe'))).toBe(
      'The US secretary of state has called on ',
    );
  });

  it('explains what it saw when no status ever appears', async () => {
    server.set('/silent/page', bbcPage(1, server.url('/silent/page')));
    await page.goto(server.url('/silent/page'));
    await expect(waitForStatus(page, 1_500)).rejects.toThrow(/never set within 1500 ms.*\/silent\/page/s);
  });
});
