/**
 * Redline's share of Firefox's page threads, for bench:jank. Firefox has no `longtask` entries and no DevTools
 * trace over WebDriver BiDi, but its built-in profiler runs from start-up when the environment asks it to
 * (`MOZ_PROFILER_STARTUP`) and writes every process's samples to a file when the browser quits
 * (`MOZ_PROFILER_SHUTDOWN`), JS frames named by function and script address. A sample whose stack holds the
 * content script (`…/content.js`) on a content process's main thread is Redline's.
 */
import { readFileSync } from 'node:fs';

/** Sampling interval, milliseconds. */
export const GECKO_INTERVAL_MS = 1;

/** The environment that makes Firefox profile its main threads from start-up and write `file` when it quits. */
export function geckoProfilerEnv(file: string): Record<string, string> {
  return {
    MOZ_PROFILER_STARTUP: '1',
    // JS frames only: native stack walking makes the file several times larger and says nothing about whose code ran.
    MOZ_PROFILER_STARTUP_FEATURES: 'js',
    MOZ_PROFILER_STARTUP_FILTERS: 'GeckoMain',
    MOZ_PROFILER_STARTUP_INTERVAL: String(GECKO_INTERVAL_MS),
    // 64 M entries (512 MiB): a few pages' visits fit without the ring buffer dropping the oldest samples.
    MOZ_PROFILER_STARTUP_ENTRIES: String(64 * 1024 * 1024),
    MOZ_PROFILER_SHUTDOWN: file,
  };
}

export interface Table {
  schema: Record<string, number>;
  data: (number | string | boolean | null)[][];
}

export interface GeckoThread {
  name: string;
  processName?: string;
  samples: Table;
  stackTable: Table;
  frameTable: Table;
  stringTable: string[];
}

export interface GeckoProcess {
  meta: { startTime: number; interval?: number };
  threads: GeckoThread[];
  processes?: GeckoProcess[];
}

/** One stretch of consecutive samples with the content script on the stack: its start (epoch ms) and length. */
export interface Stretch {
  at: number;
  ms: number;
}

/** Every web content process's main thread in `profile` (the parent's and its child processes'), with its process. */
export function* contentMainThreads(
  profile: GeckoProcess,
): Generator<{ process: GeckoProcess; thread: GeckoThread }> {
  for (const thread of profile.threads) {
    if (thread.name === 'GeckoMain' && thread.processName === 'Web Content')
      yield { process: profile, thread };
  }
  for (const child of profile.processes ?? []) yield* contentMainThreads(child);
}

/** Every sample time (epoch ms) on a web content process's main thread that had the content script on its stack. */
export function contentScriptSamples(profile: GeckoProcess, script = '/content.js'): number[] {
  const times: number[] = [];
  for (const { process, thread } of contentMainThreads(profile)) {
    const frameLocation = thread.frameTable.schema.location ?? 0;
    const stackPrefix = thread.stackTable.schema.prefix ?? 0;
    const stackFrame = thread.stackTable.schema.frame ?? 1;
    const sampleStack = thread.samples.schema.stack ?? 0;
    const sampleTime = thread.samples.schema.time ?? 1;
    const frameIsOurs = thread.frameTable.data.map((frame) =>
      (thread.stringTable[Number(frame[frameLocation])] ?? '').includes(script),
    );
    // Stacks are listed after their prefixes, so one pass settles each.
    const stackIsOurs: boolean[] = [];
    for (const [i, stack] of thread.stackTable.data.entries()) {
      const prefix = stack[stackPrefix];
      stackIsOurs[i] =
        (frameIsOurs[Number(stack[stackFrame])] ?? false) ||
        (prefix !== null && prefix !== undefined && (stackIsOurs[Number(prefix)] ?? false));
    }
    for (const sample of thread.samples.data) {
      const stack = sample[sampleStack];
      if (stack === null || stack === undefined || !stackIsOurs[Number(stack)]) continue;
      times.push(process.meta.startTime + Number(sample[sampleTime]));
    }
  }
  return times.sort((a, b) => a - b);
}

export function readGeckoProfile(file: string): GeckoProcess {
  return JSON.parse(readFileSync(file, 'utf8')) as GeckoProcess;
}

/**
 * The profile once Firefox has written all of it: the browser's process may be gone (puppeteer's close has
 * returned) while the file is still being written, and a read then finds it missing or cut off.
 */
export async function finishedGeckoProfile(file: string, waitMs = 60_000): Promise<GeckoProcess> {
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      return readGeckoProfile(file);
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/**
 * Redline's samples between `from` and `to` (epoch ms): its time (samples × interval) and its stretches, runs of
 * samples no further apart than 1.5 intervals. A stretch is a lower bound of the task it ran in: the task may
 * have gone on with the page's own work.
 */
export function redlineIn(
  samples: readonly number[],
  from: number,
  to: number,
  interval = GECKO_INTERVAL_MS,
): { ownMs: number; stretches: Stretch[] } {
  const inside = samples.filter((t) => t >= from && t < to);
  const stretches: Stretch[] = [];
  let current: Stretch | null = null;
  let last = Number.NEGATIVE_INFINITY;
  for (const t of inside) {
    if (current && t - last <= 1.5 * interval) current.ms = t - current.at + interval;
    else {
      current = { at: t, ms: interval };
      stretches.push(current);
    }
    last = t;
  }
  return { ownMs: inside.length * interval, stretches };
}
