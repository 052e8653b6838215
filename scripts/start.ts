/**
 * `npm start`: builds the extension, serves a demo news site on 127.0.0.1 and opens Chromium with Redline
 * loaded (a fresh persistent profile in a temp dir).
 *
 * With a display (`DISPLAY` set) the browser window stays open for you to read, publish the newsroom's update
 * from the home page and read again; Ctrl+C ends it. Without one it runs the same story headless with the test
 * build (dist-test/, whose status and marks a script can read; the normal build is built too): visits each
 * article before and after the update, saves screenshots to demo-output/, prints what Redline marked and exits
 * (1 if Redline never answered or missed the change).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { launchWithExtension } from '../test/browser/harness/launch-browser';
import { startPageServer } from '../test/browser/harness/page-server';
import { waitForStatus } from '../test/browser/harness/redline-status';
import { formatSummary, type MarkSummary, summariseMarks } from './demo/mark-summary';
import { BBC_PATH, SEED_PATH, serveNewsSite } from './demo/news-site';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const outputDir = join(root, 'demo-output');

function build(script: 'build' | 'build:test'): void {
  console.log(`Building the extension (npm run ${script})…`);
  execFileSync('npm', ['run', script], { cwd: root, stdio: 'inherit' });
}

async function visitAndSummarise(page: Page, url: string, shot: string): Promise<MarkSummary> {
  await page.goto(url, { waitUntil: 'load' });
  await waitForStatus(page);
  // Let the overlay's smooth scroll and fonts settle so the screenshot shows what a reader sees.
  await new Promise((done) => setTimeout(done, 300));
  await page.screenshot({ path: join(outputDir, `${shot}.png`) as `${string}.png`, fullPage: true });
  return summariseMarks(page);
}

async function runHeadless(): Promise<number> {
  await mkdir(outputDir, { recursive: true });
  const server = await startPageServer();
  const site = serveNewsSite(server);
  const profile = await mkdtemp(join(tmpdir(), 'redline-demo-'));
  // The test build: the normal build writes no status and keeps its marks' old text in closed shadow roots, so
  // a script could tell neither when Redline is done nor what it marked.
  const launched = await launchWithExtension('chromium', join(root, 'dist-test', 'chrome'), {
    userDataDir: profile,
  });
  try {
    const page = await launched.browser.newPage();
    const results: [string, MarkSummary][] = [];
    for (const [label, path, shot] of [
      ['BBC Aleppo, first visit', BBC_PATH, 'bbc-1-first-visit'],
      ['Sky Aleppo, first visit', SEED_PATH, 'sky-1-first-visit'],
    ] as const) {
      results.push([label, await visitAndSummarise(page, server.url(path), shot)]);
    }
    site.publish(true);
    for (const [label, path, shot] of [
      ['BBC Aleppo, after the update', BBC_PATH, 'bbc-2-after-update'],
      ['Sky Aleppo, after the update', SEED_PATH, 'sky-2-after-update'],
    ] as const) {
      results.push([label, await visitAndSummarise(page, server.url(path), shot)]);
    }
    console.log('\nWhat Redline marked:');
    for (const [label, summary] of results) console.log(`  ${formatSummary(label, summary)}`);
    console.log(`\nScreenshots: ${outputDir}`);
    const expected = ['captured', 'captured', 'changed', 'changed'];
    const statuses = results.map(([, s]) => s.status);
    if (statuses.join() !== expected.join()) {
      console.error(`Expected statuses ${expected.join(', ')}, got ${statuses.join(', ')}`);
      return 1;
    }
    return 0;
  } finally {
    await launched.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
}

async function runWithWindow(): Promise<void> {
  const server = await startPageServer();
  serveNewsSite(server);
  const profile = await mkdtemp(join(tmpdir(), 'redline-demo-'));
  const launched = await launchWithExtension('chromium', join(root, 'dist', 'chrome'), {
    headless: false,
    userDataDir: profile,
    viewport: { width: 1280, height: 900 },
  });
  const [page] = await launched.browser.pages();
  await (page ?? (await launched.browser.newPage())).goto(server.url('/'));
  console.log(`Demo site: ${server.url('/')}  (profile: ${profile})`);
  console.log('Read a story, click "publish the newsroom\'s updates" on the home page, read it again.');
  console.log('Close the browser or press Ctrl+C to stop.');
  const stop = async () => {
    await launched.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  launched.browser.once('disconnected', stop);
}

build('build');
if (process.env.DISPLAY) {
  await runWithWindow();
} else {
  build('build:test');
  process.exitCode = await runHeadless();
}
