/**
 * What a hostile page can learn from, or make, Redline do (issue 9, items 2 and 3), in real Chromium and Firefox.
 *
 * The privacy and attack tests run on the NORMAL build (dist/), the one users install: there the page contract
 * is not readable, so these tests cannot wait on `data-redline-status`. They wait on what the reader sees
 * instead (the marks on the page's own elements), or give a static page a few seconds.
 *
 * The control bar's dismiss attack runs on the test build too, whose bar root is open, so the page script can
 * reach the ✕ button at all and the `isTrusted` check is what stops it.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BBC_V1, bbcPage, plainFrame, sectionPage } from '../fixtures/pages/fixture-pages';
import { renderArticlePage } from '../fixtures/pages/news-page';
import { builtExtensionDir } from './harness/extension-dir';
import {
  BROWSERS,
  type BrowserName,
  type LaunchedBrowser,
  launchWithExtension,
} from './harness/launch-browser';
import { type PageServer, startPageServer } from './harness/page-server';
import { reload, visit } from './harness/redline-status';
import { saveScreenshot } from './harness/screenshot';
import { waitFor } from './harness/wait-for';

/** Long enough for Redline to settle (600 ms), extract and store a small local page, with room for a slow CI. */
const EVALUATION_MS = 4_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A site that writes a fresh per-visitor token into its headline and a paragraph on every load, and a note
 * paragraph with the token on every other load: each revisit is an edit, with a reworded paragraph (deleted
 * words), a changed headline and, every second load, a removed paragraph, all holding an old token.
 */
function tokenSite(canonical: string) {
  const tokens: string[] = [];
  const route = () => {
    const token = `rdtok${tokens.length}q${Math.random().toString(36).slice(2, 10)}`;
    tokens.push(token);
    const paragraphs = [...BBC_V1.paragraphs];
    paragraphs[1] = `${paragraphs[1]} Your reader id is ${token} today.`;
    if (tokens.length % 2 === 1)
      paragraphs.splice(3, 0, `A session note ${token} for this visit only, read it.`);
    const article = { title: `${BBC_V1.title} ${token}`, paragraphs, byline: 'BBC News' };
    return { status: 200, body: renderArticlePage(article, plainFrame(canonical)) };
  };
  return { tokens, route };
}

/** Navigates until the reader sees marks (the first loads may be stored before any comparison). */
async function visitUntilMarked(page: Page, url: string): Promise<void> {
  for (let attempt = 0; attempt < 4; attempt += 1) {
    await page.goto(url, { waitUntil: 'load' });
    try {
      await waitFor(page, () => document.querySelector('[data-redline]') !== null, {
        timeout: attempt === 0 ? EVALUATION_MS : 15_000,
        polling: 100,
      });
      return;
    } catch {
      // Not marked yet: the first load is only captured.
    }
  }
  throw new Error(`no marks appeared on ${url} after four loads`);
}

/** Every way a page script can read text: markup, attributes, rendered text, open shadow roots, selection. */
async function textsReadableByPage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const found: string[] = [document.documentElement.outerHTML, document.title];
    found.push(document.body.innerText, document.documentElement.textContent ?? '');
    const walk = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll('*')) {
        for (const attribute of element.attributes) found.push(attribute.value);
        const shadow = element.shadowRoot;
        if (shadow) {
          found.push(shadow.innerHTML);
          walk(shadow);
        }
      }
    };
    walk(document);
    const selection = getSelection();
    selection?.selectAllChildren(document.body);
    found.push(selection?.toString() ?? '');
    selection?.removeAllRanges();
    return found.join('\n');
  });
}

describe.each(BROWSERS)('a hostile page against the normal build in %s', (name: BrowserName) => {
  let server: PageServer;
  let launched: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startPageServer();
    launched = await launchWithExtension(name, builtExtensionDir(name, 'normal'));
    page = await launched.browser.newPage();
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  it('cannot read back an old per-visitor token, though the reader sees it', async () => {
    const path = '/privacy/token-article';
    const site = tokenSite(server.url(path));
    server.set(path, site.route);
    await visitUntilMarked(page, server.url(path));
    // The load that is marked ends the list; every token before it is text this load did not serve.
    const current = site.tokens.at(-1)!;
    const old = site.tokens.slice(0, -1);
    expect(old.length).toBeGreaterThan(0);
    await saveScreenshot(page, name, 'privacy-token-marked');

    const readable = await textsReadableByPage(page);
    expect(readable).toContain(current);
    for (const token of old) expect(readable).not.toContain(token);
    expect(readable).not.toContain('data-redline-status');
    // Old text is on the page for the reader: the previous headline and the reworded paragraph's "Was:" line.
    const hosts = await page.$$eval('[data-redline-old]', (els) =>
      els.map((el) => el.getAttribute('data-redline-old')),
    );
    expect(hosts).toEqual(expect.arrayContaining(['title', 'paragraph-text']));

    if (name === 'chromium') {
      // DevTools sees into closed shadow roots: the previous token is there, rendered for the reader.
      const cdp = await page.createCDPSession();
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
        root: unknown;
      };
      const tree = JSON.stringify(root);
      expect(tree).toContain(old.at(-1)!);
      await cdp.detach();
    }
  });

  it('still shows the reader every kind of mark on the BBC edit (screenshot: privacy-bbc-v2-changed)', async () => {
    const path = '/privacy/world-middle-east-38275553';
    server.set(path, bbcPage(1, server.url(path)));
    await page.goto(server.url(path), { waitUntil: 'load' });
    await sleep(EVALUATION_MS);
    server.set(path, bbcPage(2, server.url(path)));
    await visitUntilMarked(page, server.url(path));
    await saveScreenshot(page, name, 'privacy-bbc-v2-changed');
    const shown = await page.evaluate(() => ({
      kinds: [
        ...new Set(
          [...document.querySelectorAll('[data-redline]')].map((el) => el.getAttribute('data-redline')),
        ),
      ],
      oldHosts: document.querySelectorAll('[data-redline-old]').length,
      // Closed roots render: each old-text host takes up space on the page although its DOM holds no text.
      emptyLooking: [...document.querySelectorAll('[data-redline-old]')].filter(
        (el) => el.getBoundingClientRect().height < 8,
      ).length,
    }));
    expect(shown.kinds).toEqual(expect.arrayContaining(['added', 'removed', 'reworded']));
    expect(shown.oldHosts).toBeGreaterThan(0);
    expect(shown.emptyLooking).toBe(0);
  });

  it('cannot drive the control bar: it is closed, and a fake Alt+Shift+ArrowDown does nothing', async () => {
    // The page from the previous tests is still marked.
    const attack = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('[data-redline-ui]')];
      const openRoots = hosts.filter((host) => host.shadowRoot !== null).length;
      const init = { key: 'ArrowDown', code: 'ArrowDown', altKey: true, shiftKey: true, bubbles: true };
      const events = [new KeyboardEvent('keydown', { ...init, cancelable: true })];
      document.body.dispatchEvent(events[0]!);
      const onWindow = new KeyboardEvent('keydown', { ...init, cancelable: true });
      window.dispatchEvent(onWindow);
      events.push(onWindow);
      return {
        bar: hosts.some((host) => host.getAttribute('data-redline-ui') === 'bar'),
        openRoots,
        prevented: events.map((event) => event.defaultPrevented),
        current: document.querySelector('[data-redline-current]') !== null,
      };
    });
    expect(attack).toEqual({ bar: true, openRoots: 0, prevented: [false, false], current: false });

    // The reader's own keystroke still works: the shortcut is not simply broken.
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    await waitFor(page, () => document.querySelector('[data-redline-current]') !== null, {
      timeout: 5_000,
    });
  });

  it('finds nothing Redline-made on a read, an unchanged or a skipped page, even watching every mutation', async () => {
    const watch = `<script>
  window.__mutations = [];
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      window.__mutations.push([r.type, r.target.nodeName, r.attributeName,
        [...r.addedNodes].map((n) => n.nodeName).join(',')].join(' '));
    }
  });
  // From the end of parsing (the parser's own text after this script is not a change), which is before the
  // extension's content script runs at document_idle.
  document.addEventListener('DOMContentLoaded', () => observer.observe(document,
    { subtree: true, childList: true, attributes: true, characterData: true }));
</script>`;
    const path = '/privacy/quiet-article';
    const canonical = server.url(path);
    const withWatch = (html: string) => html.replace('</body>', `${watch}</body>`);
    server.set(path, withWatch(bbcPage(1, canonical)));
    const sectionPath = '/privacy/section';
    server.set(sectionPath, withWatch(sectionPage()));

    const quiet = async (url: string, label: string) => {
      await page.goto(url, { waitUntil: 'load' });
      await sleep(EVALUATION_MS);
      const seen = await page.evaluate(() => ({
        mutations: (window as unknown as { __mutations: string[] }).__mutations,
        redline: [...document.querySelectorAll('*')].some((el) =>
          [...el.attributes].some((attribute) => attribute.name.startsWith('data-redline')),
        ),
      }));
      expect(seen, label).toEqual({ mutations: [], redline: false });
    };
    await quiet(canonical, 'first read (captured)');
    await quiet(canonical, 'revisit (unchanged)');
    await quiet(server.url(sectionPath), 'section front (skipped)');

    // The first read was stored: an edit of the article is marked, so the revisit above was "unchanged".
    server.set(path, bbcPage(2, canonical));
    await visitUntilMarked(page, canonical);
  });
});

describe.each(BROWSERS)('a page clicking the control bar of the test build in %s', (name: BrowserName) => {
  let server: PageServer;
  let launched: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startPageServer();
    launched = await launchWithExtension(name, builtExtensionDir(name, 'test'));
    page = await launched.browser.newPage();
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  it('cannot dismiss the marks with a synthetic click on ✕; the reader can', async () => {
    const path = '/attack/dismiss';
    server.set(path, bbcPage(1, server.url(path)));
    expect(await visit(page, server.url(path))).toBe('captured');
    server.set(path, bbcPage(2, server.url(path)));
    expect(await visit(page, server.url(path))).toBe('changed');

    const dismiss = `[...document.querySelectorAll('[data-redline-ui="bar"]')][0].shadowRoot.querySelector('[data-action="dismiss"]')`;
    await page.evaluate(`(() => {
      const button = ${dismiss};
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      button.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
    })()`);
    await sleep(500);
    expect(await page.$$eval('[data-redline]', (els) => els.length)).toBeGreaterThan(0);
    // No dismissal was stored: the next load is still marked.
    expect(await reload(page)).toBe('changed');
    expect(await page.$$eval('[data-redline]', (els) => els.length)).toBeGreaterThan(0);

    // A real click dismisses, and the dismissal is stored.
    const box = (await page.evaluate(`(() => {
      const r = ${dismiss}.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    })()`)) as { x: number; y: number };
    await page.mouse.click(box.x, box.y);
    await waitFor(page, () => document.querySelector('[data-redline]') === null, { timeout: 5_000 });
    await saveScreenshot(page, name, 'attack-dismiss-real-click');
    await sleep(1_000);
    await reload(page);
    expect(await page.$$eval('[data-redline]', (els) => els.length)).toBe(0);
  });
});
