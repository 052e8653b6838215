/**
 * `npm run eval:extraction -- --output FILE [--summary FILE] [--worst N]`: Redline's extraction over the 181 pages
 * of the article-extraction benchmark (test/fixtures/article-extraction-benchmark), scored the benchmark's way
 * beside Readability.js alone. Writes the benchmark's prediction format to `--output` (an empty body where
 * Redline keeps nothing) and per-page figures to `--summary` (default: FILE with `.summary.json`).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { extract } from '../src/core/extract/index';
import { parseQuietly, prepareSource } from '../test/fixtures/pages/acceptance-pages';
import { EXTRACTION_BENCHMARK } from '../test/shared-fixtures';
import {
  type PageScore,
  pagePrecision,
  pageRecall,
  type Summary,
  scorePage,
  summarize,
} from './eval-extraction/score';

interface Truth {
  url?: string;
  articleBody?: string;
}

interface PageRow {
  id: string;
  redline: { precision: number; recall: number; rejected: string | null; ms: number };
  readability: { precision: number; recall: number };
}

const { values } = parseArgs({
  options: {
    output: { type: 'string' },
    summary: { type: 'string' },
    worst: { type: 'string', default: '10' },
    // Skips Readability alone (its figures do not change), for quicker runs while working on extraction.
    'no-baseline': { type: 'boolean', default: false },
  },
});
if (!values.output) {
  console.error('usage: npm run eval:extraction -- --output FILE [--summary FILE] [--worst N]');
  process.exit(2);
}
const output = values.output;
const summaryFile = values.summary ?? output.replace(/(\.json)?$/, '.summary.json');

const truth = JSON.parse(readFileSync(join(EXTRACTION_BENCHMARK, 'ground-truth.json'), 'utf8')) as Record<
  string,
  Truth
>;
const ids = readdirSync(join(EXTRACTION_BENCHMARK, 'html'))
  .filter((f) => f.endsWith('.html.gz'))
  .map((f) => f.slice(0, -'.html.gz'.length))
  .sort();

const predictions: Record<string, { articleBody: string }> = {};
const ours: PageScore[] = [];
const bare: PageScore[] = [];
const rows: PageRow[] = [];
let rejected = 0;
let extractMs = 0;
const started = performance.now();

for (const id of ids) {
  const want = truth[id]?.articleBody ?? '';
  const html = gunzipSync(readFileSync(join(EXTRACTION_BENCHMARK, 'html', `${id}.html.gz`))).toString('utf8');
  const url = truth[id]?.url ?? `http://fakehost/${id}.html`;
  // Same preparation as the acceptance suite: saved scripts cannot reach their servers; jsdom ignores styles.
  const doc = parseQuietly(prepareSource(html, false), url).window.document;

  const t = performance.now();
  const result = extract(doc, { url });
  const ms = performance.now() - t;
  extractMs += ms;
  const body = result.ok ? result.article.paragraphs.map((p) => p.text).join('\n') : '';
  if (!result.ok) rejected++;
  predictions[id] = { articleBody: body };
  const mine = scorePage(want, body);
  ours.push(mine);

  const alone = values['no-baseline'] ? null : new Readability(doc.cloneNode(true) as Document).parse();
  const theirs = scorePage(want, alone?.textContent ?? '');
  bare.push(theirs);

  rows.push({
    id,
    redline: {
      precision: pagePrecision(mine),
      recall: pageRecall(mine),
      rejected: result.ok ? null : result.reason,
      ms,
    },
    readability: { precision: pagePrecision(theirs), recall: pageRecall(theirs) },
  });
}

writeFileSync(output, `${JSON.stringify(predictions, null, 1)}\n`);
const redline = summarize(ours);
const readability = summarize(bare);
writeFileSync(
  summaryFile,
  `${JSON.stringify({ redline: { ...redline, rejected, extractMs }, readability, pages: rows }, null, 1)}\n`,
);

const f = (x: number): string => x.toFixed(3);
const line = (name: string, s: Summary, rej: string): string =>
  `${name.padEnd(16)} ${f(s.f1)}  ${f(s.precision)}      ${f(s.recall)}   ${f(s.accuracy)}    ${rej}`;
console.log(`${'extractor'.padEnd(16)} F1     precision  recall  accuracy  rejected`);
console.log(line('Redline', redline, `${rejected}/${ids.length}`));
if (!values['no-baseline']) console.log(line('Readability.js', readability, '-'));
const worst = Number(values.worst);
if (worst > 0) {
  console.log(`\nworst ${worst} pages (Redline F1 per page):`);
  const pageF1 = (r: PageRow['redline']): number =>
    r.precision + r.recall === 0 ? 0 : (2 * r.precision * r.recall) / (r.precision + r.recall);
  for (const r of [...rows].sort((a, b) => pageF1(a.redline) - pageF1(b.redline)).slice(0, worst)) {
    console.log(
      `${r.id}  P ${f(r.redline.precision)} R ${f(r.redline.recall)}${r.redline.rejected ? ` rejected: ${r.redline.rejected}` : ''}  (Readability P ${f(r.readability.precision)} R ${f(r.readability.recall)})`,
    );
  }
}
console.log(
  `\n${ids.length} pages in ${((performance.now() - started) / 1000).toFixed(0)} s (extract ${extractMs.toFixed(0)} ms); wrote ${output} and ${summaryFile}`,
);
