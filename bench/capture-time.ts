/**
 * Capture time per page in real browsers (`npm run bench:capture`): the built extension in Chromium and Firefox
 * ESR reads ten real news pages of the shared Readability fixtures, first as published and then edited, and this
 * prints how long after DOMContentLoaded the page's `data-redline-status` appeared. That time includes the
 * settle wait by design (the page must stay quiet for QUIET_MS before it is read), so the table also shows the
 * time beyond that floor: extraction, storage round trip, alignment and marking. Printed, never asserted.
 */
import type { Page } from 'puppeteer-core';
import { QUIET_MS } from '../src/content/settle';
import { builtExtensionDir } from '../test/browser/harness/extension-dir';
import { BROWSERS, launchWithExtension } from '../test/browser/harness/launch-browser';
import { startPageServer } from '../test/browser/harness/page-server';
import { visit } from '../test/browser/harness/redline-status';
import { OFFLINE_CSP, BROWSER_SUBSET as PAGES, pageVersions } from '../test/fixtures/pages/acceptance-pages';

// Runs in the page's main world before its scripts: notes when the content script sets the status.
function recordStatusTime(): void {
  const w = window as unknown as { __redlineTimes: { ready: number; status: number } };
  w.__redlineTimes = { ready: 0, status: 0 };
  document.addEventListener('DOMContentLoaded', () => {
    w.__redlineTimes.ready = performance.now();
  });
  new MutationObserver(() => {
    if (document.documentElement.hasAttribute('data-redline-status') && w.__redlineTimes.status === 0) {
      w.__redlineTimes.status = performance.now();
    }
    // The document, not <html>: this runs before the parser has made <html>.
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-redline-status'] });
}

async function timeVisit(page: Page, url: string): Promise<{ status: string; ms: number }> {
  const status = await visit(page, url);
  const times = await page.evaluate(
    () => (window as unknown as { __redlineTimes: { ready: number; status: number } }).__redlineTimes,
  );
  return { status, ms: times.status - times.ready };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const versions = PAGES.map((name) => pageVersions(name, { keepStyles: true }));
const server = await startPageServer();
const rows: string[] = [];
for (const browserName of BROWSERS) {
  const launched = await launchWithExtension(browserName, builtExtensionDir(browserName));
  try {
    const page = await launched.browser.newPage();
    await page.evaluateOnNewDocument(recordStatusTime);
    const first: number[] = [];
    const edited: number[] = [];
    for (const v of versions) {
      if (!v.ok || v.edited === null) continue;
      const path = `/capture/${v.page}`;
      const serve = (body: string): void =>
        server.set(path, () => ({ status: 200, body, headers: { 'content-security-policy': OFFLINE_CSP } }));
      serve(v.first);
      const a = await timeVisit(page, server.url(path));
      serve(v.edited);
      const b = await timeVisit(page, server.url(path));
      first.push(a.ms);
      edited.push(b.ms);
      rows.push(
        `${browserName.padEnd(9)} ${v.page.padEnd(17)} ${a.status.padEnd(9)} ${a.ms.toFixed(0).padStart(6)} ms   ${b.status.padEnd(8)} ${b.ms.toFixed(0).padStart(6)} ms`,
      );
    }
    rows.push(
      `${browserName.padEnd(9)} ${'median'.padEnd(17)} ${''.padEnd(9)} ${median(first).toFixed(0).padStart(6)} ms   ${''.padEnd(8)} ${median(edited).toFixed(0).padStart(6)} ms   (beyond the ${QUIET_MS} ms settle floor: ${(median(first) - QUIET_MS).toFixed(0)} / ${(median(edited) - QUIET_MS).toFixed(0)} ms)`,
    );
  } finally {
    await launched.close();
  }
}
await server.close();
console.log('browser   page              first visit            edited visit  (DOMContentLoaded → status)');
for (const row of rows) console.log(row);
