/**
 * Opening the extension's own pages in Chromium from a test: its origin, a page waited on until its app
 * rendered, the popup in a tab told which tab to describe, and messages to the background sent as a page.
 */
import type { Browser, Page } from 'puppeteer-core';
import type { Browser as ExtensionApi } from 'webextension-polyfill';

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
  try {
    await page.waitForSelector(ready, { timeout: 20_000 });
  } catch (error) {
    const shown = await page.evaluate(() => document.body.textContent).catch(() => '(unreadable)');
    throw new Error(`${url} never showed ${ready}; it shows: ${JSON.stringify(shown)}`, { cause: error });
  }
  return page;
}

/**
 * The id of the tab whose content script reports `location`. Without the "tabs" permission Chromium hides other
 * tabs' addresses from the extension, so each tab's content script is asked, as the popup asks it.
 */
export async function tabShowing(browser: Browser, origin: string, location: string): Promise<number> {
  const helper = await openPage(browser, `${origin}/popup.html?url=about:blank`, '#app');
  const tabId = await helper.evaluate(async (wanted: string) => {
    const api = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
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

/** The popup page, at the size of a toolbar popup. */
export async function openPopup(
  browser: Browser,
  origin: string,
  tabId: number,
  ready: string,
): Promise<Page> {
  const popup = await openPage(browser, `${origin}/popup.html?tab=${tabId}`, ready);
  await popup.setViewport({ width: 380, height: 560 });
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
  await page.waitForFunction(
    (t: string) => document.body.textContent?.includes(t) ?? false,
    {
      timeout,
      polling: 100,
    },
    text,
  );
}
