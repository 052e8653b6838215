import { describe, expect, it } from 'vitest';
import {
  captureBlock,
  createSettingsStore,
  DEFAULT_SETTINGS,
  parseSettings,
  SETTINGS_KEY,
  type SettingsArea,
} from './settings';

function memoryArea(initial: Record<string, unknown> = {}): SettingsArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    data,
    async get(key) {
      if (typeof key !== 'string') throw new Error('test area reads one key at a time');
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      // Yield first, like the real storage API, so overlapping updates would interleave if not serialised.
      await new Promise((resolve) => setTimeout(resolve, 1));
      Object.assign(data, structuredClone(items));
    },
  };
}

describe('parseSettings', () => {
  it('fills defaults and drops malformed entries', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({ paused: [], excluded: [] });
    expect(parseSettings({ paused: ['www.BBC.co.uk', 3, '', 'bbc.co.uk'], excluded: 'x' })).toMatchObject({
      paused: ['bbc.co.uk'],
      excluded: [],
    });
  });
});

describe('captureBlock', () => {
  const settings = { paused: ['example.com'], excluded: ['bank.test', 'example.com'] };

  it('says why a site is not captured, exclusion first', () => {
    expect(captureBlock(settings, 'https://www.example.com/a')).toBe('excluded');
    expect(captureBlock({ paused: ['example.com'], excluded: [] }, 'https://news.example.com/a')).toBe(
      'paused',
    );
    expect(captureBlock(settings, 'https://online.bank.test/')).toBe('excluded');
  });

  it('lets other sites through', () => {
    expect(captureBlock(settings, 'https://example.org/a')).toBeNull();
  });
});

describe('createSettingsStore', () => {
  it('returns defaults when nothing is stored', async () => {
    expect(await createSettingsStore(memoryArea()).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('stores an update in normalised form under one key', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: { paused: ['a.test'], excluded: [] } });
    const store = createSettingsStore(area);
    const expected = { ...DEFAULT_SETTINGS, paused: ['a.test'], excluded: ['b.test'] };
    expect(await store.update({ excluded: ['https://www.B.test/x'] })).toEqual(expected);
    expect(area.data[SETTINGS_KEY]).toEqual(expected);
  });

  it('loses no update when two overlap', async () => {
    const area = memoryArea();
    const store = createSettingsStore(area);
    await Promise.all([store.update({ paused: ['a.test'] }), store.update({ excluded: ['b.test'] })]);
    expect(await store.get()).toMatchObject({ paused: ['a.test'], excluded: ['b.test'] });
  });

  it('keeps working after a failed write', async () => {
    const area = memoryArea();
    let failNext = true;
    const store = createSettingsStore({
      get: area.get,
      set: async (items) => {
        if (failNext) {
          failNext = false;
          throw new Error('disk full');
        }
        await area.set(items);
      },
    });
    await expect(store.update({ paused: ['a.test'] })).rejects.toThrow('disk full');
    expect(await store.update({ excluded: ['c.test'] })).toMatchObject({ paused: [], excluded: ['c.test'] });
  });
});
