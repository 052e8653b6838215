import { describe, expect, it } from 'vitest';
import { readTextChunks } from './fileChunks';

async function pieces(blob: Blob, size: number): Promise<string[]> {
  const out: string[] = [];
  for await (const piece of readTextChunks(blob, size)) out.push(piece);
  return out;
}

describe('readTextChunks', () => {
  it('joins to the whole text, with multi-byte characters split across slices decoded whole', async () => {
    const text = `{"a":"Zürich — 東京 😀 ${'x'.repeat(50)}","b":"\u00e9\u0301"}`;
    const blob = new Blob([text]);
    for (const size of [4, 5, 6, 7, 13, 64, 1024]) {
      const parts = await pieces(blob, size);
      expect(parts.join('')).toBe(text);
      expect(parts.join('')).toBe(await blob.text());
      if (size < blob.size) expect(parts.length).toBeGreaterThan(1);
    }
  });

  it('gives nothing for an empty file and replaces invalid bytes as blob.text() does', async () => {
    expect(await pieces(new Blob([]), 8)).toEqual([]);
    const broken = new Blob([new Uint8Array([0x7b, 0xff, 0xe2, 0x82, 0x7d])]);
    expect((await pieces(broken, 4)).join('')).toBe(await broken.text());
  });

  it('refuses a slice too small to hold one character', async () => {
    await expect(pieces(new Blob(['abc']), 2)).rejects.toThrow(RangeError);
  });
});
