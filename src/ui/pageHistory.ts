/**
 * The history database opened by an extension page itself, for the backup's bulk work only (import and export).
 *
 * Everything else goes through the background, the owner of storage. A backup is the exception because it can be
 * hundreds of megabytes: Chromium refuses one runtime message past 64 MiB, and every megabyte sent as a message
 * costs about a third of a second of serialising (measured: 8 MiB per message took 2.7 s), so a 300 M-character
 * file would take minutes just to travel. The history, options and popup pages share the background's origin and
 * so its IndexedDB; the same functions that answer `ui.import` and `ui.export` run here on the same database, with
 * the same guarantees (an import is validated whole and written in one transaction).
 */
import { type HistoryDb, openHistory } from '../background/db';

export async function withPageHistory<T>(work: (db: HistoryDb) => Promise<T>): Promise<T> {
  const db = await openHistory();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}
