/**
 * Mounting many marks without a long task (issue 8): the work is a list of jobs, run visible ones first, a
 * chunk per task. A chunk takes at least MIN_CHUNK jobs (so a typical article mounts in one go, as it always
 * did; a chunk of 64 ran 200 ms on a loaded machine) and then stops once CHUNK_BUDGET_MS is spent, so no task of the mount runs much past 50 ms even on a
 * slow machine. Each job is constant work in its paragraph's size, so the whole mount is linear in the marks.
 */
import { t } from '../../ui/i18n';

export const MIN_CHUNK = 8;
export const CHUNK_BUDGET_MS = 12;
/** Past this many jobs the page is too large to mark in full; the control bar says so. */
export const MAX_MARK_JOBS = 20_000;

/** The control bar's note when a page has more changes than are marked (past MAX_MARK_JOBS jobs). */
export function capNote(jobs: number, items: number): string {
  if (jobs <= MAX_MARK_JOBS) return '';
  const shown = Math.round((items * MAX_MARK_JOBS) / jobs);
  return ` · ${t('bar_capped', shown)}`;
}

/** A job placed at new paragraph `at` (an index into the overlay's elements; -1 for none, such as the headline). */
export interface Placed {
  at: number;
}

/**
 * Up to this many elements every rectangle is read; past it the elements near the screen are found by a binary
 * search down the article (its paragraphs' tops grow in reading order), a few dozen reads instead of one per
 * paragraph.
 */
export const EXACT_NEAR_LIMIT = 400;

/**
 * The indices of the elements on or near the screen (within a screen above, two below). Call it before the
 * overlay writes anything: reading a rectangle after a write lays the whole page out again, which on a page of
 * 20,000 paragraphs was one task of over a second. Indices, not elements: a Set of the page's elements costs the
 * content script a hash of each element's wrapper, 14 ms over 22,000 jobs. Null when there is no viewport.
 */
export function nearScreen(elements: readonly (Element | null)[], view: Window | null): Set<number> | null {
  const height = view?.innerHeight ?? 0;
  if (height <= 0) return null;
  const mapped: number[] = [];
  elements.forEach((element, i) => {
    if (element !== null) mapped.push(i);
  });
  const rectOf = (k: number): DOMRect => (elements[mapped[k] as number] as Element).getBoundingClientRect();
  const near = new Set<number>();
  const isNear = (rect: DOMRect): boolean => rect.bottom >= -height && rect.top <= 2 * height;
  let from = 0;
  if (mapped.length > EXACT_NEAR_LIMIT) {
    let hi = mapped.length;
    while (from < hi) {
      const mid = (from + hi) >> 1;
      if (rectOf(mid).bottom >= -height) hi = mid;
      else from = mid + 1;
    }
  }
  for (let k = from; k < mapped.length; k++) {
    const rect = rectOf(k);
    if (isNear(rect)) near.add(mapped[k] as number);
    else if (mapped.length > EXACT_NEAR_LIMIT && rect.top > 2 * height) break;
  }
  return near;
}

/** `jobs` reordered so those at an index in `near` come first; the rest keep their order. */
export function visibleFirst<T extends Placed>(jobs: readonly T[], near: ReadonlySet<number> | null): T[] {
  if (!near) return [...jobs];
  const first: T[] = [];
  const rest: T[] = [];
  for (const job of jobs) (near.has(job.at) ? first : rest).push(job);
  return first.concat(rest);
}

export interface ChunkOptions<T> {
  signal: AbortSignal;
  now: () => number;
  /** Resolves in a later task, giving the page its turn. */
  nextTask: () => Promise<void>;
  /** After each chunk, with how many jobs have run. */
  onChunk: (done: number) => void;
  /** Asked before each chunk: when `pending()`, the jobs still to run are put in the order `apply` gives. */
  prioritise?: Prioritise<T>;
  /**
   * When the task that runs the first chunk began (by `now`): what the caller did in it before (planning, the
   * control bar) counts against the first chunk's budget, which then still runs its MIN_CHUNK jobs.
   */
  startedAt?: number;
}

export interface Prioritise<T> {
  pending(): boolean;
  apply(remaining: readonly T[]): T[];
}

/** Runs `jobs` in chunks; the first chunk runs before this returns. Stops when `signal` aborts. */
export async function runInChunks<T>(
  jobs: readonly T[],
  run: (job: T) => void,
  options: ChunkOptions<T>,
): Promise<void> {
  let queue = jobs;
  let next = 0;
  while (next < queue.length) {
    if (options.signal.aborted) return;
    if (options.prioritise?.pending()) {
      queue = queue.slice(0, next).concat(options.prioritise.apply(queue.slice(next)));
    }
    const start = next === 0 && options.startedAt !== undefined ? options.startedAt : options.now();
    let count = 0;
    while (next < queue.length && (count < MIN_CHUNK || options.now() - start < CHUNK_BUDGET_MS)) {
      run(queue[next] as T);
      next += 1;
      count += 1;
    }
    options.onChunk(next);
    if (next < queue.length) await options.nextTask();
  }
}

/**
 * The next turn of work, queued behind the page's own tasks: a zero-delay timeout. Not `scheduler.yield()`:
 * its continuation goes ahead of every task of the same priority, so a chain of them starved the page's own
 * timers for the whole of a long job. Reading and marking a 20,000-paragraph page in Chromium held a 16 ms
 * timer chain off for 8.3 s with yield, and for at most 0.35 s with timeouts (`bench:jank --mount=20000`).
 * After the fifth nested timeout browsers wait at least 4 ms, which leaves the page that much more room.
 */
export function nextTaskOf(view: Window | null): () => Promise<void> {
  const timers = view ?? globalThis;
  return () => new Promise((resolve) => timers.setTimeout(resolve, 0));
}
