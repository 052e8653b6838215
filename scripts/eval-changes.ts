/**
 * `npm run eval:changes [-- --output FILE] [--only ID,ID] [--every N [--offset K]] [--merge FILE,FILE]`: the
 * change-detection harness (test/eval/change-eval.ts) over all 230 public pages in jsdom; prints the table by
 * case kind and writes the JSON summary (per kind, and every page's notes) to FILE. `--every N --offset K` runs
 * one of N shards; `--merge` prints and writes the table of shards' JSON files instead of running pages.
 *
 * The pages are judged in child processes of BATCH pages each, as many at a time as the machine has cores:
 * jsdom keeps some memory of every window it makes, and one process judging all 230 pages (six cases each) runs
 * out of heap. `--worker` is that child: it judges its `--only` pages and writes them to `--output`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  allPages,
  evaluatePage,
  type KindSummary,
  type PageResult,
  samplePages,
  summarise,
} from '../test/eval/change-eval';

const { values } = parseArgs({
  options: {
    output: { type: 'string' },
    only: { type: 'string' },
    every: { type: 'string' },
    offset: { type: 'string' },
    merge: { type: 'string' },
    worker: { type: 'boolean' },
  },
});

/** Pages per child process: well inside a 4 GB heap with every case of every page. */
const BATCH = 12;

let pages = allPages();
if (values.only) {
  const only = new Set(values.only.split(','));
  pages = pages.filter((p) => only.has(p.id));
}
if (values.every) pages = samplePages(pages, Number(values.every), Number(values.offset ?? 0));
if (values.merge) pages = [];

const started = Date.now();
const results: PageResult[] = [];
const readResults = (file: string): PageResult[] =>
  (JSON.parse(readFileSync(file, 'utf8')) as { pages: PageResult[] }).pages;
for (const file of values.merge?.split(',') ?? []) results.push(...readResults(file));

/** Judges `batch` in a child process; resolves with what it wrote (the pages it reached, if it failed). */
function judgeInChild(batch: readonly string[], file: string): Promise<PageResult[]> {
  const script = fileURLToPath(import.meta.url);
  const args = ['--max-old-space-size=4096', '--import', 'tsx', script, '--worker'];
  const child = spawn(process.execPath, [...args, '--only', batch.join(','), '--output', file], {
    stdio: 'inherit',
  });
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      let judged: PageResult[] = [];
      try {
        judged = readResults(file);
      } catch {
        // Nothing written: the child failed before its first page.
      }
      const reached = new Set(judged.map((r) => r.page));
      const lost = batch.filter((id) => !reached.has(id));
      const reason = `harness error: worker exited with ${code}`;
      resolve([...judged, ...lost.map((page) => ({ page, ok: false as const, reason, ms: 0 }))]);
    });
  });
}

if (!values.worker && pages.length > BATCH) {
  const dir = mkdtempSync(join(tmpdir(), 'eval-changes-'));
  const batches: string[][] = [];
  for (let i = 0; i < pages.length; i += BATCH) batches.push(pages.slice(i, i + BATCH).map((p) => p.id));
  let next = 0;
  const run = async (): Promise<void> => {
    while (next < batches.length) {
      const k = next++;
      results.push(...(await judgeInChild(batches[k] ?? [], join(dir, `${k}.json`))));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, run));
  rmSync(dir, { recursive: true, force: true });
  // In the order of the page list, whichever child finished first.
  const order = new Map(allPages().map((p, i) => [p.id, i]));
  results.sort((a, b) => (order.get(a.page) ?? 0) - (order.get(b.page) ?? 0));
  pages = [];
}

for (const page of pages) {
  let result: PageResult;
  try {
    result = evaluatePage(page);
  } catch (error) {
    result = { page: page.id, ok: false, reason: `harness error: ${String(error)}`, ms: 0 };
  }
  results.push(result);
  process.stderr.write(`${results.length}/${pages.length} ${page.id} ${result.ms} ms\n`);
  // Written as it goes, so an interrupted run still leaves the pages it judged (readable with --merge).
  if (values.output) writeFileSync(values.output, `${JSON.stringify({ pages: results })}\n`);
  if (result.ok) {
    for (const c of result.cases) {
      if (c.score.notes.length > 0 || c.error) {
        console.log(
          `${page.id} [${c.kind}] ${c.error ? `not extracted: ${c.error}; ` : ''}${c.score.notes.join('; ')}`,
        );
      }
    }
  }
}

if (values.worker) process.exit(0);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const summary: KindSummary[] = summarise(results);
const skipped = results.filter((r) => !r.ok);
console.log(
  [
    '',
    'case kind   pages   recall  precision  labels  pages with false marks  not extracted',
    ...summary.map(
      (s) =>
        `${s.kind.padEnd(10)}${String(s.pages).padStart(6)}  ${pct(s.recall)}  ${pct(s.precision)}    ${pct(s.labelAccuracy)}  ${String(s.pagesWithFalseMarks).padStart(22)}  ${String(s.notExtracted).padStart(13)}`,
    ),
    `${results.length} pages, ${skipped.length} not taken for articles on the first visit` +
      `${skipped.length > 0 ? ` (${skipped.map((r) => `${r.page}: ${r.ok ? '' : r.reason}`).join(', ')})` : ''}; ` +
      `${((Date.now() - started) / 1000).toFixed(0)} s`,
  ].join('\n'),
);

if (values.output) {
  writeFileSync(values.output, `${JSON.stringify({ summary, pages: results }, null, 2)}\n`);
  console.log(`wrote ${values.output}`);
}
