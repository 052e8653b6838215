/**
 * Opening the extension's own pages in Chromium from a test: its origin, a page waited on until its app
 * rendered, the popup in a tab told which tab to describe, and messages to the background sent as a page.
 */
import type { Browser, Page } from 'puppeteer-core';
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import { FIREFOX_EXTENSION_UUID, type LaunchedBrowser } from './launch-browser';
import { setViewport } from './viewport';
import { waitFor } from './wait-for';

export async function extensionOrigin(browser: Browser): Promise<string> {
  const worker = await browser.waitForTarget(
    (target) => target.type() === 'service_worker' && target.url().startsWith('chrome-extension://'),
    { timeout: 30_000 },
  );
  // Node's URL gives non-special schemes an origin of "null", so cut it out of the text.
  return worker.url().replace(/^(chrome-extension:\/\/[^/]+).*$/, '$1');
}

/** Opens an extension page and waits until `ready` is shown. */
export async function openPage(browser: Browser, url: string, ready: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await waitReady(page, url, ready);
  return page;
}

async function waitReady(page: Page, url: string, ready: string): Promise<void> {
  try {
    await page.waitForSelector(ready, { timeout: 20_000 });
  } catch (error) {
    const shown = await page.evaluate(() => document.body.textContent).catch(() => '(unreadable)');
    throw new Error(`${url} never showed ${ready}; it shows: ${JSON.stringify(shown)}`, { cause: error });
  }
}

/** Asks every tab's content script from `helper`, an open extension page, and closes it; -1 when none matches. */
async function askTabs(helper: Page, location: string): Promise<number> {
  const tabId = await helper.evaluate(async (wanted: string) => {
    const scope = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
    const api = scope.browser ?? scope.chrome;
    for (const tab of await api.tabs.query({})) {
      if (tab.id === undefined) continue;
      const reply: unknown = await api.tabs
        .sendMessage(tab.id, { type: 'tab.status', request: null })
        .catch(() => null);
      if ((reply as { value?: { location?: string } } | null)?.value?.location === wanted) return tab.id;
    }
    return -1;
  }, location);
  await helper.close();
  if (tabId < 0) throw new Error(`no tab's content script reports ${location}`);
  return tabId;
}

/**
 * The id of the tab whose content script reports `location`. Without the "tabs" permission Chromium hides other
 * tabs' addresses from the extension, so each tab's content script is asked, as the popup asks it.
 */
export async function tabShowing(browser: Browser, origin: string, location: string): Promise<number> {
  return askTabs(await openPage(browser, `${origin}/popup.html?url=about:blank`, '#app'), location);
}

/** The popup page, at the size of a toolbar popup. */
export async function openPopup(
  browser: Browser,
  origin: string,
  tabId: number,
  ready: string,
): Promise<Page> {
  const popup = await openPage(browser, `${origin}/popup.html?tab=${tabId}`, ready);
  await setViewport(popup, { width: 380, height: 560 });
  return popup;
}

/** Sends one protocol message to the background from extension page `page` and returns its reply's value. */
export async function sendAsPage(page: Page, type: string, request: unknown): Promise<unknown> {
  const reply = (await page.evaluate(
    (t: string, r: unknown) =>
      (globalThis as unknown as { chrome: ExtensionApi }).chrome.runtime.sendMessage({ type: t, request: r }),
    type,
    request,
  )) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!reply.ok) throw new Error(`${type} failed: ${reply.error?.message}`);
  return reply.value;
}

/** Waits until the page's text contains `text`. */
export async function waitForText(page: Page, text: string, timeout = 60_000): Promise<void> {
  await waitFor(
    page,
    (t: string) => document.body.textContent?.includes(t) ?? false,
    {
      timeout,
      polling: 100,
    },
    text,
  );
}

/**
 * The extension's own pages in either browser. Chromium opens chrome-extension://<id>/… directly. Firefox's
 * WebDriver BiDi refuses to navigate a tab to moz-extension:// ("not allowed in this context"), so there the
 * add-on has a known UUID (FIREFOX_EXTENSION_UUID) and its pages are reachable from the test server's pages
 * (launch with `openablePages`): a tab opens a server page, and that page navigates itself to the extension
 * page, which then runs as the add-on's own page with every extension API.
 */
export interface ExtensionPages {
  origin: string;
  /** Opens `path` ("history.html", "popup.html?tab=3") in a new tab and waits until `ready` is shown. */
  open(path: string, ready: string): Promise<Page>;
  /** Reloads an extension page opened by `open` (Firefox: from the page itself, as BiDi cannot). */
  reload(page: Page): Promise<void>;
  /** The popup for tab `tabId`, at the size of a toolbar popup. */
  popup(tabId: number, ready: string): Promise<Page>;
  /** The id of the tab whose content script reports `location`. */
  tabShowing(location: string): Promise<number>;
}

export async function extensionPages(
  launched: LaunchedBrowser,
  server: { url(path: string): string },
): Promise<ExtensionPages> {
  const { browser } = launched;
  const firefox = launched.name === 'firefox';
  const origin = firefox ? `moz-extension://${FIREFOX_EXTENSION_UUID}` : await extensionOrigin(browser);
  const open = async (path: string, ready: string): Promise<Page> => {
    const url = `${origin}/${path}`;
    if (!firefox) return openPage(browser, url, ready);
    const page = await browser.newPage();
    await page.goto(server.url('/__redline-test-start'), { waitUntil: 'load' });
    await page.evaluate((target: string) => {
      location.href = target;
    }, url);
    await waitFor(page, () => location.protocol === 'moz-extension:', { timeout: 20_000 });
    await waitReady(page, url, ready);
    return page;
  };
  const pages: ExtensionPages = {
    origin,
    open,
    async reload(page) {
      if (!firefox) {
        await page.reload({ waitUntil: 'load' });
        return;
      }
      await page.evaluate(() => {
        (window as unknown as { __redlineBeforeReload?: true }).__redlineBeforeReload = true;
        location.reload();
      });
      await waitFor(
        page,
        () =>
          !(window as unknown as { __redlineBeforeReload?: true }).__redlineBeforeReload &&
          document.readyState === 'complete',
        { timeout: 20_000, polling: 100 },
      );
    },
    async popup(tabId, ready) {
      const page = await open(`popup.html?tab=${tabId}`, ready);
      await setViewport(page, { width: 380, height: 560 });
      return page;
    },
    async tabShowing(location) {
      return askTabs(await open('popup.html?url=about:blank', '#app'), location);
    },
  };
  return pages;
}
