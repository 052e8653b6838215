import { describe, expect, it } from 'vitest';
import { TabSlots } from './tab-slots';

describe('TabSlots', () => {
  it('keeps one value per tab, the newest, apart from other tabs', () => {
    const slots = new TabSlots<string>(1000);
    slots.set(1, 'old');
    slots.set(1, 'new');
    slots.set(2, 'other');
    expect(slots.get(1)).toBe('new');
    expect(slots.get(2)).toBe('other');
    slots.delete(1);
    expect(slots.get(1)).toBeUndefined();
  });

  it('lets a value go once it has gone unused for longer than its age', () => {
    let now = 0;
    const slots = new TabSlots<string>(1000, () => now);
    slots.set(1, 'a');
    now = 900;
    slots.set(1, 'a');
    now = 1800;
    expect(slots.get(1)).toBe('a');
    now = 2901;
    expect(slots.get(1)).toBeUndefined();
  });
});
