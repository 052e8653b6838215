/**
 * The history database: IndexedDB in the extension's own origin (the background's), never the page's.
 *
 * One schema type and one version number. Each upgrade step is an `if (oldVersion < n)` block that takes a
 * database at version n - 1 to version n; they run in order, so a database at any older version reaches
 * `DB_VERSION` by the same steps a new one does. Never edit a released step: add the next one.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { StoredArticle, StoredVersion, StoredVisit } from '../core/history';

export const DB_NAME = 'redline';
export const DB_VERSION = 1;

export interface HistorySchema extends DBSchema {
  articles: {
    /** Canonical URL. */
    key: string;
    value: StoredArticle;
    indexes: { site: string; lastChanged: number; lastSeen: number };
  };
  versions: {
    key: number;
    value: StoredVersion;
    indexes: { url: string; urlHash: [string, string] };
  };
  visits: {
    key: number;
    value: StoredVisit;
    indexes: { url: string };
  };
}

export type HistoryDb = IDBPDatabase<HistorySchema>;
export type StoreName = StoreNames<HistorySchema>;
type UpgradeTransaction = IDBPTransaction<HistorySchema, StoreName[], 'versionchange'>;

/** Brings a database at `oldVersion` to `DB_VERSION`; exported for the upgrade tests. */
export function upgradeHistory(db: HistoryDb, oldVersion: number, _tx: UpgradeTransaction): void {
  if (oldVersion < 1) {
    const articles = db.createObjectStore('articles', { keyPath: 'url' });
    articles.createIndex('site', 'site');
    articles.createIndex('lastChanged', 'lastChanged');
    // For retention: prune what has not been read for a while.
    articles.createIndex('lastSeen', 'lastSeen');

    const versions = db.createObjectStore('versions', { keyPath: 'id', autoIncrement: true });
    // Within one URL the index orders by primary key, i.e. oldest version first.
    versions.createIndex('url', 'url');
    versions.createIndex('urlHash', ['url', 'hash']);

    const visits = db.createObjectStore('visits', { keyPath: 'id', autoIncrement: true });
    visits.createIndex('url', 'url');
  }
}

export function openHistory(name: string = DB_NAME): Promise<HistoryDb> {
  return openDB<HistorySchema>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgradeHistory(db, oldVersion, tx),
  });
}
