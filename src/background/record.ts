/**
 * Storing what the reader just saw, and deciding what the page should show.
 *
 * What a (re)load shows, given the stored versions of the article (newest last):
 * - no article yet: store it, status `captured`.
 * - the page differs from the newest version: store a new version, status `changed`, compared with that
 *   (now previous) newest version.
 * - the page equals the newest version and an older distinct version exists: status `changed` again, compared
 *   with the version before the newest, so a reload keeps showing the same highlights, until the reader dismisses
 *   them (`dismissedHash` == newest hash: status `unchanged`) or a newer version arrives.
 * - otherwise `unchanged`.
 * Every evaluation records a visit and moves `lastSeen`; an unchanged text stores no new version.
 */

import type { IDBPIndex } from 'idb';
import { EXTRACTOR_VERSION } from '../core/extract/version';
import { versionHash } from '../core/hash';
import type { StoredArticle, StoredVersion } from '../core/history';
import type { Article } from '../core/model';
import type { HistoryDb, HistorySchema, StoreName } from './db';
import { siteOf } from './site';
import { inTransaction } from './storage-errors';

export type RecordStatus = 'captured' | 'unchanged' | 'changed';

export interface RecordOutcome {
  status: RecordStatus;
  /** Hash of the version on the page. */
  hash: string;
  /** The version the page is compared with; set exactly when status is `changed`. */
  previous: StoredVersion | null;
}

const STORES = ['articles', 'versions', 'visits'] as const;

/** The newest two versions of an article, newest first. */
async function newestVersions<Stores extends ArrayLike<StoreName>>(
  index: IDBPIndex<HistorySchema, Stores, 'versions', 'url', 'readwrite'>,
  url: string,
): Promise<StoredVersion[]> {
  const found: StoredVersion[] = [];
  let cursor = await index.openCursor(IDBKeyRange.only(url), 'prev');
  while (cursor && found.length < 2) {
    found.push(cursor.value);
    cursor = await cursor.continue();
  }
  return found;
}

export async function recordArticle(db: HistoryDb, article: Article, now: number): Promise<RecordOutcome> {
  const hash = await versionHash({ title: article.title, paragraphs: article.paragraphs.map((p) => p.text) });
  // All writes of one evaluation share a transaction: if any fails (quota), none of them lands.
  const tx = db.transaction([...STORES], 'readwrite');
  const articles = tx.objectStore('articles');
  const versions = tx.objectStore('versions');

  const work = async (): Promise<RecordOutcome> => {
    const existing = await articles.get(article.url);
    const [newest, beforeNewest] = await newestVersions(versions.index('url'), article.url);
    await tx.objectStore('visits').add({ url: article.url, at: now, hash });

    if (existing && newest && newest.hash === hash) {
      await versions.put({ ...newest, lastSeen: now });
      await articles.put({ ...existing, lastSeen: now });
      const showAgain = beforeNewest !== undefined && existing.dismissedHash !== hash;
      return showAgain
        ? { status: 'changed', hash, previous: beforeNewest }
        : { status: 'unchanged', hash, previous: null };
    }

    const version: StoredVersion = {
      url: article.url,
      hash,
      title: article.title,
      paragraphs: article.paragraphs.map((p) => ({ text: p.text, kind: p.kind })),
      byline: article.byline,
      publishedTime: article.publishedTime,
      firstSeen: now,
      lastSeen: now,
      extractor: EXTRACTOR_VERSION,
    };
    await versions.add(version);
    const record: StoredArticle = existing
      ? {
          ...existing,
          title: article.title,
          lang: article.lang,
          lastSeen: now,
          lastChanged: newest ? now : existing.lastChanged,
          versionCount: existing.versionCount + 1,
        }
      : {
          url: article.url,
          site: siteOf(article.url) ?? '',
          title: article.title,
          lang: article.lang,
          firstSeen: now,
          lastSeen: now,
          lastChanged: now,
          versionCount: 1,
          dismissedHash: null,
        };
    await articles.put(record);
    return newest
      ? { status: 'changed', hash, previous: newest }
      : { status: 'captured', hash, previous: null };
  };

  return inTransaction(tx, work);
}

/**
 * Hides the marks for the article's newest version. Returns false (and changes nothing) when `hash` is no longer
 * the newest version, so dismissing a stale page cannot hide a newer edit.
 */
export async function dismissChanges(db: HistoryDb, url: string, hash: string): Promise<boolean> {
  const tx = db.transaction(['articles', 'versions'], 'readwrite');
  const work = async (): Promise<boolean> => {
    const article = await tx.objectStore('articles').get(url);
    const [newest] = await newestVersions(tx.objectStore('versions').index('url'), url);
    if (!article || !newest || newest.hash !== hash) return false;
    await tx.objectStore('articles').put({ ...article, dismissedHash: hash });
    return true;
  };
  return inTransaction(tx, work);
}
