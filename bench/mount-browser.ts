/**
 * `npx tsx bench/mount-browser.ts [sizes] [--scroll] [--dist=DIR]`: the overlay mounting N changed paragraphs in
 * real Chromium (test build, dist-test/, or DIR/chrome). An article of N paragraphs is read, then served with every
 * paragraph reworded (one word replaced) and every tenth removed; the page records when the first and the last
 * mark appeared and every long task (> 50 ms) in that window. Extraction and alignment run before the first mark
 * and are not counted here.
 *
 * "Compared → first in view" runs from the test build's `performance.mark('redline:compared')` (set as the
 * comparison reaches the overlay, DEVELOPERS.md) to the first mark on a block inside the viewport. With
 * `--scroll` the page is scrolled to its end as soon as it reports `changed`, and "scroll → mark in view" is how
 * long until a mark shows there.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { builtExtensionDir } from '../test/browser/harness/extension-dir';
import { launchWithExtension } from '../test/browser/harness/launch-browser';
import { startPageServer } from '../test/browser/harness/page-server';
import { waitForStatus } from '../test/browser/harness/redline-status';
import { plainFrame } from '../test/fixtures/pages/fixture-pages';
import { renderArticlePage } from '../test/fixtures/pages/news-page';

const args = process.argv.slice(2);
const SIZES = (args.find((arg) => !arg.startsWith('--')) ?? '1000,5000,20000').split(',').map(Number);
const SCROLL = args.includes('--scroll');
const DIST = args.find((arg) => arg.startsWith('--dist='))?.slice('--dist='.length);

const WATCH = `<script>
  window.__marks = { first: 0, last: 0, count: 0, firstInView: 0, scrolledAt: 0, afterScroll: 0, longTasks: [] };
  const inView = (el) => {
    const rect = el.getBoundingClientRect();
    return rect.bottom > 0 && rect.top < innerHeight && rect.height > 0;
  };
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
        // A rectangle read forces a layout: only until the mark in question is seen.
        if (!window.__marks.firstInView && inView(r.target)) window.__marks.firstInView = now;
        if (window.__marks.scrolledAt && !window.__marks.afterScroll && inView(r.target))
          window.__marks.afterScroll = now;
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-redline'] });
  // --scroll: to the end of the page the moment Redline reports the page changed, as a reader might.
  if (${SCROLL}) {
    new MutationObserver(() => {
      if (document.documentElement.getAttribute('data-redline-status') !== 'changed' || window.__marks.scrolledAt) return;
      window.__marks.scrolledAt = performance.now();
      window.scrollTo(0, document.documentElement.scrollHeight);
      // Marked there already (a small page mounts at once): no wait at all.
      if (Array.from(document.querySelectorAll('[data-redline]:not([data-redline-old])')).some(inView))
        window.__marks.afterScroll = window.__marks.scrolledAt;
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-redline-status'] });
  }
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
const launched = await launchWithExtension(
  'chromium',
  DIST ? join(DIST, 'chrome') : builtExtensionDir('chromium', 'test'),
);
try {
  const page: Page = await launched.browser.newPage();
  console.log(
    `| changed paragraphs | marks | compared → first in view (ms) | first mark → last mark (ms) | long tasks in that window | longest (ms) |${SCROLL ? ' scroll → mark in view (ms) |' : ''}`,
  );
  console.log(`| ---: | ---: | ---: | ---: | ---: | ---: |${SCROLL ? ' ---: |' : ''}`);
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
    const marks = await page.evaluate(() => {
      const watched = (
        window as unknown as {
          __marks: {
            first: number;
            last: number;
            count: number;
            firstInView: number;
            scrolledAt: number;
            afterScroll: number;
            longTasks: [number, number][];
          };
        }
      ).__marks;
      const compared = performance.getEntriesByName('redline:compared')[0]?.startTime ?? Number.NaN;
      return { ...watched, compared };
    });
    // From the comparison's arrival: the mount's first task runs before its first mark.
    const from = Number.isNaN(marks.compared) ? marks.first : marks.compared;
    const inWindow = marks.longTasks.filter(
      ([start, duration]) => start + duration >= from && start <= marks.last,
    );
    const longest = Math.max(0, ...inWindow.map(([, duration]) => duration));
    if (process.env.DETAIL)
      console.log(inWindow.map(([s, d]) => `${(s - from).toFixed(0)}+${d.toFixed(0)}`).join(' '));
    const ms = (to: number, start: number) => (to && !Number.isNaN(start) ? (to - start).toFixed(0) : '–');
    const scroll = SCROLL ? ` ${ms(marks.afterScroll, marks.scrolledAt)} |` : '';
    console.log(
      `| ${n.toLocaleString('en')} | ${marks.count.toLocaleString('en')} | ${ms(marks.firstInView, marks.compared)} | ${(marks.last - marks.first).toFixed(0)} | ${inWindow.length} | ${longest.toFixed(0)} |${scroll}`,
    );
  }
} finally {
  await launched.close();
  await server.close();
}
