import { describe, expect, it } from 'vitest';
import { sampleRecords } from '../../../test/helpers/records';
import { parseImport } from './parseImport';
import { serialize } from './serialize';
import { toExport } from './toExport';

describe('parseImport', () => {
  it('parses a file, with or without a byte order mark', async () => {
    const text = serialize(toExport(await sampleRecords()));
    expect(parseImport(text)).toEqual({ ok: true, json: JSON.parse(text) });
    expect(parseImport(`\ufeff${text}`)).toEqual({ ok: true, json: JSON.parse(text) });
  });

  it('says an empty file is empty', () => {
    expect(parseImport('')).toEqual({ ok: false, errors: ['the file is empty'] });
    expect(parseImport(' \n ')).toEqual({ ok: false, errors: ['the file is empty'] });
  });

  it('recognises a truncated export and says where it ends', async () => {
    const text = serialize(toExport(await sampleRecords()));
    const cut = text.slice(0, Math.floor(text.length * 0.6));
    const result = parseImport(cut);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /^the file is incomplete: the file ends in the middle of .* at line \d+, column \d+/,
    );
    expect(result.errors[0]).toContain(`(offset ${cut.length})`);
    expect(result.errors[0]).toContain('cut off');
  });

  it('reports a syntax error with its position', () => {
    const result = parseImport('{\n  "format": "redline-history",\n  "version": 1,\n}');
    expect(result).toEqual({
      ok: false,
      errors: [
        'not a valid JSON file: expected a property name in double quotes but found "}" (a trailing comma?) at line 4, column 1 (offset 49)',
      ],
    });
  });

  it('refuses a file over the size limit before parsing it', () => {
    const result = parseImport('[1, 2, 3]', 5);
    expect(result).toEqual({
      ok: false,
      errors: ['the file is too large to import (9 characters; the limit is 5)'],
    });
  });
});
