/**
 * The re-check's reads and writes in the history database: which articles are followed, what is stored of
 * one, a fetched version (kept as `origin: 'fetched'`, only when its text is new), and the "Edited since you
 * read it" list.
 */
import { extractorOf } from '../../core/extract';
import { versionHash } from '../../core/hash';
import { type StoredArticle, type StoredVersion, wasSeen } from '../../core/history';
import type { Article } from '../../core/model';
import type { HistoryDb } from '../db';
import { inTransaction } from '../storage-errors';
import type { EditedSinceRead, FollowState } from './follow';
import type { StoredText } from './judge';

/** Articles the reader read since `since` (url and lastSeen only are used), and every follow record. */
export async function followSnapshot(
  db: HistoryDb,
  since: number,
): Promise<{ articles: StoredArticle[]; follows: FollowState[] }> {
  const tx = db.transaction(['articles', 'follows']);
  const [articles, follows] = await Promise.all([
    tx.objectStore('articles').index('lastSeen').getAll(IDBKeyRange.lowerBound(since, true)),
    tx.objectStore('follows').getAll(),
  ]);
  return { articles, follows };
}

export async function writeFollows(
  db: HistoryDb,
  put: readonly FollowState[],
  remove: readonly string[],
): Promise<void> {
  if (put.length === 0 && remove.length === 0) return;
  const tx = db.transaction('follows', 'readwrite');
  await inTransaction(tx, async () => {
    for (const state of put) await tx.store.put(state);
    for (const url of remove) await tx.store.delete(url);
  });
}

export async function readFollow(db: HistoryDb, url: string): Promise<FollowState | null> {
  return (await db.get('follows', url)) ?? null;
}

export interface CheckTarget {
  article: StoredArticle;
  /** The newest stored version, seen or fetched. */
  newest: StoredVersion;
  /** The newest version the reader saw. */
  seen: StoredVersion;
}

export async function checkTarget(db: HistoryDb, url: string): Promise<CheckTarget | null> {
  const tx = db.transaction(['articles', 'versions']);
  const article = await tx.objectStore('articles').get(url);
  if (!article) return null;
  let newest: StoredVersion | undefined;
  let seen: StoredVersion | undefined;
  let cursor = await tx.objectStore('versions').index('url').openCursor(IDBKeyRange.only(url), 'prev');
  while (cursor && !seen) {
    newest ??= cursor.value;
    if (wasSeen(cursor.value)) seen = cursor.value;
    cursor = await cursor.continue();
  }
  return newest && seen ? { article, newest, seen } : null;
}

export function storedText(version: StoredVersion): StoredText {
  return {
    title: version.title,
    paragraphs: version.paragraphs.map((p) => p.text),
    extractor: extractorOf(version),
  };
}

/**
 * Stores `fetched` as a fetched version of `url` unless its text equals the newest stored one; the reader's
 * `lastSeen` is left alone (they did not see it). Returns the stored version's id and hash, or null when nothing was new.
 */
export async function storeFetched(
  db: HistoryDb,
  url: string,
  fetched: Article,
  extractor: number,
  now: number,
): Promise<{ id: number; hash: string } | null> {
  const hash = await versionHash({ title: fetched.title, paragraphs: fetched.paragraphs.map((p) => p.text) });
  const tx = db.transaction(['articles', 'versions'], 'readwrite');
  return inTransaction(tx, async () => {
    const article = await tx.objectStore('articles').get(url);
    if (!article) return null;
    const newest = await tx.objectStore('versions').index('url').openCursor(IDBKeyRange.only(url), 'prev');
    if (newest?.value.hash === hash) return null;
    const version: StoredVersion = {
      url,
      hash,
      title: fetched.title,
      paragraphs: fetched.paragraphs.map((p) => ({ text: p.text, kind: p.kind })),
      byline: fetched.byline,
      publishedTime: fetched.publishedTime,
      firstSeen: now,
      lastSeen: now,
      extractor,
      origin: 'fetched',
    };
    const id = await tx.objectStore('versions').add(version);
    await tx.objectStore('articles').put({
      ...article,
      title: fetched.title,
      lastChanged: now,
      versionCount: article.versionCount + 1,
    });
    return { id, hash };
  });
}

/** One article the background found edited after the reader last read it. */
export interface EditedEntry {
  url: string;
  title: string;
  site: string;
  edited: EditedSinceRead;
  /** The versions to compare: the last one the reader saw and the newest fetched one (ids in `versions`). */
  seenId: number | null;
  fetchedId: number | null;
}

/** Articles edited since the reader last read them, most recent edit first. */
export async function editedSinceRead(db: HistoryDb): Promise<EditedEntry[]> {
  const tx = db.transaction(['articles', 'versions', 'follows']);
  const follows = await tx.objectStore('follows').getAll();
  const entries: EditedEntry[] = [];
  for (const follow of follows) {
    if (!follow.edited) continue;
    const article = await tx.objectStore('articles').get(follow.url);
    // Read again since: the page showed the edit.
    if (!article || article.lastSeen >= follow.edited.at) continue;
    const versions = await tx.objectStore('versions').index('url').getAll(IDBKeyRange.only(follow.url));
    const seen = versions.findLast(wasSeen);
    const fetched = versions.findLast((v) => !wasSeen(v));
    entries.push({
      url: follow.url,
      title: article.title,
      site: article.site,
      edited: follow.edited,
      seenId: seen?.id ?? null,
      fetchedId: fetched?.id ?? null,
    });
  }
  return entries.sort((a, b) => b.edited.at - a.edited.at);
}
