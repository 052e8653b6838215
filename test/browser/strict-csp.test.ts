/**
 * A news site that forbids inline styles (`style-src 'self'`): the marks and the control bar must still be styled,
 * or the reader would see nothing but labels. Checks what the reader sees: the computed outline of a marked
 * paragraph and the rendered size of the control bar.
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
import { visit } from './harness/redline-status';
import { saveScreenshot } from './harness/screenshot';

const CSP = "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self'";

describe.each(BROWSERS)('a page with a strict style-src in %s', (name: BrowserName) => {
  const path = '/news/strict-csp-story';
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

  const serve = (version: 1 | 2): void =>
    server.set(path, () => ({
      status: 200,
      body: bbcPage(version, server.url(path)),
      headers: { 'content-security-policy': CSP },
    }));

  it('still styles the marks and the control bar', async () => {
    serve(1);
    expect(await visit(page, server.url(path))).toBe('captured');
    serve(2);
    expect(await visit(page, server.url(path))).toBe('changed');
    await saveScreenshot(page, name, 'strict-csp-changed');
    const seen = await page.evaluate(() => {
      const marked = document.querySelector('[data-redline="added"]');
      const removed = document.querySelector('[data-redline="removed"]');
      const bar = Array.from(document.querySelectorAll('[data-redline-ui]')).find((el) => el.shadowRoot);
      const inner = bar?.shadowRoot?.querySelector('.bar');
      const box = inner?.getBoundingClientRect();
      return {
        outline: marked ? getComputedStyle(marked).outlineStyle : null,
        removedText: removed ? getComputedStyle(removed).textDecorationLine : null,
        barPosition: bar ? getComputedStyle(bar).position : null,
        barHeight: box?.height ?? 0,
        barDisplay: inner ? getComputedStyle(inner).display : null,
        barBorder: inner ? getComputedStyle(inner).borderTopStyle : null,
      };
    });
    expect(seen.outline).toBe('solid');
    expect(seen.removedText).toContain('line-through');
    expect(seen.barPosition).toBe('fixed');
    expect(seen.barHeight).toBeGreaterThan(10);
    expect(seen.barDisplay).toBe('flex');
    expect(seen.barBorder).toBe('solid');
  });
});
