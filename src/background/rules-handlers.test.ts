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

describe('kinds of edit for the history filters', () => {
  const base = { byline: null, publishedTime: null, firstSeen: 1, lastSeen: 1 };
  const p = (...texts: string[]) => texts.map((text) => ({ text, kind: 'p' as const }));
  it('marks articles with a silent edit and with a corrected one; variants and single versions are neither', async () => {
    const a = 'https://news.test/a';
    await db.add('versions', { ...base, url: a, hash: 'a1', title: 'A', paragraphs: p('It was Monday.') });
    await db.add('versions', {
      ...base,
      url: a,
      hash: 'a2',
      title: 'A',
      paragraphs: p('It was Tuesday.', 'Correction: An earlier version of this article gave the wrong day.'),
    });
    const b = 'https://news.test/b';
    await db.add('versions', { ...base, url: b, hash: 'b1', title: 'B', paragraphs: p('One.') });
    await db.add('versions', {
      ...base,
      url: b,
      hash: 'b2',
      title: 'B',
      paragraphs: p('One, quietly changed.'),
    });
    const c = 'https://news.test/c';
    await db.add('versions', {
      ...base,
      url: c,
      hash: 'c1',
      title: 'C',
      paragraphs: p('One.'),
      variant: true,
    });
    await db.add('versions', {
      ...base,
      url: c,
      hash: 'c2',
      title: 'C2',
      paragraphs: p('One.'),
      variant: true,
    });
    await db.add('versions', {
      ...base,
      url: 'https://news.test/d',
      hash: 'd1',
      title: 'D',
      paragraphs: p('x'),
    });
    expect(await handlers['ui.editKinds'](null, PAGE)).toEqual({
      [a]: { silent: false, corrected: true, found: [{ at: 1, silent: false }] },
      [b]: { silent: true, corrected: false, found: [{ at: 1, silent: true }] },
    });
  });
});
