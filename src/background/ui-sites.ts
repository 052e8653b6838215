/**
 * Every stored article of one site, for "exclude this site and delete what was kept from it". A site rule covers
 * its subdomains, as exclusion does (site.ts), and is matched against each article's address, which is what the
 * rule blocks from now on.
 */

import { siteMatches, siteOf } from '../core/site';
import type { HistoryDb } from './db';
import { inTransaction, storageError } from './storage-errors';

function ofSite(url: string, rule: string): boolean {
  const site = siteOf(url);
  return site !== null && siteMatches(site, rule);
}

/** How many stored articles the site rule covers. */
export async function countSiteArticles(db: HistoryDb, rule: string): Promise<number> {
  try {
    const urls = await db.getAllKeys('articles');
    return urls.filter((url) => ofSite(url, rule)).length;
  } catch (error) {
    throw storageError(error);
  }
}

/** Deletes every article the site rule covers, with its versions and visits, all or nothing; returns how many. */
export async function deleteSiteArticles(db: HistoryDb, rule: string): Promise<number> {
  const tx = db.transaction(['articles', 'versions', 'visits'], 'readwrite');
  const work = async (): Promise<number> => {
    const urls = (await tx.objectStore('articles').getAllKeys()).filter((url) => ofSite(url, rule));
    for (const url of urls) {
      await tx.objectStore('articles').delete(url);
      for (const store of ['versions', 'visits'] as const) {
        let cursor = await tx.objectStore(store).index('url').openKeyCursor(IDBKeyRange.only(url));
        while (cursor) {
          await tx.objectStore(store).delete(cursor.primaryKey);
          cursor = await cursor.continue();
        }
      }
    }
    return urls.length;
  };
  return inTransaction(tx, work);
}
