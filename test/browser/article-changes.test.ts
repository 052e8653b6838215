/**
 * The built extension in real Chromium and Firefox ESR: the BBC Aleppo article is read, then edited by the
 * newsroom at the same URL; the revisit must show the edit inline exactly as the reference alignment says, keep
 * it across a reload, keep nothing in the page's own storage, and offer a control bar that walks the changes.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BBC_REFERENCE, BBC_V1, BBC_V2, bbcPage } from '../fixtures/pages/fixture-pages';
import { referenceDisagreements } from './harness/bbc-reference';
import { type ControlBar, findControlBar } from './harness/control-bar';
import { builtExtensionDir } from './harness/extension-dir';
import {
  BROWSERS,
  type BrowserName,
  type LaunchedBrowser,
  launchWithExtension,
} from './harness/launch-browser';
import { readMarks, servedPageText } from './harness/page-marks';
import { type PageServer, startPageServer } from './harness/page-server';
import { reload, visit } from './harness/redline-status';
import { saveScreenshot } from './harness/screenshot';

describe.each(BROWSERS)('an edited article in %s', (name: BrowserName) => {
  const path = '/news/world-middle-east-38275553';
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

  it('captures the first version without marking anything', async () => {
    server.set(path, bbcPage(1, server.url(path)));
    expect(await visit(page, server.url(path))).toBe('captured');
    const marks = await readMarks(page);
    expect(marks.blocks).toHaveLength(BBC_V1.paragraphs.length);
    expect(marks.markedCount).toBe(0);
    expect(marks.removed).toEqual([]);
    await saveScreenshot(page, name, 'bbc-v1-captured');
  });

  it('marks the edited version as the reference alignment says', async () => {
    server.set(path, bbcPage(2, server.url(path)));
    expect(await visit(page, server.url(path))).toBe('changed');
    await saveScreenshot(page, name, 'bbc-v2-changed');
    const marks = await readMarks(page);
    expect(referenceDisagreements(marks, BBC_REFERENCE, BBC_V1.paragraphs, BBC_V2.paragraphs)).toEqual([]);
    // Marks are additions only: the page's own text, without Redline's inserted elements, is what was served.
    expect(marks.pageText).toBe(await servedPageText(page));
  });

  it("keeps nothing in the page's own IndexedDB", async () => {
    const databases = await page.evaluate(async () =>
      (await indexedDB.databases()).map((db) => db.name ?? '(unnamed)'),
    );
    // The test pages open no database of their own, so any database here would be Redline's.
    expect(databases).toEqual([]);
  });

  it('offers a control bar in a shadow root whose "next change" scrolls to the changes', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const bar: ControlBar = await findControlBar(page);
    expect(bar.hostIsFixed).toBe(true);
    expect(bar.text).toMatch(/\d+ changes?/i);
    const visited: number[] = [];
    // The first changes sit near the top (headline, lead paragraphs): walk on until the page has to scroll.
    for (let step = 0; step < 12 && !visited.some((y) => y > 0); step++) {
      await bar.clickNext();
      // Smooth scrolling takes a moment to land.
      await new Promise((resolve) => setTimeout(resolve, 400));
      visited.push(await page.evaluate(() => Math.round(window.scrollY)));
    }
    expect(
      visited.some((y) => y > 0),
      `scroll positions after each "next": ${visited.join(', ')}`,
    ).toBe(true);
    const markInView = await page.evaluate(() =>
      [...document.querySelectorAll('[data-redline]')].some((el) => {
        const box = el.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight;
      }),
    );
    expect(markInView).toBe(true);
    await saveScreenshot(page, name, 'bbc-v2-next-change', { fullPage: false });
  });

  it('shows the same marks again after a reload', async () => {
    const before = await readMarks(page);
    expect(await reload(page)).toBe('changed');
    const after = await readMarks(page);
    expect(after.blocks).toEqual(before.blocks);
    expect(after.removed).toEqual(before.removed);
    expect(after.headlineMark).toBe(before.headlineMark);
    expect(referenceDisagreements(after, BBC_REFERENCE, BBC_V1.paragraphs, BBC_V2.paragraphs)).toEqual([]);
  });
});
