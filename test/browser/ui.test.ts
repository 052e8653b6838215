/**
 * The extension's own pages in Chromium and Firefox ESR with the built extension: the popup lists an article's
 * versions with the right counts and re-marks the page against a picked version, the history page lists and
 * compares, export → delete everything → import → export is byte-identical, a malformed import changes
 * nothing, and the options page saves settings. Screenshots of each page go to test/artifacts/<browser>/.
 *
 * How the pages are opened in each browser: harness/extension-pages.ts (`extensionPages`). The popup, opened in
 * a tab instead of from the toolbar, is told which tab to describe with `popup.html?tab=<tabId>`
 * (src/popup/target.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { align } from '../../src/core/align';
import { serialize, toExport } from '../../src/core/export';
import { FORMAT_VERSION } from '../../src/core/export/format';
import { versionHash } from '../../src/core/hash';
import type { StoredArticle, StoredVersion } from '../../src/core/history';
import { BBC_V1, BBC_V2, bbcPage, plainFrame, sectionPage } from '../fixtures/pages/fixture-pages';
import { renderArticlePage } from '../fixtures/pages/news-page';
import { builtExtensionDir } from './harness/extension-dir';
import { type ExtensionPages, extensionPages } from './harness/extension-pages';
import { BROWSERS, type LaunchedBrowser, launchWithExtension } from './harness/launch-browser';
import { readAllMarks } from './harness/page-marks';
import { type PageServer, startPageServer } from './harness/page-server';
import { visit } from './harness/redline-status';
import { saveScreenshot } from './harness/screenshot';
import { waitFor } from './harness/wait-for';

const ARTICLE_PATH = '/news/world-middle-east-38275553';

/** Clicks an export button and returns the exported file's text, caught where the page hands it to the download. */
async function exportText(page: Page, button = '[data-testid="export"]'): Promise<string> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __exported?: Promise<string>;
      __realCreate?: typeof URL.createObjectURL;
    };
    w.__realCreate ??= URL.createObjectURL;
    w.__exported = new Promise((resolve) => {
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        if (blob instanceof Blob) resolve(blob.text());
        return (w.__realCreate as typeof URL.createObjectURL)(blob);
      };
    });
  });
  await page.click(button);
  return page.evaluate(() => (window as unknown as { __exported: Promise<string> }).__exported);
}

async function articleCount(page: Page): Promise<string> {
  return page.$eval('[data-testid="article-count"]', (el) => el.textContent ?? '');
}

describe.each(BROWSERS)('Redline pages in %s', (name) => {
  let server: PageServer;
  let launched: LaunchedBrowser;
  let pages: ExtensionPages;
  let articlePage: Page;
  let tmp: string;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'redline-ui-'));
    server = await startPageServer();
    launched = await launchWithExtension(name, builtExtensionDir(name), { openablePages: true });
    pages = await extensionPages(launched, server);
    articlePage = await launched.browser.newPage();
    server.set(ARTICLE_PATH, bbcPage(1, server.url(ARTICLE_PATH)));
    expect(await visit(articlePage, server.url(ARTICLE_PATH))).toBe('captured');
    server.set(ARTICLE_PATH, bbcPage(2, server.url(ARTICLE_PATH)));
    expect(await visit(articlePage, server.url(ARTICLE_PATH))).toBe('changed');
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('popup: lists both versions with the right counts and re-marks the page against a picked version', async () => {
    // The popup runs in a tab here, so it is told which tab to describe.
    const tabId = await pages.tabShowing(server.url(ARTICLE_PATH));
    const popup = await pages.popup(tabId, '[data-testid="versions"]');
    const versions = await popup.$$eval('[data-testid="version"]', (items) =>
      items.map((item) => {
        const changes = item.querySelector('.changes');
        return {
          onPage: item.textContent?.includes('on this page') ?? false,
          words: item.querySelector('[data-testid="words"]')?.textContent ?? '',
          added: changes?.getAttribute('data-added') ?? null,
          reworded: changes?.getAttribute('data-reworded') ?? null,
          removed: changes?.getAttribute('data-removed') ?? null,
        };
      }),
    );
    const expected = align(BBC_V1, BBC_V2).stats;
    expect(versions).toHaveLength(2);
    // Newest first: version 2 is on the page, counted against version 1.
    expect(versions[0]).toMatchObject({
      onPage: true,
      added: String(expected.added),
      reworded: String(expected.reworded),
      removed: String(expected.removed),
    });
    expect(versions[1]).toMatchObject({ onPage: false, added: null });
    const words = (texts: string[], title: string) =>
      [title, ...texts]
        .join(' ')
        .split(/\s+/)
        .filter((w) => w !== '').length;
    expect(versions[0]?.words).toBe(`${words(BBC_V2.paragraphs, BBC_V2.title).toLocaleString('en')} words`);
    expect(await popup.$eval('[data-testid="headline"]', (el) => el.textContent)).toBe(BBC_V2.title);
    await saveScreenshot(popup, name, 'ui-popup');
    const oneArticle = JSON.parse(await exportText(popup)) as {
      articles: { url: string; versions: unknown[] }[];
    };
    expect(oneArticle.articles.map((a) => [a.url, a.versions.length])).toEqual([
      [server.url(ARTICLE_PATH), 2],
    ]);

    // Background tabs get no animation frames in headless Chromium: poll by time, and look at the page in front.
    const markCount = async () => {
      await articlePage.bringToFront();
      return articlePage.$$eval('[data-redline]', (els) => els.length);
    };
    const waitForMarks = async (present: boolean) => {
      await articlePage.bringToFront();
      await waitFor(
        articlePage,
        (want: boolean) => document.querySelectorAll('[data-redline]').length > 0 === want,
        { timeout: 10_000, polling: 100 },
        present,
      );
    };
    expect(await markCount()).toBeGreaterThan(0);
    // Take the marks away from the popup, then bring them back by picking version 1.
    await popup.bringToFront();
    await popup.click('h2 button');
    await waitForMarks(false);
    await popup.bringToFront();
    await waitFor(popup, () => document.querySelectorAll('[data-testid="version"] button').length === 1, {
      timeout: 10_000,
      polling: 100,
    });
    await popup.click('[data-testid="version"] button');
    await waitForMarks(true);
    await popup.bringToFront();
    await waitFor(popup, () => document.body.textContent?.includes('marked against'), {
      timeout: 10_000,
      polling: 100,
    });
    await articlePage.bringToFront();
    await saveScreenshot(articlePage, name, 'ui-article-remarked');
    await popup.close();
  });

  it('popup: says plainly when the page is not an article, and pauses or resumes the site', async () => {
    const sectionPath = '/news/world';
    server.set(sectionPath, sectionPage());
    const section = await launched.browser.newPage();
    expect(await visit(section, server.url(sectionPath))).toBe('skipped');
    const tabId = await pages.tabShowing(server.url(sectionPath));
    const popup = await pages.popup(tabId, '[data-testid="site-toggle"]');
    expect(await popup.$eval('h1', (el) => el.textContent)).toBe('Not an article');
    expect(await popup.$eval('[data-testid="site-toggle"]', (el) => el.textContent)).toBe(
      'Pause on 127.0.0.1',
    );
    await saveScreenshot(popup, name, 'ui-popup-not-article');
    await popup.click('[data-testid="site-toggle"]');
    await waitFor(
      popup,
      () => document.querySelector('[data-testid="site-toggle"]')?.textContent === 'Resume on 127.0.0.1',
      { timeout: 10_000, polling: 100 },
    );
    await popup.close();

    // Reloaded while paused, the page is skipped as paused, and the popup offers to resume.
    await section.bringToFront();
    expect(await visit(section, server.url(sectionPath))).toBe('skipped');
    const pausedTab = await pages.tabShowing(server.url(sectionPath));
    const paused = await pages.popup(pausedTab, '[data-testid="site-toggle"]');
    expect(await paused.$eval('h1', (el) => el.textContent)).toBe('Paused on this site');
    await saveScreenshot(paused, name, 'ui-popup-paused');
    await paused.click('[data-testid="site-toggle"]');
    await waitFor(
      paused,
      () => document.querySelector('[data-testid="site-toggle"]')?.textContent === 'Pause on 127.0.0.1',
      { timeout: 10_000, polling: 100 },
    );
    await paused.close();
    await section.close();
  });

  it('history page: lists, searches and compares side by side and inline', async () => {
    const history = await pages.open('history.html', '[data-testid="article-row"]');
    expect(await articleCount(history)).toBe('1 article');
    await history.type('[data-testid="search"]', 'no such headline');
    await waitFor(history, () => document.querySelectorAll('[data-testid="article-row"]').length === 0);
    await history.click('[data-testid="search"]', { count: 3 });
    await history.keyboard.press('Backspace');
    await history.type('[data-testid="search"]', 'aleppo');
    await history.waitForSelector('[data-testid="article-row"]');
    await saveScreenshot(history, name, 'ui-history-list');

    await history.click('[data-testid="article-row"] a');
    await history.waitForSelector('[data-testid="compare-table"]');
    expect(await history.$$eval('[data-testid="timeline-version"]', (els) => els.length)).toBe(2);
    const kinds = await history.$$eval('[data-testid="compare-table"] tbody tr[data-kind]', (rows) =>
      rows.map((row) => row.getAttribute('data-kind')),
    );
    const expected = align(BBC_V1, BBC_V2).stats;
    expect(kinds.filter((k) => k === 'reworded')).toHaveLength(expected.reworded);
    expect(kinds.filter((k) => k === 'added')).toHaveLength(expected.added);
    expect(kinds.filter((k) => k === 'removed')).toHaveLength(expected.removed);
    await saveScreenshot(history, name, 'ui-history-compare');
    await history.click('[data-testid="mode-inline"]');
    await history.waitForSelector('[data-testid="compare-inline"]');
    await saveScreenshot(history, name, 'ui-history-inline');
    await history.close();
  });

  it('export → delete everything → import → export is byte-identical; a malformed file changes nothing', async () => {
    const history = await pages.open('history.html', '[data-testid="article-row"]');
    const first = await exportText(history);
    expect(JSON.parse(first)).toMatchObject({ format: 'redline-history', version: FORMAT_VERSION });

    const options = await pages.open('options.html', '[data-testid="delete-all"]');
    await options.click('[data-testid="delete-all"]');
    await options.click('[data-testid="delete-confirm"]');
    await options.waitForSelector('[data-testid="delete-status"]');
    expect(await options.$eval('[data-testid="delete-status"]', (el) => el.textContent)).toMatch(
      /Deleted 1 article/,
    );
    await options.close();

    await pages.reload(history);
    await waitFor(history, () => document.body.textContent?.includes('No articles yet'));
    const file = join(tmp, 'export.json');
    await writeFile(file, first);
    const input = await history.$('input[data-testid="import-file"]');
    await input?.uploadFile(file);
    await waitFor(
      history,
      () =>
        /Added 1 article/.test(document.querySelector('[data-testid="import-status"]')?.textContent ?? ''),
      { timeout: 20_000 },
    );
    await history.waitForSelector('[data-testid="article-row"]');
    const second = await exportText(history);
    expect(second).toBe(first);

    // A truncated file: the error is shown and the history is as it was.
    const broken = join(tmp, 'broken.json');
    await writeFile(broken, first.slice(0, Math.floor(first.length / 2)));
    await (await history.$('input[data-testid="import-file"]'))?.uploadFile(broken);
    await history.waitForSelector('[data-testid="import-error"]', { timeout: 20_000 });
    const error = await history.$eval('[data-testid="import-error"]', (el) => el.textContent ?? '');
    expect(error).toMatch(/not imported, and nothing was changed/);
    expect(error).toMatch(/incomplete/);
    await saveScreenshot(history, name, 'ui-history-import-error');
    expect(await exportText(history)).toBe(first);
    await history.close();
  });

  it('options page: pauses a site and saves retention and overlay settings', async () => {
    const options = await pages.open('options.html', '[data-testid="paused-input"]');
    await options.type('[data-testid="paused-input"]', 'https://www.example.com/news');
    await options.keyboard.press('Enter');
    await waitFor(options, () =>
      document.querySelector('[data-testid="paused-list"]')?.textContent?.includes('example.com'),
    );
    await options.click('[data-testid="overlay-badge"]');
    await options.select('[data-testid="keep-versions"]', '5');
    await waitFor(options, () =>
      /Saved/.test(document.querySelector('[data-testid="options-status"]')?.textContent ?? ''),
    );
    await saveScreenshot(options, name, 'ui-options');
    await pages.reload(options);
    await options.waitForSelector('[data-testid="paused-list"]');
    expect(await options.$eval('[data-testid="paused-list"]', (el) => el.textContent)).toContain(
      'example.com',
    );
    expect(
      await options.$eval('[data-testid="overlay-badge"]', (el) => (el as HTMLInputElement).checked),
    ).toBe(true);
    expect(
      await options.$eval('[data-testid="keep-versions"]', (el) => (el as HTMLSelectElement).value),
    ).toBe('5');
    await options.close();
  });

  it('history page: 10,000 imported articles are listed, windowed and searchable', async () => {
    const count = 10_000;
    const articles: StoredArticle[] = [];
    const versions: StoredVersion[] = [];
    for (let i = 0; i < count; i++) {
      const url = `https://site${i % 50}.test/story/${i}`;
      const title = `Generated headline ${i}`;
      const paragraphs = [{ text: `Paragraph of story ${i}.`, kind: 'p' as const }];
      const hash = await versionHash({ title, paragraphs: paragraphs.map((p) => p.text) });
      const at = Date.UTC(2026, 0, 1) + i * 60_000;
      versions.push({
        url,
        hash,
        title,
        paragraphs,
        byline: null,
        publishedTime: null,
        firstSeen: at,
        lastSeen: at,
      });
      articles.push({
        url,
        site: `site${i % 50}.test`,
        title,
        lang: 'en',
        firstSeen: at,
        lastSeen: at,
        lastChanged: at,
        versionCount: 1,
      });
    }
    const file = join(tmp, 'many.json');
    await writeFile(file, serialize(toExport({ articles, versions, visits: [] })));

    const history = await pages.open('history.html', '[data-testid="article-count"]');
    const before = Number((await articleCount(history)).replace(/\D/g, ''));
    await (await history.$('input[data-testid="import-file"]'))?.uploadFile(file);
    await waitFor(
      history,
      () =>
        /Added 10,?000 articles/.test(
          document.querySelector('[data-testid="import-status"]')?.textContent ?? '',
        ),
      { timeout: 120_000, polling: 200 },
    );
    await waitFor(
      history,
      (total: string) => document.querySelector('[data-testid="article-count"]')?.textContent === total,
      { timeout: 30_000, polling: 100 },
      `${(before + count).toLocaleString('en')} articles`,
    );
    // Newest change first, and only a window of rows is in the DOM.
    const rows = await history.$$eval('[data-testid="article-row"]', (els) =>
      els.map((el) => el.textContent ?? ''),
    );
    expect(rows.length).toBeLessThan(60);
    expect(rows.find((row) => row.includes('Generated'))).toContain('Generated headline 9999');
    const searchStart = Date.now();
    await history.type('[data-testid="search"]', 'headline 4242');
    await waitFor(history, () => document.querySelectorAll('[data-testid="article-row"]').length === 1, {
      timeout: 10_000,
      polling: 50,
    });
    console.log(
      `search over ${before + count} articles shown in ${Date.now() - searchStart} ms (incl. typing)`,
    );
    expect(await history.$eval('[data-testid="article-row"]', (el) => el.textContent)).toContain(
      'Generated headline 4242',
    );
    await saveScreenshot(history, name, 'ui-history-10000');
    await history.close();
  });
  it('popup: a revisit showing only the start of the article (a paywall) marks and stores nothing, and says why', async () => {
    const path = '/news/paywalled-story';
    const full = { title: BBC_V2.title, paragraphs: BBC_V2.paragraphs, byline: 'BBC News' };
    const preview = {
      ...full,
      paragraphs: [...full.paragraphs.slice(0, 2), 'Subscribe to continue reading this story.'],
    };
    server.set(path, renderArticlePage(full, plainFrame(server.url(path))));
    const tab = await launched.browser.newPage();
    expect(await visit(tab, server.url(path))).toBe('captured');
    server.set(path, renderArticlePage(preview, plainFrame(server.url(path))));
    expect(await visit(tab, server.url(path))).toBe('skipped');
    expect(await readAllMarks(tab)).toEqual({ marked: [], removed: [] });
    const tabId = await pages.tabShowing(server.url(path));
    const popup = await pages.popup(tabId, 'h1');
    expect(await popup.$eval('h1', (el) => el.textContent)).toBe('Only the start of the article');
    await saveScreenshot(popup, name, 'ui-popup-partial');
    await popup.close();
    // The full article again: what the reader read is still the newest version.
    server.set(path, renderArticlePage(full, plainFrame(server.url(path))));
    await tab.bringToFront();
    expect(await visit(tab, server.url(path))).toBe('unchanged');
    await tab.close();
  });
});
