import { describe, expect, it } from 'vitest';
import { readZip, writeZip } from '../../scripts/package/zip';

const text = (s: string) => new TextEncoder().encode(s);

describe('writeZip', () => {
  it('gives the same bytes whatever order the files come in, sorted by name', () => {
    const files = [
      { name: 'b/x.js', data: text('console.log("x");\n'.repeat(50)) },
      { name: 'a.json', data: text('{}') },
      { name: 'b/ä.txt', data: text('unicode name') },
    ];
    const one = writeZip(files);
    const two = writeZip([...files].reverse());
    expect(one.equals(two)).toBe(true);
    expect(readZip(one).map((e) => e.name)).toEqual(['a.json', 'b/x.js', 'b/ä.txt']);
  });

  it('round-trips contents, deflated or stored', () => {
    const random = new Uint8Array(2000).map((_, i) => (i * 2654435761) >>> 24);
    const files = [
      { name: 'random.bin', data: random },
      { name: 'repeat.txt', data: text('a'.repeat(10_000)) },
    ];
    const zip = writeZip(files);
    expect(zip.length).toBeLessThan(2000 + 10_000);
    for (const entry of readZip(zip)) {
      expect(Buffer.from(entry.data)).toEqual(Buffer.from(files.find((f) => f.name === entry.name)!.data));
    }
  });

  it('stamps every entry 1980-01-01 00:00 and rw-r--r--, whatever the files on disk say', () => {
    const zip = writeZip([{ name: 'f', data: text('x') }]);
    expect(zip.readUInt16LE(10)).toBe(0);
    expect(zip.readUInt16LE(12)).toBe(0x21);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect((zip.readUInt32LE(central + 38) >>> 16).toString(8)).toBe('100644');
  });

  it('refuses duplicate and escaping names', () => {
    expect(() =>
      writeZip([
        { name: 'a', data: text('') },
        { name: 'a', data: text('') },
      ]),
    ).toThrow(/twice/);
    expect(() => writeZip([{ name: '../a', data: text('') }])).toThrow(/relative/);
  });
});
