/**
 * Mounting many marks without a long task (issue 8): the work is a list of jobs, run visible ones first, a
 * chunk per task. A chunk takes at least MIN_CHUNK jobs (so a typical article mounts in one go, as it always
 * did) and then stops once CHUNK_BUDGET_MS is spent, so no task of the mount runs much past 50 ms even on a
 * slow machine. Each job is constant work in its paragraph's size, so the whole mount is linear in the marks.
 */
import { t } from '../../ui/i18n';

export const MIN_CHUNK = 64;
export const CHUNK_BUDGET_MS = 12;
/** Past this many jobs the page is too large to mark in full; the control bar says so. */
export const MAX_MARK_JOBS = 20_000;

/** The control bar's note when a page has more changes than are marked (past MAX_MARK_JOBS jobs). */
export function capNote(jobs: number, items: number): string {
  if (jobs <= MAX_MARK_JOBS) return '';
  const shown = Math.round((items * MAX_MARK_JOBS) / jobs);
  return ` · ${t('bar_capped', shown)}`;
}

export interface Placed {
  element: Element;
}

/**
 * `jobs` reordered so those whose element is on or near the screen come first; the rest keep their order.
 * Jobs of one element stay in order (they land in the same group). All rectangles are read before anything is
 * written, so the page lays out once.
 */
export function visibleFirst<T extends Placed>(jobs: readonly T[], view: Window | null): T[] {
  const height = view?.innerHeight ?? 0;
  if (height <= 0) return [...jobs];
  const near: T[] = [];
  const rest: T[] = [];
  const rects = new Map<Element, boolean>();
  for (const job of jobs) {
    let isNear = rects.get(job.element);
    if (isNear === undefined) {
      const rect = job.element.getBoundingClientRect();
      isNear = rect.bottom >= -height && rect.top <= 2 * height;
      rects.set(job.element, isNear);
    }
    (isNear ? near : rest).push(job);
  }
  return near.concat(rest);
}

export interface ChunkOptions {
  signal: AbortSignal;
  now: () => number;
  /** Resolves in a later task, giving the page its turn. */
  nextTask: () => Promise<void>;
  /** After each chunk, with how many jobs have run. */
  onChunk: (done: number) => void;
}

/** Runs `jobs` in chunks; the first chunk runs before this returns. Stops when `signal` aborts. */
export async function runInChunks<T>(
  jobs: readonly T[],
  run: (job: T) => void,
  options: ChunkOptions,
): Promise<void> {
  let next = 0;
  while (next < jobs.length) {
    if (options.signal.aborted) return;
    const start = options.now();
    let count = 0;
    while (next < jobs.length && (count < MIN_CHUNK || options.now() - start < CHUNK_BUDGET_MS)) {
      run(jobs[next] as T);
      next += 1;
      count += 1;
    }
    options.onChunk(next);
    if (next < jobs.length) await options.nextTask();
  }
}

type Scheduler = { yield?: () => Promise<void> };

/** `scheduler.yield()` where the browser has it (Chromium 129+), else a zero-delay timeout. */
export function nextTaskOf(view: Window | null): () => Promise<void> {
  const scheduler = (view as (Window & { scheduler?: Scheduler }) | null)?.scheduler;
  if (typeof scheduler?.yield === 'function')
    return () => (scheduler.yield as () => Promise<void>).call(scheduler);
  return () => new Promise((resolve) => (view ?? globalThis).setTimeout(resolve, 0));
}
