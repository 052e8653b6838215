import { describe, expect, it } from 'vitest';
import { HOUR, makeVersion, sampleRecords, T0 } from '../../../test/helpers/records';
import type { RedlineHistoryV1 } from './format';
import { parseImport } from './parseImport';
import { serialize, serializeAsync, serializeChunks } from './serialize';
import { toExport } from './toExport';
import { validate } from './validate';

/** The same document with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}

describe('serialize', () => {
  it('is JSON with two-space indentation and a trailing newline', async () => {
    const doc = toExport(await sampleRecords());
    const text = serialize(doc);
    expect(text).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(
      text.startsWith('{\n  "format": "redline-history",\n  "version": 2,\n  "articles": [\n    {\n'),
    ).toBe(true);
  });

  it('writes fields in the documented order whatever order the object has', async () => {
    const doc = toExport(await sampleRecords());
    const shuffled = reverseKeys(doc) as RedlineHistoryV1;
    expect(Object.keys(shuffled)[0]).toBe('articles');
    expect(serialize(shuffled)).toBe(serialize(doc));
  });

  it('writes an empty history', () => {
    const text = serialize({ format: 'redline-history', version: 2, articles: [] });
    expect(text).toBe('{\n  "format": "redline-history",\n  "version": 2,\n  "articles": []\n}\n');
  });
});

describe('serializeChunks', () => {
  it('yields pieces whose concatenation is serialize()', async () => {
    const doc = toExport(await sampleRecords());
    for (const articlesPerChunk of [1, 2, 3, 100]) {
      const pieces = [...serializeChunks(doc, { articlesPerChunk })];
      expect(pieces.join('')).toBe(serialize(doc));
    }
    expect([...serializeChunks(doc, { articlesPerChunk: 1 })]).toHaveLength(3);
  });

  it('exports 10,000 articles in pieces that parse and validate back to the same document', async () => {
    const base = await makeVersion(
      'https://news.example/0',
      'Headline',
      [{ text: 'First paragraph.', kind: 'p' }],
      T0,
      T0 + HOUR,
    );
    const articles = Array.from({ length: 10_000 }, (_, i) => {
      const url = `https://news.example/${String(i).padStart(5, '0')}`;
      return {
        url,
        site: 'news.example',
        title: 'Headline',
        lang: 'en',
        firstSeen: T0 + i,
        lastSeen: T0 + HOUR,
        lastChanged: T0 + i,
        versionCount: 1,
      };
    });
    const records = {
      articles,
      versions: articles.map((a) => ({ ...base, url: a.url, firstSeen: a.firstSeen })),
      visits: articles.map((a) => ({ url: a.url, at: a.firstSeen, hash: base.hash })),
    };
    const doc = toExport(records);
    const pieces: string[] = [];
    let pauses = 0;
    for await (const piece of serializeAsync(doc, {
      articlesPerChunk: 500,
      pause: async () => {
        pauses++;
      },
    })) {
      pieces.push(piece);
    }
    // 10,000 / 500 full pieces plus the closing one: no single step serialises the whole history.
    expect(pieces).toHaveLength(21);
    expect(pauses).toBe(21);
    const text = pieces.join('');
    expect(text).toBe(serialize(doc));
    const parsed = parseImport(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const result = await validate(parsed.json);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.doc).toEqual(doc);
  });

  it('pauses on the event loop by default', async () => {
    const doc = toExport(await sampleRecords());
    const order: string[] = [];
    const iterate = (async () => {
      for await (const _ of serializeAsync(doc, { articlesPerChunk: 1 })) order.push('piece');
    })();
    setTimeout(() => order.push('timer'), 0);
    await iterate;
    expect(order.indexOf('timer')).toBeGreaterThan(0);
    expect(order.indexOf('timer')).toBeLessThan(order.length - 1);
  });
});
