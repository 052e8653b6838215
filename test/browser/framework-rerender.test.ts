/**
 * A page's own framework re-rendering a paragraph Redline marked (issue 9, item 7): Preact updates the text
 * nodes it made, so if Redline had split them the page would show the new text plus a stale fragment. The
 * paragraph must show exactly its new text, with the marks on and after they are taken off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BBC_V1, plainFrame } from '../fixtures/pages/fixture-pages';
import { renderArticlePage } from '../fixtures/pages/news-page';
import { builtExtensionDir, REPO_ROOT } from './harness/extension-dir';
import {
  BROWSERS,
  type BrowserName,
  type LaunchedBrowser,
  launchWithExtension,
} from './harness/launch-browser';
import { type PageServer, startPageServer } from './harness/page-server';
import { visit } from './harness/redline-status';
import { saveScreenshot } from './harness/screenshot';
import { waitFor } from './harness/wait-for';

const PREACT = readFileSync(join(REPO_ROOT, 'node_modules/preact/dist/preact.mjs'), 'utf8');

/** Index of the paragraph the newsroom rewords and the framework later re-renders. */
const EDITED = 2;

/** The article body rendered by Preact; `window.__render(i, text)` re-renders paragraph i with new text. */
function preactPage(paragraphs: readonly string[], canonical: string): string {
  const data = JSON.stringify(paragraphs).replace(/<\//g, '<\\/');
  const script = `<script type="module">
  import { h, render } from '/vendor/preact.mjs';
  const body = document.querySelector('article .story-body');
  const texts = ${data};
  const draw = () => render(h('div', { class: 'rendered' }, texts.map((text, i) => h('p', { key: i }, text))), body);
  body.replaceChildren();
  draw();
  window.__render = (i, text) => { texts[i] = text; draw(); };
</script>`;
  return renderArticlePage(
    { title: BBC_V1.title, paragraphs, byline: 'BBC News' },
    { ...plainFrame(canonical), script },
  );
}

/**
 * How many ranges of Redline's inserted-word highlight start inside paragraph `index`, read from the page's
 * highlight registry (the paint itself is only in the screenshot); null where the page cannot see it.
 */
async function paintedInParagraph(page: Page, index: number): Promise<number | null> {
  return page.evaluate((i: number) => {
    const p = document.querySelectorAll('article .story-body p')[i]!;
    const highlight = CSS.highlights?.get('redline-inserted');
    if (!highlight) return null;
    let count = 0;
    for (const range of highlight) if (p.contains(range.startContainer)) count += 1;
    return count;
  }, index);
}

/** Text nodes and text of paragraph `index`, with what Redline inserted left out. */
async function paragraphState(page: Page, index: number) {
  return page.evaluate((i: number) => {
    const p = document.querySelectorAll('article .story-body p')[i]!;
    const own = [...p.childNodes].filter(
      (node) =>
        !(
          node instanceof Element &&
          (node.hasAttribute('data-redline-ui') || node.hasAttribute('data-redline-old'))
        ),
    );
    return {
      mark: p.getAttribute('data-redline'),
      ownNodes: own.map((node) => node.nodeName),
      ownText: own.map((node) => node.textContent).join(''),
      text: p.textContent,
    };
  }, index);
}

describe.each(BROWSERS)('a Preact page re-rendering a marked paragraph in %s', (name: BrowserName) => {
  let server: PageServer;
  let launched: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startPageServer();
    server.set('/vendor/preact.mjs', () => ({
      status: 200,
      body: PREACT,
      type: 'text/javascript; charset=utf-8',
    }));
    launched = await launchWithExtension(name, builtExtensionDir(name));
    page = await launched.browser.newPage();
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  it('shows exactly the new text, with the marks on and after they are dismissed', async () => {
    const path = '/preact/story';
    const v1 = [...BBC_V1.paragraphs];
    server.set(path, preactPage(v1, server.url(path)));
    expect(await visit(page, server.url(path))).toBe('captured');

    const v2 = [...v1];
    // A word in the middle replaced: the old word's place is inside the page's text node, where a struck word
    // would once have split it.
    const words = v1[EDITED]!.split(' ');
    const middle = Math.floor(words.length / 2);
    words[middle] = 'reportedly';
    v2[EDITED] = words.join(' ');
    server.set(path, preactPage(v2, server.url(path)));
    expect(await visit(page, server.url(path))).toBe('changed');
    expect((await paragraphState(page, EDITED)).mark).toBe('reworded');
    expect(await paintedInParagraph(page, EDITED)).toBe(1);

    const rerendered = 'The framework rendered this sentence after Redline marked the paragraph.';
    await page.evaluate(
      (i: number, text: string) => {
        (window as unknown as { __render: (i: number, text: string) => void }).__render(i, text);
      },
      EDITED,
      rerendered,
    );
    const marked = await paragraphState(page, EDITED);
    expect(marked.ownText).toBe(rerendered);
    expect(marked.ownNodes).toEqual(['#text']);
    // The inserted word's highlight kept its offsets in the rewritten text node: it would paint letters of the
    // new sentence as inserted. It is dropped; the mark and the "Was:" line stay.
    // The watcher's callback runs as a microtask after the re-render: polled for a moment, not read once.
    for (const until = Date.now() + 5_000; Date.now() < until; ) {
      if ((await paintedInParagraph(page, EDITED)) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await paintedInParagraph(page, EDITED)).toBe(0);
    expect(marked.mark).toBe('reworded');
    await saveScreenshot(page, name, 'preact-rerendered-marked', { fullPage: false });

    // The reader dismisses the marks (a real click: the bar ignores a script's).
    const box = (await page.evaluate(`(() => {
      const bar = document.querySelector('[data-redline-ui="bar"]');
      const r = bar.shadowRoot.querySelector('[data-action="dismiss"]').getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    })()`)) as { x: number; y: number };
    await page.mouse.click(box.x, box.y);
    await waitFor(page, () => document.querySelector('[data-redline]') === null, { timeout: 5_000 });
    expect(await paragraphState(page, EDITED)).toEqual({
      mark: null,
      ownNodes: ['#text'],
      ownText: rerendered,
      text: rerendered,
    });

    const again = 'And once more, with the marks gone.';
    await page.evaluate(
      (i: number, text: string) => {
        (window as unknown as { __render: (i: number, text: string) => void }).__render(i, text);
      },
      EDITED,
      again,
    );
    expect((await paragraphState(page, EDITED)).text).toBe(again);
  });
});
