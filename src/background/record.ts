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
 * - the page shows only the start of the newest version, word for word (a paywall or sign-in wall,
 *   core/teaser.ts): status `partial`, nothing stored, not even the visit, so the next full load compares with
 *   what the reader read.
 * Every other evaluation records a visit and moves `lastSeen`; an unchanged text stores no new version.
 *
 * A return to an older text (A → B → A) is an edit like any other and is stored as a new version, so the history
 * keeps every distinct visit in order. But a page that keeps alternating (an A/B-tested headline: A, B, A, B...)
 * is not being edited: when the newest version is itself a return and the page now shows another known text, the
 * texts are recognised as variants. The newest return is folded back into its first record, both texts are
 * flagged `variant`, and from then on a load showing any variant is a revisit (status `unchanged`, no marks, no
 * new version).
 */

import type { IDBPIndex } from 'idb';
import { EXTRACTOR_VERSION } from '../core/extract/version';
import { versionHash } from '../core/hash';
import { type StoredArticle, type StoredVersion, wasSeen } from '../core/history';
import type { Article } from '../core/model';
import { siteOf } from '../core/site';
import { isPartialView } from '../core/teaser';
import { versionText } from '../ui/versions';
import type { HistoryDb, HistorySchema, StoreName } from './db';
import { inTransaction } from './storage-errors';

/**
 * `limited`: the text would be stored as a new article or version, but the caller's rate limit forbids it.
 * `partial`: the page showed only the start of the newest version; nothing was stored.
 */
export type RecordStatus = 'captured' | 'unchanged' | 'changed' | 'limited' | 'partial';

export interface RecordOutcome {
  status: RecordStatus;
  /** Hash of the version on the page. */
  hash: string;
  /** The version the page is compared with; set exactly when status is `changed`. */
  previous: StoredVersion | null;
  /** True when a new version (and maybe the article) was written. */
  stored: boolean;
}

export interface RecordOptions {
  /** False: store nothing new (status `limited`, nothing written); revisits of stored texts are still recorded. */
  mayStore?: boolean;
}

const STORES = ['articles', 'versions', 'visits'] as const;

/**
 * The newest two versions of an article the reader SAW, newest first. Versions the background re-check only
 * fetched are skipped: a page is marked against what the reader last saw (src/background/recheck).
 */
async function newestVersions<Stores extends ArrayLike<StoreName>>(
  index: IDBPIndex<HistorySchema, Stores, 'versions', 'url', 'readwrite'>,
  url: string,
): Promise<StoredVersion[]> {
  const found: StoredVersion[] = [];
  let cursor = await index.openCursor(IDBKeyRange.only(url), 'prev');
  while (cursor && found.length < 2) {
    if (wasSeen(cursor.value)) found.push(cursor.value);
    cursor = await cursor.continue();
  }
  return found;
}

export async function recordArticle(
  db: HistoryDb,
  article: Article,
  now: number,
  options: RecordOptions = {},
): Promise<RecordOutcome> {
  const hash = await versionHash({ title: article.title, paragraphs: article.paragraphs.map((p) => p.text) });
  // All writes of one evaluation share a transaction: if any fails (quota), none of them lands.
  const tx = db.transaction([...STORES], 'readwrite');
  const articles = tx.objectStore('articles');
  const versions = tx.objectStore('versions');

  const work = async (): Promise<RecordOutcome> => {
    const existing = await articles.get(article.url);
    const [newest, beforeNewest] = await newestVersions(versions.index('url'), article.url);
    const visit = () => tx.objectStore('visits').add({ url: article.url, at: now, hash });

    if (existing && newest && newest.hash === hash) {
      await visit();
      await versions.put({ ...newest, lastSeen: now });
      await articles.put({ ...existing, lastSeen: now });
      const showAgain = beforeNewest !== undefined && existing.dismissedHash !== hash && !newest.variant;
      return showAgain
        ? { status: 'changed', hash, previous: beforeNewest, stored: false }
        : { status: 'unchanged', hash, previous: null, stored: false };
    }

    const byHash = versions.index('urlHash');
    const sameText = existing && newest ? await byHash.getAll([article.url, hash]) : [];
    // The background fetched this very text after the reader's last visit: it becomes seen now, compared with
    // what they saw before, and nothing new is stored.
    const fetched = sameText.findLast(
      (v) => !wasSeen(v) && v.id !== undefined && newest?.id !== undefined && v.id > newest.id,
    );
    if (existing && newest && fetched) {
      await visit();
      await versions.put({ ...fetched, origin: 'seen', lastSeen: now });
      await articles.put({ ...existing, lastSeen: now });
      return { status: 'changed', hash, previous: newest, stored: false };
    }
    const [known] = sameText.filter(wasSeen);
    if (existing && newest && known) {
      const revisit = async (folded: number): Promise<RecordOutcome> => {
        await visit();
        await versions.put({ ...known, variant: true, lastSeen: Math.max(known.lastSeen, now) });
        await articles.put({
          ...existing,
          // The headline of the newest version, which folding a return makes the one before it.
          title: folded > 0 && beforeNewest ? beforeNewest.title : existing.title,
          lastSeen: now,
          versionCount: existing.versionCount - folded,
        });
        return { status: 'unchanged', hash, previous: null, stored: false };
      };
      if (known.variant) return revisit(0);
      const [newestFirst] = (await byHash.getAll([article.url, newest.hash])).filter(wasSeen);
      if (newestFirst && newestFirst.id !== newest.id && newest.id !== undefined) {
        await versions.delete(newest.id);
        await versions.put({
          ...newestFirst,
          variant: true,
          lastSeen: Math.max(newestFirst.lastSeen, newest.lastSeen),
        });
        return revisit(1);
      }
    }

    // The start of the article alone (a paywall, a sign-in wall): the reader's full version stays the newest,
    // nothing is stored and nothing is marked (core/teaser.ts).
    if (newest && isPartialView(versionText(newest), versionText(article))) {
      return { status: 'partial', hash, previous: null, stored: false };
    }
    if (options.mayStore === false) return { status: 'limited', hash, previous: null, stored: false };
    await visit();
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
      ? { status: 'changed', hash, previous: newest, stored: true }
      : { status: 'captured', hash, previous: null, stored: true };
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
