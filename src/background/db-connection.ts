/**
 * The background's one connection to the history database, opened on first use and shared, with a bound on how
 * long a request may wait for it.
 *
 * Why a bound: Chromium stops an extension's service worker whenever it likes, also in the middle of its work.
 * In test/browser/service-worker-fault.test.ts (the worker stopped ~110 times in 6 s during a capture) an
 * extension page's `ui.article` got no reply for 30 s in about 2 of 12 runs. Whatever held it, a request waiting
 * on the database must end with an error the page can show and act on, and must not leave a stuck open cached
 * for every request after it: the next one opens afresh.
 *
 * Side effects (the open itself, timers) are passed in, so the unit test drives them.
 */

import { DATABASE_TIMEOUT } from '../protocol/database';

/**
 * How long a request waits for the database to open, or for a bounded read (`read`) to finish. Opening an
 * existing database takes milliseconds, and reading one article a few more, even on a loaded 2-core machine
 * while the page captures; 8 s is far beyond that, yet leaves a page that waits up to 30 s (ARTICLE_LOAD_MS,
 * src/ui/withTimeout.ts) and asks a second time after 10 s (src/ui/readTwice.ts) the time to get this error
 * first and then a whole second try on a fresh connection.
 */
export const DB_WAIT_LIMIT_MS = 8_000;

/** Its name is what the router serialises back (pages test the name: RemoteError keeps it). */
export class DatabaseTimeout extends Error {
  override readonly name = DATABASE_TIMEOUT;
}

/** What the open reports while it runs (see `openHistory`). */
export interface OpenEvents {
  /** The open is upgrading the database: working, not stuck (an upgrade may rewrite every stored version). */
  upgrading(): void;
  /** The browser closed the open connection (its storage was cleared or failed): it cannot serve another request. */
  terminated(): void;
}

/** Starts a timer running `run` after `ms` and returns what cancels it. */
export type StartTimer = (run: () => void, ms: number) => () => void;

const realTimer: StartTimer = (run, ms) => {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
};

export interface DbConnectionDeps<D extends { close(): void }> {
  open: (events: OpenEvents) => Promise<D>;
  limitMs?: number;
  startTimer?: StartTimer;
}

export interface DbConnection<D> {
  /** The shared connection; rejects with DatabaseTimeout when the open it waits on took longer than the limit. */
  db(): Promise<D>;
  /**
   * `step` run on the shared connection, open and step together within the limit, or a DatabaseTimeout, after
   * which the connection is let go: later requests open a new one. For small reads only (one article), whose
   * time does not grow with the history.
   */
  read<T>(step: (db: D) => Promise<T>): Promise<T>;
}

const seconds = (ms: number): string => String(Math.round(ms / 100) / 10);

export function createDbConnection<D extends { close(): void }>({
  open,
  limitMs = DB_WAIT_LIMIT_MS,
  startTimer = realTimer,
}: DbConnectionDeps<D>): DbConnection<D> {
  let current: Promise<D> | null = null;

  const forget = (attempt: Promise<D>): void => {
    if (current === attempt) current = null;
  };

  const connect = (): Promise<D> => {
    const attempt: Promise<D> = new Promise<D>((resolve, reject) => {
      let timedOut = false;
      const stop = startTimer(() => {
        timedOut = true;
        reject(new DatabaseTimeout(`The history database did not open within ${seconds(limitMs)} s`));
      }, limitMs);
      open({ upgrading: stop, terminated: () => forget(attempt) }).then(
        (connection) => {
          stop();
          // Too late: its request was already answered and the next one opens its own; this one would stay open
          // beside it for nothing.
          if (timedOut) connection.close();
          else resolve(connection);
        },
        (error: unknown) => {
          stop();
          reject(error);
        },
      );
    });
    // A failed or abandoned open must not be the answer to every later request: the next one tries again.
    attempt.catch(() => forget(attempt));
    return attempt;
  };

  const db = (): Promise<D> => {
    current ??= connect();
    return current;
  };

  const read = <T>(step: (db: D) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const connection = db();
      const stop = startTimer(() => {
        reject(new DatabaseTimeout(`Reading the history database took more than ${seconds(limitMs)} s`));
        // The connection may be what is stuck. Closing lets its running transactions finish (IndexedDB closes a
        // connection once they are done); a request that still holds it and starts another transaction fails as
        // it would had the worker been stopped, which every write survives (one transaction each).
        forget(connection);
        connection.then(
          (open) => open.close(),
          () => undefined,
        );
      }, limitMs);
      connection.then(step).then(
        (value) => {
          stop();
          resolve(value);
        },
        (error: unknown) => {
          stop();
          reject(error);
        },
      );
    });

  return { db, read };
}
