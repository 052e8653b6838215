/**
 * What the extension's pages read from the history: every article's summary (for the history list), one
 * article with its versions (popup, history page), the records of an export in batches, and deleting it all.
 */

import { appendAll } from '../core/appendAll';
import type { HistoryRecords } from '../core/export';
import type { StoredArticle, StoredVersion } from '../core/history';
import type { HistoryDb } from './db';
import { inTransaction } from './storage-errors';

export interface ArticleDetail {
  article: StoredArticle;
  /** Oldest first. */
  versions: StoredVersion[];
}

export interface ExportBatch {
  records: HistoryRecords;
  /** Pass as `after` to get the next batch; null when this was the last. */
  next: string | null;
}

/** Every article's summary record; no paragraph text, so 10,000 of them are a few megabytes. */
export function allArticles(db: HistoryDb): Promise<StoredArticle[]> {
  return db.getAll('articles');
}

export async function articleDetail(db: HistoryDb, url: string): Promise<ArticleDetail | null> {
  const tx = db.transaction(['articles', 'versions']);
  const [article, versions] = await Promise.all([
    tx.objectStore('articles').get(url),
    tx.objectStore('versions').index('url').getAll(IDBKeyRange.only(url)),
  ]);
  return article ? { article, versions } : null;
}

/**
 * Up to `limit` articles with their versions and visits, in URL order after `after` (exclusive), so a page can
 * pull a large history in pieces and no one message has to carry all of it.
 */
export async function exportBatch(db: HistoryDb, after: string | null, limit: number): Promise<ExportBatch> {
  const tx = db.transaction(['articles', 'versions', 'visits', 'ignoreRules']);
  const range = after === null ? null : IDBKeyRange.lowerBound(after, true);
  // The reader's ignore rules travel with the first batch of a whole-history export (format version 2).
  const ignoreRules = after === null ? await tx.objectStore('ignoreRules').getAll() : [];
  // One more than asked tells whether another batch follows.
  const articles = await tx.objectStore('articles').getAll(range, limit + 1);
  const more = articles.length > limit;
  if (more) articles.pop();
  const records: HistoryRecords = {
    articles,
    versions: [],
    visits: [],
    ...(ignoreRules.length > 0 ? { ignoreRules } : {}),
  };
  for (const article of articles) {
    const only = IDBKeyRange.only(article.url);
    const [versions, visits] = await Promise.all([
      tx.objectStore('versions').index('url').getAll(only),
      tx.objectStore('visits').index('url').getAll(only),
    ]);
    appendAll(records.versions, versions);
    appendAll(records.visits, visits);
  }
  return { records, next: more ? (articles.at(-1)?.url ?? null) : null };
}

/** One article's records, for "export this article"; empty when it is not stored. */
export async function articleRecords(db: HistoryDb, url: string): Promise<HistoryRecords> {
  const tx = db.transaction(['articles', 'versions', 'visits']);
  const only = IDBKeyRange.only(url);
  const [article, versions, visits] = await Promise.all([
    tx.objectStore('articles').get(url),
    tx.objectStore('versions').index('url').getAll(only),
    tx.objectStore('visits').index('url').getAll(only),
  ]);
  return article ? { articles: [article], versions, visits } : { articles: [], versions: [], visits: [] };
}

/** Deletes every article, version and visit in one transaction; returns how many articles there were. */
export async function deleteEverything(db: HistoryDb): Promise<number> {
  const tx = db.transaction(['articles', 'versions', 'visits'], 'readwrite');
  const work = async (): Promise<number> => {
    const count = await tx.objectStore('articles').count();
    await Promise.all([
      tx.objectStore('articles').clear(),
      tx.objectStore('versions').clear(),
      tx.objectStore('visits').clear(),
    ]);
    return count;
  };
  return inTransaction(tx, work);
}
