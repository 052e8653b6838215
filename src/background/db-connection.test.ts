import { describe, expect, it } from 'vitest';
import { isDatabaseTimeout } from '../protocol/database';
import { createDbConnection, DatabaseTimeout, type OpenEvents, type StartTimer } from './db-connection';

/** Timers that run only when the test moves the clock. */
function fakeClock() {
  let now = 0;
  const timers = new Set<{ at: number; run: () => void }>();
  const startTimer: StartTimer = (run, ms) => {
    const timer = { at: now + ms, run };
    timers.add(timer);
    return () => timers.delete(timer);
  };
  const advance = async (ms: number): Promise<void> => {
    now += ms;
    for (const timer of [...timers].sort((a, b) => a.at - b.at)) {
      if (timer.at > now) continue;
      timers.delete(timer);
      timer.run();
    }
    // Let the promise callbacks the timers set off run.
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return { startTimer, advance, pending: () => timers.size };
}

class FakeDb {
  closed = false;
  close(): void {
    this.closed = true;
  }
}

/** An open the test settles by hand, with the events the connection gave it. */
function manualOpens() {
  const opens: { resolve: (db: FakeDb) => void; reject: (e: unknown) => void; events: OpenEvents }[] = [];
  const open = (events: OpenEvents) =>
    new Promise<FakeDb>((resolve, reject) => {
      opens.push({ resolve, reject, events });
    });
  return { open, opens };
}

const LIMIT = 8_000;

describe('createDbConnection', () => {
  it('opens once and shares the connection', async () => {
    const clock = fakeClock();
    const { open, opens } = manualOpens();
    const connection = createDbConnection({ open, limitMs: LIMIT, startTimer: clock.startTimer });
    const first = connection.db();
    const second = connection.db();
    const db = new FakeDb();
    opens[0]?.resolve(db);
    expect(await first).toBe(db);
    expect(await second).toBe(db);
    expect(await connection.db()).toBe(db);
    expect(opens).toHaveLength(1);
    expect(clock.pending()).toBe(0);
  });

  it('rejects every waiter of an open that never settles, and the next request opens afresh', async () => {
    const clock = fakeClock();
    const { open, opens } = manualOpens();
    const connection = createDbConnection({ open, limitMs: LIMIT, startTimer: clock.startTimer });
    const first = connection.db();
    first.catch(() => undefined);
    await clock.advance(5_000);
    // Joins the same stuck open: the limit counts from the open, so it gives up with the first.
    const joined = connection.db();
    joined.catch(() => undefined);
    await clock.advance(3_000);
    await expect(first).rejects.toBeInstanceOf(DatabaseTimeout);
    await expect(joined).rejects.toThrow('The history database did not open within 8 s');

    const next = connection.db();
    expect(opens).toHaveLength(2);
    const db = new FakeDb();
    opens[1]?.resolve(db);
    expect(await next).toBe(db);
  });

  it('closes a connection that opens after its request gave up', async () => {
    const clock = fakeClock();
    const { open, opens } = manualOpens();
    const connection = createDbConnection({ open, limitMs: LIMIT, startTimer: clock.startTimer });
    const late = connection.db();
    late.catch(() => undefined);
    await clock.advance(LIMIT);
    await expect(late).rejects.toBeInstanceOf(DatabaseTimeout);

    const stale = new FakeDb();
    opens[0]?.resolve(stale);
    await clock.advance(0);
    expect(stale.closed).toBe(true);

    const fresh = new FakeDb();
    const next = connection.db();
    opens[1]?.resolve(fresh);
    expect(await next).toBe(fresh);
    expect(fresh.closed).toBe(false);
  });

  it('does not time out an open that is upgrading the database', async () => {
    const clock = fakeClock();
    const { open, opens } = manualOpens();
    const connection = createDbConnection({ open, limitMs: LIMIT, startTimer: clock.startTimer });
    const upgraded = connection.db();
    opens[0]?.events.upgrading();
    await clock.advance(60_000);
    const db = new FakeDb();
    opens[0]?.resolve(db);
    expect(await upgraded).toBe(db);
  });

  it('tries again after a failed open, and after the browser closed the connection', async () => {
    const clock = fakeClock();
    const { open, opens } = manualOpens();
    const connection = createDbConnection({ open, limitMs: LIMIT, startTimer: clock.startTimer });
    const failed = connection.db();
    opens[0]?.reject(new Error('UnknownError'));
    await expect(failed).rejects.toThrow('UnknownError');

    const first = new FakeDb();
    const opened = connection.db();
    opens[1]?.resolve(first);
    expect(await opened).toBe(first);
    opens[1]?.events.terminated();

    const second = new FakeDb();
    const reopened = connection.db();
    expect(opens).toHaveLength(3);
    opens[2]?.resolve(second);
    expect(await reopened).toBe(second);
  });

  describe('read', () => {
    it('answers with the step run on the shared connection', async () => {
      const clock = fakeClock();
      const { open, opens } = manualOpens();
      const connection = createDbConnection({ open, limitMs: LIMIT, startTimer: clock.startTimer });
      const db = new FakeDb();
      const value = connection.read(async (d) => (d === db ? 'read' : 'wrong connection'));
      opens[0]?.resolve(db);
      expect(await value).toBe('read');
      expect(clock.pending()).toBe(0);
    });

    it('passes on the step’s own error', async () => {
      const clock = fakeClock();
      const { open, opens } = manualOpens();
      const connection = createDbConnection({ open, limitMs: LIMIT, startTimer: clock.startTimer });
      const value = connection.read(async () => {
        throw new RangeError('bad key');
      });
      opens[0]?.resolve(new FakeDb());
      await expect(value).rejects.toThrow('bad key');
    });

    it('gives up on a step that never ends, lets the connection go and closes it', async () => {
      const clock = fakeClock();
      const { open, opens } = manualOpens();
      const connection = createDbConnection({ open, limitMs: LIMIT, startTimer: clock.startTimer });
      const stuckDb = new FakeDb();
      const stuck = connection.read(() => new Promise<string>(() => undefined));
      stuck.catch(() => undefined);
      opens[0]?.resolve(stuckDb);
      await clock.advance(LIMIT);
      await expect(stuck).rejects.toThrow('Reading the history database took more than 8 s');
      expect(isDatabaseTimeout(await stuck.catch((e: unknown) => e))).toBe(true);
      expect(stuckDb.closed).toBe(true);

      const fresh = new FakeDb();
      const next = connection.read(async (d) => d);
      expect(opens).toHaveLength(2);
      opens[1]?.resolve(fresh);
      expect(await next).toBe(fresh);
    });
  });

  it('knows a DatabaseTimeout by its name, as send() re-throws it from a reply', () => {
    const remote = Object.assign(new Error('The history database did not open within 8 s'), {
      name: 'DatabaseTimeout',
    });
    expect(isDatabaseTimeout(remote)).toBe(true);
    expect(isDatabaseTimeout(new Error('other'))).toBe(false);
    expect(isDatabaseTimeout('DatabaseTimeout')).toBe(false);
  });
});
