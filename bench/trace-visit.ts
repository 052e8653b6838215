/**
 * `npx tsx bench/trace-visit.ts --page=<id>`: where Redline's main-thread time goes on one page, in Chromium.
 * `bench:jank` says how much; this says what: it visits the page first as published and then edited (as
 * bench:jank does) with a DevTools trace and a sampling CPU profile of the measured visit, and prints every
 * main-thread task that ran the content script (its length, and what ran inside it: script, compile, style,
 * layout, GC) and the content script's functions by self time.
 *
 * Options: --page=ID (a page id of test/eval/change-eval.ts, e.g. nytimes-2, bench/<hash>, or a part of one)
 *          --visit=first|edited (default edited)  --dist=DIR (default dist-test)  --min=MS (tasks listed, default 2)
 *          --depth=N (trace levels shown, 3)  --top=N (functions listed, 20)  --sample=µs (profiler interval, 250)
 *          --again (measure a second edited visit in the same tab: the renderer has run the overlay's code once,
 *          so V8 compiles none of it again)  --cold (a full garbage collection before the measured visit, as
 *          bench:jank's heap figure makes: V8 then compiles the content script afresh)
 *          --save=FILE (the measured visit's CPU profile, a .cpuprofile for DevTools)
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Protocol } from 'puppeteer-core';
import { launchWithExtension } from '../test/browser/harness/launch-browser';
import { startPageServer } from '../test/browser/harness/page-server';
import { waitForStatus } from '../test/browser/harness/redline-status';
import { allPages, pageCases } from '../test/eval/change-eval';
import { OFFLINE_CSP } from '../test/fixtures/pages/acceptance-pages';
import { ourSampleTimes } from './attribute';
import { largeArticlePages } from './largeArticle';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const DIST = resolve(arg('dist') ?? join(ROOT, 'dist-test'));
const VISIT = arg('visit') === 'first' ? 'first' : 'edited';
const MIN_MS = Number(arg('min') ?? 2);
const TAIL_MS = Number(arg('tail') ?? 800);
const DEPTH = Number(arg('depth') ?? 3);
const TOP = Number(arg('top') ?? 20);
const SAMPLE_US = Number(arg('sample') ?? 250);
/** `--all`: functions of any script or the engine (GC, compile), not only the content script's. */
const ALL_FUNCTIONS = process.argv.includes('--all');
/** `--sample=0`: no CPU profile (it slows scripts down); tasks are then found by the trace alone. */
const PROFILE = SAMPLE_US > 0;
/** `--every`: list every task on the page's main thread over --min, not only those that ran the content script. */
const EVERY = process.argv.includes('--every');
const COLD = process.argv.includes('--cold');
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in it: what the task cost, where `dur` also counts waiting for a loaded CPU. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string; type?: string } };
}

const wanted = arg('page') ?? 'nytimes-3';
// `--mount=N`: instead of a corpus page, bench:mount's article of N paragraphs, every one reworded on the revisit.
const MOUNT = Number(arg('mount') ?? 0);
const page =
  MOUNT > 0
    ? { id: `mount-${MOUNT}` }
    : (allPages().find((p) => p.id === wanted) ?? allPages().find((p) => p.id.includes(wanted)));
if (!page) throw new Error(`no page matches ${wanted}`);
const html = MOUNT > 0 ? largeArticlePages(MOUNT, 'http://127.0.0.1/trace') : corpusPages(page.id);

function corpusPages(id: string): { first: string; edited: string } {
  const found = allPages().find((p) => p.id === id);
  const built = found ? pageCases(found, { keepStyles: true }) : null;
  if (!built?.ok) throw new Error(`${id}: cannot be built`);
  return { first: built.first, edited: built.edited ?? built.churned };
}

const server = await startPageServer();
const launched = await launchWithExtension('chromium', join(DIST, 'chrome'));
try {
  const tab = await launched.browser.newPage();
  // A warm browser, as a reader's is: the first page a fresh browser loads pays for starting its renderer.
  const warm = allPages().find((p) => p.id !== page.id && p.id.startsWith('bench/'));
  const warmCase = warm ? pageCases(warm, { keepStyles: true }) : null;
  if (warmCase?.ok) {
    server.set('/warm', () => ({
      status: 200,
      body: warmCase.first,
      headers: { 'content-security-policy': OFFLINE_CSP },
    }));
    await tab.goto(server.url('/warm'), { waitUntil: 'load' });
    await waitForStatus(tab, 60_000).catch(() => null);
  }
  const AGAIN = process.argv.includes('--again');
  const visits = AGAIN ? (['first', 'edited', 'edited'] as const) : (['first', 'edited'] as const);
  for (const [round, kind] of visits.entries()) {
    server.set('/trace', () => ({
      status: 200,
      body: html[kind],
      headers: { 'content-security-policy': OFFLINE_CSP },
    }));
    const measured = AGAIN ? round === 2 : kind === VISIT;
    const cdp = await tab.createCDPSession();
    // `--cold`: a full collection first, as bench:jank's heap figure makes after every visit: it empties V8's
    // compilation cache, so the measured visit compiles the content script afresh, as in a new renderer.
    if (measured && COLD) await cdp.send('HeapProfiler.collectGarbage');
    if (measured) {
      await tab.tracing.start({
        categories: [
          'toplevel',
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'v8.execute',
          // V8's lazy compilation of each function at its first call, which a page's first mount pays.
          'disabled-by-default-v8.compile',
          'v8',
          // Blink's own heap (Oilpan), so that its collections show if one runs inside a task.
          'blink_gc',
          'cppgc',
        ],
      });
      if (PROFILE) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLE_US });
        await cdp.send('Profiler.start');
      }
    }
    await tab.goto(server.url('/trace'), { waitUntil: 'load' });
    const status = await waitForStatus(tab, 60_000).catch(() => null);
    await new Promise((r) => setTimeout(r, TAIL_MS));
    if (!measured) {
      await cdp.detach();
      continue;
    }
    const profile = PROFILE
      ? ((await cdp.send('Profiler.stop')) as Protocol.Profiler.StopResponse).profile
      : null;
    // `--save=FILE`: the CPU profile as a .cpuprofile file, for DevTools' Performance panel or a script.
    const save = arg('save');
    if (profile && save) await writeFile(save, JSON.stringify(profile));
    await cdp.detach();
    const buffer = await tab.tracing.stop();
    const parsed = JSON.parse(Buffer.from(buffer ?? new Uint8Array()).toString('utf8')) as
      | { traceEvents: TraceEvent[] }
      | TraceEvent[];
    const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
    console.log(`${page.id}, ${kind} visit: status ${status}`);
    const tasks = report(events, profile ? ourSampleTimes(profile) : []);
    // `--task=N`: the profile of Redline's N-th task only (0: the script's first run); `--task=longest`; `--task=long`: each task over --min.
    const longest = [...tasks].sort((a, b) => b.end - b.start - (a.end - a.start))[0];
    const only =
      arg('task') === undefined
        ? undefined
        : arg('task') === 'longest'
          ? longest
          : tasks[Number(arg('task'))];
    if (profile && arg('task') === 'long') {
      // Each task over --min, one profile each.
      for (const task of tasks.filter((t) => (t.end - t.start) / 1000 >= MIN_MS)) {
        console.log(`task of ${((task.end - task.start) / 1000).toFixed(1)} ms:`);
        profileReport(profile, task);
      }
    } else if (profile) profileReport(profile, only);
  }
} finally {
  await launched.close();
  await server.close();
}

function isOurs(e: TraceEvent): boolean {
  return (e.args?.data?.url ?? '').endsWith('/content.js');
}

function report(events: TraceEvent[], samples: number[]): { start: number; end: number }[] {
  const main = events.find((e) => e.ph === 'X' && isOurs(e));
  if (!main) {
    console.log('the content script never ran on this trace');
    return [];
  }
  const onMain = events
    .filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: TraceEvent[] = [];
  let end = -1;
  for (const e of onMain) {
    if (!TASK_NAMES.has(e.name)) continue;
    if (e.ts < end) continue;
    end = e.ts + (e.dur ?? 0);
    tasks.push(e);
  }
  const start = tasks[0]?.ts ?? 0;
  let total = 0;
  let count = 0;
  // Garbage collection inside Redline's tasks: on a page of 20,000 paragraphs it is what pushes mount and
  // serialiser tasks past 50 ms, so allocation is worth counting on its own.
  const gc = { minor: 0, major: 0, minorCount: 0, majorCount: 0 };
  let compiled = 0;
  const ours: { start: number; end: number }[] = [];
  console.log('  at ms   task ms    cpu ms  inside (ms)');
  for (const task of tasks) {
    const taskEnd = task.ts + (task.dur ?? 0);
    const inside = onMain.filter(
      (e) => e !== task && !TASK_NAMES.has(e.name) && e.ts >= task.ts && e.ts < taskEnd,
    );
    const attributed = inside.some(isOurs) || samples.some((t) => t >= task.ts && t < taskEnd);
    // `--every`: the thread's other tasks too (marked "page"), for what the trace alone cannot attribute: a
    // promise continuation of the content script after a message reply carries no script URL.
    if (!attributed) {
      if (EVERY && (task.dur ?? 0) / 1000 >= MIN_MS) {
        const cpu = task.tdur === undefined ? '' : (task.tdur / 1000).toFixed(1);
        console.log(
          `${((task.ts - start) / 1000).toFixed(0).padStart(7)} ${((task.dur ?? 0) / 1000).toFixed(1).padStart(9)} ${cpu.padStart(9)}  page`,
        );
        tree(inside, 1);
      }
      continue;
    }
    const ms = (task.dur ?? 0) / 1000;
    total += ms;
    count++;
    ours.push({ start: task.ts, end: taskEnd });
    for (const e of inside) {
      if (e.name === 'MinorGC') {
        gc.minor += (e.dur ?? 0) / 1000;
        gc.minorCount++;
      } else if (e.name === 'MajorGC') {
        gc.major += (e.dur ?? 0) / 1000;
        gc.majorCount++;
      } else if (e.name === 'V8.CompileCode') compiled += (e.dur ?? 0) / 1000;
    }
    if (ms < MIN_MS) continue;
    const cpu = task.tdur === undefined ? '' : (task.tdur / 1000).toFixed(1);
    console.log(
      `${((task.ts - start) / 1000).toFixed(0).padStart(7)} ${ms.toFixed(1).padStart(9)} ${cpu.padStart(9)}`,
    );
    tree(inside, 1);
  }
  console.log(`  ${count} tasks ran the content script, ${total.toFixed(1)} ms in all`);
  console.log(
    `  garbage collection inside them: ${gc.minorCount} minor, ${gc.minor.toFixed(1)} ms; ${gc.majorCount} major, ${gc.major.toFixed(1)} ms`,
  );
  console.log(`  V8 compiling functions at their first call inside them: ${compiled.toFixed(1)} ms`);
  return ours;
}

/** The events of one task as a tree, down to `DEPTH` levels, leaving out those under `MIN_MS` / 4. */
function tree(events: TraceEvent[], depth: number): void {
  let end = -1;
  for (const [i, e] of events.entries()) {
    if (e.ts < end) continue;
    end = e.ts + (e.dur ?? 0);
    const ms = (e.dur ?? 0) / 1000;
    if (ms < MIN_MS / 4) continue;
    // An event dispatch names its event (a `pageshow` whose listener is Redline's counts as Redline's).
    const detail =
      e.args?.data?.functionName || e.args?.data?.url?.replace(/^.*\//, '') || e.args?.data?.type || '';
    console.log(`${' '.repeat(18 + depth * 2)}${ms.toFixed(1)} ${e.name} ${detail}`);
    if (depth < DEPTH) {
      const inner = events.slice(i + 1).filter((x) => x.ts >= e.ts && x.ts < end);
      tree(inner, depth + 1);
    }
  }
}

function profileReport(profile: Protocol.Profiler.Profile, only?: { start: number; end: number }): void {
  const self = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  let t = profile.startTime;
  for (const [i, id] of (profile.samples ?? []).entries()) {
    t += deltas[i] ?? 0;
    if (only && (t < only.start || t >= only.end)) continue;
    // A sample stands for the time to the next one, but at most two intervals: after the last sample of a task
    // (a `send` about to await its reply) the next comes when the thread wakes, and that idle time is no one's.
    const weight = Math.min(deltas[i + 1] ?? deltas[i] ?? 0, 2 * SAMPLE_US);
    self.set(id, (self.get(id) ?? 0) + weight / 1000);
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const label = (node: Protocol.Profiler.ProfileNode): string =>
    `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
  // Self time, and total time (self plus callees, each function counted once per stack).
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  const walk = (id: number, open: Set<string>): number => {
    const node = byId.get(id);
    if (!node) return 0;
    let total = self.get(id) ?? 0;
    const ours = node.callFrame.url.endsWith('/content.js') || ALL_FUNCTIONS;
    const key = label(node);
    const entered = ours && !open.has(key);
    if (entered) open.add(key);
    for (const child of node.children ?? []) total += walk(child, open);
    if (ours) selfBy.set(key, (selfBy.get(key) ?? 0) + (self.get(id) ?? 0));
    if (entered) {
      totalBy.set(key, (totalBy.get(key) ?? 0) + total);
      open.delete(key);
    }
    return total;
  };
  const root = profile.nodes[0];
  if (root) walk(root.id, new Set());
  const print = (title: string, map: Map<string, number>): void => {
    console.log(`  content.js functions by ${title} (ms):`);
    for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
      if (ms >= 0.5) console.log(`  ${ms.toFixed(1).padStart(8)}  ${name}`);
    }
  };
  print('self time', selfBy);
  print('total time', totalBy);
}
