/**
 * Redline in German (issue 12, item 3): Chromium started with German as its language shows the popup and the
 * overlay from the de catalogue, with German plurals and dates. Screenshots: test/artifacts/chromium/de-*.png.
 *
 * Chromium only: Debian's firefox-esr ships its UI in English alone (other languages are separate language
 * packs), and an add-on's catalogue follows the browser's UI language, so Firefox would show English here.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import de from '../../extension/_locales/de/messages.json';
import { bbcPage } from '../fixtures/pages/fixture-pages';
import { builtExtensionDir } from './harness/extension-dir';
import { extensionOrigin, openPopup, tabShowing } from './harness/extension-pages';
import { type LaunchedBrowser, launchWithExtension } from './harness/launch-browser';
import { type PageServer, startPageServer } from './harness/page-server';
import { visit } from './harness/redline-status';
import { saveScreenshot } from './harness/screenshot';

const ARTICLE_PATH = '/news/world-middle-east-38275553';

/** The control bar's text and its buttons' labels (open shadow root in the test build). */
async function barText(page: Page): Promise<{ text: string; labels: string[] }> {
  return page.evaluate(() => {
    const host = [...document.querySelectorAll('[data-redline-ui]')].find((el) => el.shadowRoot);
    const root = host?.shadowRoot;
    if (!root) return { text: '', labels: [] };
    return {
      text: (root.textContent ?? '').replace(/\s+/g, ' ').trim(),
      labels: [...root.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? ''),
    };
  });
}

describe('Redline in German (chromium)', () => {
  let server: PageServer;
  let launched: LaunchedBrowser;
  let article: Page;

  beforeAll(async () => {
    server = await startPageServer();
    launched = await launchWithExtension('chromium', builtExtensionDir('chromium'), { language: 'de' });
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

  it('marks the article with German labels and a German control bar', async () => {
    const bar = await barText(article);
    expect(bar.text).toMatch(/\d+ Änderungen seit Ihrem letzten Besuch \(vor 1 Minute\)/);
    expect(bar.labels).toEqual(
      expect.arrayContaining([de.bar_next.message, de.bar_previous.message, de.bar_hide.message]),
    );
    const labels = await article.$$eval('[data-redline-label]', (els) => [
      ...new Set(els.map((el) => el.textContent)),
    ]);
    expect(labels).toEqual(expect.arrayContaining([de.mark_added.message, de.mark_reworded.message]));
    expect(labels).not.toContain('New');
    // Pseudo-element labels come from the catalogue too.
    const was = await article.$eval(
      '[data-redline-old="paragraph-text"]',
      (el) => getComputedStyle(el, '::before').content,
    );
    expect(was).toBe(`"${de.mark_was.message} "`);
    await article.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(article, 'chromium', 'de-overlay', { fullPage: false });
  });

  it('shows the popup in German, with German plurals and dates', async () => {
    const origin = await extensionOrigin(launched.browser);
    const tabId = await tabShowing(launched.browser, origin, server.url(ARTICLE_PATH));
    const popup = await openPopup(launched.browser, origin, tabId, '[data-testid="versions"]');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('de');
    const text = await popup.evaluate(() => document.body.innerText);
    expect(text).toContain('2 Versionen');
    expect(text).toContain(de.popup_fullHistory.message);
    expect(text).toContain(de.delete_article.message);
    expect(text).toMatch(/zuerst gesehen \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    expect(await popup.$eval('[data-testid="words"]', (el) => el.textContent)).toMatch(/^[\d.]+ Wörter$/);
    expect(text).not.toMatch(/\bversions?\b|first seen|Delete this/);
    await saveScreenshot(popup, 'chromium', 'de-popup');
  });
});
