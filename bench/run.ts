/**
 * `npm run bench`: times Redline's align and extract against the approaches they replace, all in this one
 * process on the same inputs, prints a table and the targets, and writes bench/results.json. Also the
 * background's whole comparison (`compare`) and the overlay mounting N changed paragraphs in jsdom (`mount`).
 *
 * Options, for a quick look at one part (a subset run leaves results.json as it was):
 *   --sizes=50,500   paragraph counts (default 50,500,5000)
 *   --mount=1000     changed paragraphs of the mount rows (default 1000,5000,20000)
 *   --pages=N        the N largest fixture pages plus a typical one (default 4; 0 skips the page rows)
 *   --tasks=align,extract   only these tasks (default all)
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { Readability } from '@mozilla/readability';
import { MAX_MARK_JOBS } from '../src/content/overlay/chunks';
import type { AlignResult, VersionText } from '../src/core/model';
import { type ArticlePair, type EditsMode, generatePair } from './generate';
import {
  DEFAULT_MEASURE,
  type Measurement,
  type MeasureOptions,
  measure,
  measurePair,
  median,
} from './measure';
import { timeMount } from './mountArticle';
import type { RunOutcome } from './outcome';
import { benchPages, loadPage } from './pages';
import { allPairs, diffWordsWhole, dmpWhole, wholeText } from './peers';
import { type BenchRow, findRow, type Task, toResultRow } from './rows';
import { formatMs, formatTable } from './table';
import { evaluateTargets, formatTargets } from './targets';

const SEED = 20261122;
/**
 * Cost cap for the peers' whole-text diffs and all-pairs scan; rows that hit it are marked capped. One second
 * is diff-match-patch's default Diff_Timeout, so dmp behaves as it does in NewsDiffs, and 50× the align target.
 */
const PEER_CAP_MS = 1000;
const RESULTS = new URL('./results.json', import.meta.url);

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

const ALL_TASKS: readonly Task[] = [
  'align',
  'compare',
  'diffWords',
  'dmp',
  'allPairs',
  'extract',
  'readability',
  'mount',
];
const sizes = (option('sizes') ?? '50,500,5000').split(',').map(Number);
const mountSizes = (option('mount') ?? '1000,5000,20000').split(',').map(Number);
const pageCount = Number(option('pages') ?? 4);
const tasks = new Set(option('tasks')?.split(',') ?? ALL_TASKS);
const unknown = [...tasks].filter((task) => !ALL_TASKS.includes(task as Task));
const positive = (size: number) => Number.isInteger(size) && size > 0;
if (unknown.length > 0 || !sizes.every(positive) || !mountSizes.every(positive) || !(pageCount >= 0)) {
  throw new Error(`bad options ${process.argv.slice(2).join(' ')}; tasks are ${ALL_TASKS.join(', ')}`);
}
const want = (task: Task): boolean => tasks.has(task);
const subset = process.argv.slice(2).length > 0;
const progress = (text: string): void => void process.stderr.write(`${text}\n`);

type AlignFn = (oldV: VersionText, newV: VersionText) => AlignResult;
type ExtractModule = typeof import('../src/core/extract/index');

// Loaded lazily so the peers still run, and the report says why, when a module does not load.
async function load<T>(what: string, importer: () => Promise<T>): Promise<T | null> {
  try {
    return await importer();
  } catch (error) {
    progress(`!! ${what} did not load: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

const alignModule = await load('src/core/align', () => import('../src/core/align/index'));
const compareModule = await load('src/background/compare', () => import('../src/background/compare'));
const extractModule: ExtractModule | null = await load(
  'src/core/extract',
  () => import('../src/core/extract/index'),
);
const align: AlignFn | null = alignModule?.align ?? null;
const extractorVersion = extractModule?.EXTRACTOR_VERSION;

const rows: BenchRow[] = [];
const notes: string[] = [];

function report(task: Task, size: number | string, edits: string, result: Measurement): void {
  rows.push({ task, size, edits, ...result });
  progress(
    `${task.padEnd(11)} ${String(size).padStart(14)} ${edits.padEnd(3)} ${formatMs(result.medianMs).padStart(8)} ms` +
      ` × ${result.runs}${result.capped ? ' (capped)' : ''}`,
  );
}

/** Runs `time`, or tells why it threw: one broken task leaves its row out (and its target failing), not the bench. */
function guarded(task: Task, size: number | string, time: () => void): void {
  try {
    time();
  } catch (error) {
    progress(
      `!! ${task} on ${size} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}

/** Capped peers spend about the cap each run, so their median settles fast: three runs do. */
const PEER_MEASURE: MeasureOptions = { ...DEFAULT_MEASURE, minRuns: 3 };

function record(task: Task, size: number | string, edits: string, run: () => RunOutcome): void {
  // Collect the previous task's garbage now, not inside this task's timed runs.
  globalThis.gc?.();
  const options = task === 'align' || task === 'compare' ? DEFAULT_MEASURE : PEER_MEASURE;
  guarded(task, size, () => report(task, size, edits, measure(run, options)));
}

function describeEdits(pair: ArticlePair): string {
  const counts = new Map<string, number>();
  for (const edit of pair.edits) counts.set(edit.kind, (counts.get(edit.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${kind} ${count}`).join(', ');
}

function benchPair(size: number, mode: EditsMode): void {
  const pair = generatePair(size, mode, SEED + size);
  const oldText = wholeText(pair.old);
  const newText = wholeText(pair.new);
  if (align && want('align')) {
    const alignWith = align;
    record('align', size, mode, () => {
      const result = alignWith(pair.old, pair.new);
      return result.capped ? { capped: true, note: 'align fell back to its coarse path' } : { capped: false };
    });
    const stats = findRow(rows, 'align', size, mode) ? alignWith(pair.old, pair.new).stats : null;
    if (stats)
      notes.push(
        `${String(size).padStart(4)} ¶ ${mode.padEnd(3)}  generated: ${describeEdits(pair)}\n` +
          `${' '.repeat(12)}align found: unchanged ${stats.unchanged}, added ${stats.added}, removed ${stats.removed}, ` +
          `reworded ${stats.reworded}, moved ${stats.moved}`,
      );
  }
  const compareVersions = compareModule?.compareVersions;
  if (compareVersions && extractorVersion !== undefined && want('compare')) {
    // Where align runs now: the background, with the word diffs and the filter of label removals.
    record('compare', size, mode, () => {
      const result = compareVersions(pair.old, extractorVersion, pair.new);
      return result.capped ? { capped: true, note: 'align fell back to its coarse path' } : { capped: false };
    });
  }
  if (want('diffWords')) record('diffWords', size, mode, () => diffWordsWhole(oldText, newText, PEER_CAP_MS));
  if (want('dmp')) record('dmp', size, mode, () => dmpWhole(oldText, newText, PEER_CAP_MS));
  if (want('allPairs')) record('allPairs', size, mode, () => allPairs(pair.old, pair.new, PEER_CAP_MS));
}

/** Pages take hundreds of milliseconds a run: more time, for a median of at least five. */
const PAGE_MEASURE: MeasureOptions = { ...DEFAULT_MEASURE, budgetMs: 3000, minRuns: 5 };

function benchPage(name: string): void {
  const dom = loadPage(name);
  const doc = dom.window.document;
  const readability = (): RunOutcome => {
    // Readability rewrites the document it is given, hence the clone, which is part of its cost.
    const article = new Readability(doc.cloneNode(true) as Document).parse();
    return article ? { capped: false } : { capped: false, note: 'Readability found no article' };
  };
  const extract = extractModule?.extract;
  const ours = extract
    ? (): RunOutcome => {
        // extract only reads the live document (it runs Readability on its own clone).
        const result = extract(doc);
        return result.ok ? { capped: false } : { capped: false, note: `extract failed: ${result.reason}` };
      }
    : null;
  try {
    globalThis.gc?.();
    if (ours && want('extract') && want('readability')) {
      guarded('extract', name, () => {
        const [bareResult, oursResult] = measurePair(readability, ours, PAGE_MEASURE);
        report('readability', name, '-', bareResult);
        report('extract', name, '-', oursResult);
      });
    } else if (want('readability')) {
      guarded('readability', name, () =>
        report('readability', name, '-', measure(readability, PAGE_MEASURE)),
      );
    } else if (ours && want('extract')) {
      guarded('extract', name, () => report('extract', name, '-', measure(ours, PAGE_MEASURE)));
    }
  } finally {
    dom.window.close();
  }
}

/** Sections of this many paragraphs in the mount rows' article (see mountArticle: jsdom's sibling index). */
const MOUNT_GROUP = 50;

/**
 * The overlay mounting `n` changed paragraphs in jsdom, from the call until its last chunk: a warm-up mount, then
 * at least three, as many as fit a second. Every tenth paragraph also removed: n + n/10 jobs, capped at
 * MAX_MARK_JOBS like on a page.
 */
async function benchMount(n: number): Promise<void> {
  globalThis.gc?.();
  try {
    await timeMount(Math.min(n, 1000), MOUNT_GROUP);
    const whole: number[] = [];
    const first: number[] = [];
    let marks = 0;
    const started = performance.now();
    while (whole.length < 3 || (performance.now() - started < 1000 && whole.length < 20)) {
      const timing = await timeMount(n, MOUNT_GROUP);
      whole.push(timing.wholeMs);
      first.push(timing.firstMs);
      marks = timing.marks;
    }
    const jobs = n + Math.ceil(n / 10);
    const capped = jobs > MAX_MARK_JOBS;
    const note =
      `jsdom; first task ${formatMs(median(first))} ms; ${marks.toLocaleString('en')} marks` +
      (capped ? ` of ${jobs.toLocaleString('en')} (MAX_MARK_JOBS)` : '') +
      '; in Chromium: npm run bench:mount';
    report('mount', n, 'all', { medianMs: median(whole), runs: whole.length, capped, note });
  } catch (error) {
    progress(
      `!! mount of ${n} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}

const started = performance.now();
const loadAtStart = loadavg()[0] ?? 0;
if (!globalThis.gc)
  progress('!! global.gc is not exposed (run with node --expose-gc): GC may land in timed runs');
for (const size of sizes) {
  for (const mode of ['5%', 'all'] as const) benchPair(size, mode);
}
const pages = pageCount > 0 && (want('extract') || want('readability')) ? benchPages(pageCount) : [];
for (const page of pages) benchPage(page.name);
if (want('mount')) for (const n of mountSizes) await benchMount(n);

const targets = evaluateTargets(
  rows,
  pages.map((page) => page.name),
  subset ? 'skip' : 'fail',
);
if (!subset) writeFileSync(RESULTS, `${JSON.stringify(rows.map(toResultRow), null, 2)}\n`);

console.log(
  `\nRedline bench: synthetic articles (seed ${SEED}) and real pages, medians of adaptive runs; ` +
    `peers capped at ${PEER_CAP_MS} ms.`,
);
console.log('edits: "5%" = 5% of paragraphs edited, "all" = every paragraph reworded (1% also moved),');
console.log(
  '       "-" = a real page (extract/readability have one version); pages by size: ' +
    pages.map((page) => `${page.name} ${(page.bytes / 1e6).toFixed(2)} MB`).join(', '),
);
console.log(
  `machine: ${availableParallelism()} cores, load average ${loadAtStart.toFixed(1)} at start and ` +
    `${(loadavg()[0] ?? 0).toFixed(1)} at end (above the core count, other work shares the CPU: ratios from ` +
    'one run hold better than absolute times)',
);
console.log('');
console.log(formatTable(rows));
if (notes.length > 0) console.log(`\nWhat align found vs what the generator did:\n${notes.join('\n')}`);
console.log(`\n${formatTargets(targets)}`);
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(
  subset
    ? `\nSubset run (${rows.length} rows) in ${seconds} s; ${RESULTS.pathname} left as it was.`
    : `\nWrote ${RESULTS.pathname} (${rows.length} rows) in ${seconds} s.`,
);
