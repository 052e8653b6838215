/**
 * Inserted words are painted (the CSS Custom Highlight API and the page style sheet's `::highlight()` rule),
 * read from the pixels of a screenshot: a word the edit inserted directly in the paragraph, one inside a link in
 * it (the rule must reach the paragraph's descendants), and a word the edit kept, for contrast.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BBC_V1, plainFrame } from '../fixtures/pages/fixture-pages';
import { renderArticlePage } from '../fixtures/pages/news-page';
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

const EDITED = 1;
const INSERTED = 'xylophone';
const LINKED = 'zeppelin';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box of the first occurrence of `word` in paragraph `index` of the story, in viewport pixels. */
async function wordBox(page: Page, index: number, word: string): Promise<Box> {
  return page.evaluate(
    (i: number, w: string) => {
      const p = document.querySelectorAll('article .story-body p')[i]!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(w);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + w.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
      }
      throw new Error(`no "${w}" in paragraph ${i}`);
    },
    index,
    word,
  );
}

/**
 * The share of a box's pixels tinted green: the highlight's translucent green over the page (and over the
 * reworded paragraph's yellow tint) leaves green above red; white, black text and the yellow tint do not.
 */
async function greenShare(page: Page, reader: Page, box: Box): Promise<number> {
  const clip = {
    x: Math.floor(box.x),
    y: Math.floor(box.y),
    width: Math.ceil(box.width),
    height: Math.ceil(box.height),
  };
  const png = await page.screenshot({ clip, encoding: 'base64' });
  return reader.evaluate(async (data: string) => {
    const blob = await (await fetch(`data:image/png;base64,${data}`)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let green = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if ((pixels[i + 1] ?? 0) > (pixels[i] ?? 0) + 10) green += 1;
    }
    return green / (pixels.length / 4);
  }, png);
}

describe.each(BROWSERS)('inserted words are painted in %s', (name: BrowserName) => {
  let server: PageServer;
  let launched: LaunchedBrowser;
  let page: Page;
  let reader: Page;

  beforeAll(async () => {
    server = await startPageServer();
    launched = await launchWithExtension(name, builtExtensionDir(name));
    page = await launched.browser.newPage();
    reader = await launched.browser.newPage();
    await page.bringToFront();
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  it('in the paragraph and inside a link in it, and not on the words kept', async () => {
    const path = '/paint/story';
    const v1 = [...BBC_V1.paragraphs];
    server.set(path, renderArticlePage({ ...BBC_V1, paragraphs: v1 }, plainFrame(server.url(path))));
    expect(await visit(page, server.url(path))).toBe('captured');

    const words = v1[EDITED]!.split(' ');
    const kept = words[1]!;
    words[3] = INSERTED;
    words[words.length - 2] = LINKED;
    const v2 = [...v1];
    v2[EDITED] = words.join(' ');
    const html = renderArticlePage({ ...BBC_V1, paragraphs: v2 }, plainFrame(server.url(path))).replace(
      ` ${LINKED} `,
      ` <a href="/news/${LINKED}">${LINKED}</a> `,
    );
    expect(html).toContain(`>${LINKED}</a>`);
    server.set(path, html);
    expect(await visit(page, server.url(path))).toBe('changed');
    expect(
      await page.evaluate(
        (i: number) => document.querySelectorAll('article .story-body p')[i]!.getAttribute('data-redline'),
        EDITED,
      ),
    ).toBe('reworded');

    await page.evaluate((i: number) => {
      document.querySelectorAll('article .story-body p')[i]!.scrollIntoView({ block: 'center' });
    }, EDITED);
    // The highlight is registered once the mount's last chunk is in: wait for a frame after it.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    await saveScreenshot(page, name, 'inserted-words-paint', { fullPage: false });

    const inserted = await greenShare(page, reader, await wordBox(page, EDITED, INSERTED));
    const linked = await greenShare(page, reader, await wordBox(page, EDITED, LINKED));
    const control = await greenShare(page, reader, await wordBox(page, EDITED, kept));
    expect(inserted).toBeGreaterThan(0.3);
    expect(linked).toBeGreaterThan(0.3);
    expect(control).toBeLessThan(0.05);
  });
});
