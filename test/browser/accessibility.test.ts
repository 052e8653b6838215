/**
 * Every reader (issue 12, item 4), in Chromium and Firefox ESR: axe-core finds no serious or critical WCAG 2
 * A/AA violation on the popup, the history page (list, side-by-side and inline comparison), the options page,
 * or Redline's marks and control bar on a marked article; the control bar and the history comparison work by
 * keyboard alone with a visible focus; the change count is announced politely; and in forced colors (Windows
 * high contrast, emulated in Chromium) the marks keep their outlines and strike-through.
 * Screenshots: test/artifacts/<browser>/a11y-*.png.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bbcPage } from '../fixtures/pages/fixture-pages';
import { seriousViolations } from './harness/axe';
import { builtExtensionDir } from './harness/extension-dir';
import { type ExtensionPages, extensionPages } from './harness/extension-pages';
import { BROWSERS, type LaunchedBrowser, launchWithExtension } from './harness/launch-browser';
import { type PageServer, startPageServer } from './harness/page-server';
import { visit } from './harness/redline-status';
import { saveScreenshot } from './harness/screenshot';
import { waitFor } from './harness/wait-for';

const ARTICLE_PATH = '/news/world-middle-east-38275553';
/** Redline's own elements on a marked page: the page around them is the site's, not Redline's to judge. */
const REDLINE_PARTS = ['[data-redline]', '[data-redline-ui]', '[data-redline-old]'];

/** Where keyboard focus is, looking into the control bar's (open, test build) shadow root. */
function focusInfo(page: Page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return null;
    const style = getComputedStyle(active);
    return {
      inBar: active.getRootNode() instanceof ShadowRoot,
      action: active.getAttribute('data-action'),
      testId: active.getAttribute('data-testid'),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

/** Presses Tab until `done` says focus arrived (at most `limit` times). */
async function tabUntil(
  page: Page,
  done: (info: Awaited<ReturnType<typeof focusInfo>>) => boolean,
  limit = 80,
) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const info = await focusInfo(page);
    if (done(info)) return info;
  }
  throw new Error(`focus never arrived after ${limit} Tab presses`);
}

describe.each(BROWSERS)('accessibility in %s', (name) => {
  let server: PageServer;
  let launched: LaunchedBrowser;
  let pages: ExtensionPages;
  let article: Page;

  beforeAll(async () => {
    server = await startPageServer();
    launched = await launchWithExtension(name, builtExtensionDir(name), { openablePages: true });
    pages = await extensionPages(launched, server);
    article = await launched.browser.newPage();
    server.set(ARTICLE_PATH, bbcPage(1, server.url(ARTICLE_PATH)));
    expect(await visit(article, server.url(ARTICLE_PATH))).toBe('captured');
    server.set(ARTICLE_PATH, bbcPage(2, server.url(ARTICLE_PATH)));
    expect(await visit(article, server.url(ARTICLE_PATH))).toBe('changed');
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  it('marked article: no serious violation in the marks or the bar; count announced; bar works by keyboard', async () => {
    await article.bringToFront();
    expect(await seriousViolations(article, REDLINE_PARTS)).toEqual([]);

    const live = await waitFor(
      article,
      () => {
        const host = [...document.querySelectorAll('[data-redline-ui]')].find((el) => el.shadowRoot);
        const region = host?.shadowRoot?.querySelector('[aria-live="polite"]');
        return region?.textContent ? region.textContent : false;
      },
      { timeout: 5_000, polling: 100 },
    );
    expect(live).toMatch(/^\d+ changes since /);

    // Marks carry their kind in text (labels) and roles, not in colour alone.
    const semantics = await article.evaluate(() => ({
      labels: [...document.querySelectorAll('[data-redline-label]')].map((el) => el.textContent),
      deletions: document.querySelectorAll('[data-redline="removed"][role="deletion"]').length,
      removed: document.querySelectorAll('[data-redline="removed"]').length,
      deletedWords: document.querySelectorAll('[data-redline-old="paragraph-text"] del').length,
    }));
    expect(semantics.labels).toEqual(
      expect.arrayContaining(['New', 'Reworded', 'Moved', 'Headline changed']),
    );
    expect(semantics.deletions).toBeGreaterThan(0);
    expect(semantics.deletions).toBe(semantics.removed);
    expect(semantics.deletedWords).toBeGreaterThan(0);

    await article.evaluate(() => window.scrollTo(0, 0));
    const next = await tabUntil(article, (info) => info?.action === 'next');
    expect(next?.inBar).toBe(true);
    // A visible focus ring on the bar's buttons.
    expect(next?.outline).toMatch(/^solid [1-9]/);
    await saveScreenshot(article, name, 'a11y-bar-focus', { fullPage: false });
    await article.keyboard.press('Enter');
    await article.waitForSelector('[data-redline-current]', { timeout: 5_000 });
    const announced = await article.evaluate(() => {
      const host = [...document.querySelectorAll('[data-redline-ui]')].find((el) => el.shadowRoot);
      return host?.shadowRoot?.querySelector('[aria-live="polite"]')?.textContent ?? '';
    });
    expect(announced).toMatch(/^Change 1 of \d+: /);
    // Hide marks by keyboard: Tab on to the toggle and press Enter.
    await tabUntil(article, (info) => info?.action === 'toggle', 3);
    await article.keyboard.press('Enter');
    await waitFor(article, () => document.querySelectorAll('[data-redline-label]').length > 0, {
      timeout: 5_000,
    });
    const hidden = await article.$eval('[data-redline-label]', (el) => getComputedStyle(el).display);
    expect(hidden).toBe('none');
    await article.keyboard.press('Enter');
  });

  it('popup, history list and comparison, options: no serious violation; comparison works by keyboard', async () => {
    const tabId = await pages.tabShowing(server.url(ARTICLE_PATH));
    const popup = await pages.popup(tabId, '[data-testid="versions"]');
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();

    const history = await pages.open('history.html', '[data-testid="article-row"]');
    expect(await seriousViolations(history)).toEqual([]);
    // Keyboard: the article's link takes focus, Enter opens it.
    await history.focus('[data-testid="article-row"] a');
    await history.keyboard.press('Enter');
    await history.waitForSelector('[data-testid="compare-table"]');
    expect(await seriousViolations(history)).toEqual([]);

    // The comparison by keyboard alone: the version pickers and the layout switch.
    await history.focus('[data-testid="compare-older"]');
    const focused = await focusInfo(history);
    expect(focused?.outline).toMatch(/^solid [1-9]/);
    await saveScreenshot(history, name, 'a11y-history-focus', { fullPage: false });
    await history.keyboard.press('Tab');
    await history.keyboard.press('Tab');
    // The first radio (side by side) has focus; an arrow key picks "Inline".
    await history.keyboard.press('ArrowRight');
    await history.waitForSelector('[data-testid="compare-inline"]', { timeout: 5_000 });
    expect(await seriousViolations(history)).toEqual([]);
    await history.close();

    const options = await pages.open('options.html', '[data-testid="paused-input"]');
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });

  // Chromium only: forced colors can be emulated through its DevTools protocol; Firefox's BiDi has no such
  // command. Not registered at all for Firefox rather than reported as skipped.
  if (name === 'chromium')
    it('forced colors (Windows high contrast): marks keep outlines, strike-through and label edges', async () => {
      await article.bringToFront();
      // Puppeteer's emulateMediaFeatures does not know forced-colors; the DevTools protocol does.
      const session = await article.createCDPSession();
      const forced = (value: string) =>
        session.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value }] });
      await forced('active');
      try {
        const seen = await article.evaluate(() => {
          const style = (selector: string, pseudo?: string) => {
            const el = document.querySelector(selector);
            return el ? getComputedStyle(el, pseudo) : null;
          };
          const added = style('[data-redline="added"]');
          const removed = style('[data-redline="removed"]');
          const label = style('[data-redline-label]');
          const deleted = style('[data-redline-old="paragraph-text"] del');
          return {
            forced: matchMedia('(forced-colors: active)').matches,
            added: `${added?.outlineStyle} ${added?.outlineWidth}`,
            removed: `${removed?.outlineStyle} ${removed?.textDecorationLine}`,
            label: `${label?.borderStyle} ${label?.borderWidth}`,
            deleted: deleted?.textDecorationLine,
          };
        });
        expect(seen).toEqual({
          forced: true,
          added: 'solid 2px',
          removed: 'dotted line-through',
          label: 'solid 1px',
          deleted: 'line-through',
        });
        await article.evaluate(() => window.scrollTo(0, 0));
        await saveScreenshot(article, name, 'a11y-forced-colors', { fullPage: false });
      } finally {
        await forced('none');
        await session.detach();
      }
    });
});
