/**
 * The history database: IndexedDB in the extension's own origin (the background's), never the page's.
 *
 * One schema type and one version number. Each upgrade step is an `if (oldVersion < n)` block that takes a
 * database at version n - 1 to version n; they run in order, so a database at any older version reaches
 * `DB_VERSION` by the same steps a new one does. Never edit a released step: add the next one.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import { LEGACY_EXTRACTOR_VERSION } from '../core/extract/version';
import type { StoredArticle, StoredVersion, StoredVisit } from '../core/history';
import type { IgnoreRule } from '../core/ignore';
import type { OpenEvents } from './db-connection';
import type { FollowState } from './recheck/follow';

export const DB_NAME = 'redline';
export const DB_VERSION = 4;

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
  /** Background re-check state per followed article (src/background/recheck/follow.ts), keyed by URL. */
  follows: {
    key: string;
    value: FollowState;
    indexes: { nextCheck: number };
  };
  /** The reader's ignore rules (src/core/ignore), by site; exported with the history (format version 2). */
  ignoreRules: {
    key: number;
    value: IgnoreRule;
    indexes: { site: string };
  };
}

export type HistoryDb = IDBPDatabase<HistorySchema>;
export type StoreName = StoreNames<HistorySchema>;
type UpgradeTransaction = IDBPTransaction<HistorySchema, StoreName[], 'versionchange'>;

/**
 * Brings a database at `oldVersion` to `newVersion` (`DB_VERSION`); exported for the upgrade tests, which open
 * a database at an older version to fill it as an older release did.
 */
export function upgradeHistory(
  db: HistoryDb,
  oldVersion: number,
  tx: UpgradeTransaction,
  newVersion: number | null = DB_VERSION,
): void {
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
  if (oldVersion >= 1 && oldVersion < 2) {
    // Every version stored so far was read by the first extractor; say so, so a revisit compares it with a
    // version read by a newer one without false marks (see src/content/evaluate.ts). The cursor's requests keep
    // the versionchange transaction open until the last record is written.
    const stamp = async (): Promise<void> => {
      let cursor = await tx.objectStore('versions').openCursor();
      while (cursor) {
        if (cursor.value.extractor === undefined) {
          await cursor.update({ ...cursor.value, extractor: LEGACY_EXTRACTOR_VERSION });
        }
        cursor = await cursor.continue();
      }
    };
    stamp().catch((error: unknown) => {
      // An aborted upgrade leaves the database at version 1, whole: nothing stored is lost.
      console.warn('Redline: could not record the extractor of stored versions', error);
      tx.abort();
    });
  }
  if (oldVersion < 3 && (newVersion ?? DB_VERSION) >= 3) {
    // The background re-check (opt-in). Versions need no change: one without `origin` was seen in a tab.
    const follows = db.createObjectStore('follows', { keyPath: 'url' });
    follows.createIndex('nextCheck', 'nextCheck');
  }
  if (oldVersion < 4 && (newVersion ?? DB_VERSION) >= 4) {
    // Step 4 (issue 11): ignore rules live beside the history they filter, so an export carries them.
    const rules = db.createObjectStore('ignoreRules', { keyPath: 'id', autoIncrement: true });
    rules.createIndex('site', 'site');
  }
}

/** `events`: what the background's bounded connection (db-connection.ts) needs to hear while the open runs. */
export function openHistory(name: string = DB_NAME, events: Partial<OpenEvents> = {}): Promise<HistoryDb> {
  return openDB<HistorySchema>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => {
      events.upgrading?.();
      upgradeHistory(db, oldVersion, tx);
    },
    terminated: events.terminated,
  });
}
