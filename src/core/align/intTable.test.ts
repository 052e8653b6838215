import { describe, expect, it } from 'vitest';
import { IntTable } from './intTable';

describe('IntTable', () => {
  it('returns -1 for absent keys and the last value set otherwise', () => {
    const table = new IntTable(4);
    expect(table.get(7)).toBe(-1);
    table.set(7, 70);
    table.set(0, 5);
    table.set(7, 71);
    expect(table.get(7)).toBe(71);
    expect(table.get(0)).toBe(5);
    expect(table.get(8)).toBe(-1);
  });

  it('agrees with a Map on many keys, colliding ones included', () => {
    const table = new IntTable(20000);
    const map = new Map<number, number>();
    for (let i = 0; i < 20000; i++) {
      const key = (Math.imul(i, 2654435761) >>> 2) % 50000;
      table.set(key, i);
      map.set(key, i);
    }
    const got = Array.from({ length: 50000 }, (_, key) => table.get(key));
    const want = Array.from({ length: 50000 }, (_, key) => map.get(key) ?? -1);
    expect(got).toEqual(want);
  });
});
