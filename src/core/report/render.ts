/**
 * "Save this comparison": one self-contained HTML file a reader can keep, mail or print. No script, no external
 * resource (inline CSS, no images or fonts), so it opens offline and anywhere; every piece of page text goes
 * through `escapeHtml`. Changes read without colour: a word column names each row's change, deleted words are
 * struck through and bracketed as [−…], inserted ones underlined and bracketed as [+…], and the print
 * stylesheet keeps all of that on paper.
 */

import type { AlignResult, WordChange } from '../model';
import type { Notice } from '../notices';
import { archiveUrl } from './archive';
import { changeLine } from './summary';

/** One row of the side-by-side table, as src/ui/compareRows.ts builds it for the history page. */
export interface ReportRow {
  kind: 'unchanged' | 'moved' | 'reworded' | 'added' | 'removed';
  old: readonly WordChange[] | null;
  new: readonly WordChange[] | null;
  moved: boolean;
  /** Left out of the comparison by an ignore rule. */
  ignored?: boolean;
}

export interface ReportInput {
  url: string;
  site: string;
  older: { number: number; date: string; title: string };
  newer: { number: number; date: string; title: string };
  result: AlignResult;
  rows: readonly ReportRow[];
  /** Notices the newer version brought. */
  notices: readonly Notice[];
  silent: boolean;
  /** When the report was made, as the reader reads dates. */
  made: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export const ROW_LABELS: Record<ReportRow['kind'], string> = {
  unchanged: '',
  moved: 'Moved',
  reworded: 'Reworded',
  added: 'Added',
  removed: 'Removed',
};

export function rowLabel(row: ReportRow): string {
  const label = row.kind === 'reworded' && row.moved ? 'Reworded, moved' : ROW_LABELS[row.kind];
  return row.ignored ? `${label} (ignored by a rule)` : label;
}

function words(runs: readonly WordChange[]): string {
  return runs
    .map((run) =>
      run.op === 'equal'
        ? escapeHtml(run.text)
        : run.op === 'insert'
          ? `<ins><span class="sr">[+</span>${escapeHtml(run.text)}<span class="sr">]</span></ins>`
          : `<del><span class="sr">[\u2212</span>${escapeHtml(run.text)}<span class="sr">]</span></del>`,
    )
    .join('');
}

const CSS = `
:root { color-scheme: light; }
body { margin: 2rem auto; max-width: 72rem; padding: 0 1rem; font: 15px/1.5 Georgia, "Times New Roman", serif;
  color: #111; background: #fff; }
header h1 { font-size: 1.5rem; margin: 0 0 .3rem; }
.meta, .made { color: #444; font-family: system-ui, sans-serif; font-size: .9rem; }
.summary { font-family: system-ui, sans-serif; font-weight: 600; margin: 1rem 0; }
.headline-change { border: 2px dashed #555; padding: .5rem .75rem; margin: 1rem 0; }
.notice { border: 3px double #111; padding: .5rem .75rem; margin: 1rem 0; }
.notice strong, .silent strong { font-family: system-ui, sans-serif; }
.silent { border: 2px dotted #555; padding: .5rem .75rem; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #999; padding: .4rem .6rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { font-family: system-ui, sans-serif; font-size: .9rem; background: #f0f0f0; }
th.kind, td.kind { width: 8.5rem; font-family: system-ui, sans-serif; font-size: .85rem; font-weight: 600; }
tr.unchanged td { color: #555; }
tr.ignored td { color: #666; font-style: italic; }
tr.added td.new, tr.removed td.old { border-width: 3px; }
tr.removed td.old { text-decoration: line-through; }
ins { text-decoration: underline; text-decoration-thickness: 2px; background: #d9f2dd; color: #0b4f1c; }
del { text-decoration: line-through; text-decoration-thickness: 2px; background: #fbdcdc; color: #7a1010; }
.sr { font-size: .75em; color: #333; }
footer { margin-top: 2rem; color: #444; font-family: system-ui, sans-serif; font-size: .85rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  a { color: inherit; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .85em; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  ins, del { background: none; color: inherit; }
}
`;

export function renderReport(input: ReportInput): string {
  const { result } = input;
  const archive = archiveUrl(input.url);
  const title = escapeHtml(input.newer.title);
  const head = (v: ReportInput['older']) => `Version ${v.number} · ${escapeHtml(v.date)}`;
  const titleRow = result.title.changed
    ? `<tr class="reworded"><td class="kind">Headline</td><td class="old">${words(result.title.words.filter((w) => w.op !== 'insert'))}</td><td class="new">${words(result.title.words.filter((w) => w.op !== 'delete'))}</td></tr>`
    : `<tr class="unchanged"><td class="kind"></td><td class="old">${escapeHtml(input.older.title)}</td><td class="new">${escapeHtml(input.newer.title)}</td></tr>`;
  const rows = input.rows
    .map((row) => {
      const classes = row.ignored ? `${row.kind} ignored` : row.kind;
      return `<tr class="${classes}" data-kind="${row.kind}"><td class="kind">${escapeHtml(rowLabel(row))}</td><td class="old">${row.old ? words(row.old) : ''}</td><td class="new">${row.new ? words(row.new) : ''}</td></tr>`;
    })
    .join('\n');
  const notices = input.notices
    .map(
      (notice) =>
        `<aside class="notice" data-testid="report-notice"><strong>Correction notice:</strong> ${escapeHtml(notice.text)}</aside>`,
    )
    .join('\n');
  const silent = input.silent
    ? '<aside class="silent"><strong>Silent edit:</strong> the words changed with no correction or update notice.</aside>'
    : '';
  const headline = result.title.changed
    ? `<p class="headline-change"><strong>Headline changed.</strong> Was: “${escapeHtml(result.title.old)}”. Now: “${escapeHtml(result.title.new)}”.</p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>Redline comparison: ${title}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p class="meta"><a href="${escapeHtml(input.url)}" rel="noreferrer">${escapeHtml(input.url)}</a> · ${escapeHtml(input.site)}</p>
<p class="meta">Version ${input.older.number}: first seen ${escapeHtml(input.older.date)} · Version ${input.newer.number}: first seen ${escapeHtml(input.newer.date)}</p>
</header>
<main>
<p class="summary" data-testid="report-summary">${escapeHtml(capitalise(changeLine(result)))}.${result.capped ? ' (A long edit was compared paragraph by paragraph only.)' : ''}</p>
${headline}
${notices}
${silent}
<table data-testid="report-table">
<caption class="sr">Each row pairs a paragraph of version ${input.older.number} with the paragraph it became in version ${input.newer.number}. Deleted words are struck through and marked [−…], inserted words underlined and marked [+…].</caption>
<thead><tr><th scope="col" class="kind">Change</th><th scope="col">${head(input.older)}</th><th scope="col">${head(input.newer)}</th></tr></thead>
<tbody>
${titleRow}
${rows}
</tbody>
</table>
</main>
<footer>
<p>Saved from Redline on ${escapeHtml(input.made)}. Redline keeps the text of articles in the reader's own browser and compares the versions it saw; it does not prove what a site published to anyone else.${archive ? ` The Internet Archive may hold other captures: <a href="${escapeHtml(archive)}" rel="noreferrer">${escapeHtml(archive)}</a>.` : ''}</p>
</footer>
</body>
</html>
`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** redline-comparison-example.com-2026-03-12.html */
export function reportFileName(site: string, now: number): string {
  const day = new Date(now).toISOString().slice(0, 10);
  const safe = site.replace(/[^a-z0-9.-]+/gi, '-').replace(/^-+|-+$/g, '') || 'article';
  return `redline-comparison-${safe}-${day}.html`;
}
