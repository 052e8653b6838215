/**
 * Importing a history file: the background validates the whole file (shape, limits, hashes) before it opens a
 * write transaction, then merges it with what is stored and writes the result in ONE transaction, so a file
 * with any problem writes nothing and a failure half way (quota) leaves the history as it was.
 */
import { appendAll } from '../core/appendAll';
import {
  describeReport,
  type HistoryRecords,
  type MergeReport,
  mergeImport,
  parseIso,
  type RedlineHistoryV1,
  readImport,
} from '../core/export';
import type { StoredVersion } from '../core/history';
import type { HistoryDb } from './db';
import { inTransaction, StorageFullError } from './storage-errors';

export type ImportOutcome =
  | { imported: true; report: MergeReport; summary: string }
  | { imported: false; errors: string[] };

type ImportTx = ReturnType<typeof importTransaction>;

function importTransaction(db: HistoryDb) {
  return db.transaction(['articles', 'versions', 'visits', 'ignoreRules'], 'readwrite');
}

/** What the store holds for the URLs of the file: all `mergeImport` needs to see. */
async function storedFor(tx: ImportTx, doc: RedlineHistoryV1): Promise<HistoryRecords> {
  const records: HistoryRecords = { articles: [], versions: [], visits: [] };
  for (const { url } of doc.articles) {
    const only = IDBKeyRange.only(url);
    const [article, versions, visits] = await Promise.all([
      tx.objectStore('articles').get(url),
      tx.objectStore('versions').index('url').getAll(only),
      tx.objectStore('visits').index('url').getAll(only),
    ]);
    if (article) records.articles.push(article);
    appendAll(records.versions, versions);
    appendAll(records.visits, visits);
  }
  return records;
}

function byTime(a: StoredVersion, b: StoredVersion): number {
  return a.firstSeen - b.firstSeen || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0);
}

function withoutId({ id: _id, ...version }: StoredVersion): StoredVersion {
  return version;
}

/** URLs that gain a version: their versions are rewritten so ids follow time again. */
function reorderedUrls(changed: readonly StoredVersion[]): Set<string> {
  return new Set(changed.filter((v) => v.id === undefined).map((v) => v.url));
}

/**
 * The version records to write. The store finds an article's newest version by the highest id (the url index
 * orders by id), so a version imported for an article that already has newer ones must not simply be added
 * with a higher id: every version of such an article is re-added in time order (its old records deleted, see
 * `versionDeletes`). Versions of other articles are written as merged: new ones added, widened ones in place.
 */
export function versionWrites(
  stored: readonly StoredVersion[],
  changed: readonly StoredVersion[],
): StoredVersion[] {
  const reordered = reorderedUrls(changed);
  const widened = new Map(changed.flatMap((v) => (v.id === undefined ? [] : [[v.id, v] as const])));
  const writes: StoredVersion[] = [];
  const groups = new Map<string, StoredVersion[]>();
  const addTo = (version: StoredVersion) => {
    const group = groups.get(version.url);
    if (group) group.push(version);
    else groups.set(version.url, [version]);
  };
  for (const version of stored) {
    if (reordered.has(version.url))
      addTo(version.id === undefined ? version : (widened.get(version.id) ?? version));
  }
  for (const version of changed) {
    if (!reordered.has(version.url)) writes.push(version);
    else if (version.id === undefined) addTo(version);
  }
  for (const group of groups.values()) appendAll(writes, group.sort(byTime).map(withoutId));
  return writes;
}

/** Ids of stored versions that `versionWrites` re-adds under a new id. */
export function versionDeletes(
  stored: readonly StoredVersion[],
  changed: readonly StoredVersion[],
): number[] {
  const reordered = reorderedUrls(changed);
  return stored.flatMap((v) => (v.id !== undefined && reordered.has(v.url) ? [v.id] : []));
}

/** Validates `text` as a history file and merges it into the store; nothing is written unless it is valid. */
export async function importHistory(db: HistoryDb, text: string): Promise<ImportOutcome> {
  const checked = await readImport(text);
  if (!checked.ok) return { imported: false, errors: checked.errors };
  const doc = checked.doc;

  const tx = importTransaction(db);
  const work = async (): Promise<MergeReport> => {
    const stored = await storedFor(tx, doc);
    const merged = mergeImport(stored, doc);
    const writes: Promise<unknown>[] = [];
    // A request can also throw at once (a quota or data error): then the requests already made would reject
    // with the aborted transaction while nothing listens. Every request goes into `writes`, failed or not.
    const write = (request: () => Promise<unknown>): void => {
      try {
        writes.push(request());
      } catch (error) {
        writes.push(Promise.reject(error));
      }
    };
    const articles = tx.objectStore('articles');
    const versions = tx.objectStore('versions');
    const visits = tx.objectStore('visits');
    for (const article of merged.articles) write(() => articles.put(article));
    for (const version of versionWrites(stored.versions, merged.versions)) {
      write(() => (version.id === undefined ? versions.add(version) : versions.put(version)));
    }
    for (const id of versionDeletes(stored.versions, merged.versions)) write(() => versions.delete(id));
    for (const visit of merged.visits) write(() => visits.add(visit));
    // Ignore rules (format version 2): each rule the history does not hold yet, same site, kind and pattern once.
    if (doc.ignoreRules && doc.ignoreRules.length > 0) {
      const rules = tx.objectStore('ignoreRules');
      const held = new Set((await rules.getAll()).map((r) => JSON.stringify([r.site, r.kind, r.pattern])));
      for (const rule of doc.ignoreRules) {
        const key = JSON.stringify([rule.site, rule.kind, rule.pattern]);
        if (held.has(key)) continue;
        held.add(key);
        const record = {
          site: rule.site,
          kind: rule.kind,
          pattern: rule.pattern,
          created: parseIso(rule.created) ?? 0,
        };
        write(() => rules.add(record));
      }
    }
    // Every request settles (an aborted transaction rejects the pending ones); the first failure is the cause.
    const failure = (await Promise.allSettled(writes)).find((r) => r.status === 'rejected');
    if (failure) throw failure.reason;
    return merged.report;
  };
  try {
    const report = await inTransaction(tx, work);
    return { imported: true, report, summary: describeReport(report) };
  } catch (error) {
    if (error instanceof StorageFullError) return { imported: false, errors: [IMPORT_STORAGE_FULL] };
    throw error;
  }
}

export const IMPORT_STORAGE_FULL =
  'Nothing was imported: the disk, or the storage the browser allows Redline, is full. Nothing already kept ' +
  'was lost. Free disk space or delete old history in the options, then import the file again.';
