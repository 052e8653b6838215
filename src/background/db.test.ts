import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { LEGACY_EXTRACTOR_VERSION } from '../core/extract/version';
import { DB_VERSION, type HistoryDb, type HistorySchema, openHistory, upgradeHistory } from './db';

let counter = 0;
const opened: HistoryDb[] = [];
function freshName(): string {
  counter += 1;
  return `redline-db-test-${counter}`;
}

async function open(name: string): Promise<HistoryDb> {
  const db = await openHistory(name);
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function indexesOf(
  db: HistoryDb,
  store: 'articles' | 'versions' | 'visits' | 'follows' | 'ignoreRules',
): Record<string, unknown> {
  const tx = db.transaction(store);
  const objectStore = tx.objectStore(store);
  const result: Record<string, unknown> = {
    keyPath: objectStore.keyPath,
    autoIncrement: objectStore.autoIncrement,
  };
  for (const name of Array.from(objectStore.indexNames)) {
    const index = objectStore.index(name);
    result[name] = { keyPath: index.keyPath, unique: index.unique };
  }
  return result;
}

describe('history database', () => {
  it('is at DB_VERSION with exactly its stores', async () => {
    const db = await open(freshName());
    expect(db.version).toBe(DB_VERSION);
    expect(Array.from(db.objectStoreNames).sort()).toEqual([
      'articles',
      'follows',
      'ignoreRules',
      'versions',
      'visits',
    ]);
  });

  it('step 1 (new database): articles by url, versions and visits auto-numbered, with their indexes', async () => {
    const db = await open(freshName());
    expect(indexesOf(db, 'articles')).toEqual({
      keyPath: 'url',
      autoIncrement: false,
      site: { keyPath: 'site', unique: false },
      lastChanged: { keyPath: 'lastChanged', unique: false },
      lastSeen: { keyPath: 'lastSeen', unique: false },
    });
    expect(indexesOf(db, 'versions')).toEqual({
      keyPath: 'id',
      autoIncrement: true,
      url: { keyPath: 'url', unique: false },
      urlHash: { keyPath: ['url', 'hash'], unique: false },
    });
    expect(indexesOf(db, 'visits')).toEqual({
      keyPath: 'id',
      autoIncrement: true,
      url: { keyPath: 'url', unique: false },
    });
  });

  it('reopening at the same version keeps what is stored', async () => {
    const name = freshName();
    const first = await open(name);
    await first.add('visits', { url: 'https://a.test/1', at: 1, hash: 'h' });
    first.close();
    const again = await open(name);
    expect(await again.getAllFromIndex('visits', 'url', 'https://a.test/1')).toEqual([
      { id: 1, url: 'https://a.test/1', at: 1, hash: 'h' },
    ]);
  });

  it('tells the bounded connection when it upgrades (working, not stuck), and only then', async () => {
    const name = freshName();
    const upgrades: string[] = [];
    (await openHistory(name, { upgrading: () => upgrades.push('new') })).close();
    opened.push(await openHistory(name, { upgrading: () => upgrades.push('again') }));
    expect(upgrades).toEqual(['new']);
  });

  it('step 2: versions stored by release 0.1.0 (no extractor) read as the legacy extractor, nothing else moves', async () => {
    const name = freshName();
    // Version 1 exactly as release 0.1.0 created and filled it.
    const old = await openDB<HistorySchema>(name, 1, {
      upgrade: (db, oldVersion, newVersion, tx) => upgradeHistory(db, oldVersion, tx, newVersion),
    });
    const stored = {
      url: 'https://a.test/1',
      hash: 'h1',
      title: 'Headline',
      paragraphs: [{ text: 'One.', kind: 'p' as const }],
      byline: null,
      publishedTime: null,
      firstSeen: 1,
      lastSeen: 2,
    };
    await old.add('versions', stored);
    await old.add('versions', { ...stored, hash: 'h2', firstSeen: 3, lastSeen: 3 });
    await old.add('visits', { url: stored.url, at: 1, hash: 'h1' });
    old.close();

    const db = await open(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('versions')).toEqual([
      { ...stored, id: 1, extractor: LEGACY_EXTRACTOR_VERSION },
      { ...stored, id: 2, hash: 'h2', firstSeen: 3, lastSeen: 3, extractor: LEGACY_EXTRACTOR_VERSION },
    ]);
    expect(await db.getAll('visits')).toEqual([{ id: 1, url: stored.url, at: 1, hash: 'h1' }]);
    expect(indexesOf(db, 'versions')).toMatchObject({ urlHash: { keyPath: ['url', 'hash'], unique: false } });
  });

  it('step 3: a database at version 2 gains the follows store by next check, and keeps its versions as seen', async () => {
    const name = freshName();
    const old = await openDB<HistorySchema>(name, 2, {
      upgrade: (db, oldVersion, newVersion, tx) => upgradeHistory(db, oldVersion, tx, newVersion),
    });
    const stored = {
      url: 'https://a.test/1',
      hash: 'h1',
      title: 'Headline',
      paragraphs: [{ text: 'One.', kind: 'p' as const }],
      byline: null,
      publishedTime: null,
      firstSeen: 1,
      lastSeen: 2,
      extractor: 2,
    };
    await old.add('versions', stored);
    old.close();

    const db = await open(name);
    expect(indexesOf(db, 'follows')).toEqual({
      keyPath: 'url',
      autoIncrement: false,
      nextCheck: { keyPath: 'nextCheck', unique: false },
    });
    expect(await db.getAll('versions')).toEqual([{ ...stored, id: 1 }]);
  });

  it('step 4: a database at version 3 gains an empty ignore-rule store and keeps its history', async () => {
    const name = freshName();
    const old = await openDB<HistorySchema>(name, 3, {
      upgrade: (db, oldVersion, newVersion, tx) => upgradeHistory(db, oldVersion, tx, newVersion),
    });
    const article = {
      url: 'https://a.test/1',
      site: 'a.test',
      title: 'Headline',
      lang: null,
      firstSeen: 1,
      lastSeen: 2,
      lastChanged: 1,
      versionCount: 1,
    };
    await old.add('articles', article);
    old.close();

    const db = await open(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('articles')).toEqual([article]);
    expect(await db.getAll('ignoreRules')).toEqual([]);
    expect(indexesOf(db, 'ignoreRules')).toEqual({
      keyPath: 'id',
      autoIncrement: true,
      site: { keyPath: 'site', unique: false },
    });
    await db.add('ignoreRules', {
      site: 'a.test',
      kind: 'text',
      pattern: 'Updated # minutes ago',
      created: 3,
    });
    expect(await db.getAllFromIndex('ignoreRules', 'site', 'a.test')).toHaveLength(1);
  });

  it('refuses to open a database from a newer Redline instead of damaging it', async () => {
    const name = freshName();
    const newer = await openDB(name, DB_VERSION + 1);
    newer.close();
    await expect(openHistory(name)).rejects.toThrow();
  });
});
