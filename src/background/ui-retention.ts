/**
 * Retention: how much history is kept (settings `keepVersions`, `keepDays`). Applied after each capture for the
 * captured article, and to the whole history when the reader changes the settings. Each run is one transaction,
 * so a failure leaves the history as it was.
 */
import type { HistoryDb } from './db';
import { inTransaction } from './storage-errors';
import type { UiSettings } from './ui-settings';

export type Retention = Pick<UiSettings, 'keepVersions' | 'keepDays'>;

export interface PruneReport {
  articlesDeleted: number;
  versionsDeleted: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

type PruneTx = ReturnType<typeof pruneTransaction>;

function pruneTransaction(db: HistoryDb) {
  return db.transaction(['articles', 'versions', 'visits'], 'readwrite');
}

async function deleteByUrl(tx: PruneTx, store: 'versions' | 'visits', url: string): Promise<number> {
  let deleted = 0;
  let cursor = await tx.objectStore(store).index('url').openKeyCursor(IDBKeyRange.only(url));
  while (cursor) {
    await tx.objectStore(store).delete(cursor.primaryKey);
    deleted++;
    cursor = await cursor.continue();
  }
  return deleted;
}

/** Forgets every article not read since `cutoff`, with its versions and visits. */
async function pruneOldArticles(tx: PruneTx, cutoff: number, report: PruneReport): Promise<Set<string>> {
  const gone = new Set<string>();
  const urls = await tx
    .objectStore('articles')
    .index('lastSeen')
    .getAllKeys(IDBKeyRange.upperBound(cutoff, true));
  for (const url of urls) {
    await tx.objectStore('articles').delete(url);
    report.versionsDeleted += await deleteByUrl(tx, 'versions', url);
    await deleteByUrl(tx, 'visits', url);
    report.articlesDeleted++;
    gone.add(url);
  }
  return gone;
}

/** Drops the oldest versions of `url` beyond `keep`; its visits stay, as the record of when it was read. */
async function pruneVersions(tx: PruneTx, url: string, keep: number, report: PruneReport): Promise<void> {
  // The url index orders one URL's versions by id, which grows with each capture: oldest first.
  const ids = await tx.objectStore('versions').index('url').getAllKeys(IDBKeyRange.only(url));
  const excess = ids.length - keep;
  if (excess <= 0) return;
  for (const id of ids.slice(0, excess)) await tx.objectStore('versions').delete(id);
  report.versionsDeleted += excess;
  const article = await tx.objectStore('articles').get(url);
  if (article) await tx.objectStore('articles').put({ ...article, versionCount: keep });
}

/**
 * Applies `retention` at time `now`: to the article `url` only (after a capture), or to every article when `url`
 * is null (after the reader changed the settings). Articles too old are forgotten whichever is given.
 */
export async function applyRetention(
  db: HistoryDb,
  retention: Retention,
  now: number,
  url: string | null,
): Promise<PruneReport> {
  const report: PruneReport = { articlesDeleted: 0, versionsDeleted: 0 };
  if (retention.keepDays === null && retention.keepVersions === null) return report;
  const tx = pruneTransaction(db);
  const work = async (): Promise<void> => {
    const gone =
      retention.keepDays === null
        ? new Set<string>()
        : await pruneOldArticles(tx, now - retention.keepDays * DAY_MS, report);
    const keep = retention.keepVersions;
    if (keep === null) return;
    const urls = url === null ? await tx.objectStore('articles').getAllKeys() : [url];
    for (const each of urls) if (!gone.has(each)) await pruneVersions(tx, each, keep, report);
  };
  await inTransaction(tx, work);
  return report;
}
