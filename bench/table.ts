/** The printed results table: one line per row, with each peer's time relative to Redline's own task. */
import { type BenchRow, findRow, type Task } from './rows';

/** The Redline task each peer is compared with. */
const BASELINE: Partial<Record<Task, Task>> = {
  compare: 'align',
  diffWords: 'align',
  dmp: 'align',
  allPairs: 'align',
  extract: 'readability',
};

export function formatMs(ms: number): string {
  if (ms < 1) return ms.toFixed(3);
  if (ms < 10) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return ms.toFixed(0);
}

function ratio(row: BenchRow, rows: readonly BenchRow[]): string {
  const baselineTask = BASELINE[row.task];
  if (!baselineTask) return '';
  const baseline = findRow(rows, baselineTask, row.size, row.edits);
  if (!baseline || baseline.medianMs <= 0) return '';
  // A capped peer stopped early: its true ratio is at least this.
  return `${row.capped ? '≥' : ''}${(row.medianMs / baseline.medianMs).toFixed(row.task === 'extract' ? 2 : 1)}×`;
}

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['task', 'size', 'edits', 'median ms', 'runs', 'vs align/readability', 'capped', 'note'];
  const lines = rows.map((row) => [
    row.task,
    String(row.size),
    row.edits,
    formatMs(row.medianMs),
    String(row.runs),
    ratio(row, rows),
    row.capped ? 'capped' : '',
    row.note ?? '',
  ]);
  const numeric = new Set([1, 3, 4, 5]);
  const widths = header.map((title, col) =>
    Math.max(title.length, ...lines.map((line) => (line[col] ?? '').length)),
  );
  const render = (cells: string[]): string =>
    cells
      .map((cell, col) => {
        const width = widths[col] ?? 0;
        return numeric.has(col) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const body: string[] = [];
  lines.forEach((line, i) => {
    const previous = rows[i - 1];
    const current = rows[i];
    // A blank line between groups (size × edits) keeps the table readable.
    if (previous && current && (previous.size !== current.size || previous.edits !== current.edits))
      body.push('');
    body.push(render(line));
  });
  return [render(header), rule, ...body].join('\n');
}
