/**
 * The page is read away from its main thread (issue 8): in Chromium by the extension's offscreen document, in
 * Firefox by the background page. The test build says which path read the page (`data-redline-read`); the
 * marks must be what the in-page reading gave (article-changes.test.ts checks them against the reference).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BBC_V1, BBC_V2, bbcPage } from '../fixtures/pages/fixture-pages';
import { builtExtensionDir } from './harness/extension-dir';
import {
  BROWSERS,
  type BrowserName,
  type LaunchedBrowser,
  launchWithExtension,
} from './harness/launch-browser';
import { readMarks } from './harness/page-marks';
import { type PageServer, startPageServer } from './harness/page-server';
import { visit } from './harness/redline-status';

describe.each(BROWSERS)('reading a page off its thread in %s', (name: BrowserName) => {
  const path = '/news/read-off-page';
  let server: PageServer;
  let launched: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startPageServer();
    launched = await launchWithExtension(name, builtExtensionDir(name));
    page = await launched.browser.newPage();
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  const readBy = (): Promise<string | undefined> =>
    page.evaluate(() => document.documentElement.dataset.redlineRead);

  it('reads the first visit in the background, every paragraph on its live element', async () => {
    server.set(path, bbcPage(1, server.url(path)));
    expect(await visit(page, server.url(path))).toBe('captured');
    expect(await readBy()).toBe('remote');
    const marks = await readMarks(page);
    expect(marks.blocks).toHaveLength(BBC_V1.paragraphs.length);
    if (name === 'chromium') {
      const offscreen = launched.browser.targets().filter((t) => t.url().endsWith('/offscreen.html'));
      expect(offscreen).toHaveLength(1);
    }
  });

  it('marks the edited revisit from the background reading', async () => {
    server.set(path, bbcPage(2, server.url(path)));
    expect(await visit(page, server.url(path))).toBe('changed');
    expect(await readBy()).toBe('remote');
    const marks = await readMarks(page);
    expect(marks.blocks).toHaveLength(BBC_V2.paragraphs.length);
    expect(marks.markedCount).toBeGreaterThan(0);
  });
});
