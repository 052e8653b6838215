/**
 * `npm run bench:jank`: does Redline make reading stutter? The built extension (test build, whose status
 * attribute says when it is done) in Chromium and Firefox ESR reads the 49 Readability pages and every
 * `--step`-th of the 181 benchmark pages, each visited first as published and then again with edits; the same
 * visits are made in the same browser without the extension, alternating page by page, in one run, so machine
 * load hits both alike. Recorded per visit:
 * - long tasks: a `longtask` PerformanceObserver (Chromium; Firefox has no such entry type) and, in both
 *   browsers, an event-loop probe (a 16 ms timer chain) that records every gap over 50 ms beyond its period;
 * - Chromium: a trace over the DevTools protocol and a coarse CPU profile; every top-level task of the page's main
 *   thread that ran the extension's content script (attribute.ts) is attributed to Redline: its longest task
 *   and its tasks over 50 ms, whole; Redline's time is its own part of those tasks (`ownPart`), since a task that
 *   ran the content script also runs the page's own work (its load event, its layout);
 * - Chromium: the page renderer's JS heap after a forced GC, with the extension minus without;
 * - the time a bare Readability parse of the same page takes in the same browser (injected into the bare visit),
 *   so Redline's main-thread time is given as a ratio of it.
 * Prints a table and writes bench/jank.json. Machines are noisy; nothing here is asserted.
 *
 * Options: --browsers=chromium,firefox  --step=6 (every 6th benchmark page)  --rstep=1 (every Readability page)
 *          --limit=N (first N pages)  --page=ID (that page only)  --tail=MS (watched after the status, 800)
 *          --mount=N (instead of the corpora: one article of N paragraphs, every one reworded on the revisit, as
 *          trace-visit's --mount)
 *          --dist=DIR (the built extension root, default dist-test)  --out=FILE (default bench/jank.json)
 *          --gecko-out=DIR (keeps each Firefox session's profile with the extension there, for
 *          `bench/gecko-functions.ts` or profiler.firefox.com)
 *          --not-articles (instead of the articles: each page's template without its article, test/eval/not-article.ts,
 *          where Redline refuses it as not an article: the pages a browser shows most, which Redline has only to
 *          recognise; both visits are of that page)
 *          --against=DIR (Chromium: a second built extension, e.g. an earlier commit's dist-test, in a browser of
 *          its own, visiting the same pages in the same run: its visits alternate with the first's, which goes
 *          first on every other page; the end prints both, paired page by page. Between two runs the machine's
 *          speed moves more than a change of a millisecond or two does.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page, type Protocol } from 'puppeteer-core';
import {
  BROWSERS,
  type BrowserName,
  EXECUTABLES,
  launchWithExtension,
} from '../test/browser/harness/launch-browser';
import { startPageServer } from '../test/browser/harness/page-server';
import { waitForStatus } from '../test/browser/harness/redline-status';
import { allPages, type EvalPage, pageCases } from '../test/eval/change-eval';
import { notArticlePage } from '../test/eval/not-article';
import { OFFLINE_CSP } from '../test/fixtures/pages/acceptance-pages';
import { ourSampleTimes } from './attribute';
import { contentScriptSamples, finishedGeckoProfile, geckoProfilerEnv, redlineIn } from './gecko-profile';
import { largeArticlePages } from './largeArticle';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const STEP = Number(arg('step') ?? 6);
const READABILITY_STEP = Number(arg('rstep') ?? 1);
const LIMIT = Number(arg('limit') ?? Number.POSITIVE_INFINITY);
const DIST = resolve(arg('dist') ?? join(ROOT, 'dist-test'));
const OUT = resolve(arg('out') ?? join(ROOT, 'bench', 'jank.json'));
const GECKO_OUT = arg('gecko-out');
const AGAINST_ARG = arg('against');
const AGAINST = AGAINST_ARG === undefined ? null : resolve(AGAINST_ARG);
const WANTED = (arg('browsers') ?? BROWSERS.join(',')).split(',') as BrowserName[];
/** Work the overlay does after the status is set (chunked mounting) is still watched this long. */
// `--tail=MS`: how long a visit is watched after its status is set; a page of 20,000 changed paragraphs is still
// being marked then (the status comes with the marks on screen), so measure it with a longer tail.
const TAIL_MS = Number(arg('tail') ?? 800);
/** `--explain`: print each event counted as Redline's (its name, wall and CPU time), to see what a figure is made of. */
const EXPLAIN = process.argv.includes('--explain');
/**
 * `--no-gc`: no heap figure. Measuring the heap forces a full collection after each visit, and that also empties
 * V8's compilation cache: every later visit then compiles the content script afresh (6-14 ms of CPU in
 * Chromium), as a reader's first page in a new renderer does. Without it the renderer keeps the compiled
 * script between visits, as it may between a reader's pages on one site.
 */
const NO_GC = process.argv.includes('--no-gc');

const LONG_MS = 50;
const PROFILE_INTERVAL_US = 1000;
/** Pages per Firefox session: its profile of every process is written when it quits, and grows with the session. */
const FIREFOX_PAGES_PER_SESSION = 4;
/** A page to warm each new browser up on. */
const WARM_PAGE = '<!doctype html><title>Warm-up</title><p>A page read before the measured ones.</p>';
const READABILITY_SOURCE = readFileSync(
  join(ROOT, 'node_modules/@mozilla/readability/Readability.js'),
  'utf8',
);

// Runs in the page before its own scripts: long tasks and event-loop gaps, into window.__jank. A string, not a
// function: tsx wraps named inner functions in a `__name` helper that does not exist in the page.
const WATCH_JANK = `(() => {
  const jank = { long: [], gaps: [] };
  window.__jank = jank;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) jank.long.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Firefox has no longtask entries; the probe below still sees them.
  }
  const PERIOD = 16;
  let last = performance.now();
  function tick() {
    const now = performance.now();
    const gap = now - last - PERIOD;
    if (gap > ${LONG_MS}) jank.gaps.push(gap);
    last = now;
    setTimeout(tick, PERIOD);
  }
  setTimeout(tick, PERIOD);
})();`;

interface Visit {
  browser: BrowserName;
  page: string;
  visit: 'first' | 'edited';
  withExtension: boolean;
  /** Made with the `--against` build. */
  against?: true;
  status: string | null;
  /** The page's load event had not fired within LOAD_TIMEOUT_MS; the visit was measured from there on. */
  loadTimedOut?: boolean;
  windowMs: number;
  longTasks: number[];
  gaps: number[];
  heapBytes: number | null;
  /** Chromium trace: main-thread tasks that ran Redline's scripts. */
  redline?: {
    taskMs: number;
    ownMs: number;
    /**
     * The same events' time on the thread's CPU (the trace's `tdur`), Chromium only. `ownMs` is wall time, which
     * on a loaded machine also counts the thread waiting for a core: the browser's other processes, and
     * Redline's background reading the page, run at the same moment.
     */
    ownCpuMs?: number;
    /** The longest of Redline's tasks on the thread's CPU (`maxTaskMs` is its wall time). */
    maxTaskCpuMs?: number;
    /**
     * The content script's start on the thread's CPU (its `EvaluateScript`: V8 compiling the script, unless the
     * renderer still holds it compiled, and its top-level code), Chromium only. Part of `ownCpuMs`.
     */
    startCpuMs?: number;
    /**
     * The page's own scripts (wall time) that ran inside events counted for Redline and are left out of
     * `ownMs`: a page timer or message handler after which Redline's observer callbacks ran as microtasks is
     * one event (a script call, then its microtask checkpoint). Before this field existed they counted in full.
     */
    pageScriptMs?: number;
    scriptMs: number;
    maxTaskMs: number;
    longTasks: number;
    /**
     * 'trace' (Chromium): tasks from a DevTools trace and a CPU profile. 'profile' (Firefox): samples of Firefox's
     * own profiler; a "task" is then a stretch of samples with the content script on the stack, a lower bound.
     */
    attribution: 'trace' | 'profile';
  };
  readabilityMs?: number;
  /**
   * Chromium: the bare parse's time on the thread's CPU, from a trace of it (see `ownCpuMs`). The parse runs
   * without the CPU profiler Redline's visits run under, so the CPU ratio still errs against Redline.
   */
  readabilityCpuMs?: number;
}

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const SCRIPT_NAMES = new Set(['FunctionCall', 'EvaluateScript', 'v8.callFunction', 'v8.run']);

/**
 * Redline's share of the page's main thread, from a Chromium trace and a CPU profile of the same visit: a task
 * is Redline's when it ran the content script by the trace or by a profiler sample (attribute.ts).
 */
function attribute(events: TraceEvent[], samples: readonly number[]): NonNullable<Visit['redline']> {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const ours = events.filter(
    (e) =>
      e.ph === 'X' &&
      SCRIPT_NAMES.has(e.name) &&
      mains.has(`${e.pid}:${e.tid}`) &&
      (e.args?.data?.url ?? '').endsWith('/content.js'),
  );
  // The page's own script runs (a URL that is not the content script's), outer ones first.
  const pageScripts = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        SCRIPT_NAMES.has(e.name) &&
        mains.has(`${e.pid}:${e.tid}`) &&
        (e.args?.data?.url ?? '') !== '' &&
        !(e.args?.data?.url ?? '').endsWith('/content.js'),
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const thread = ours[0] ? `${ours[0].pid}:${ours[0].tid}` : null;
  const sampled = (start: number, end: number): boolean => samples.some((t) => t >= start && t < end);
  const tasks = events
    .filter((e) => e.ph === 'X' && TASK_NAMES.has(e.name) && `${e.pid}:${e.tid}` === thread)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let taskMs = 0;
  let scriptMs = 0;
  let maxTaskMs = 0;
  let maxTaskCpuMs = 0;
  let longTasks = 0;
  let lastEnd = -1;
  let startCpuMs = 0;
  for (const e of ours.sort((a, b) => a.ts - b.ts)) {
    if (e.name === 'EvaluateScript') startCpuMs += (e.tdur ?? e.dur ?? 0) / 1000;
    // Outermost script events only: a call nested in another is already inside its duration.
    if (e.ts < lastEnd) continue;
    lastEnd = e.ts + (e.dur ?? 0);
    scriptMs += (e.dur ?? 0) / 1000;
  }
  const onThread = events
    .filter((e) => e.ph === 'X' && !TASK_NAMES.has(e.name) && `${e.pid}:${e.tid}` === thread)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let ownMs = 0;
  let ownCpuMs = 0;
  let pageScriptMs = 0;
  let taskEnd = -1;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    // A task runs inside another (RunTask around ThreadControllerImpl::RunTask): the outermost counts.
    if (task.ts < taskEnd) continue;
    taskEnd = end;
    if (!ours.some((e) => e.ts >= task.ts && e.ts < end) && !sampled(task.ts, end)) continue;
    const ms = (task.dur ?? 0) / 1000;
    taskMs += ms;
    maxTaskMs = Math.max(maxTaskMs, ms);
    maxTaskCpuMs = Math.max(maxTaskCpuMs, (task.tdur ?? task.dur ?? 0) / 1000);
    if (ms > LONG_MS) longTasks++;
    const own = ownPart(task, end, onThread, ours, pageScripts, samples);
    ownMs += own.wall;
    ownCpuMs += own.cpu;
    pageScriptMs += own.page;
  }
  return {
    taskMs,
    ownMs,
    ownCpuMs,
    startCpuMs,
    pageScriptMs,
    scriptMs,
    maxTaskMs,
    maxTaskCpuMs,
    longTasks,
    attribution: 'trace',
  };
}

/**
 * Redline's own part of one of its tasks: the task's outermost events (a script run, a microtask checkpoint, a
 * timer, an event dispatch) that ran the content script by the trace or a profiler sample, whole, with the
 * layout and style they forced. A task that ran the content script also runs the page's own work (its load
 * event's listeners, its layout); that is not Redline's. Nor is a page script run inside a counted event that
 * ran none of Redline's code (`page`: a page timer whose mutations Redline's observer then saw in the same
 * event's microtasks). A sample outside every traced event counts one interval.
 */
function ownPart(
  task: TraceEvent,
  end: number,
  onThread: readonly TraceEvent[],
  ours: readonly TraceEvent[],
  pageScripts: readonly TraceEvent[],
  samples: readonly number[],
): { wall: number; cpu: number; page: number } {
  let own = 0;
  let cpu = 0;
  let page = 0;
  let childEnd = -1;
  const counted: [number, number][] = [];
  const runsOurs = (from: number, to: number): boolean =>
    ours.some((x) => x.ts >= from && x.ts < to) || samples.some((t) => t >= from && t < to);
  for (const e of onThread) {
    if (e.ts < task.ts || e.ts >= end || e.ts < childEnd) continue;
    const eEnd = e.ts + (e.dur ?? 0);
    childEnd = eEnd;
    counted.push([e.ts, eEnd]);
    if (!runsOurs(e.ts, eEnd)) continue;
    let wall = (e.dur ?? 0) / 1000;
    let thread = (e.tdur ?? e.dur ?? 0) / 1000;
    // The outermost page script runs inside it that ran none of Redline's code.
    let pageEnd = -1;
    for (const p of pageScripts) {
      const pEnd = p.ts + (p.dur ?? 0);
      if (p.ts < e.ts || pEnd > eEnd || p.ts < pageEnd || p === e) continue;
      pageEnd = pEnd;
      if (runsOurs(p.ts, pEnd)) continue;
      wall -= (p.dur ?? 0) / 1000;
      thread -= (p.tdur ?? p.dur ?? 0) / 1000;
      page += (p.dur ?? 0) / 1000;
    }
    own += Math.max(0, wall);
    cpu += Math.max(0, thread);
    if (EXPLAIN) {
      const inner = onThread
        .filter((x) => x !== e && x.ts >= e.ts && x.ts + (x.dur ?? 0) <= eEnd && (x.dur ?? 0) >= 500)
        .map((x) => `${x.name} ${((x.dur ?? 0) / 1000).toFixed(1)}`)
        .slice(0, 6)
        .join(', ');
      console.log(
        `  counted ${e.name} at ${((e.ts - task.ts) / 1000).toFixed(1)} ms in a task: ${wall.toFixed(1)} ms wall, ${thread.toFixed(1)} cpu${inner ? ` (${inner})` : ''}`,
      );
    }
  }
  const loose = samples.filter(
    (t) => t >= task.ts && t < end && !counted.some(([a, b]) => t >= a && t < b),
  ).length;
  const looseMs = (loose * PROFILE_INTERVAL_US) / 1000;
  if (EXPLAIN && loose > 0) console.log(`  counted ${loose} profiler sample(s) outside every traced event`);
  return { wall: own + looseMs, cpu: cpu + looseMs, page };
}

async function heapBytes(page: Page, name: BrowserName): Promise<number | null> {
  if (name !== 'chromium' || NO_GC) return null;
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/**
 * How long a visit waits for the page's load event. One benchmark page (65408257…, moneycontrol) never fires it
 * offline: an image's `onerror` sets another address that fails too, forever, with or without Redline. Such a
 * visit goes on from the timeout, marked `loadTimedOut`, instead of ending the run.
 */
const LOAD_TIMEOUT_MS = 20_000;

/** Navigates and waits for `load`; false when it did not come within LOAD_TIMEOUT_MS. */
async function load(page: Page, url: string): Promise<boolean> {
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return false;
    throw error;
  }
}

async function jankOf(page: Page): Promise<{ long: number[]; gaps: number[] }> {
  return page.evaluate(() => (window as unknown as { __jank: { long: number[]; gaps: number[] } }).__jank);
}

async function visitWith(
  page: Page,
  name: BrowserName,
  url: string,
  trace: boolean,
): Promise<Omit<Visit, 'page' | 'visit' | 'browser' | 'withExtension'>> {
  const cdp = trace ? await page.createCDPSession() : null;
  if (trace && cdp) {
    await page.tracing.start({
      categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'],
    });
    // A coarse interval: enough to see which tasks ran the content script, too coarse to slow it much.
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
    await cdp.send('Profiler.start');
  }
  const started = Date.now();
  const loaded = await load(page, url);
  const status = await waitForStatus(page, 30_000).catch(() => null);
  await new Promise((r) => setTimeout(r, TAIL_MS));
  const windowMs = Date.now() - started;
  let redline: Visit['redline'];
  if (trace && cdp) {
    const { profile } = (await cdp.send('Profiler.stop')) as Protocol.Profiler.StopResponse;
    await cdp.detach();
    const buffer = await page.tracing.stop();
    const parsed = JSON.parse(Buffer.from(buffer ?? new Uint8Array()).toString('utf8')) as
      | { traceEvents: TraceEvent[] }
      | TraceEvent[];
    redline = attribute(Array.isArray(parsed) ? parsed : parsed.traceEvents, ourSampleTimes(profile));
  }
  const jank = await jankOf(page);
  return {
    status,
    ...(loaded ? {} : { loadTimedOut: true }),
    windowMs,
    longTasks: jank.long,
    gaps: jank.gaps,
    heapBytes: await heapBytes(page, name),
    ...(redline ? { redline } : {}),
  };
}

async function bareVisit(page: Page, name: BrowserName, url: string, windowMs: number, parse: boolean) {
  const started = Date.now();
  const loaded = await load(page, url);
  await new Promise((r) => setTimeout(r, Math.max(0, windowMs - (Date.now() - started))));
  const jank = await jankOf(page);
  const heap = await heapBytes(page, name);
  let readabilityMs: number | undefined;
  let readabilityCpuMs: number | undefined;
  if (parse) {
    await page.addScriptTag({ content: READABILITY_SOURCE });
    // Chromium: traced (not profiled), for the parse's time on the thread's CPU.
    const traced = name === 'chromium';
    if (traced)
      await page.tracing.start({
        categories: ['toplevel', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
      });
    readabilityMs = await page.evaluate(() => {
      const R = (window as unknown as { Readability: new (d: Document) => { parse(): unknown } }).Readability;
      // Names the parse's task in the trace: another of the page's tasks (a late layout, a timer) may be longer.
      performance.mark('redline-bench-parse');
      const t0 = performance.now();
      new R(document.cloneNode(true) as Document).parse();
      return performance.now() - t0;
    });
    if (traced) readabilityCpuMs = parseCpuMs(await page.tracing.stop(), readabilityMs);
  }
  return {
    status: null,
    ...(loaded ? {} : { loadTimedOut: true }),
    windowMs,
    longTasks: jank.long,
    gaps: jank.gaps,
    heapBytes: heap,
    readabilityMs,
    ...(readabilityCpuMs === undefined ? {} : { readabilityCpuMs }),
  };
}

/**
 * The CPU time of the bare parse: the main-thread task that holds the parse's user-timing mark (else the longest
 * task), when that task is as long as the parse measured in the page (else the parse was not found, and no
 * figure is given).
 */
function parseCpuMs(buffer: Uint8Array | undefined, wallMs: number): number | undefined {
  const parsed = JSON.parse(Buffer.from(buffer ?? new Uint8Array()).toString('utf8')) as
    | { traceEvents: TraceEvent[] }
    | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events.filter(
    (e) => e.ph === 'X' && TASK_NAMES.has(e.name) && mains.has(`${e.pid}:${e.tid}`),
  );
  const mark = events.find((e) => e.name === 'redline-bench-parse' && mains.has(`${e.pid}:${e.tid}`));
  const marked = mark
    ? tasks
        .filter((e) => e.ts <= mark.ts && mark.ts < e.ts + (e.dur ?? 0))
        .reduce<TraceEvent | null>((a, e) => ((e.dur ?? 0) > (a?.dur ?? 0) ? e : a), null)
    : null;
  const longest =
    marked ?? tasks.reduce<TraceEvent | null>((a, e) => ((e.dur ?? 0) > (a?.dur ?? 0) ? e : a), null);
  if (!longest || longest.tdur === undefined || (longest.dur ?? 0) / 1000 < wallMs) return undefined;
  return longest.tdur / 1000;
}

/**
 * Asks Firefox to quit and waits until it has: puppeteer's `close()` kills the process right after asking, and
 * Firefox writes its profile while it shuts down, so the profile was cut off or missing for about half the sessions.
 * `close()` afterwards finds the connection closed and only tidies up.
 */
async function quitAndWait(browser: Browser): Promise<void> {
  const process = browser.process();
  const exited =
    process && process.exitCode === null
      ? new Promise((resolve) => process.once('exit', resolve))
      : Promise.resolve();
  const bidi = browser as unknown as {
    connection?: { send(method: string, params: object): Promise<unknown> };
  };
  await bidi.connection?.send('browser.close', {}).catch(() => undefined);
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 60_000))]);
}

async function launchBare(name: BrowserName, env?: Record<string, string>): Promise<Browser> {
  if (name === 'chromium') {
    return puppeteer.launch({
      browser: 'chrome',
      executablePath: EXECUTABLES.chromium,
      headless: true,
      pipe: true,
      defaultViewport: { width: 1200, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  }
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLES.firefox,
    protocol: 'webDriverBiDi',
    headless: true,
    defaultViewport: { width: 1200, height: 900 },
    ...(env ? { env: { ...process.env, ...env } } : {}),
  });
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function summarise(visits: Visit[], name: BrowserName, against = false) {
  const mine = visits.filter((v) => v.browser === name);
  const ext = mine.filter((v) => v.withExtension && (v.against === true) === against);
  const bare = mine.filter((v) => !v.withExtension);
  const longest = (v: Visit): number => Math.max(0, ...v.longTasks, ...v.gaps);
  const withLong = (vs: Visit[]): number => vs.filter((v) => longest(v) > LONG_MS).length;
  const readability = new Map(
    bare.filter((v) => v.readabilityMs !== undefined).map((v) => [v.page, v.readabilityMs ?? 0]),
  );
  const ratios = ext
    .filter((v) => v.redline && readability.get(v.page))
    .map((v) => (v.redline?.ownMs ?? 0) / (readability.get(v.page) ?? 1));
  const readabilityCpu = new Map(
    bare.flatMap((v) => (v.readabilityCpuMs === undefined ? [] : [[v.page, v.readabilityCpuMs] as const])),
  );
  const cpuRatios = ext.flatMap((v) => {
    const own = v.redline?.ownCpuMs;
    const parse = readabilityCpu.get(v.page);
    return own === undefined || !parse ? [] : [own / parse];
  });
  const heapDelta = ext
    .map((v) => {
      const b = bare.find((x) => x.page === v.page && x.visit === v.visit);
      return v.heapBytes !== null && b?.heapBytes != null ? v.heapBytes - b.heapBytes : null;
    })
    .filter((d): d is number => d !== null);
  const traced = ext.filter((v) => v.redline);
  return {
    browser: name,
    visits: ext.length,
    visitsWithLongTask: { withExtension: withLong(ext), without: withLong(bare) },
    longestTaskMs: {
      withExtension: Math.max(0, ...ext.map(longest)),
      without: Math.max(0, ...bare.map(longest)),
    },
    redline: traced.length
      ? {
          visitsWithRedlineLongTask: traced.filter((v) => (v.redline?.longTasks ?? 0) > 0).length,
          maxRedlineTaskMs: Math.max(...traced.map((v) => v.redline?.maxTaskMs ?? 0)),
          medianRedlineMs: quantile(
            traced.map((v) => v.redline?.ownMs ?? 0),
            0.5,
          ),
          medianRedlineTasksMs: quantile(
            traced.map((v) => v.redline?.taskMs ?? 0),
            0.5,
          ),
          medianRatioToReadability: quantile(ratios, 0.5),
          p90RatioToReadability: quantile(ratios, 0.9),
          ...(cpuRatios.length
            ? {
                medianRedlineCpuMs: quantile(
                  traced.map((v) => v.redline?.ownCpuMs ?? 0),
                  0.5,
                ),
                maxRedlineTaskCpuMs: Math.max(...traced.map((v) => v.redline?.maxTaskCpuMs ?? 0)),
                medianStartCpuMs: quantile(
                  traced.map((v) => v.redline?.startCpuMs ?? 0),
                  0.5,
                ),
                medianCpuRatioToReadability: quantile(cpuRatios, 0.5),
                p90CpuRatioToReadability: quantile(cpuRatios, 0.9),
              }
            : {}),
        }
      : null,
    medianReadabilityMs: quantile([...readability.values()], 0.5),
    medianHeapDeltaBytes: heapDelta.length ? quantile(heapDelta, 0.5) : null,
  };
}

function pickPages(): EvalPage[] {
  const all = allPages();
  // `--page=ID`: one page only (an id of test/eval/change-eval.ts, or a part of one), to re-measure it alone.
  const only = arg('page');
  if (only !== undefined) return all.filter((p) => p.id === only || p.id.includes(only)).slice(0, 1);
  const readability = all
    .filter((p) => !p.id.startsWith('bench/'))
    .filter((_, i) => i % READABILITY_STEP === 0);
  const bench = all.filter((p) => p.id.startsWith('bench/')).filter((_, i) => i % STEP === 0);
  return [...readability, ...bench].slice(0, LIMIT);
}

const MOUNT = Number(arg('mount') ?? 0);
const NOT_ARTICLES = process.argv.includes('--not-articles');
const pages = MOUNT > 0 ? [] : pickPages();
console.log(
  NOT_ARTICLES
    ? `building ${pages.length} pages without their article…`
    : `building first and edited versions of ${MOUNT > 0 ? 1 : pages.length} pages…`,
);
const cases =
  MOUNT > 0
    ? [{ id: `mount-${MOUNT}`, ...largeArticlePages(MOUNT, 'http://127.0.0.1/jank') }]
    : NOT_ARTICLES
      ? pages.flatMap((p) => {
          const html = notArticlePage(p);
          return html === null ? [] : [{ id: p.id, first: html, edited: html }];
        })
      : pages.flatMap((p) => {
          const built = pageCases(p, { keepStyles: true });
          return built.ok ? [{ id: p.id, first: built.first, edited: built.edited ?? built.churned }] : [];
        });
const server = await startPageServer();
const visits: Visit[] = [];

/**
 * One session of each browser over `chunk`: with the extension, and bare. Firefox is restarted per chunk so its
 * profile, written when it quits, stays small; each session warms both browsers up with one page first, as a
 * reader's browser is (the first page a fresh browser loads pays for starting its renderer).
 */
async function session(name: BrowserName, chunk: { case: (typeof cases)[number]; index: number }[]) {
  const profiled = name === 'firefox';
  const profileFile = join(tmpdir(), `redline-jank-gecko-${process.pid}.json`);
  const bareProfile = join(tmpdir(), `redline-jank-gecko-bare-${process.pid}.json`);
  const launched = await launchWithExtension(name, join(DIST, name === 'chromium' ? 'chrome' : 'firefox'), {
    ...(profiled ? { env: geckoProfilerEnv(profileFile) } : {}),
  });
  // The bare browser runs the profiler too, so both pay its cost and Readability's time stays comparable.
  const bare = await launchBare(name, profiled ? geckoProfilerEnv(bareProfile) : undefined);
  const other =
    AGAINST && name === 'chromium' ? await launchWithExtension(name, join(AGAINST, 'chrome')) : null;
  const windows: { visit: Visit; from: number; to: number }[] = [];
  try {
    const extPage = await launched.browser.newPage();
    const barePage = await bare.newPage();
    const otherPage = other ? await other.browser.newPage() : null;
    await extPage.evaluateOnNewDocument(WATCH_JANK);
    await barePage.evaluateOnNewDocument(WATCH_JANK);
    await otherPage?.evaluateOnNewDocument(WATCH_JANK);
    server.set('/jank/warm', WARM_PAGE);
    await extPage.goto(server.url('/jank/warm'), { waitUntil: 'load' });
    await barePage.goto(server.url('/jank/warm'), { waitUntil: 'load' });
    await otherPage?.goto(server.url('/jank/warm'), { waitUntil: 'load' });
    for (const { case: c, index: i } of chunk) {
      for (const kind of ['first', 'edited'] as const) {
        const path = `/jank/${name}/${i}`;
        const html = kind === 'first' ? c.first : c.edited;
        server.set(path, () => ({
          status: 200,
          body: html,
          headers: { 'content-security-policy': OFFLINE_CSP },
        }));
        // The `--against` build at its own address (its own first visit stored what it edits), before the
        // first build on every other page, so neither always runs on a machine the other just warmed.
        const visitOther = async (): Promise<void> => {
          if (!otherPage) return;
          server.set(`${path}/against`, () => ({
            status: 200,
            body: html,
            headers: { 'content-security-policy': OFFLINE_CSP },
          }));
          const o = await visitWith(otherPage, name, server.url(`${path}/against`), true);
          visits.push({ browser: name, page: c.id, visit: kind, withExtension: true, against: true, ...o });
        };
        if (i % 2 === 1) await visitOther();
        const from = Date.now();
        const ext = await visitWith(extPage, name, server.url(path), name === 'chromium');
        const visit: Visit = { browser: name, page: c.id, visit: kind, withExtension: true, ...ext };
        visits.push(visit);
        windows.push({ visit, from, to: Date.now() });
        if (i % 2 === 0) await visitOther();
        // The same page without the extension; its own address, so it is a first load there too.
        server.set(`${path}/bare`, () => ({
          status: 200,
          body: html,
          headers: { 'content-security-policy': OFFLINE_CSP },
        }));
        const b = await bareVisit(barePage, name, server.url(`${path}/bare`), ext.windowMs, kind === 'first');
        visits.push({ browser: name, page: c.id, visit: kind, withExtension: false, ...b });
      }
      process.stdout.write(`\r${name} ${i + 1}/${cases.length}`);
    }
  } finally {
    if (profiled) await Promise.all([quitAndWait(launched.browser), quitAndWait(bare)]);
    await launched.close();
    await bare.close();
    await other?.close();
  }
  if (!profiled) return;
  try {
    const samples = contentScriptSamples(await finishedGeckoProfile(profileFile));
    for (const { visit, from, to } of windows) {
      const { ownMs, stretches } = redlineIn(samples, from, to);
      const longest = Math.max(0, ...stretches.map((s) => s.ms));
      visit.redline = {
        taskMs: ownMs,
        ownMs,
        scriptMs: ownMs,
        maxTaskMs: longest,
        longTasks: stretches.filter((s) => s.ms > LONG_MS).length,
        attribution: 'profile',
      };
    }
  } catch (error) {
    console.warn(
      `\nno Firefox profile to attribute (${String(error)}); only the probe measures this session`,
    );
  } finally {
    if (GECKO_OUT) {
      await mkdir(GECKO_OUT, { recursive: true });
      await copyFile(
        profileFile,
        join(GECKO_OUT, `${windows[0]?.visit.page.replace(/\W+/g, '-') ?? 'none'}.json`),
      );
    }
    await rm(profileFile, { force: true });
    await rm(bareProfile, { force: true });
  }
}

try {
  for (const name of WANTED) {
    const indexed = cases.map((c, index) => ({ case: c, index }));
    const perSession = name === 'firefox' ? FIREFOX_PAGES_PER_SESSION : indexed.length;
    for (let at = 0; at < indexed.length; at += perSession) {
      await session(name, indexed.slice(at, at + perSession));
    }
    process.stdout.write('\n');
  }
} finally {
  await server.close();
}

const summary = WANTED.map((name) => summarise(visits, name));
console.log(
  'browser   visits  with long task (ext / bare)  longest ms (ext / bare)  Redline long-task visits  max Redline task ms  median Redline ms (own / its tasks)  ratio to Readability (median / p90)  heap delta (median)',
);
for (const s of summary) {
  console.log(
    [
      s.browser.padEnd(9),
      String(s.visits).padStart(6),
      `${s.visitsWithLongTask.withExtension} / ${s.visitsWithLongTask.without}`.padStart(28),
      `${s.longestTaskMs.withExtension.toFixed(0)} / ${s.longestTaskMs.without.toFixed(0)}`.padStart(24),
      String(s.redline?.visitsWithRedlineLongTask ?? 'n/a').padStart(25),
      (s.redline ? s.redline.maxRedlineTaskMs.toFixed(0) : 'n/a').padStart(20),
      (s.redline
        ? `${s.redline.medianRedlineMs.toFixed(1)} / ${s.redline.medianRedlineTasksMs.toFixed(1)}`
        : 'n/a'
      ).padStart(36),
      (s.redline
        ? `${s.redline.medianRatioToReadability.toFixed(2)} / ${s.redline.p90RatioToReadability.toFixed(2)}`
        : 'n/a'
      ).padStart(36),
      (s.medianHeapDeltaBytes === null
        ? 'n/a'
        : `${(s.medianHeapDeltaBytes / 1048576).toFixed(1)} MiB`
      ).padStart(20),
    ].join(' '),
  );
  const cpu = s.redline;
  if (cpu?.medianCpuRatioToReadability !== undefined) {
    console.log(
      `          on the thread's CPU: median Redline ${cpu.medianRedlineCpuMs?.toFixed(1)} ms (its script's start ${cpu.medianStartCpuMs?.toFixed(1)}), longest task ${cpu.maxRedlineTaskCpuMs?.toFixed(0)} ms; ratio to Readability ${cpu.medianCpuRatioToReadability.toFixed(2)} median / ${cpu.p90CpuRatioToReadability?.toFixed(2)} p90`,
    );
  }
}
const againstSummary = AGAINST && WANTED.includes('chromium') ? summarise(visits, 'chromium', true) : null;
if (againstSummary) printAgainst(visits);
writeFileSync(
  OUT,
  `${JSON.stringify({ dist: DIST, pages: cases.length, summary, ...(AGAINST ? { against: AGAINST, againstSummary } : {}), visits }, null, 2)}\n`,
);
console.log(`wrote ${OUT}`);

/**
 * `--against`: Redline's own CPU time per visit with each build, and its ratio to the bare parse, medians; then
 * the median of the per-page differences (this build minus the other) and on how many pages this build was faster.
 */
function printAgainst(all: Visit[]): void {
  const chromium = all.filter((v) => v.browser === 'chromium');
  // The bare parse is timed on the first visit of each page (`bareVisit`).
  const parse = new Map<string, number>(
    chromium.flatMap((v) =>
      !v.withExtension && v.readabilityCpuMs !== undefined ? [[v.page, v.readabilityCpuMs] as const] : [],
    ),
  );
  const own = (against: boolean, kind: Visit['visit']) =>
    new Map<string, number>(
      chromium.flatMap((v) =>
        v.withExtension &&
        v.visit === kind &&
        (v.against === true) === against &&
        v.redline?.ownCpuMs !== undefined
          ? [[v.page, v.redline.ownCpuMs] as const]
          : [],
      ),
    );
  console.log(`against ${AGAINST}, Chromium, CPU (this build / the other, medians):`);
  for (const kind of ['first', 'edited'] as const) {
    const mine = own(false, kind);
    const theirs = own(true, kind);
    const pages = [...mine.keys()].filter((page) => theirs.has(page) && parse.get(page));
    if (pages.length === 0) continue;
    const a = pages.map((page) => mine.get(page) ?? 0);
    const b = pages.map((page) => theirs.get(page) ?? 0);
    const ratio = (values: number[]) => values.map((ms, i) => ms / (parse.get(pages[i] ?? '') ?? 1));
    const diffs = pages.map((_, i) => (a[i] ?? 0) - (b[i] ?? 0));
    console.log(
      `  ${kind.padEnd(6)} ${pages.length} pages: Redline ${quantile(a, 0.5).toFixed(1)} / ${quantile(b, 0.5).toFixed(1)} ms, ratio ${quantile(ratio(a), 0.5).toFixed(2)} / ${quantile(ratio(b), 0.5).toFixed(2)} (p90 ${quantile(ratio(a), 0.9).toFixed(2)} / ${quantile(ratio(b), 0.9).toFixed(2)}); per page ${quantile(diffs, 0.5).toFixed(1)} ms median, faster on ${diffs.filter((d) => d < 0).length}`,
    );
  }
}
