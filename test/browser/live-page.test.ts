/**
 * A live blog in Chromium and Firefox ESR (issue 11, item 5): the page's entries are the BBC fixture's paragraphs with time
 * stamps; on a revisit with three new entries at the top, the page says "3 new entries since you read" before
 * the first and marks none of them New.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BBC_V2, plainFrame } from '../fixtures/pages/fixture-pages';
import { renderArticlePage } from '../fixtures/pages/news-page';
import { builtExtensionDir } from './harness/extension-dir';
import { BROWSERS, type LaunchedBrowser, launchWithExtension } from './harness/launch-browser';
import { type PageServer, startPageServer } from './harness/page-server';
import { visit } from './harness/redline-status';
import { saveScreenshot } from './harness/screenshot';
import { setViewport } from './harness/viewport';

const PATH = '/news/live/syria-aleppo';
const entries = BBC_V2.paragraphs
  .slice(0, 12)
  .map((text, i) => `${String(15 - i).padStart(2, '0')}:${i % 2 ? '45' : '10'} ${text}`);

function page(from: number, url: string): string {
  return renderArticlePage(
    { title: 'Aleppo: live updates', paragraphs: entries.slice(from), byline: 'BBC News' },
    plainFrame(url),
  );
}

describe.each(BROWSERS)('a live blog in %s', (name) => {
  let server: PageServer;
  let launched: LaunchedBrowser;

  beforeAll(async () => {
    server = await startPageServer();
    launched = await launchWithExtension(name, builtExtensionDir(name));
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  it('says "3 new entries since you read" with a jump to the first, and marks none of them New', async () => {
    const tab = await launched.browser.newPage();
    await setViewport(tab, { width: 1200, height: 900 });
    server.set(PATH, page(3, server.url(PATH)));
    expect(await visit(tab, server.url(PATH))).toBe('captured');
    server.set(PATH, page(0, server.url(PATH)));
    expect(await visit(tab, server.url(PATH))).toBe('changed');
    const banner = await tab.$eval('[data-redline-ui="live"]', (el) => ({
      text: el.textContent,
      next: el.nextElementSibling?.textContent ?? '',
    }));
    expect(banner.text).toBe('3 new entries since you read');
    expect(banner.next).toBe(entries[0]);
    expect(await tab.$$eval('[data-redline="added"]', (els) => els.length)).toBe(0);
    const bar = await tab.$eval(
      '[data-redline-ui="bar"]',
      (host) => host.shadowRoot?.querySelector('.summary')?.textContent,
    );
    expect(bar).toBe('3 new entries since you read');
    const path = await saveScreenshot(tab, name, 'live-blog-banner', { fullPage: false });
    const shots = process.env.REDLINE_SHOTS_DIR;
    if (shots) {
      await mkdir(shots, { recursive: true });
      await copyFile(
        path,
        join(shots, name === 'chromium' ? 'live-blog-banner.png' : `live-blog-banner-${name}.png`),
      );
    }
  });
});
