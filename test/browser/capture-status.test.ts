/**
 * The built extension in real Chromium and Firefox ESR decides what a page is: a revisit where only the page
 * around the article changed is `unchanged` with no marks, a section front is `skipped` and leaves no history,
 * and a new article reached by `history.pushState` is captured like a page load.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BBC_V1, bbcPage, sectionPage, seedArticle003, spaPage } from '../fixtures/pages/fixture-pages';
import { builtExtensionDir } from './harness/extension-dir';
import {
  BROWSERS,
  type BrowserName,
  type LaunchedBrowser,
  launchWithExtension,
} from './harness/launch-browser';
import { readMarks } from './harness/page-marks';
import { type PageServer, startPageServer } from './harness/page-server';
import { recordStatusChanges, statusLog, visit } from './harness/redline-status';
import { saveScreenshot } from './harness/screenshot';
import { waitFor } from './harness/wait-for';

describe.each(BROWSERS)('what Redline makes of a page in %s', (name: BrowserName) => {
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

  it('calls a revisit unchanged, with no marks, when only the page around the article changed', async () => {
    const path = '/news/churn-38275553';
    server.set(path, bbcPage(1, server.url(path), 'plain'));
    expect(await visit(page, server.url(path))).toBe('captured');
    server.set(path, bbcPage(1, server.url(path), 'churn'));
    expect(await visit(page, server.url(path))).toBe('unchanged');
    await saveScreenshot(page, name, 'churn-unchanged');
    const marks = await readMarks(page);
    expect(marks.blocks).toHaveLength(BBC_V1.paragraphs.length);
    expect(marks.markedCount).toBe(0);
    expect(await page.$$eval('[data-redline-old]', (els) => els.length)).toBe(0);
  });

  it('skips a section front and stores nothing for it', async () => {
    const path = '/news/world';
    server.set(path, sectionPage());
    expect(await visit(page, server.url(path))).toBe('skipped');
    expect(
      await page.$$eval('[data-redline], [data-redline-old], [data-redline-ui]', (els) => els.length),
    ).toBe(0);
    // Had the section front been stored as a version, an article at the same URL would now be a change of it.
    server.set(path, bbcPage(1, server.url(path)));
    expect(await visit(page, server.url(path))).toBe('captured');
  });

  it('captures a second article reached through history.pushState', async () => {
    const firstPath = '/spa/story-one';
    const secondPath = '/spa/story-two';
    const first = { title: BBC_V1.title, paragraphs: BBC_V1.paragraphs };
    const second = seedArticle003();
    const spa = spaPage(first, second, server.url(firstPath), server.url(secondPath));
    server.set(firstPath, spa);
    expect(await visit(page, server.url(firstPath))).toBe('captured');

    await recordStatusChanges(page);
    await page.click('#next-story');
    // The status is still "captured" from the first story, so wait for a new write, not for the value.
    await waitFor(
      page,
      (path: string) => {
        const log =
          (window as unknown as { __redlineStatusLog?: (string | null)[] }).__redlineStatusLog ?? [];
        return location.pathname === path && log.at(-1) === 'captured';
      },
      { timeout: 20_000, polling: 100 },
      secondPath,
    );
    const log = await statusLog(page);
    // The old story's verdict is withdrawn first (no stale status while the new story is evaluated), then set anew.
    expect(log[0], `status writes after pushState: ${JSON.stringify(log)}`).toBeNull();
    expect(log.at(-1)).toBe('captured');
    expect(await page.$eval('article h1', (h) => h.textContent)).toBe(second.title);
    await saveScreenshot(page, name, 'spa-second-story');

    // The second story is now in the history: loading its URL as a page of its own finds it unchanged.
    server.set(secondPath, spaPage(second, first, server.url(secondPath), server.url(firstPath)));
    expect(await visit(page, server.url(secondPath))).toBe('unchanged');
  });
});
