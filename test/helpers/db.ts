/** Test-only helpers for the ui-* background modules: a fresh fake-indexeddb history and ways to fill it. */

import { type HistoryDb, openHistory } from '../../src/background/db';
import type { HistoryRecords } from '../../src/core/export';

let counter = 0;

/** A new, empty history database (fake-indexeddb must be imported by the test file first). */
export function freshDb(prefix: string): Promise<HistoryDb> {
  counter += 1;
  return openHistory(`${prefix}-${counter}-${Date.now()}`);
}

/** Writes the records as they are (versions in the order given, so ids follow that order). */
export async function putRecords(db: HistoryDb, records: HistoryRecords): Promise<void> {
  const tx = db.transaction(['articles', 'versions', 'visits'], 'readwrite');
  for (const article of records.articles) await tx.objectStore('articles').put(article);
  for (const version of records.versions) await tx.objectStore('versions').put(version);
  for (const visit of records.visits) await tx.objectStore('visits').put(visit);
  await tx.done;
}

/** Every record in the store, for before/after comparisons. */
export async function dumpRecords(db: HistoryDb): Promise<HistoryRecords> {
  return {
    articles: await db.getAll('articles'),
    versions: await db.getAll('versions'),
    visits: await db.getAll('visits'),
  };
}
