/**
 * `npx tsx bench/mount-browser.ts [sizes]`: the overlay mounting N changed paragraphs in real Chromium (test
 * build, dist-test/). An article of N paragraphs is read, then served with every paragraph reworded (one word
 * replaced) and every tenth removed; the page records when the first and the last mark appeared and every long
 * task (> 50 ms) in that window. Extraction and alignment run before the first mark and are not counted here.
 */
import type { Page } from 'puppeteer-core';
import { builtExtensionDir } from '../test/browser/harness/extension-dir';
import { launchWithExtension } from '../test/browser/harness/launch-browser';
import { startPageServer } from '../test/browser/harness/page-server';
import { waitForStatus } from '../test/browser/harness/redline-status';
import { plainFrame } from '../test/fixtures/pages/fixture-pages';
import { renderArticlePage } from '../test/fixtures/pages/news-page';

const SIZES = (process.argv[2] ?? '1000,4000,20000').split(',').map(Number);

const WATCH = `<script>
  window.__marks = { first: 0, last: 0, count: 0, longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__marks.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.attributeName === 'data-redline' && r.target.getAttribute('data-redline')) {
        const now = performance.now();
        if (!window.__marks.first) window.__marks.first = now;
        window.__marks.last = now;
        window.__marks.count += 1;
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-redline'] });
</script>`;

function paragraphsOf(n: number, edited: boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (edited && i % 10 === 5) continue;
    out.push(
      `Paragraph ${i} of the council report says ${edited ? 'new' : 'old'} things about the budget, roads and schools.`,
    );
  }
  return out;
}

const server = await startPageServer();
const launched = await launchWithExtension('chromium', builtExtensionDir('chromium', 'test'));
try {
  const page: Page = await launched.browser.newPage();
  console.log(
    '| changed paragraphs | marks | first mark → last mark (ms) | long tasks in that window | longest (ms) |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  for (const n of SIZES) {
    const path = `/bench/mount-${n}`;
    const canonical = server.url(path);
    const page1 = renderArticlePage(
      { title: `Council report ${n}`, paragraphs: paragraphsOf(n, false) },
      plainFrame(canonical),
    );
    server.set(path, page1);
    await page.goto(canonical, { waitUntil: 'load' });
    await waitForStatus(page, 300_000);
    const page2 = renderArticlePage(
      { title: `Council report ${n}`, paragraphs: paragraphsOf(n, true) },
      plainFrame(canonical),
    );
    server.set(path, page2.replace('</head>', `${WATCH}</head>`));
    await page.goto(canonical, { waitUntil: 'load' });
    await waitForStatus(page, 300_000);
    // Let the chunks finish.
    let last = -1;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const count = await page.evaluate(
        () => (window as unknown as { __marks: { count: number } }).__marks.count,
      );
      if (count === last) break;
      last = count;
    }
    const marks = await page.evaluate(
      () =>
        (
          window as unknown as {
            __marks: { first: number; last: number; count: number; longTasks: [number, number][] };
          }
        ).__marks,
    );
    const inWindow = marks.longTasks.filter(
      ([start, duration]) => start + duration >= marks.first && start <= marks.last,
    );
    const longest = Math.max(0, ...inWindow.map(([, duration]) => duration));
    if (process.env.DETAIL)
      console.log(inWindow.map(([s, d]) => `${(s - marks.first).toFixed(0)}+${d.toFixed(0)}`).join(' '));
    console.log(
      `| ${n.toLocaleString('en')} | ${marks.count.toLocaleString('en')} | ${(marks.last - marks.first).toFixed(0)} | ${inWindow.length} | ${longest.toFixed(0)} |`,
    );
  }
} finally {
  await launched.close();
  await server.close();
}
