import { describe, expect, it } from 'vitest';
import { resolveTarget, type TabsLookup, targetFromQuery } from './target';

const tabs: TabsLookup = {
  query: async () => [{ id: 7, incognito: false }],
  get: async (tabId) => ({ id: tabId, incognito: tabId === 9 }),
};

describe('popup target', () => {
  it('reads ?tab= and ?url= from the query', () => {
    expect(targetFromQuery('?tab=12')).toEqual({ tabId: 12 });
    expect(targetFromQuery('?url=https%3A%2F%2Fnews.test%2Fa')).toEqual({ url: 'https://news.test/a' });
    expect(targetFromQuery('?url=javascript:alert(1)')).toBeNull();
    expect(targetFromQuery('?tab=x')).toBeNull();
    expect(targetFromQuery('')).toBeNull();
  });

  it('uses the active tab unless the query names one', async () => {
    expect(await resolveTarget('', tabs)).toEqual({ kind: 'tab', tabId: 7, incognito: false });
    expect(await resolveTarget('?tab=9', tabs)).toEqual({ kind: 'tab', tabId: 9, incognito: true });
    expect(await resolveTarget('?url=https://news.test/a', tabs)).toEqual({
      kind: 'url',
      url: 'https://news.test/a',
    });
    expect(await resolveTarget('', { ...tabs, query: async () => [] })).toEqual({ kind: 'none' });
  });
});
