/**
 * Adaptive timing: warm up, then repeat a task enough times for a stable median within a time budget.
 * Fast tasks get many runs (timer noise and GC pauses average out), slow ones at least `minRuns`.
 *
 * No forced GC between runs, only between tasks (by the caller): a full collection shrinks V8's young
 * generation, and the next run of an allocation-heavy task then pays for regrowing it (align measured 5–10×
 * slower with gc() before every run).
 */
import type { RunOutcome } from './outcome';

export interface MeasureOptions {
  /** Time to spend in the timed runs, roughly. */
  budgetMs: number;
  minRuns: number;
  maxRuns: number;
  /** Warm-up lasts at least one run and until this much time has passed (JIT tiers up meanwhile). */
  warmupMs: number;
  maxWarmupRuns: number;
}

export const DEFAULT_MEASURE: MeasureOptions = {
  budgetMs: 1000,
  minRuns: 5,
  maxRuns: 300,
  // align needs about ten runs before its times settle (JIT tiers, heap sizing); a capped peer gets one.
  warmupMs: 1000,
  maxWarmupRuns: 30,
};

export interface Measurement {
  medianMs: number;
  runs: number;
  capped: boolean;
  note: string | undefined;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function timed(run: () => RunOutcome): { ms: number; outcome: RunOutcome } {
  const started = performance.now();
  const outcome = run();
  return { ms: performance.now() - started, outcome };
}

/** How many timed runs fit the budget, given one run's estimated time. */
export function runCount(estimateMs: number, options: MeasureOptions): number {
  const fit = Math.floor(options.budgetMs / Math.max(estimateMs, 0.001));
  return Math.min(options.maxRuns, Math.max(options.minRuns, fit));
}

class Tally {
  readonly times: number[] = [];
  private cappedRuns = 0;
  private note: string | undefined;

  add(ms: number, outcome: RunOutcome): void {
    this.times.push(ms);
    if (outcome.capped) this.cappedRuns++;
    this.note = outcome.note ?? this.note;
  }

  result(): Measurement {
    const runs = this.times.length;
    let note = this.note;
    if (this.cappedRuns > 0 && this.cappedRuns < runs) {
      note = `${note ?? 'capped'} (in ${this.cappedRuns} of ${runs} runs)`;
    }
    return { medianMs: median(this.times), runs, capped: this.cappedRuns > 0, note };
  }
}

function warmUp(run: () => RunOutcome, options: MeasureOptions): number {
  const started = performance.now();
  let estimate = Number.POSITIVE_INFINITY;
  for (let i = 0; i < options.maxWarmupRuns; i++) {
    // The fastest warm-up run is the best estimate: later runs are the tiered-up ones.
    estimate = Math.min(estimate, timed(run).ms);
    if (performance.now() - started >= options.warmupMs) break;
  }
  return estimate;
}

/**
 * Two tasks timed in alternation (A B, B A, A B, …), for a ratio between them that other load on the machine
 * and the order of runs affect alike.
 */
export function measurePair(
  a: () => RunOutcome,
  b: () => RunOutcome,
  options: MeasureOptions = DEFAULT_MEASURE,
): [Measurement, Measurement] {
  const estimate = warmUp(a, options) + warmUp(b, options);
  const rounds = runCount(estimate, options);
  const tallies = [new Tally(), new Tally()] as const;
  const tasks = [a, b] as const;
  for (let round = 0; round < rounds; round++) {
    for (const which of round % 2 ? [1, 0] : [0, 1]) {
      const { ms, outcome } = timed(tasks[which as 0 | 1]);
      tallies[which as 0 | 1].add(ms, outcome);
    }
  }
  return [tallies[0].result(), tallies[1].result()];
}

export function measure(run: () => RunOutcome, options: MeasureOptions = DEFAULT_MEASURE): Measurement {
  const estimate = warmUp(run, options);
  const runs = runCount(estimate, options);
  const tally = new Tally();
  for (let i = 0; i < runs; i++) {
    const { ms, outcome } = timed(run);
    tally.add(ms, outcome);
  }
  return tally.result();
}
