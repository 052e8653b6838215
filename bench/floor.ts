/**
 * `npx tsx bench/floor.ts [--step=6]`: the least main-thread time any "serialise the page once, read it
 * elsewhere" design can cost, per page, against a bare Readability parse (issue 8's 0.5× goal). In the content
 * script's own world (test build, Chromium), once Redline has read the page: the browser's native `outerHTML` of
 * the whole page, plus the synchronous part of sending 47 % of it (what Redline's serialiser writes, on average
 * over the 230 pages) in 64 K-character messages the background rejects. Then a bare Readability parse of a clone
 * of the page in the page's own world, as bench:jank times it. Prints each page and the median / p10 / p90 ratio.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension } from '../test/browser/harness/launch-browser';
import { startPageServer } from '../test/browser/harness/page-server';
import { waitForStatus } from '../test/browser/harness/redline-status';
import { allPages, pageCases } from '../test/eval/change-eval';
import { OFFLINE_CSP } from '../test/fixtures/pages/acceptance-pages';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const STEP = Number(process.argv.find((a) => a.startsWith('--step='))?.slice('--step='.length) ?? 6);
const all = allPages();
const pages = [
  ...all.filter((p) => !p.id.startsWith('bench/')),
  ...all.filter((p) => p.id.startsWith('bench/')).filter((_, i) => i % STEP === 0),
];
const READABILITY = `${readFileSync(join(ROOT, 'node_modules/@mozilla/readability/Readability.js'), 'utf8')}
window.Readability = Readability;`;
const SENT_SHARE = 0.47;

// Runs in the content script's world: outerHTML, then the pieces sent one message each (sync part only).
const FLOOR = `(async () => {
  const t0 = performance.now();
  const html = document.documentElement.outerHTML;
  const outer = performance.now() - t0;
  const n = Math.round(html.length * ${SENT_SHARE});
  let send = 0;
  for (let at = 0; at < n; at += 65536) {
    const piece = html.slice(at, Math.min(n, at + 65536));
    const s0 = performance.now();
    const reply = chrome.runtime.sendMessage({ type: 'bench.floor', request: { piece } }).catch(() => 0);
    send += performance.now() - s0;
    await reply;
  }
  return [outer, send, html.length];
})()`;

const server = await startPageServer();
const launched = await launchWithExtension('chromium', join(ROOT, 'dist-test', 'chrome'));
const rows: { outer: number; send: number; readability: number }[] = [];
try {
  const tab = await launched.browser.newPage();
  const cdp = await tab.createCDPSession();
  let contexts: { id: number; name: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push({ id: e.context.id, name: e.context.name }));
  await cdp.send('Runtime.enable');
  for (const [i, page] of pages.entries()) {
    const built = pageCases(page, { keepStyles: true });
    if (!built.ok) continue;
    const path = `/floor/${i}`;
    server.set(path, () => ({
      status: 200,
      body: built.first,
      headers: { 'content-security-policy': OFFLINE_CSP },
    }));
    contexts = [];
    await tab.goto(server.url(path), { waitUntil: 'load' });
    await waitForStatus(tab, 30_000).catch(() => null);
    const world = contexts.find((c) => c.name === 'Redline');
    if (!world) {
      console.log(`${page.id}: the content script's world was not found`);
      continue;
    }
    const floor = await cdp.send('Runtime.evaluate', {
      expression: FLOOR,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    const [outer, send, chars] = floor.result.value as [number, number, number];
    await tab.addScriptTag({ content: READABILITY });
    const readability = await tab.evaluate(() => {
      const R = (window as unknown as { Readability: new (d: Document) => { parse(): unknown } }).Readability;
      const t0 = performance.now();
      new R(document.cloneNode(true) as Document).parse();
      return performance.now() - t0;
    });
    rows.push({ outer, send, readability });
    console.log(
      `${page.id.slice(0, 32).padEnd(32)} outerHTML ${outer.toFixed(1)} ms, send ${send.toFixed(1)} ms, ${chars} chars; Readability ${readability.toFixed(1)} ms; floor ${((outer + send) / readability).toFixed(2)}×`,
    );
  }
} finally {
  await launched.close();
  await server.close();
}
const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const floors = rows.map((r) => (r.outer + r.send) / r.readability);
const outers = rows.map((r) => r.outer / r.readability);
console.log(
  `${rows.length} pages: floor ÷ Readability median ${quantile(floors, 0.5).toFixed(2)}, p10 ${quantile(floors, 0.1).toFixed(2)}, p90 ${quantile(floors, 0.9).toFixed(2)}; outerHTML alone median ${quantile(outers, 0.5).toFixed(2)}`,
);
