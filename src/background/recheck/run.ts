/**
 * One alarm's worth of re-checking: which followed articles are due, fetch them within the cap, store a real
 * edit as a fetched version, tell the reader. Everything it needs is passed in (clock, fetch, parser, storage,
 * notifications), and everything it remembers is stored, so the MV3 service worker can stop between alarms and
 * a unit test can run it against fake-indexeddb and a fake network.
 *
 * Never fetched: anything while the feature is off or its host permission missing, while offline, paused or
 * excluded sites and pages the reader said are not articles. Articles read in a private window were never
 * stored (the background refuses private tabs' messages), so they are never followed.
 */
import type { Article } from '../../core/model';
import type { HistoryDb } from '../db';
import { pageBlock, type Settings } from '../settings';
import { type Fetch, type FetchOutcome, fetchArticle } from './fetch-page';
import type { EditedSinceRead, FollowState } from './follow';
import { judgeFetched } from './judge';
import type { ParseFetched } from './parse-fetched';
import {
  afterCheck,
  type CheckResult,
  DAY,
  HOUR,
  holdHost,
  pickDue,
  type Random,
  remember,
  type ScheduleConfig,
  type SchedulerState,
  slotsThisTick,
  syncFollows,
} from './schedule';
import { checkTarget, followSnapshot, storedText, storeFetched, writeFollows } from './store';

export interface EditNotice {
  url: string;
  title: string;
  counts: EditedSinceRead['counts'];
}

export interface RecheckDeps {
  db: () => Promise<HistoryDb>;
  settings: () => Promise<Settings>;
  now: () => number;
  random: Random;
  fetch: Fetch;
  parse: ParseFetched;
  /** Whether the optional host permission is granted. */
  hostAccess: () => Promise<boolean>;
  online: () => boolean;
  /** The scheduler's own small state (storage.local). */
  loadState: () => Promise<SchedulerState>;
  saveState: (state: SchedulerState) => Promise<void>;
  notify: (notice: EditNotice) => Promise<void>;
  /** The extractor this build reads pages with (EXTRACTOR_VERSION). */
  extractor: number;
  timeoutMs?: number;
}

export type TickReport =
  | { ran: false; reason: 'off' | 'offline' | 'no-permission' }
  | { ran: true; checked: { url: string; outcome: FollowState['lastOutcome'] }[]; stoppedEarly: boolean };

export function scheduleConfig(settings: Settings): ScheduleConfig {
  return {
    intervalMs: settings.recheck.hours * HOUR,
    perHour: settings.recheck.perHour,
    followMs: settings.recheck.days * DAY,
  };
}

/** Same article? A redirect to https, to a `www.` alias or with a trailing slash is not a move. */
export function sameAddress(a: string, b: string): boolean {
  const key = (url: string): string => {
    try {
      const u = new URL(url);
      return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${u.search}`;
    } catch {
      return url;
    }
  };
  return key(a) === key(b);
}

async function checkOne(
  deps: RecheckDeps,
  state: FollowState,
  now: number,
  signal: AbortSignal,
): Promise<{ result: CheckResult; retryAfterMs: number | null; fetched: Article | null } | null> {
  const db = await deps.db();
  const target = await checkTarget(db, state.url);
  if (!target) return null;
  const outcome: FetchOutcome = await fetchArticle(
    state.url,
    { etag: state.etag, lastModified: state.lastModified },
    { fetch: deps.fetch, now: deps.now, signal, ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}) },
  );
  const plain = (outcome: CheckResult['outcome']) => ({
    result: { outcome },
    retryAfterMs: null,
    fetched: null,
  });
  switch (outcome.kind) {
    case 'not-modified':
      return plain('unchanged');
    case 'gone':
      return plain('removed');
    case 'rate-limited':
      return { result: { outcome: 'rate-limited' }, retryAfterMs: outcome.retryAfterMs, fetched: null };
    case 'server-error':
      return plain('server-error');
    case 'failed':
      return plain('failed');
    case 'page':
      break;
  }
  const validators = { etag: outcome.validators.etag, lastModified: outcome.validators.lastModified };
  if (outcome.redirected && !sameAddress(outcome.finalUrl, state.url)) {
    return { result: { outcome: 'moved', movedTo: outcome.finalUrl }, retryAfterMs: null, fetched: null };
  }
  const newest = storedText(target.newest);
  const parsed = await deps.parse(outcome.html, state.url, newest.paragraphs);
  // No article where the article was: a consent page, a paywall, an error page served with 200.
  if (!parsed.ok)
    return { result: { outcome: 'could-not-check', ...validators }, retryAfterMs: null, fetched: null };
  const fetched = parsed.article;
  const text = { title: fetched.title, paragraphs: fetched.paragraphs.map((p) => p.text) };
  const judged = judgeFetched(newest, storedText(target.seen), text, deps.extractor);
  if (judged.kind === 'teaser') return plain('could-not-check');
  if (judged.kind === 'same')
    return { result: { outcome: 'unchanged', ...validators }, retryAfterMs: null, fetched: null };
  return {
    result: { outcome: 'edited', ...validators, edited: { hash: '', at: now, counts: judged.counts } },
    retryAfterMs: null,
    fetched,
  };
}

export interface TickOptions {
  /** Aborts the tick (the feature was switched off). */
  signal?: AbortSignal;
  /** Consider only this article (the test build's hook: one test case, one article). */
  only?: string;
}

/** Runs one tick at `deps.now()`. */
export async function runTick(deps: RecheckDeps, { signal, only }: TickOptions = {}): Promise<TickReport> {
  let settings = await deps.settings();
  if (!settings.recheck.enabled) return { ran: false, reason: 'off' };
  if (!deps.online()) return { ran: false, reason: 'offline' };
  if (!(await deps.hostAccess())) return { ran: false, reason: 'no-permission' };

  const now = deps.now();
  const config = scheduleConfig(settings);
  const db = await deps.db();
  const snapshot = await followSnapshot(db, now - config.followMs);
  const sync = syncFollows(snapshot.articles, snapshot.follows, now, config, deps.random);
  await writeFollows(db, sync.put, sync.remove);
  const removed = new Set(sync.remove);
  const follows = new Map(snapshot.follows.filter((f) => !removed.has(f.url)).map((f) => [f.url, f]));
  for (const f of sync.put) follows.set(f.url, f);

  let state = await deps.loadState();
  const slots = slotsThisTick(state.recent, now, config.perHour);
  const due = pickDue(
    [...follows.values()],
    now,
    slots,
    (url) => (only !== undefined && url !== only) || pageBlock(settings, url) !== null,
    state.holds,
  );
  const checked: { url: string; outcome: FollowState['lastOutcome'] }[] = [];
  let stoppedEarly = false;

  for (const follow of due) {
    // The reader may switch the feature off (or pause the site) while a check runs: look again before each.
    settings = await deps.settings();
    if (signal?.aborted || !settings.recheck.enabled || pageBlock(settings, follow.url) !== null) {
      stoppedEarly = true;
      break;
    }
    state = { ...state, recent: remember(state.recent, [now], now) };
    await deps.saveState(state);
    const done = await checkOne(deps, follow, now, signal ?? new AbortController().signal);
    settings = await deps.settings();
    if (signal?.aborted || !settings.recheck.enabled) {
      // Switched off mid-check: what the fetch brought is dropped, nothing is stored.
      stoppedEarly = true;
      break;
    }
    if (done === null) continue;
    let { result } = done;
    if (result.outcome === 'edited' && done.fetched) {
      const stored = await storeFetched(db, follow.url, done.fetched, deps.extractor, now);
      // Another check (or the reader) stored this text first: nothing new to tell.
      result =
        stored === null
          ? { ...result, outcome: 'unchanged', edited: follow.edited }
          : { ...result, edited: result.edited && { ...result.edited, hash: stored.hash } };
    }
    if (result.outcome === 'rate-limited') {
      const wait = done.retryAfterMs ?? config.intervalMs;
      state = { ...state, holds: holdHost(state.holds, follow.url, now + wait, now) };
      await deps.saveState(state);
    }
    const next = afterCheck(follow, result, now, config, deps.random, done.retryAfterMs);
    await writeFollows(db, [next], []);
    checked.push({ url: follow.url, outcome: next.lastOutcome });
    if (result.outcome === 'edited' && result.edited) {
      const target = await checkTarget(db, follow.url);
      await deps
        .notify({ url: follow.url, title: target?.article.title ?? follow.url, counts: result.edited.counts })
        .catch((error: unknown) => console.warn('Redline: could not show the notification', error));
    }
  }
  return { ran: true, checked, stoppedEarly };
}
