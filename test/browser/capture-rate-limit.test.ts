/**
 * Attack (issue 9, item 4): a page that loops `history.pushState` to fresh addresses with fresh text made
 * Redline store an article per step (34 junk articles in a minute). Past the per-tab limit (6 stores a minute
 * after same-document navigations) the page is `skipped` and nothing new is kept.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bbcPage } from '../fixtures/pages/fixture-pages';
import { builtExtensionDir } from './harness/extension-dir';
import {
  BROWSERS,
  type BrowserName,
  type LaunchedBrowser,
  launchWithExtension,
} from './harness/launch-browser';
import { type PageServer, startPageServer } from './harness/page-server';
import { recordStatusChanges, statusLog, visit } from './harness/redline-status';
import { waitFor } from './harness/wait-for';

const STEPS = 12;

/** Same-document navigation to a fresh address with fresh article text, as the attack page did in a loop. */
async function pushFreshArticle(page: Page, step: number): Promise<void> {
  await page.evaluate((n: number) => {
    const url = `/junk/${n}-${Math.random().toString(36).slice(2)}`;
    history.pushState({ n }, '', url);
    const canonical = document.querySelector('link[rel=canonical]');
    if (canonical) canonical.setAttribute('href', new URL(url, location.href).href);
    const heading = document.querySelector('article h1');
    if (heading) heading.textContent = `Junk story number ${n}`;
    for (const [i, p] of [...document.querySelectorAll('article p')].entries()) {
      p.textContent = `Fresh junk paragraph ${i} of step ${n}, ${'with filler words '.repeat(8)}${Math.random()}.`;
    }
  }, step);
}

describe.each(BROWSERS)('a page looping pushState with fresh text in %s', (name: BrowserName) => {
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

  it('stores at most the per-tab limit, then is skipped', async () => {
    server.set('/junk/start', bbcPage(1, server.url('/junk/start')));
    expect(await visit(page, server.url('/junk/start'))).toBe('captured');
    await recordStatusChanges(page);
    const outcomes: string[] = [];
    for (let step = 1; step < STEPS; step++) {
      const before = (await statusLog(page)).length;
      await pushFreshArticle(page, step);
      // Each step waits for its evaluation, so every step is one capture attempt.
      await waitFor(
        page,
        (n: number) => {
          const log =
            (window as unknown as { __redlineStatusLog?: (string | null)[] }).__redlineStatusLog ?? [];
          return log.length > n && typeof log.at(-1) === 'string';
        },
        { timeout: 20_000, polling: 100 },
        before,
      );
      outcomes.push((await statusLog(page)).at(-1) ?? 'none');
    }
    // The page load itself is not limited; the six same-document stores after it are, then nothing more.
    expect(outcomes.slice(0, 6)).toEqual(Array(6).fill('captured'));
    expect(outcomes.slice(6)).toEqual(Array(STEPS - 7).fill('skipped'));
  }, 120_000);
});
