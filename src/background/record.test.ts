import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXTRACTOR_VERSION } from '../core/extract/version';
import type { Article } from '../core/model';
import { type HistoryDb, openHistory } from './db';
import { dismissChanges, recordArticle } from './record';
import { StorageFullError } from './storage-errors';

const URL_A = 'https://www.news.test/world/article-1';

function article(title: string, paragraphs: string[], url = URL_A): Article {
  return {
    url,
    title,
    lang: 'en',
    byline: 'A. Reporter',
    siteName: 'News',
    publishedTime: '2026-11-01T10:00:00Z',
    paragraphs: paragraphs.map((text) => ({ text, kind: 'p' as const })),
  };
}

const V1 = article('Fire in the city', ['A fire broke out.', 'Nobody was hurt.']);
const V2 = article('Fire in the city', ['A large fire broke out.', 'Nobody was hurt.']);
const V3 = article('Fire in the old city', ['A large fire broke out.', 'Two people were hurt.']);

let db: HistoryDb;
let dbCounter = 0;

beforeEach(async () => {
  dbCounter += 1;
  db = await openHistory(`redline-record-test-${dbCounter}`);
});

afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

async function counts(): Promise<{ articles: number; versions: number; visits: number }> {
  return {
    articles: await db.count('articles'),
    versions: await db.count('versions'),
    visits: await db.count('visits'),
  };
}

describe('recordArticle', () => {
  it('stores a first visit as article, version and visit: captured', async () => {
    const outcome = await recordArticle(db, V1, 1000);
    expect(outcome.status).toBe('captured');
    expect(outcome.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(outcome.previous).toBeNull();
    expect(await counts()).toEqual({ articles: 1, versions: 1, visits: 1 });
    expect(await db.get('articles', URL_A)).toEqual({
      url: URL_A,
      site: 'news.test',
      title: 'Fire in the city',
      lang: 'en',
      firstSeen: 1000,
      lastSeen: 1000,
      lastChanged: 1000,
      versionCount: 1,
      dismissedHash: null,
    });
    const [version] = await db.getAll('versions');
    expect(version).toMatchObject({ url: URL_A, hash: outcome.hash, firstSeen: 1000, lastSeen: 1000 });
    expect(version?.paragraphs).toEqual(V1.paragraphs);
  });

  it('stores no new version when the text is unchanged, only lastSeen and a visit', async () => {
    await recordArticle(db, V1, 1000);
    const typeset = article('Fire in the city', ['A fire\u00a0broke out. ', 'Nobody was hurt.']);
    const outcome = await recordArticle(db, typeset, 2000);
    expect(outcome.status).toBe('unchanged');
    expect(await counts()).toEqual({ articles: 1, versions: 1, visits: 2 });
    expect(await db.get('articles', URL_A)).toMatchObject({
      lastSeen: 2000,
      lastChanged: 1000,
      versionCount: 1,
    });
    expect((await db.getAll('versions'))[0]).toMatchObject({ firstSeen: 1000, lastSeen: 2000 });
  });

  it('stores one new version when the text changed and compares with the one before', async () => {
    const first = await recordArticle(db, V1, 1000);
    const outcome = await recordArticle(db, V2, 2000);
    expect(outcome.status).toBe('changed');
    expect(outcome.hash).not.toBe(first.hash);
    expect(outcome.previous).toMatchObject({ hash: first.hash, firstSeen: 1000, title: V1.title });
    expect(outcome.previous?.paragraphs.map((p) => p.text)).toEqual([
      'A fire broke out.',
      'Nobody was hurt.',
    ]);
    expect(await counts()).toEqual({ articles: 1, versions: 2, visits: 2 });
    expect(await db.get('articles', URL_A)).toMatchObject({
      lastChanged: 2000,
      versionCount: 2,
      firstSeen: 1000,
    });
  });

  it('shows the same changes on reload until they are dismissed', async () => {
    const first = await recordArticle(db, V1, 1000);
    const second = await recordArticle(db, V2, 2000);
    const reload = await recordArticle(db, V2, 3000);
    expect(reload.status).toBe('changed');
    expect(reload.previous?.hash).toBe(first.hash);
    expect(await counts()).toEqual({ articles: 1, versions: 2, visits: 3 });

    expect(await dismissChanges(db, URL_A, second.hash)).toBe(true);
    expect((await db.get('articles', URL_A))?.dismissedHash).toBe(second.hash);
    const afterDismiss = await recordArticle(db, V2, 4000);
    expect(afterDismiss).toEqual({ status: 'unchanged', hash: second.hash, previous: null, stored: false });
  });

  it('compares a newer version with the one before it, even after a dismissal', async () => {
    await recordArticle(db, V1, 1000);
    const second = await recordArticle(db, V2, 2000);
    await dismissChanges(db, URL_A, second.hash);
    const third = await recordArticle(db, V3, 3000);
    expect(third.status).toBe('changed');
    expect(third.previous?.hash).toBe(second.hash);
    expect(await db.get('articles', URL_A)).toMatchObject({ title: 'Fire in the old city', versionCount: 3 });
  });

  it('treats a return to an older text as a new edit', async () => {
    const first = await recordArticle(db, V1, 1000);
    await recordArticle(db, V2, 2000);
    const reverted = await recordArticle(db, V1, 3000);
    expect(reverted.status).toBe('changed');
    expect(reverted.hash).toBe(first.hash);
    expect(await counts()).toEqual({ articles: 1, versions: 3, visits: 3 });
  });

  it('keeps every distinct visit in order: A → B → A is three versions, A newest', async () => {
    await recordArticle(db, V1, 1000);
    await recordArticle(db, V2, 2000);
    await recordArticle(db, V1, 3000);
    const stored = await db.getAllFromIndex('versions', 'url', URL_A);
    expect(stored.map((v) => [v.paragraphs[0]?.text, v.firstSeen, v.variant])).toEqual([
      ['A fire broke out.', 1000, undefined],
      ['A large fire broke out.', 2000, undefined],
      ['A fire broke out.', 3000, undefined],
    ]);
    expect(await recordArticle(db, V3, 4000)).toMatchObject({ status: 'changed' });
    expect(await db.count('versions')).toBe(4);
  });

  it('stores an alternating A/B headline once per variant: six loads, two versions, no marks once it flaps', async () => {
    const headlineA = article('Storm hits coast', ['Body.']);
    const headlineB = article('Coast battered by storm', ['Body.']);
    const statuses: string[] = [];
    for (let load = 0; load < 6; load++) {
      const outcome = await recordArticle(db, load % 2 === 0 ? headlineA : headlineB, 1000 * (load + 1));
      statuses.push(outcome.status);
    }
    // The first return (load 3) cannot yet be told from a real revert; the next alternation can.
    expect(statuses).toEqual(['captured', 'changed', 'changed', 'unchanged', 'unchanged', 'unchanged']);
    const stored = await db.getAllFromIndex('versions', 'url', URL_A);
    expect(stored.map((v) => [v.title, v.firstSeen, v.lastSeen, v.variant])).toEqual([
      ['Storm hits coast', 1000, 5000, true],
      ['Coast battered by storm', 2000, 6000, true],
    ]);
    expect(await db.get('articles', URL_A)).toMatchObject({
      versionCount: 2,
      title: 'Coast battered by storm',
    });
    expect(await db.count('visits')).toBe(6);

    // A real edit after the flapping is still an edit.
    const edited = await recordArticle(db, article('Storm hits coast', ['Body, updated.']), 7000);
    expect(edited.status).toBe('changed');
    expect(await db.count('versions')).toBe(3);
  });

  it('stores nothing new when the caller may not store, but still records a revisit', async () => {
    await recordArticle(db, V1, 1000);
    expect(await recordArticle(db, V2, 2000, { mayStore: false })).toMatchObject({
      status: 'limited',
      stored: false,
    });
    expect(
      await recordArticle(db, article('New', ['Text.'], 'https://news.test/new'), 2500, { mayStore: false }),
    ).toMatchObject({ status: 'limited' });
    expect(await counts()).toEqual({ articles: 1, versions: 1, visits: 1 });
    expect(await recordArticle(db, V1, 3000, { mayStore: false })).toMatchObject({ status: 'unchanged' });
    expect(await counts()).toEqual({ articles: 1, versions: 1, visits: 2 });
  });

  it('stores nothing when the page shows only the start of the article, and the next full load is unchanged', async () => {
    const body = Array.from(
      { length: 10 },
      (_, i) => `Paragraph ${i + 1} of the full story, as the reader read it.`,
    );
    const full = article('Fire in the city', body);
    await recordArticle(db, full, 1000);
    // A paywall: the first two paragraphs and its prompt.
    const preview = article('Fire in the city', [...body.slice(0, 2), 'Subscribe to keep reading.']);
    expect(await recordArticle(db, preview, 2000)).toEqual({
      status: 'partial',
      hash: expect.any(String),
      previous: null,
      stored: false,
    });
    expect(await counts()).toEqual({ articles: 1, versions: 1, visits: 1 });
    expect(await db.get('articles', URL_A)).toMatchObject({ lastSeen: 1000, versionCount: 1 });
    expect((await recordArticle(db, full, 3000)).status).toBe('unchanged');
    // A real edit of the full text is still one.
    const edited = article('Fire in the city', [...body.slice(0, 9), 'A new last paragraph.']);
    expect((await recordArticle(db, edited, 4000)).status).toBe('changed');
  });

  it('keeps articles apart by canonical URL', async () => {
    await recordArticle(db, V1, 1000);
    const other = await recordArticle(db, article('Other', ['Text.'], 'https://news.test/other'), 2000);
    expect(other.status).toBe('captured');
    expect(await db.getAllKeysFromIndex('articles', 'site', 'news.test')).toHaveLength(2);
  });

  it('loses nothing already stored when the quota is exceeded, and says so clearly', async () => {
    await recordArticle(db, V1, 1000);
    const before = { article: await db.get('articles', URL_A), versions: await db.getAll('versions') };
    const realAdd = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      if (this.name === 'versions')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realAdd.apply(this, args);
    });

    const failed = recordArticle(db, V2, 2000);
    await expect(failed).rejects.toBeInstanceOf(StorageFullError);
    await expect(failed).rejects.toThrow(/storage is full/);
    vi.restoreAllMocks();

    expect(await counts()).toEqual({ articles: 1, versions: 1, visits: 1 });
    expect(await db.get('articles', URL_A)).toEqual(before.article);
    expect(await db.getAll('versions')).toEqual(before.versions);
    // The database is still usable afterwards.
    expect((await recordArticle(db, V2, 3000)).status).toBe('changed');
  });
});

describe('dismissChanges', () => {
  it('refuses a stale hash so a newer edit stays visible', async () => {
    const first = await recordArticle(db, V1, 1000);
    await recordArticle(db, V2, 2000);
    expect(await dismissChanges(db, URL_A, first.hash)).toBe(false);
    expect((await db.get('articles', URL_A))?.dismissedHash).toBeNull();
    expect(await dismissChanges(db, 'https://news.test/unknown', first.hash)).toBe(false);
  });
});

describe('recordArticle and the extractor', () => {
  it('stores which extractor read a new version, and hands a version stored without one back as it was', async () => {
    // As release 0.1.0 stored it: no extractor field.
    const { versionHash } = await import('../core/hash');
    await db.add('versions', {
      url: URL_A,
      hash: await versionHash({ title: V1.title, paragraphs: V1.paragraphs.map((p) => p.text) }),
      title: V1.title,
      paragraphs: V1.paragraphs,
      byline: null,
      publishedTime: null,
      firstSeen: 500,
      lastSeen: 500,
    });
    await db.put('articles', {
      url: URL_A,
      site: 'news.test',
      title: V1.title,
      lang: 'en',
      firstSeen: 500,
      lastSeen: 500,
      lastChanged: 500,
      versionCount: 1,
      dismissedHash: null,
    });
    const outcome = await recordArticle(db, V2, 1000);
    expect(outcome.status).toBe('changed');
    expect(outcome.previous?.extractor).toBeUndefined();
    const stored = await db.getAllFromIndex('versions', 'url', URL_A);
    expect(stored.map((v) => v.extractor)).toEqual([undefined, EXTRACTOR_VERSION]);
  });
});
