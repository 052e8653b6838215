/** One measured bench row, and its form in bench/results.json. */

export type Task =
  | 'align'
  | 'compare'
  | 'diffWords'
  | 'dmp'
  | 'allPairs'
  | 'extract'
  | 'readability'
  | 'mount';

export interface BenchRow {
  task: Task;
  /** Paragraph count of a synthetic article, or the readability-pages fixture name. */
  size: number | string;
  /** "5%" or "all" for synthetic articles; "-" for a real page, which has a single version. */
  edits: string;
  medianMs: number;
  runs: number;
  capped: boolean;
  note: string | undefined;
}

/** A row of bench/results.json. */
export interface ResultRow {
  task: Task;
  size: number | string;
  edits: string;
  medianMs: number;
  note?: string;
}

export function toResultRow(row: BenchRow): ResultRow {
  const out: ResultRow = {
    task: row.task,
    size: row.size,
    edits: row.edits,
    medianMs: Math.round(row.medianMs * 1000) / 1000,
  };
  const note = row.capped ? `capped: ${row.note ?? 'cost cap hit'}` : row.note;
  if (note) out.note = note;
  return out;
}

export function findRow(rows: readonly BenchRow[], task: Task, size: number | string, edits: string) {
  return rows.find((row) => row.task === task && row.size === size && row.edits === edits);
}
