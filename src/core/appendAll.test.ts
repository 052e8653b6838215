import { describe, expect, it } from 'vitest';
import { appendAll } from './appendAll';

describe('appendAll', () => {
  it('appends in order and returns the target', () => {
    const target = [1];
    expect(appendAll(target, [2, 3])).toBe(target);
    expect(target).toEqual([1, 2, 3]);
  });

  it('appends a million items, where push(...items) overflows the call stack', () => {
    const items = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    const target: number[] = [];
    appendAll(target, items);
    expect(target.length).toBe(1_000_000);
    expect(target.at(-1)).toBe(999_999);
  });
});
