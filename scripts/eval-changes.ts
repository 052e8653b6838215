/**
 * `npm run eval:changes [-- --output FILE] [--only ID,ID] [--every N [--offset K]] [--merge FILE,FILE]`: the
 * change-detection harness (test/eval/change-eval.ts) over all 230 public pages in jsdom; prints the table by
 * case kind and writes the JSON summary (per kind, and every page's notes) to FILE. `--every N --offset K` runs
 * one of N shards (run them side by side on a machine with cores to spare); `--merge` prints and writes the
 * table of shards' JSON files instead of running pages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
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
  },
});

let pages = allPages();
if (values.only) {
  const only = new Set(values.only.split(','));
  pages = pages.filter((p) => only.has(p.id));
}
if (values.every) pages = samplePages(pages, Number(values.every), Number(values.offset ?? 0));
if (values.merge) pages = [];

const started = Date.now();
const results: PageResult[] = [];
for (const file of values.merge?.split(',') ?? []) {
  results.push(...(JSON.parse(readFileSync(file, 'utf8')) as { pages: PageResult[] }).pages);
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
