/**
 * The promise: export → delete all → import → export gives identical JSON, and markup in a text field
 * survives the whole trip as the same characters.
 */
import { describe, expect, it } from 'vitest';
import { sampleRecords } from '../../../test/helpers/records';
import { versionHash } from '../hash';
import type { HistoryRecords } from './format';
import { mergeImport } from './mergeImport';
import { parseImport } from './parseImport';
import { readImport } from './readImport';
import { serialize, serializeChunks } from './serialize';
import { toExport } from './toExport';
import { validate } from './validate';

const EMPTY: HistoryRecords = { articles: [], versions: [], visits: [] };

describe('an article as large as the extractor keeps', () => {
  it('exports and imports back: a 40,000-word paragraph and 20,000 paragraphs', async () => {
    const records = await sampleRecords();
    const [oldest, ...rest] = records.versions;
    if (!oldest) throw new Error('sample has versions');
    const huge = Array.from({ length: 40_000 }, (_, i) => `word${i % 997}`).join(' ');
    const many = Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i}.`);
    const texts = [huge, ...many];
    const big = {
      ...oldest,
      paragraphs: texts.map((text) => ({ text, kind: 'p' as const })),
      hash: await versionHash({ title: oldest.title, paragraphs: texts }),
    };
    const text = serialize(toExport({ ...records, versions: [big, ...rest] }));
    const parsed = parseImport(text);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const checked = await validate(parsed.json);
    if (!checked.ok) throw new Error(checked.errors.join('\n'));
    expect(serialize(toExport(mergeImport(EMPTY, checked.doc)))).toBe(text);
  });
});

describe('the extractor of each version', () => {
  it('goes out and comes back in, and a file from release 0.1.0 without it stays valid', async () => {
    const records = await sampleRecords();
    const [oldest, ...rest] = records.versions;
    if (!oldest) throw new Error('sample has versions');
    const marked = { ...records, versions: [{ ...oldest, extractor: 2 }, ...rest] };
    const text = serialize(toExport(marked));
    expect(text).toMatch(/"lastSeen": "[^"]+",\n\s+"extractor": 2,\n\s+"paragraphs"/);
    const parsed = parseImport(text);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const checked = await validate(parsed.json);
    if (!checked.ok) throw new Error(checked.errors.join('\n'));
    const written = mergeImport(EMPTY, checked.doc);
    expect(written.versions.filter((v) => v.extractor === 2)).toHaveLength(1);
    expect(written.versions.filter((v) => v.extractor === undefined)).toHaveLength(rest.length);
    expect(serialize(toExport(written))).toBe(text);
  });

  it('refuses an extractor that is not a small positive integer', async () => {
    const doc = JSON.parse(serialize(toExport(await sampleRecords())));
    doc.articles[0].versions[0].extractor = 'two';
    const checked = await validate(doc);
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.errors.join('\n')).toMatch(/versions\[0\]\.extractor.*expected an extractor version/);
  });
});

describe('export → delete all → import → export', () => {
  it('is byte-identical', async () => {
    const first = serialize(toExport(await sampleRecords()));
    const parsed = parseImport(first);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const checked = await validate(parsed.json);
    if (!checked.ok) throw new Error(checked.errors.join('\n'));
    const written = mergeImport(EMPTY, checked.doc);
    const second = serialize(toExport(written));
    expect(second).toBe(first);
    expect([...serializeChunks(toExport(written), { articlesPerChunk: 1 })].join('')).toBe(first);
  });

  it('is stable when repeated', async () => {
    let text = serialize(toExport(await sampleRecords()));
    for (let round = 0; round < 3; round++) {
      const result = await readImport(text);
      if (!result.ok) throw new Error(result.errors.join('\n'));
      const next = serialize(toExport(mergeImport(EMPTY, result.doc)));
      expect(next).toBe(text);
      text = next;
    }
  });

  it('keeps hostile markup as the same text', async () => {
    const text = serialize(toExport(await sampleRecords()));
    // JSON.stringify escapes no HTML: the characters are in the file as written, inside JSON strings.
    expect(text).toContain('"text": "<img src=x onerror=alert(1)>"');
    const result = await readImport(text);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const written = mergeImport(EMPTY, result.doc);
    const version = written.versions.find((v) => v.url === 'https://example.org/news/markup')!;
    expect(version.paragraphs.map((p) => p.text)).toEqual([
      '<img src=x onerror=alert(1)>',
      '<script>alert("x")</script> & &amp; </p><p>',
      'Emoji 🗞️, RTL \u202eevil\u202c, nbsp\u00a0here',
    ]);
    expect(version.title).toBe('Headline with <b>markup</b> & "quotes"');
  });
});
