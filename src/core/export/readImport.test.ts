import { describe, expect, it } from 'vitest';
import { sampleRecords } from '../../../test/helpers/records';
import { readImport } from './readImport';
import { serialize } from './serialize';
import { toExport } from './toExport';

describe('readImport', () => {
  it('writes nothing for a truncated file: it never gets a document', async () => {
    const text = serialize(toExport(await sampleRecords()));
    const result = await readImport(text.slice(0, -3));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^the file is incomplete/);
  });

  it('returns the canonical document of a valid file', async () => {
    const doc = toExport(await sampleRecords());
    expect(await readImport(serialize(doc))).toEqual({ ok: true, doc });
  });

  it('passes structural problems through', async () => {
    const result = await readImport('{"format": "redline-history", "version": 3, "articles": []}');
    expect(result).toEqual({
      ok: false,
      errors: [
        'version: this file was made by a newer Redline (format version 3); this Redline reads version 2, update it to import the file',
      ],
    });
  });
});
