/**
 * The performance targets from the issue, reported as PASS/FAIL lines under the table. They are printed,
 * never asserted: wall-clock limits would make tests flaky on a busy machine.
 */
import { type BenchRow, findRow } from './rows';
import { formatMs } from './table';

export interface TargetLine {
  /** null: the rows it needs were not part of this run. */
  pass: boolean | null;
  text: string;
}

export const ALIGN_LIMIT_MS = 20;
export const ALIGN_SPEEDUP = 10;
// Growing the input 10×, linear work grows ~10× and quadratic ~100×; their geometric middle splits the two.
export const GROWTH_LIMIT = Math.sqrt(10 * 100);
export const EXTRACT_LIMIT = 1.2;

/**
 * `missing` says what a target whose rows are absent is: a failure in a full run (a module did not load or
 * threw), a skip in a subset run.
 */
export function evaluateTargets(
  rows: readonly BenchRow[],
  fixtures: readonly string[],
  missing: 'fail' | 'skip' = 'fail',
): TargetLine[] {
  const absent = missing === 'fail' ? false : null;
  const lines: TargetLine[] = [];
  const align5000 = findRow(rows, 'align', 5000, '5%');
  const diff5000 = findRow(rows, 'diffWords', 5000, '5%');
  if (!align5000) lines.push({ pass: absent, text: 'align at 5000 paragraphs, 5% edits: did not run' });
  else {
    lines.push({
      pass: align5000.medianMs < ALIGN_LIMIT_MS,
      text: `align at 5000 paragraphs, 5% edits: median ${formatMs(align5000.medianMs)} ms (target < ${ALIGN_LIMIT_MS} ms)`,
    });
    if (diff5000) {
      const speedup = diff5000.medianMs / align5000.medianMs;
      const pass = speedup >= ALIGN_SPEEDUP;
      // A capped diffWords stopped early: the ratio is a lower bound, enough to pass, not to fail.
      let caveat = '';
      if (diff5000.capped) {
        caveat = pass
          ? '; diffWords was capped, so this is a lower bound'
          : '; not proven either way: diffWords was capped, its true time and this ratio are higher';
      }
      lines.push({
        pass,
        text:
          `align at 5000 paragraphs, 5% edits: ${diff5000.capped ? '≥' : ''}${speedup.toFixed(1)}× faster than ` +
          `diffWords (target ≥ ${ALIGN_SPEEDUP}×)${caveat}`,
      });
    }
  }
  const all500 = findRow(rows, 'align', 500, 'all');
  const all5000 = findRow(rows, 'align', 5000, 'all');
  if (!all500 || !all5000)
    lines.push({ pass: absent, text: 'align with every paragraph changed: did not run' });
  else {
    const growth = all5000.medianMs / all500.medianMs;
    lines.push({
      pass: growth <= GROWTH_LIMIT,
      text:
        `align with every paragraph changed, 500 → 5000 paragraphs: ${formatMs(all500.medianMs)} → ` +
        `${formatMs(all5000.medianMs)} ms, ${growth.toFixed(1)}× (linear ≈ 10×, quadratic ≈ 100×; target ≤ ${GROWTH_LIMIT.toFixed(0)}×)`,
    });
  }
  for (const fixture of fixtures) {
    const extract = findRow(rows, 'extract', fixture, '-');
    const readability = findRow(rows, 'readability', fixture, '-');
    if (!extract || !readability) {
      lines.push({ pass: absent, text: `extract on ${fixture}: did not run` });
      continue;
    }
    const factor = extract.medianMs / readability.medianMs;
    lines.push({
      pass: factor <= EXTRACT_LIMIT,
      text:
        `extract on ${fixture}: ${formatMs(extract.medianMs)} ms vs readability ${formatMs(readability.medianMs)} ms, ` +
        `${factor.toFixed(2)}× (target ≤ ${EXTRACT_LIMIT}×)`,
    });
  }
  return lines;
}

export function formatTargets(lines: readonly TargetLine[]): string {
  const status = (pass: boolean | null): string => (pass === null ? 'SKIP' : pass ? 'PASS' : 'FAIL');
  return lines.map((line) => `${status(line.pass)}  ${line.text}`).join('\n');
}
