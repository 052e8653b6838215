/**
 * Issue 11 in Chromium and Firefox ESR: a correction notice marked on the page, the history page's comparison with it, the
 * saved report (loaded with JavaScript disabled) holding the same rows, the copied summary, and an ignore rule
 * made from the history page taking a change out of the page's marks. Extension pages are opened with
 * harness/extension-pages.ts. JavaScript is switched off for the saved report in Chromium only: puppeteer's
 * Firefox (WebDriver BiDi) has no per-page switch, so there the report is opened as it is, and its own
 * Content-Security-Policy (`default-src 'none'`) and the check that it holds no script stand in.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BBC_V1, BBC_V2, plainFrame } from '../fixtures/pages/fixture-pages';
import { renderArticlePage } from '../fixtures/pages/news-page';
import { builtExtensionDir } from './harness/extension-dir';
import { type ExtensionPages, extensionPages } from './harness/extension-pages';
import {
  BROWSERS,
  type BrowserName,
  type LaunchedBrowser,
  launchWithExtension,
} from './harness/launch-browser';
import { type PageServer, startPageServer } from './harness/page-server';
import { reload, visit } from './harness/redline-status';
import { saveScreenshot } from './harness/screenshot';
import { setViewport } from './harness/viewport';

const PATH = '/news/world-middle-east-38275553';
const NOTICE =
  'Correction: An earlier version of this article said the evacuation of eastern Aleppo had been completed. It is continuing.';
const SHOTS = process.env.REDLINE_SHOTS_DIR;

function page(version: 1 | 2 | 3, url: string): string {
  const v = version === 1 ? BBC_V1 : BBC_V2;
  const paragraphs = version === 1 ? v.paragraphs : [...v.paragraphs, NOTICE];
  // Version 3: one more word in the first paragraph and no new notice, a silent edit.
  if (version === 3) paragraphs[0] = `${paragraphs[0]?.replace(/\.$/, '')} on Saturday.`;
  return renderArticlePage({ title: v.title, paragraphs, byline: 'BBC News' }, plainFrame(url));
}

async function shot(browser: BrowserName, target: Page, name: string, fullPage = true): Promise<void> {
  const path = await saveScreenshot(target, browser, name, { fullPage });
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await copyFile(path, join(SHOTS, browser === 'chromium' ? `${name}.png` : `${name}-${browser}.png`));
  }
}

interface Row {
  kind: string;
  old: string;
  new: string;
}

/** The rows of a comparison table, without the report's [+…] / [−…] markers. */
function tableRows(target: Page, table: string): Promise<Row[]> {
  return target.$$eval(`${table} tbody tr[data-kind]`, (trs) =>
    trs.map((tr) => {
      const cell = (i: number) => {
        const td = tr.children[i]?.cloneNode(true) as Element | undefined;
        if (!td) return '';
        for (const marker of td.querySelectorAll('.sr, button')) marker.remove();
        return (td.textContent ?? '').replace(/\s+/g, ' ').trim();
      };
      return { kind: tr.getAttribute('data-kind') ?? '', old: cell(1), new: cell(2) };
    }),
  );
}

describe.each(BROWSERS)('understanding and sharing an edit in %s', (name) => {
  let server: PageServer;
  let launched: LaunchedBrowser;
  let pages: ExtensionPages;
  let article: Page;
  let tmp: string;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'redline-report-'));
    server = await startPageServer();
    launched = await launchWithExtension(name, builtExtensionDir(name), { openablePages: true });
    pages = await extensionPages(launched, server);
    article = await launched.browser.newPage();
    await setViewport(article, { width: 1200, height: 900 });
    server.set(PATH, page(1, server.url(PATH)));
    expect(await visit(article, server.url(PATH))).toBe('captured');
    server.set(PATH, page(2, server.url(PATH)));
    expect(await visit(article, server.url(PATH))).toBe('changed');
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('labels the new correction notice on the page', async () => {
    const label = await article.$eval('[data-redline-label="notice"]', (el) => ({
      text: el.textContent,
      paragraph: el.parentElement?.textContent ?? '',
      mark: el.parentElement?.getAttribute('data-redline'),
    }));
    expect(label.text).toBe('Correction notice');
    expect(label.paragraph).toContain('An earlier version of this article');
    expect(label.mark).toBe('added');
    await article.$eval('[data-redline-label="notice"]', (el) => el.scrollIntoView({ block: 'center' }));
    await shot(name, article, 'overlay-correction-notice', false);
  });

  it('the saved report (JavaScript disabled in Chromium) holds the history page’s comparison', async () => {
    const history = await pages.open(
      `history.html#article=${encodeURIComponent(server.url(PATH))}`,
      '[data-testid="compare-table"]',
    );
    await setViewport(history, { width: 1200, height: 900 });
    expect(await history.$eval('[data-testid="compare-notice"]', (el) => el.textContent)).toContain(NOTICE);
    const shown = await tableRows(history, '[data-testid="compare-table"]');
    expect(shown.some((row) => row.kind === 'added' && row.new === NOTICE)).toBe(true);
    await shot(name, history, 'history-comparison');

    const html = await history.evaluate(async () => {
      const real = URL.createObjectURL;
      const saved = new Promise<string>((resolve) => {
        URL.createObjectURL = (blob: Blob | MediaSource) => {
          if (blob instanceof Blob) resolve(blob.text());
          return real(blob);
        };
      });
      (document.querySelector('[data-testid="save-report"]') as HTMLButtonElement).click();
      return saved;
    });
    const file = join(tmp, 'report.html');
    await writeFile(file, html);

    const report = await launched.browser.newPage();
    if (name === 'chromium') await report.setJavaScriptEnabled(false);
    await setViewport(report, { width: 1200, height: 900 });
    await report.goto(`file://${file}`);
    expect(await report.$$eval('script', (s) => s.length)).toBe(0);
    expect(await tableRows(report, '[data-testid="report-table"]')).toEqual(shown);
    expect(await report.$eval('[data-testid="report-notice"]', (el) => el.textContent)).toContain(NOTICE);
    const text = await report.$eval('body', (el) => el.textContent ?? '');
    expect(text).toContain(server.url(PATH));
    expect(text).toContain('Headline changed.');
    await shot(name, report, 'saved-report');
    await report.close();

    // "Copy summary": what reaches the clipboard.
    const copied = await history.evaluate(async () => {
      let text = '';
      Object.defineProperty(navigator, 'clipboard', {
        value: {
          writeText: async (value: string) => {
            text = value;
          },
        },
      });
      (document.querySelector('[data-testid="copy-summary"]') as HTMLButtonElement).click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      return text;
    });
    expect(copied).toMatch(/headline changed\./);
    expect(copied).toContain(`Correction notice: "${NOTICE}"`);
    expect(copied).toContain(`<${server.url(PATH)}>`);
    await history.close();
  });

  it('an ignore rule made on the history page leaves that change out of the page’s marks', async () => {
    const marked = () => article.$$eval('[data-redline="added"]', (els) => els.length);
    const before = await marked();
    expect(before).toBeGreaterThan(0);

    const history = await pages.open(
      `history.html#article=${encodeURIComponent(server.url(PATH))}`,
      '[data-testid="compare-table"]',
    );
    await setViewport(history, { width: 1200, height: 900 });
    // The notice row's own "Ignore like this…" fills in the form with its text.
    await history.$$eval(
      '[data-testid="compare-table"] tr[data-kind="added"]',
      (rows, notice) => {
        const row = rows.find((tr) => tr.textContent?.includes(notice as string));
        (row?.querySelector('.ignore-row') as HTMLButtonElement | null)?.click();
      },
      NOTICE,
    );
    await history.waitForSelector('[data-testid="rule-form"]');
    await history.click('[data-testid="rule-save"]');
    await history.waitForSelector('[data-testid="rules-note"]');
    expect(await history.$$eval('tr.row-ignored', (rows) => rows.length)).toBe(1);
    await shot(name, history, 'history-ignore-rule');

    const options = await pages.open('options.html', '[data-testid="rule"]');
    expect(
      await options.$$eval('[data-testid="rule"]', (rows) => rows.map((r) => r.textContent ?? '')),
    ).toEqual([
      expect.stringContaining('Correction: An earlier version of this article said the evacuation'),
    ]);
    await options.close();
    await history.close();

    // The reload shows the same comparison, with the rule applied.
    expect(await reload(article)).toBe('changed');
    expect(await marked()).toBe(before - 1);
    expect(await article.$('[data-redline-label="notice"]')).not.toBeNull();
  });

  it('a later edit without a notice is a silent edit: tagged on the timeline, found by the list filter', async () => {
    server.set(PATH, page(3, server.url(PATH)));
    expect(await visit(article, server.url(PATH))).toBe('changed');
    const history = await pages.open('history.html', '[data-testid="edit-filter"]');
    await setViewport(history, { width: 1200, height: 700 });
    await history.select('[data-testid="edit-filter"]', 'silent');
    await history.waitForSelector('[data-testid="row-silent"]', { timeout: 30_000 });
    expect(await history.$$eval('[data-testid="article-row"]', (rows) => rows.length)).toBe(1);
    expect(await history.$eval('[data-testid="article-row"]', (row) => row.textContent)).toContain(
      'Correction notice',
    );
    await shot(name, history, 'history-silent-edit-filter', false);
    await history.click('[data-testid="article-row"] a');
    await history.waitForSelector('[data-testid="edit-silent"]', { timeout: 20_000 });
    expect(
      await history.$$eval('[data-testid="timeline-version"]', (items) =>
        items.map((item) =>
          item.querySelector('[data-testid="edit-silent"]')
            ? 'silent'
            : item.querySelector('[data-testid="edit-notice"]')
              ? 'notice'
              : '-',
        ),
      ),
    ).toEqual(['-', 'notice', 'silent']);
    await history.$eval('[data-testid="timeline"]', (el) => el.scrollIntoView());
    await shot(name, history, 'history-silent-edit-timeline', false);
    await history.close();
  });
});
