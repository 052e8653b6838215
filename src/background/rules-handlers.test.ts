import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HistoryDb, openHistory } from './db';
import type { ContentSender, PageSender } from './protocol';
import { createRulesHandlers } from './rules-handlers';
import { RULES_REQUEST_CHECKS } from './rules-protocol';

const TAB: ContentSender = { from: 'content', tabId: 4, url: 'https://www.news.test/story' };
const OTHER_TAB: ContentSender = { from: 'content', tabId: 5, url: 'https://other.test/a' };
const PAGE: PageSender = { from: 'page', tabId: null, url: 'chrome-extension://id/options.html' };

let db: HistoryDb;
let counter = 0;
let handlers: ReturnType<typeof createRulesHandlers>;

beforeEach(async () => {
  counter += 1;
  db = await openHistory(`redline-rules-test-${counter}`);
  handlers = createRulesHandlers({ db: async () => db, now: () => 42 });
});
afterEach(() => db.close());

describe('ignore rules in the background', () => {
  it('a page adds a rule for its own site only, and gets the rules of its site and the domains above', async () => {
    const rule = await handlers['rules.addFromPage']({ kind: 'text', pattern: 'Updated # minutes ago' }, TAB);
    expect(rule).toEqual({
      id: 1,
      site: 'news.test',
      kind: 'text',
      pattern: 'Updated # minutes ago',
      created: 42,
    });
    await handlers['rules.add']({ site: 'live.news.test', kind: 'selector', pattern: '.ticker' }, PAGE);
    await expect(
      Promise.resolve().then(() => handlers['rules.add']({ site: 'test', kind: 'text', pattern: 'x' }, PAGE)),
    ).rejects.toThrow(/site/);
    expect((await handlers['rules.forPage'](null, TAB)).map((r) => r.pattern)).toEqual([
      'Updated # minutes ago',
    ]);
    const sub: ContentSender = { ...TAB, url: 'https://live.news.test/blog' };
    expect((await handlers['rules.forPage'](null, sub)).map((r) => r.pattern)).toEqual([
      'Updated # minutes ago',
      '.ticker',
    ]);
    expect(await handlers['rules.forPage'](null, OTHER_TAB)).toEqual([]);
  });

  it('the same rule twice is kept once', async () => {
    const a = await handlers['rules.addFromPage']({ kind: 'text', pattern: 'Promo' }, TAB);
    const b = await handlers['rules.addFromPage']({ kind: 'text', pattern: 'Promo' }, TAB);
    expect(b.id).toBe(a.id);
    expect(await handlers['rules.list'](null, PAGE)).toHaveLength(1);
  });

  it('refuses a regex that could run for ever, an empty rule and a malformed site; nothing is stored', async () => {
    await expect(handlers['rules.addFromPage']({ kind: 'regex', pattern: '(a+)+$' }, TAB)).rejects.toThrow(
      /repeated group/,
    );
    await expect(
      handlers['rules.add']({ site: 'news.test', kind: 'text', pattern: '  ' }, PAGE),
    ).rejects.toThrow(/empty/);
    await expect(
      handlers['rules.add']({ site: 'https://news.test/x', kind: 'text', pattern: 'a' }, PAGE),
    ).rejects.toThrow(/site/);
    expect(await handlers['rules.list'](null, PAGE)).toEqual([]);
  });

  it('deletes a rule', async () => {
    const rule = await handlers['rules.add']({ site: 'news.test', kind: 'regex', pattern: '^Ad$' }, PAGE);
    expect(await handlers['rules.delete']({ id: rule.id ?? -1 }, PAGE)).toEqual({ deleted: true });
    expect(await handlers['rules.delete']({ id: rule.id ?? -1 }, PAGE)).toEqual({ deleted: false });
    expect(await handlers['rules.list'](null, PAGE)).toEqual([]);
  });

  it('checks requests: a content script cannot name a site', () => {
    expect(RULES_REQUEST_CHECKS['rules.addFromPage']({ kind: 'text', pattern: 'a' })).toBe(true);
    expect(RULES_REQUEST_CHECKS['rules.addFromPage']({ kind: 'eval', pattern: 'a' })).toBe(false);
    expect(RULES_REQUEST_CHECKS['rules.addFromPage']({ kind: 'text', pattern: 'a'.repeat(501) })).toBe(false);
    expect(RULES_REQUEST_CHECKS['rules.delete']({ id: '1' })).toBe(false);
  });
});
