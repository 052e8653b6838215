import { describe, expect, it } from 'vitest';
import type { FollowState } from './follow';
import {
  afterCheck,
  DAY,
  HOUR,
  holdHost,
  MAX_FAILURES,
  MAX_INTERVAL_FACTOR,
  MINUTE,
  pickDue,
  remember,
  type ScheduleConfig,
  slotsThisTick,
  startFollowing,
  syncFollows,
  TICK_MS,
} from './schedule';

const config: ScheduleConfig = { intervalMs: 6 * HOUR, perHour: 30, followMs: 7 * DAY };

/** A repeatable random source (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('scheduler with 2,000 followed articles and a fake clock', () => {
  it('never fetches more than the cap in any hour, spreads the fetches evenly, and reaches every article in turn', () => {
    const random = seeded(1);
    const start = Date.UTC(2026, 11, 1);
    // All read within the same ten minutes: the worst case for bunching.
    const articles = Array.from({ length: 2000 }, (_, i) => ({
      url: `https://news${i % 40}.test/a/${i}`,
      lastSeen: start + (i % 600) * 1000,
    }));
    const follows = new Map<string, FollowState>();
    let recent: number[] = [];
    const fetches: { at: number; url: string }[] = [];
    const end = start + 4 * DAY;

    for (let now = start + 10 * MINUTE; now < end; now += TICK_MS) {
      const sync = syncFollows(articles, [...follows.values()], now, config, random);
      for (const f of sync.put) follows.set(f.url, f);
      for (const url of sync.remove) follows.delete(url);
      const slots = slotsThisTick(recent, now, config.perHour);
      const due = pickDue([...follows.values()], now, slots, () => false, {});
      for (const state of due) {
        fetches.push({ at: now, url: state.url });
        follows.set(state.url, afterCheck(state, { outcome: 'unchanged' }, now, config, random));
      }
      recent = remember(
        recent,
        due.map(() => now),
        now,
      );
    }

    // The cap: at most 30 fetches in every hour-long window.
    let worst = 0;
    for (let i = 0, j = 0; j < fetches.length; j++) {
      while ((fetches[i]?.at ?? 0) <= (fetches[j]?.at ?? 0) - HOUR) i++;
      worst = Math.max(worst, j - i + 1);
    }
    expect(worst).toBeLessThanOrEqual(30);
    // The spread: consecutive fetches 2 minutes apart (an hour / 30), never closer.
    const gaps = fetches.slice(1).map((f, i) => f.at - (fetches[i]?.at ?? 0));
    expect(Math.min(...gaps)).toBe(2 * MINUTE);
    // With a backlog the whole time, the cap is used: 4 days less the first 6 hours (nothing due) at 30 an hour.
    expect(fetches.length).toBeGreaterThanOrEqual(30 * (4 * 24 - 7));
    // Fair: the first 2,000 fetches are 2,000 different articles (nobody is checked twice before all once).
    expect(new Set(fetches.slice(0, 2000).map((f) => f.url)).size).toBe(2000);
  });

  it('does not catch up with a burst after the alarm was late (a sleeping laptop)', () => {
    const now = 10 * HOUR;
    expect(slotsThisTick([now - 5 * HOUR], now, 30)).toBe(1);
    expect(slotsThisTick([], now, 30)).toBe(1);
    // 120 an hour: one every 30 s, two per one-minute tick.
    expect(slotsThisTick([], now, 120)).toBe(2);
    expect(slotsThisTick([now - MINUTE], now, 30)).toBe(0);
    expect(slotsThisTick([now - 2 * MINUTE], now, 30)).toBe(1);
    expect(
      slotsThisTick(
        Array.from({ length: 30 }, (_, i) => now - HOUR + 1 + i),
        now,
        30,
      ),
    ).toBe(0);
    expect(slotsThisTick([], now, 0)).toBe(0);
  });
});

describe('backoff', () => {
  const random = () => 0;
  const fresh = startFollowing('https://a.test/1', 0, config, random);

  it('doubles the wait while nothing changes, up to its limit, and an edit brings back the base interval', () => {
    let state = fresh;
    const waits: number[] = [];
    let now = state.nextCheck;
    for (let i = 0; i < 6; i++) {
      state = afterCheck(state, { outcome: 'unchanged' }, now, config, random);
      waits.push((state.nextCheck - now) / HOUR);
      now = state.nextCheck;
    }
    expect(waits).toEqual([12, 24, 48, 48, 48, 48]);
    expect(MAX_INTERVAL_FACTOR * 6).toBe(48);
    state = afterCheck(state, { outcome: 'edited' }, now, config, random);
    expect(state.nextCheck - now).toBe(6 * HOUR);
  });

  it('waits longer after each failure (5xx) and stops after MAX_FAILURES in a row, saying why', () => {
    let state = fresh;
    const waits: number[] = [];
    for (let i = 0; i < MAX_FAILURES; i++) {
      const next = afterCheck(state, { outcome: 'server-error' }, 1000, config, random);
      if (next.stopped === null) waits.push((next.nextCheck - 1000) / HOUR);
      state = next;
    }
    expect(waits).toEqual([6, 12, 24, 48]);
    expect(state.stopped).toBe('failures');
    expect(state.lastOutcome).toBe('server-error');
    expect(pickDue([state], Number.MAX_SAFE_INTEGER, 10, () => false, {})).toEqual([]);
    // A success in between starts the count again.
    const one = afterCheck(fresh, { outcome: 'failed' }, 0, config, random);
    expect(afterCheck(one, { outcome: 'unchanged' }, 0, config, random).failures).toBe(0);
  });

  it('waits as long as Retry-After says, within bounds, and holds the whole host', () => {
    const state = afterCheck(fresh, { outcome: 'rate-limited' }, 0, config, random, 90_000);
    expect(state.nextCheck).toBe(90_000);
    expect(state.failures).toBe(0);
    expect(afterCheck(fresh, { outcome: 'rate-limited' }, 0, config, random, 10 * DAY).nextCheck).toBe(DAY);
    const holds = holdHost({ 'old.test': 5 }, 'https://a.test/1', 90_000, 10);
    expect(holds).toEqual({ 'a.test': 90_000 });
    const other = { ...startFollowing('https://a.test/2', 0, config, random), nextCheck: 0 };
    const elsewhere = { ...startFollowing('https://b.test/2', 0, config, random), nextCheck: 0 };
    expect(pickDue([other, elsewhere], 1000, 5, () => false, holds).map((f) => f.url)).toEqual([
      'https://b.test/2',
    ]);
  });

  it('stops at 404/410 and at a redirect, and never picks a paused or excluded site', () => {
    expect(afterCheck(fresh, { outcome: 'removed' }, 0, config, random).stopped).toBe('removed');
    const moved = afterCheck(fresh, { outcome: 'moved', movedTo: 'https://a.test/2' }, 0, config, random);
    expect([moved.stopped, moved.movedTo]).toEqual(['moved', 'https://a.test/2']);
    const due = { ...fresh, nextCheck: 0 };
    expect(pickDue([due], 1, 5, (url) => url.startsWith('https://a.test/'), {})).toEqual([]);
  });
});

describe('syncFollows', () => {
  const random = () => 0;
  it('follows articles read within the window, restarts one read again, and drops old and deleted ones', () => {
    const now = 10 * DAY;
    const kept = { ...startFollowing('https://a.test/kept', now - DAY, config, random), etag: '"e"' };
    const reread = { ...kept, url: 'https://a.test/reread', failures: 3, stopped: 'failures' as const };
    const gone = startFollowing('https://a.test/gone', now - DAY, config, random);
    const old = startFollowing('https://a.test/old', now - 8 * DAY, config, random);
    const { put, remove } = syncFollows(
      [
        { url: kept.url, lastSeen: now - DAY },
        { url: reread.url, lastSeen: now - HOUR },
        { url: old.url, lastSeen: now - 8 * DAY },
        { url: 'https://a.test/new', lastSeen: now - MINUTE },
      ],
      [kept, reread, gone, old],
      now,
      config,
      random,
    );
    expect(put.map((f) => [f.url, f.readAt, f.stopped, f.failures, f.etag])).toEqual([
      ['https://a.test/reread', now - HOUR, null, 0, '"e"'],
      ['https://a.test/new', now - MINUTE, null, 0, null],
    ]);
    expect(remove.sort()).toEqual(['https://a.test/gone', 'https://a.test/old']);
  });
});
