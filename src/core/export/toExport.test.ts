import { describe, expect, it } from 'vitest';
import { HOUR, sampleRecords, T0 } from '../../../test/helpers/records';
import {
  ARTICLE_FIELDS,
  OPTIONAL_VERSION_FIELDS,
  PARAGRAPH_FIELDS,
  VERSION_FIELDS,
  VISIT_FIELDS,
} from './format';
import { toExport } from './toExport';

describe('toExport', () => {
  it('writes the documented fields in order, times as ISO strings, without versionCount or dismissedHash', async () => {
    const doc = toExport(await sampleRecords());
    expect(Object.keys(doc)).toEqual(['format', 'version', 'articles']);
    expect(doc.format).toBe('redline-history');
    expect(doc.version).toBe(2);
    const [first] = doc.articles;
    expect(Object.keys(first!)).toEqual([...ARTICLE_FIELDS]);
    // The sample versions were stored by release 0.1.0: no extractor, and none is made up.
    expect(Object.keys(first!.versions[0]!)).toEqual(
      VERSION_FIELDS.filter((f) => !(OPTIONAL_VERSION_FIELDS as readonly string[]).includes(f)),
    );
    expect(Object.keys(first!.versions[0]!.paragraphs[0]!)).toEqual([...PARAGRAPH_FIELDS]);
    expect(Object.keys(first!.visits[0]!)).toEqual([...VISIT_FIELDS]);
    expect(first!.firstSeen).toBe('2016-12-10T09:30:00.123Z');
    expect(JSON.stringify(doc)).not.toMatch(/versionCount|dismissedHash|"id"/);
  });

  it('sorts articles by url, versions by firstSeen then hash, visits by at then hash', async () => {
    const records = await sampleRecords();
    const doc = toExport({
      articles: [...records.articles].reverse(),
      versions: [...records.versions].reverse(),
      visits: [...records.visits].reverse(),
    });
    expect(doc.articles.map((a) => a.url)).toEqual([
      'http://www.bbc.co.uk/news/world-middle-east-38275553',
      'https://example.org/news/markup',
    ]);
    const bbc = doc.articles[0]!;
    expect(bbc.versions.map((v) => v.firstSeen)).toEqual([
      '2016-12-10T09:30:00.123Z',
      '2016-12-10T14:30:00.123Z',
    ]);
    expect(bbc.visits.map((v) => v.at)).toEqual([
      '2016-12-10T09:30:00.123Z',
      '2016-12-10T10:30:00.123Z',
      '2016-12-10T14:30:00.123Z',
      '2016-12-10T17:30:00.123Z',
    ]);
    expect(doc).toEqual(toExport(records));
  });

  it('breaks ties on equal times by hash', async () => {
    const records = await sampleRecords();
    const bbc = records.versions.filter((v) => v.url.includes('bbc'));
    const sameTime = bbc.map((v) => ({ ...v, firstSeen: T0 }));
    const visits = bbc.map((v) => ({ url: v.url, at: T0, hash: v.hash }));
    const doc = toExport({ articles: records.articles.slice(0, 1), versions: sameTime, visits });
    const hashes = bbc.map((v) => v.hash).sort();
    expect(doc.articles[0]!.versions.map((v) => v.hash)).toEqual(hashes);
    expect(doc.articles[0]!.visits.map((v) => v.hash)).toEqual(hashes);
  });

  it('exports one article when given only its records', async () => {
    const records = await sampleRecords();
    const url = 'https://example.org/news/markup';
    const doc = toExport({
      articles: records.articles.filter((a) => a.url === url),
      versions: records.versions,
      visits: records.visits,
    });
    expect(doc.articles).toHaveLength(1);
    expect(doc.articles[0]!.versions).toHaveLength(1);
    expect(doc.articles[0]!.visits).toHaveLength(1);
  });

  it('collapses duplicate versions and visits so the file stays importable', async () => {
    const records = await sampleRecords();
    const v = records.versions.find((x) => x.url.includes('example'))!;
    const doc = toExport({
      articles: records.articles.filter((a) => a.url === v.url),
      versions: [v, { ...v, id: 9, firstSeen: v.firstSeen - HOUR, lastSeen: v.lastSeen + HOUR }],
      visits: [
        { url: v.url, at: T0, hash: v.hash },
        { url: v.url, at: T0, hash: v.hash },
      ],
    });
    const [article] = doc.articles;
    expect(article!.versions).toHaveLength(1);
    expect(article!.versions[0]!.firstSeen).toBe('2016-12-10T10:30:00.123Z');
    expect(article!.versions[0]!.lastSeen).toBe('2016-12-10T12:30:00.123Z');
    expect(article!.visits).toHaveLength(1);
  });

  it('exports an empty history', () => {
    expect(toExport({ articles: [], versions: [], visits: [] })).toEqual({
      format: 'redline-history',
      version: 2,
      articles: [],
    });
  });
});
