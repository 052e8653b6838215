/**
 * Fault: Chromium stops the extension's service worker in the middle of a capture (the browser does this to idle
 * workers, and under memory pressure at any time). Stopped through the DevTools protocol
 * (`ServiceWorker.stopAllWorkers`) again and again while an edited article is being evaluated. Nothing stored
 * may be lost or half-written, and the next visit must work: it compares the edit with the first version.
 *
 * Chromium only: Firefox runs the background as an event page and its WebDriver BiDi has no way to stop it.
 *
 * In about 1 run of 25 (Chromium 150, 2-core machine, Dec 2026) the worker stays stopped after the storm and no
 * message from an extension page starts it again: DevTools reports no start after the last stop while the
 * pages' messages wait, settings.get (no IndexedDB) goes unanswered like ui.article, and the page reads the same
 * database itself in under 10 ms. So the lost reply is the browser not delivering messages, not a stuck database;
 * the probe in `storedHashes` prints this when it happens.
 */
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionHash } from '../../src/core/hash';
import { TimedOut, withTimeout } from '../../src/ui/withTimeout';
import { BBC_V1, BBC_V2, bbcPage } from '../fixtures/pages/fixture-pages';
import { builtExtensionDir } from './harness/extension-dir';
import { type LaunchedBrowser, launchWithExtension } from './harness/launch-browser';
import { type PageServer, startPageServer } from './harness/page-server';
import { visit, waitForStatus } from './harness/redline-status';

const PATH = '/news/worker-stopped-38275553';

async function extensionOrigin(browser: Browser): Promise<string> {
  const worker = await browser.waitForTarget(
    (target) => target.type() === 'service_worker' && target.url().startsWith('chrome-extension://'),
    { timeout: 30_000 },
  );
  return worker.url().replace(/^(chrome-extension:\/\/[^/]+).*$/, '$1');
}

function workerRunning(browser: Browser): boolean {
  return browser
    .targets()
    .some((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
}

/**
 * What DevTools says of the extension's worker: its state changes (`<version>:<status>/<running status>`, repeats
 * left out) and script errors, newest last, and a way to start it by hand. For the probe in `storedHashes`.
 */
interface WorkerWatch {
  states: string[];
  start(): Promise<unknown>;
}

function watchWorker(cdp: CDPSession, origin: () => string): WorkerWatch {
  const states: string[] = [];
  const note = (state: string) => {
    if (states.at(-1) !== state) states.push(state);
  };
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (v.scriptURL.startsWith('chrome-extension://'))
        note(`${v.versionId}:${v.status}/${v.runningStatus}`);
    }
  });
  cdp.on('ServiceWorker.workerErrorReported', ({ errorMessage }) =>
    note(`error: ${errorMessage.errorMessage}`),
  );
  return { states, start: () => cdp.send('ServiceWorker.startWorker', { scopeURL: `${origin()}/` }) };
}

/**
 * `promise`, or a failure naming `step` after `ms`: when this test overran its time (2 of 4 suite runs on a
 * loaded 2-core machine, Chromium 150) the report could not say which step had waited.
 */
const within = <T>(step: string, ms: number, promise: Promise<T>): Promise<T> =>
  withTimeout(promise, ms, step).catch((error: unknown) => {
    // TimedOut's own message is the reader's, from the catalogue, which the test process does not have.
    if (error instanceof TimedOut) throw new Error(`${step}: no result in ${ms / 1000} s`, { cause: error });
    throw error;
  });

/** What one message from the extension page got within its limit: a reply, an error, or nothing. */
interface Asked {
  answered: boolean;
  ms: number;
  reply: unknown;
}

/**
 * Sends `message` from the extension page and waits at most `ms` for the reply. The reply, whenever it comes, is
 * kept on the page under `slot`, so a later look tells an answer that was late from one that never came.
 */
async function ask(page: Page, message: unknown, ms: number, slot: string): Promise<Asked> {
  return await within(
    `Sending ${slot}`,
    ms + 10_000,
    page.evaluate(
      async (sent: unknown, limit: number, name: string) => {
        const api = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome;
        const start = performance.now();
        const kept = { answered: false, ms: 0, reply: null as unknown };
        (globalThis as unknown as Record<string, unknown>)[name] = kept;
        const settle = (reply: unknown) => {
          kept.answered = true;
          kept.ms = Math.round(performance.now() - start);
          kept.reply = reply;
        };
        const replied = api.runtime
          .sendMessage(sent)
          .then(settle, (error: unknown) => settle({ thrown: String(error) }));
        await Promise.race([replied, new Promise((resolve) => setTimeout(resolve, limit))]);
        return { ...kept, ms: kept.answered ? kept.ms : Math.round(performance.now() - start) };
      },
      message,
      ms,
      slot,
    ),
  );
}

/** Whether the reply kept under `slot` has come by now, and after how long. */
async function lateAnswer(page: Page, slot: string): Promise<string> {
  const kept = await page.evaluate(
    (name: string) => (globalThis as unknown as Record<string, { answered: boolean; ms: number }>)[name],
    slot,
  );
  return kept?.answered ? `answered after ${kept.ms} ms` : 'still no answer';
}

/**
 * The extension page reading the stored versions itself, on its own connection, as a backup's export does: if
 * this is quick while the background does not answer, the database is not locked.
 */
async function pageReadsDatabase(page: Page, url: string, ms: number): Promise<string> {
  return await within(
    'The page reading the database itself',
    ms + 10_000,
    page.evaluate(
      async (wanted: string, limit: number) => {
        const start = performance.now();
        const read = new Promise<string>((resolve) => {
          const open = indexedDB.open('redline');
          open.onerror = () => resolve(`open failed (${open.error?.name})`);
          open.onblocked = () => resolve('open blocked');
          open.onsuccess = () => {
            const db = open.result;
            const request = db.transaction('versions').objectStore('versions').index('url').getAll(wanted);
            request.onsuccess = () => {
              resolve(`read ${request.result.length} versions`);
              db.close();
            };
            request.onerror = () => {
              resolve(`read failed (${request.error?.name})`);
              db.close();
            };
          };
        });
        const outcome = await Promise.race([
          read,
          new Promise<string>((resolve) => setTimeout(() => resolve('no answer'), limit)),
        ]);
        return `${outcome} in ${Math.round(performance.now() - start)} ms`;
      },
      url,
      ms,
    ),
  );
}

function describeAsked(asked: Asked): string {
  return asked.answered
    ? `answered in ${asked.ms} ms: ${JSON.stringify(asked.reply).slice(0, 120)}`
    : 'no answer';
}

type ArticleReply =
  | { ok: true; value: { versions: { hash: string }[] } | null }
  | { ok: false; error: unknown };

function isDatabaseTimeoutReply(reply: unknown): boolean {
  const r = reply as ArticleReply | null;
  return r?.ok === false && (r.error as { name?: unknown } | null)?.name === 'DatabaseTimeout';
}

/** The first try's limit, as the pages ask (src/ui/readTwice.ts: ASK_AGAIN_MS), and the second's: 30 s in all. */
const FIRST_ASK_MS = 10_000;
const SECOND_ASK_MS = 20_000;
const PROBE_MS = 5_000;
/** After the worker was started by hand: long enough for a slow start to answer. */
const THIRD_ASK_MS = 15_000;

/** Whether the running extension worker has its message listener (registered at the top of its script). */
async function workerListens(browser: Browser): Promise<string> {
  const target = await browser
    .waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
      timeout: 5_000,
    })
    .catch(() => null);
  const running = await target?.worker();
  if (!running) return 'no worker target';
  const has = await running.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { onMessage: { hasListeners(): boolean } } } }
    ).chrome.runtime.onMessage.hasListeners(),
  );
  return has ? 'registered' : 'missing';
}

/**
 * The stored versions of `url`, asked of the background from an extension page as the history page asks: once,
 * and once more when the first try got no answer in 10 s or a DatabaseTimeout (src/ui/readTwice.ts). Before the
 * second try, a probe tells what was stuck (printed as `service-worker-fault probe:`): the worker's message
 * channel (settings.get, which reads no IndexedDB, unanswered too: cause b), the worker's database (rules.list,
 * on the worker's own connection, unanswered or DatabaseTimeout: cause a), the database itself (the page's own
 * read stuck: a lock), or neither (only that one message was lost: cause b).
 */
async function storedHashes(
  browser: Browser,
  origin: string,
  url: string,
  worker: WorkerWatch,
): Promise<string[]> {
  const page = await within('Opening an extension page', 20_000, browser.newPage());
  try {
    await within(
      'Loading the options page',
      20_000,
      page.goto(`${origin}/options.html`, { waitUntil: 'load' }),
    );
    const article = { type: 'ui.article', request: { url } };
    const first = await ask(page, article, FIRST_ASK_MS, 'firstAsk');
    if (first.answered && !isDatabaseTimeoutReply(first.reply)) return hashesOf(first.reply);

    const probe = {
      first: describeAsked(first),
      workerRunning: workerRunning(browser),
      workerStates: worker.states.slice(-6).join(' '),
      pageRead: await pageReadsDatabase(page, url, PROBE_MS),
      settingsGet: describeAsked(
        await ask(page, { type: 'settings.get', request: null }, PROBE_MS, 'settings'),
      ),
      rulesList: describeAsked(await ask(page, { type: 'rules.list', request: null }, PROBE_MS, 'rules')),
      second: '',
      firstLater: '',
      afterStart: '',
    };
    const second = await ask(page, article, SECOND_ASK_MS, 'secondAsk');
    probe.second = describeAsked(second);
    probe.firstLater = await lateAnswer(page, 'firstAsk');
    if (!second.answered) {
      // Can the worker run at all, started by DevTools rather than by a message? Diagnosis only: the page's two
      // tries got nothing, which is what a reader would have seen, so the test fails either way.
      const started = await within('Starting the worker by hand', 20_000, worker.start()).then(
        () => 'started',
        (error: unknown) => `start failed: ${String(error)}`,
      );
      const listening = await within('Asking the started worker', 20_000, workerListens(browser)).catch(
        (error: unknown) => `not asked: ${String(error)}`,
      );
      const third = await ask(page, article, THIRD_ASK_MS, 'thirdAsk');
      probe.afterStart =
        `${started}; its onMessage listener: ${listening}; ui.article ${describeAsked(third)}; ` +
        `states ${worker.states.slice(-4).join(' ')}`;
    }
    console.info(`service-worker-fault probe: ${JSON.stringify(probe)}`);
    if (!second.answered) {
      throw new Error(
        `Asking the background for the stored versions: no answer to two tries (${probe.first})`,
      );
    }
    return hashesOf(second.reply);
  } finally {
    await page.close();
  }
}

function hashesOf(reply: unknown): string[] {
  const r = reply as ArticleReply;
  if (!r.ok) throw new Error(`The background refused ui.article: ${JSON.stringify(r.error)}`);
  return r.value ? r.value.versions.map((v) => v.hash) : [];
}

describe('chromium stops the service worker during a capture', () => {
  let server: PageServer;
  let launched: LaunchedBrowser;
  let page: Page;
  let cdp: CDPSession;
  let worker: WorkerWatch;
  let origin: string;

  beforeAll(async () => {
    server = await startPageServer();
    launched = await launchWithExtension('chromium', builtExtensionDir('chromium'));
    origin = await extensionOrigin(launched.browser);
    page = await launched.browser.newPage();
    cdp = await page.createCDPSession();
    worker = watchWorker(cdp, () => origin);
    await cdp.send('ServiceWorker.enable');
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  it('loses nothing, writes nothing half, and the next visit shows the edit', async () => {
    const url = server.url(PATH);
    const v1 = await versionHash(BBC_V1);
    const v2 = await versionHash(BBC_V2);
    server.set(PATH, bbcPage(1, url));
    expect(await within('The first visit', 45_000, visit(page, url))).toBe('captured');
    expect(await storedHashes(launched.browser, origin, url, worker)).toEqual([v1]);

    // The edited article, with the worker stopped over and over from the start of the load until well after the
    // content script has settled (600 ms+) and sent its capture.
    server.set(PATH, bbcPage(2, url));
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    let stops = 0;
    let seenStopped = false;
    for (const until = Date.now() + 6000; Date.now() < until; ) {
      await within('Stopping the service worker', 10_000, cdp.send('ServiceWorker.stopAllWorkers'));
      stops++;
      seenStopped ||= !workerRunning(launched.browser);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Each stop takes the browser a while under load, so how many fit in the window is not asserted; only that
    // the worker really was stopped during it.
    expect(stops).toBeGreaterThan(0);
    expect(seenStopped).toBe(true);
    // The interrupted evaluation either finished between two stops or failed; both are fine, a hang is not.
    const interrupted = await waitForStatus(page, 20_000).catch(() => null);

    // Nothing stored was lost: the first version is still there, and the edit at most once, after it.
    const afterFault = await storedHashes(launched.browser, origin, url, worker);
    expect(afterFault[0]).toBe(v1);
    expect(afterFault.length === 1 || (afterFault.length === 2 && afterFault[1] === v2)).toBe(true);

    // The next visit works: the edit is stored (once) and marked against the first version.
    expect(await within('The visit after the fault', 45_000, visit(page, url))).toBe('changed');
    expect(await page.$$eval('[data-redline]', (els) => els.length)).toBeGreaterThan(0);
    expect(await storedHashes(launched.browser, origin, url, worker)).toEqual([v1, v2]);
    console.info(`service worker stopped ${stops} times; the interrupted visit ended as ${interrupted}`);
    // Each step has its own limit above, and the test's is more than theirs together: a step that hangs is the
    // one reported.
  }, 240_000);
});
