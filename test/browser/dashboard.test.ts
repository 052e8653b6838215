/**
 * The history page's dashboard in Chromium and Firefox ESR (issue 11, item 6): a history with silent and
 * corrected edits on three sites is imported, and the page opens on the three charts, each with a table that
 * holds the same figures as the pure computation (src/history/dashboardFigures.ts) over the edits the background finds.
 * Screenshots: test/artifacts/<browser>/dashboard.png, and /work/notes/shots/dashboard-<browser>.png when
 * that folder exists (the lead's notes).
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialize, toExport } from '../../src/core/export';
import { versionHash } from '../../src/core/hash';
import type { StoredArticle, StoredVersion } from '../../src/core/history';
import { dashboardOf } from '../../src/history/dashboardFigures';
import { builtExtensionDir } from './harness/extension-dir';
import { type ExtensionPages, extensionPages } from './harness/extension-pages';
import { BROWSERS, type LaunchedBrowser, launchWithExtension } from './harness/launch-browser';
import { type PageServer, startPageServer } from './harness/page-server';
import { saveScreenshot } from './harness/screenshot';
import { setViewport } from './harness/viewport';
import { waitFor } from './harness/wait-for';

const DAY = 86_400_000;
const NOTES_SHOTS = '/work/notes/shots';

interface Plan {
  site: string;
  /** Per edit after the first version: days before now, and whether it is silent (no new notice). */
  edits: [daysAgo: number, silent: boolean][];
}

const PLANS: Plan[] = [
  {
    site: 'daily.test',
    edits: [
      [30, true],
      [20, true],
      [2, false],
    ],
  },
  { site: 'daily.test', edits: [[9, true]] },
  {
    site: 'herald.test',
    edits: [
      [15, false],
      [1, true],
    ],
  },
  { site: 'gazette.test', edits: [[40, true]] },
  { site: 'quiet.test', edits: [] },
];

async function history(now: number): Promise<{
  text: string;
  articles: StoredArticle[];
  found: Record<string, { silent: boolean; corrected: boolean; found: { at: number; silent: boolean }[] }>;
}> {
  const articles: StoredArticle[] = [];
  const versions: StoredVersion[] = [];
  const found: Record<
    string,
    { silent: boolean; corrected: boolean; found: { at: number; silent: boolean }[] }
  > = {};
  for (const [i, plan] of PLANS.entries()) {
    const url = `https://${plan.site}/story/${i}`;
    const title = `Story ${i} on ${plan.site}`;
    const first = now - 60 * DAY;
    let paragraphs = ['The council met on Tuesday.', 'It voted on the budget.'];
    const add = async (at: number) => {
      const blocks = paragraphs.map((text) => ({ text, kind: 'p' as const }));
      versions.push({
        url,
        hash: await versionHash({ title, paragraphs }),
        title,
        paragraphs: blocks,
        byline: null,
        publishedTime: null,
        firstSeen: at,
        lastSeen: at,
      });
    };
    await add(first);
    for (const [n, [daysAgo, silent]] of plan.edits.entries()) {
      paragraphs = [`The council met on Tuesday, edit ${n}.`, ...paragraphs.slice(1)];
      if (!silent)
        paragraphs = [
          ...paragraphs,
          `Correction: an earlier version of this article misstated a figure (${n}).`,
        ];
      const at = now - daysAgo * DAY;
      await add(at);
      const entry = found[url] ?? { silent: false, corrected: false, found: [] };
      found[url] = entry;
      entry.found.push({ at, silent });
      if (silent) entry.silent = true;
      else entry.corrected = true;
    }
    const last = versions.at(-1)?.firstSeen ?? first;
    articles.push({
      url,
      site: plan.site,
      title,
      lang: 'en',
      firstSeen: first,
      lastSeen: last,
      lastChanged: last,
      versionCount: plan.edits.length + 1,
    });
  }
  return { text: serialize(toExport({ articles, versions, visits: [] })), articles, found };
}

describe.each(BROWSERS)('history dashboard in %s', (name) => {
  let server: PageServer;
  let launched: LaunchedBrowser;
  let pages: ExtensionPages;
  let tmp: string;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'redline-dashboard-'));
    server = await startPageServer();
    launched = await launchWithExtension(name, builtExtensionDir(name), { openablePages: true });
    pages = await extensionPages(launched, server);
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('opens on edits per week, the most-edited sites and the silent share, each with its table', async () => {
    const now = Date.now();
    const { text, articles, found } = await history(now);
    const file = join(tmp, 'history.json');
    await writeFile(file, text);
    const page = await pages.open('history.html', '[data-testid="import-file"]');
    await setViewport(page, { width: 1200, height: 760 });
    await (await page.$('input[data-testid="import-file"]'))?.uploadFile(file);
    await waitFor(
      page,
      (n: number) =>
        new RegExp(`Added ${n} articles`).test(
          document.querySelector('[data-testid="import-status"]')?.textContent ?? '',
        ),
      { timeout: 30_000 },
      PLANS.length,
    );
    await page.waitForSelector('[data-testid="dash-weekly-table"]', { timeout: 30_000 });

    const expected = dashboardOf(articles, found, now);
    const cells = (testid: string) =>
      page.$$eval(`[data-testid="${testid}"] tbody tr`, (rows) =>
        rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')),
      );
    expect((await cells('dash-weekly-table')).map((row) => row.slice(1))).toEqual(
      expected.weeks.map((week) => [String(week.edits), String(week.silent)]),
    );
    expect(await cells('dash-sites-table')).toEqual([
      ['daily.test', '4', '2'],
      ['herald.test', '2', '1'],
      ['gazette.test', '1', '1'],
    ]);
    expect(expected.totalEdits).toBe(7);
    expect(await cells('dash-share-table')).toEqual([
      ['Silent', '5'],
      ['With a correction notice', '2'],
      ['All edits', '7'],
    ]);
    expect(await page.$eval('[data-testid="dash-share-percent"]', (el) => el.textContent)).toBe('71%');
    // Each chart is an image whose name and description resolve to elements on the page.
    const labelled = await page.$$eval('svg[role="img"]', (charts) =>
      charts.map((svg) =>
        `${svg.getAttribute('aria-labelledby')} ${svg.getAttribute('aria-describedby')}`
          .split(' ')
          .every((id) => document.getElementById(id) !== null),
      ),
    );
    expect(labelled).toEqual([true, true, true]);
    // The bars are drawn: the tallest weekly bar and the top site's bar have a size.
    const drawn = await page.$$eval('.dash-figure svg rect.dash-bar', (bars) =>
      bars.some((bar) => bar.getBoundingClientRect().height > 4),
    );
    expect(drawn).toBe(true);
    const shot = await saveScreenshot(page, name, 'dashboard', { fullPage: false });
    if (existsSync(NOTES_SHOTS)) await copyFile(shot, join(NOTES_SHOTS, `dashboard-${name}.png`));
    // The filter uses the same answer: silent edits are on four of the five articles.
    await page.select('[data-testid="edit-filter"]', 'silent');
    await waitFor(page, () => document.querySelectorAll('[data-testid="row-silent"]').length === 4, {
      timeout: 10_000,
    });
  });
});
