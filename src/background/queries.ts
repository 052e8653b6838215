/** Deleting one article's history, and reading its newest text (the extension pages' reads are in ui-history.ts). */
import type { HistoryDb } from './db';
import { inTransaction, storageError } from './storage-errors';

/** Removes an article with its versions and visits, all or nothing. Returns false when it was not stored. */
export async function deleteArticle(db: HistoryDb, url: string): Promise<boolean> {
  const tx = db.transaction(['articles', 'versions', 'visits'], 'readwrite');
  const work = async (): Promise<boolean> => {
    const existed = (await tx.objectStore('articles').getKey(url)) !== undefined;
    await tx.objectStore('articles').delete(url);
    for (const store of ['versions', 'visits'] as const) {
      let cursor = await tx.objectStore(store).index('url').openKeyCursor(IDBKeyRange.only(url));
      while (cursor) {
        await tx.objectStore(store).delete(cursor.primaryKey);
        cursor = await cursor.continue();
      }
    }
    return existed;
  };
  return inTransaction(tx, work);
}

/** The paragraph texts of the newest stored version of `url` (the highest id), or null when none is stored. */
export async function newestParagraphs(db: HistoryDb, url: string): Promise<string[] | null> {
  try {
    const cursor = await db
      .transaction('versions')
      .store.index('url')
      .openCursor(IDBKeyRange.only(url), 'prev');
    return cursor ? cursor.value.paragraphs.map((p) => p.text) : null;
  } catch (error) {
    throw storageError(error);
  }
}
