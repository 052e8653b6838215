/**
 * When to check which followed article: pure functions over the stored state and a clock, so the background
 * keeps nothing in memory between alarms (an MV3 service worker can be stopped at any moment) and a fake clock
 * can drive 2,000 articles through days of checks in a unit test.
 *
 * - **Cap and spread.** At most `perHour` fetches in any hour, spaced at least an hour / `perHour` apart
 *   (30 an hour: one every 2 minutes), so a backlog never becomes a burst; a late alarm (a sleeping laptop)
 *   does not catch up either.
 * - **Fairness.** The most overdue article goes first.
 * - **Backoff.** An unchanged article waits twice as long each time (up to `MAX_INTERVAL_FACTOR` × the base
 *   interval); an edit brings the base interval back. A failed check waits base × 2^failures; after
 *   `MAX_FAILURES` failures in a row checking stops for that article until the reader reads it again. 429 waits
 *   as long as the site's `Retry-After` says, for every article on that host.
 * - **Jitter.** Every wait is stretched by a random 0–20 %, so articles read together are not due together.
 */
import type { CheckOutcome, FollowState } from './follow';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** How often the alarm fires. */
export const TICK_MS = MINUTE;
export const MAX_INTERVAL_FACTOR = 8;
export const MAX_FAILURES = 5;
export const JITTER = 0.2;
/** Bounds on a site's `Retry-After`: at least a minute, at most a day. */
export const RETRY_AFTER_MIN_MS = MINUTE;
export const RETRY_AFTER_MAX_MS = DAY;

export interface ScheduleConfig {
  /** Wait after reading before the first check, and after an edit. */
  intervalMs: number;
  perHour: number;
  /** Articles are followed this long after the reader last read them. */
  followMs: number;
}

/** Scheduler state kept between alarms (storage.local): recent fetch times and hosts that asked us to wait. */
export interface SchedulerState {
  /** Start times of the fetches of the last hour, oldest first. */
  recent: number[];
  /** Host name → time before which it is not asked again (its `Retry-After`). */
  holds: Record<string, number>;
}

export const EMPTY_SCHEDULER_STATE: SchedulerState = Object.freeze({
  recent: [],
  holds: {},
}) as SchedulerState;

/** A random number in [0, 1), injected so tests are repeatable. */
export type Random = () => number;

function jittered(ms: number, random: Random): number {
  return Math.round(ms * (1 + JITTER * random()));
}

/** How many fetches may start in the tick that begins at `now` (the tick lasts `tickMs`). */
export function slotsThisTick(
  recent: readonly number[],
  now: number,
  perHour: number,
  tickMs = TICK_MS,
): number {
  if (perHour <= 0) return 0;
  const spacing = HOUR / perHour;
  const inWindow = recent.filter((t) => t > now - HOUR);
  const room = perHour - inWindow.length;
  if (room <= 0) return 0;
  const last = inWindow.length > 0 ? Math.max(...inWindow) : Number.NEGATIVE_INFINITY;
  const first = Math.max(last + spacing, now);
  if (first >= now + tickMs) return 0;
  return Math.min(room, Math.floor((now + tickMs - 1 - first) / spacing) + 1);
}

/** The fetch times to keep after fetches started at `started`: the last hour's only. */
export function remember(recent: readonly number[], started: readonly number[], now: number): number[] {
  return [...recent, ...started].filter((t) => t > now - HOUR).sort((a, b) => a - b);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * Up to `count` articles to check now, most overdue first: due, not stopped, not blocked by the reader's
 * settings (`blocked`: paused or excluded sites), not on a host that asked us to wait.
 */
export function pickDue(
  follows: readonly FollowState[],
  now: number,
  count: number,
  blocked: (url: string) => boolean,
  holds: Readonly<Record<string, number>>,
): FollowState[] {
  if (count <= 0) return [];
  const due = follows.filter(
    (f) => f.stopped === null && f.nextCheck <= now && (holds[hostOf(f.url)] ?? 0) <= now && !blocked(f.url),
  );
  due.sort((a, b) => a.nextCheck - b.nextCheck || (a.url < b.url ? -1 : 1));
  return due.slice(0, count);
}

/** A fresh state for an article read at `readAt`: first checked one interval later. */
export function startFollowing(
  url: string,
  readAt: number,
  config: ScheduleConfig,
  random: Random,
): FollowState {
  return {
    url,
    readAt,
    nextCheck: readAt + jittered(config.intervalMs, random),
    interval: config.intervalMs,
    etag: null,
    lastModified: null,
    failures: 0,
    lastCheck: null,
    lastOutcome: null,
    stopped: null,
    movedTo: null,
    edited: null,
  };
}

/**
 * Which follow records to write and delete so that exactly the articles read within the follow window are
 * followed: a new read starts an article's state afresh (the reader saw the newest text), an article read
 * longer ago, or deleted, is no longer followed.
 */
export function syncFollows(
  articles: readonly { url: string; lastSeen: number }[],
  follows: readonly FollowState[],
  now: number,
  config: ScheduleConfig,
  random: Random,
): { put: FollowState[]; remove: string[] } {
  const byUrl = new Map(follows.map((f) => [f.url, f]));
  const put: FollowState[] = [];
  const keep = new Set<string>();
  for (const article of articles) {
    if (article.lastSeen <= now - config.followMs) continue;
    keep.add(article.url);
    const state = byUrl.get(article.url);
    if (!state || article.lastSeen > state.readAt) {
      // Validators stay: a read changes nothing about what the server last answered.
      const fresh = startFollowing(article.url, article.lastSeen, config, random);
      put.push(state ? { ...fresh, etag: state.etag, lastModified: state.lastModified } : fresh);
    }
  }
  const remove = follows.filter((f) => !keep.has(f.url)).map((f) => f.url);
  return { put, remove };
}

export interface CheckResult {
  outcome: CheckOutcome;
  etag?: string | null;
  lastModified?: string | null;
  movedTo?: string | null;
  edited?: FollowState['edited'];
}

/** The state after a check at `now` found `result`. */
export function afterCheck(
  state: FollowState,
  result: CheckResult,
  now: number,
  config: ScheduleConfig,
  random: Random,
  retryAfterMs: number | null = null,
): FollowState {
  const base: FollowState = {
    ...state,
    lastCheck: now,
    lastOutcome: result.outcome,
    ...(result.etag !== undefined ? { etag: result.etag } : {}),
    ...(result.lastModified !== undefined ? { lastModified: result.lastModified } : {}),
  };
  switch (result.outcome) {
    case 'unchanged': {
      const interval = Math.min(state.interval * 2, config.intervalMs * MAX_INTERVAL_FACTOR);
      return { ...base, failures: 0, interval, nextCheck: now + jittered(interval, random) };
    }
    case 'edited':
      return {
        ...base,
        failures: 0,
        interval: config.intervalMs,
        nextCheck: now + jittered(config.intervalMs, random),
        edited: result.edited ?? state.edited,
      };
    case 'removed':
      return { ...base, stopped: 'removed' };
    case 'moved':
      return { ...base, stopped: 'moved', movedTo: result.movedTo ?? null };
    case 'rate-limited': {
      // The site's word, not our failure.
      const wait = clampRetryAfter(retryAfterMs ?? config.intervalMs);
      return { ...base, nextCheck: now + jittered(wait, random) };
    }
    case 'server-error':
    case 'could-not-check':
    case 'failed': {
      const failures = state.failures + 1;
      if (failures >= MAX_FAILURES) return { ...base, failures, stopped: 'failures' };
      const wait = Math.min(config.intervalMs * 2 ** (failures - 1), config.intervalMs * MAX_INTERVAL_FACTOR);
      return { ...base, failures, nextCheck: now + jittered(wait, random) };
    }
  }
}

export function clampRetryAfter(ms: number): number {
  return Math.min(RETRY_AFTER_MAX_MS, Math.max(RETRY_AFTER_MIN_MS, ms));
}

/** A 429's hold on its host: no article there is fetched before it ends. Expired holds are dropped. */
export function holdHost(
  holds: Readonly<Record<string, number>>,
  url: string,
  until: number,
  now: number,
): Record<string, number> {
  const next: Record<string, number> = {};
  for (const [host, end] of Object.entries(holds)) if (end > now) next[host] = end;
  const host = hostOf(url);
  if (host) next[host] = Math.max(next[host] ?? 0, until);
  return next;
}
