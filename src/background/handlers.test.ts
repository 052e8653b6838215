import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { joinReply } from '../content/capture-reply';
import { EXTRACTOR_VERSION } from '../core/extract/version';
import type { Article } from '../core/model';
import { type HistoryDb, openHistory } from './db';
import { badgeText, createHandlers } from './handlers';
import type { ContentSender, Handlers, PageSender } from './protocol';
import { newestParagraphs } from './queries';
import { CAPTURE_LIMITS } from './rate-limit';
import { createSettingsStore, type SettingsArea } from './settings';

const TAB: ContentSender = { from: 'content', tabId: 4, url: 'https://www.news.test/story?utm_source=x' };
const PAGE: PageSender = { from: 'page', tabId: null, url: 'chrome-extension://id/popup.html' };

function article(paragraphs: string[]): Article {
  return {
    url: 'https://news.test/story',
    title: 'Story',
    lang: 'en',
    byline: null,
    siteName: null,
    publishedTime: null,
    paragraphs: paragraphs.map((text) => ({ text, kind: 'p' as const })),
  };
}

function memoryArea(): SettingsArea {
  const data: Record<string, unknown> = {};
  return {
    get: async (key) => (typeof key === 'string' && key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => {
      Object.assign(data, structuredClone(items));
    },
  };
}

let db: HistoryDb;
let handlers: Handlers;
let badges: [number, number][];
let clock: number;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  db = await openHistory(`redline-handlers-test-${counter}`);
  badges = [];
  clock = 1000;
  handlers = createHandlers({
    db: async () => db,
    settings: createSettingsStore(memoryArea()),
    badge: {
      show: async (tabId, changes) => {
        badges.push([tabId, changes]);
      },
    },
    now: () => clock,
  });
});

afterEach(() => db.close());

function capture(paragraphs: string[]) {
  clock += 1000;
  return handlers['article.capture']({ location: TAB.url, article: article(paragraphs) }, TAB);
}

describe('capture handlers', () => {
  it('keeps the newest text of an article', async () => {
    const latest = () => newestParagraphs(db, 'https://news.test/story');
    expect(await latest()).toBeNull();
    await capture(['One.', 'Two.']);
    await capture(['One, edited.', 'Two.']);
    expect(await latest()).toEqual(['One, edited.', 'Two.']);
  });

  it('captures, then answers unchanged, then changed with the previous version in display text', async () => {
    expect(await capture(['One.'])).toMatchObject({ status: 'captured' });
    expect(await capture(['One.'])).toMatchObject({ status: 'unchanged' });
    const changed = await capture(['One, edited.']);
    expect(changed).toMatchObject({
      status: 'changed',
      overlay: 'auto',
      previous: {
        title: 'Story',
        paragraphs: ['One.'],
        firstSeen: 2000,
        lastSeen: 3000,
        extractor: EXTRACTOR_VERSION,
      },
    });
    // The comparison, the bar's "since" and the notices are worked out here, not on the page's thread.
    expect(changed).toMatchObject({
      aligned: { stats: { added: 1, removed: 1 }, title: { changed: false } },
      sinceLabel: expect.any(String),
      notices: [],
      // And the overlay's words, so the page never calls the browser's getMessage.
      messages: { mark_removed: 'Removed' },
    });
    const corrected = await capture([
      'One, edited.',
      'Correction: An earlier version misspelt the mayor’s name.',
    ]);
    expect(corrected).toMatchObject({ notices: [{ index: 1, kind: 'correction' }] });
  });

  it('skips a load that shows only the start of the article (a paywall), storing nothing and marking nothing', async () => {
    const body = Array.from({ length: 8 }, (_, i) => `Paragraph ${i + 1} of the story as it was read.`);
    expect(await capture(body)).toMatchObject({ status: 'captured' });
    expect(await capture(body.slice(0, 2))).toEqual({ status: 'skipped', reason: 'partial' });
    expect(await db.count('versions')).toBe(1);
    expect(await capture(body)).toMatchObject({ status: 'unchanged' });
  });

  it('sends a long article’s comparison in parts that only the same tab can fetch', async () => {
    const long = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} of a very long article says this.`);
    await capture(long);
    const head = await capture(long.map((text) => `${text} Edited.`));
    if (head.status !== 'changed' || !head.more) throw new Error('expected a reply in parts');
    expect(head.previous.paragraphs).toEqual([]);
    const other: ContentSender = { from: 'content', tabId: 99, url: 'https://evil.test/' };
    await expect(handlers['capture.part']({ id: head.more.id, index: 0 }, other)).rejects.toThrow('no such');
    const parts = [];
    for (let index = 0; index < head.more.parts; index++) {
      parts.push(await handlers['capture.part']({ id: head.more.id, index }, TAB));
    }
    const whole = joinReply(head, parts);
    expect(whole.previous.paragraphs).toEqual(long);
    expect(whole.aligned.stats.reworded).toBe(3000);
  });

  it('skips paused and excluded sites, by address or canonical URL, storing nothing', async () => {
    await handlers['settings.update']({ paused: ['news.test'] }, PAGE);
    expect(await handlers['site.check']({ location: TAB.url }, TAB)).toEqual({
      capture: false,
      reason: 'paused',
    });
    expect(await capture(['One.'])).toEqual({ status: 'skipped', reason: 'paused' });

    // Only the declared canonical URL's host is excluded (a sibling host's canonical is not believed, but still blocks).
    await handlers['settings.update']({ paused: [], excluded: ['live.news.test'] }, PAGE);
    const onLive = { ...article(['One.']), url: 'https://live.news.test/story' };
    expect(await handlers['site.check']({ location: TAB.url }, TAB)).toEqual({ capture: true });
    expect(await handlers['article.capture']({ location: TAB.url, article: onLive }, TAB)).toEqual({
      status: 'skipped',
      reason: 'excluded',
    });
    expect(await db.count('articles')).toBe(0);
  });

  it('files a page that claims another site’s article under its own address', async () => {
    const impostor: ContentSender = { from: 'content', tabId: 5, url: 'https://evil.test/fake?utm_medium=x' };
    const reply = await handlers['article.capture'](
      { location: impostor.url, article: article(['Lies.']) },
      impostor,
    );
    expect(reply.status).toBe('captured');
    expect(await db.getAllKeys('articles')).toEqual(['https://evil.test/fake']);
  });

  it('lets a tenant of a hosting suffix neither read nor poison the host’s article it names as canonical', async () => {
    const victimUrl = 'http://www.blogspot.com/victim/7123';
    const victimTab: ContentSender = { from: 'content', tabId: 6, url: victimUrl };
    const victim = (paragraphs: string[]) => ({ ...article(paragraphs), url: victimUrl });
    await handlers['article.capture']({ location: victimUrl, article: victim(['Secret one.']) }, victimTab);
    const edited = await handlers['article.capture'](
      { location: victimUrl, article: victim(['Secret two.']) },
      victimTab,
    );
    if (edited.status !== 'changed') throw new Error('expected a change');

    const evil: ContentSender = { from: 'content', tabId: 7, url: 'http://evil.blogspot.com/copy' };
    // Reading the page in the background anchors it on the stored text of the article it names: not the host's.
    const anchoredOn: (string[] | null)[] = [];
    const reading = createHandlers({
      db: async () => db,
      settings: createSettingsStore(memoryArea()),
      badge: { show: async () => undefined },
      now: () => clock,
      parse: async (_html, _location, _options, previousFor) => {
        anchoredOn.push(await previousFor(victim(['Fake.'])));
        return { ok: false, reason: 'not-readerable', detail: 'test' };
      },
    });
    await reading['page.upload']({ upload: 'e', index: 0, piece: '<p>Fake.</p>' }, evil);
    await reading['page.parse']({ upload: 'e', pieces: 1, location: evil.url }, evil);
    // The host's own page is anchored on its text.
    await reading['page.upload']({ upload: 'v', index: 0, piece: '<p>Secret.</p>' }, victimTab);
    await reading['page.parse']({ upload: 'v', pieces: 1, location: victimUrl }, victimTab);
    expect(anchoredOn).toEqual([null, ['Secret two.']]);
    const reply = await handlers['article.capture']({ location: evil.url, article: victim(['Fake.']) }, evil);
    expect(reply.status).toBe('captured');
    expect(JSON.stringify(reply)).not.toContain('Secret');
    expect(await handlers['article.dismiss']({ url: victimUrl, hash: edited.hash }, evil)).toEqual({
      dismissed: false,
    });

    const versions = await db.getAllFromIndex('versions', 'url', victimUrl);
    expect(versions.map((v) => v.paragraphs.map((p) => p.text))).toEqual([['Secret one.'], ['Secret two.']]);
    expect((await db.get('articles', victimUrl))?.dismissedHash).toBeNull();
    expect(
      await handlers['article.capture']({ location: victimUrl, article: victim(['Secret two.']) }, victimTab),
    ).toMatchObject({ status: 'changed', previous: { paragraphs: ['Secret one.'] } });
  });

  it('dismisses the newest version and clears the badge of the tab that asked', async () => {
    await capture(['One.']);
    const changed = await capture(['Two.']);
    if (changed.status !== 'changed') throw new Error('expected a change');
    expect(
      await handlers['article.dismiss']({ url: 'https://news.test/story', hash: changed.hash }, TAB),
    ).toEqual({
      dismissed: true,
    });
    expect(badges).toEqual([[4, 0]]);
    expect(await capture(['Two.'])).toMatchObject({ status: 'unchanged' });
  });

  it('sets the badge for the sending tab', async () => {
    expect(await handlers['badge.set']({ changes: 3 }, TAB)).toBeNull();
    expect(badges).toEqual([[4, 3]]);
  });

  it('deletes one article on request', async () => {
    await capture(['One.']);
    expect(await handlers['history.delete']({ url: 'https://news.test/story' }, PAGE)).toEqual({
      deleted: true,
    });
    expect(await db.count('versions')).toBe(0);
  });
});

describe('what a page can make Redline store', () => {
  function page(url: string, text: string): Article {
    return { ...article([text]), url };
  }

  it('stores a few articles, not dozens, from a page looping pushState with fresh text', async () => {
    const tab: ContentSender = { from: 'content', tabId: 9, url: 'https://spam.test/0' };
    const statuses: string[] = [];
    for (let i = 0; i < 33; i++) {
      clock += 1800; // 33 captures in 60 s, as the attack page made
      const url = `https://spam.test/${i}`;
      const reply = await handlers['article.capture'](
        { location: url, article: page(url, `Fresh text ${i}. ${'x'.repeat(1000)}`), sameDocument: true },
        { ...tab, url },
      );
      statuses.push(reply.status === 'skipped' ? reply.reason : reply.status);
    }
    expect(statuses.filter((s) => s === 'captured')).toHaveLength(6);
    expect(statuses.slice(6).every((s) => s === 'rate-limited')).toBe(true);
    expect(await db.count('articles')).toBe(6);
    expect(await db.count('versions')).toBe(6);

    // A reload of an article already stored is never limited, and a minute later the tab may store again.
    const known = 'https://spam.test/0';
    expect(
      await handlers['article.capture'](
        { location: known, article: page(known, `Fresh text 0. ${'x'.repeat(1000)}`) },
        { ...tab, url: known },
      ),
    ).toMatchObject({ status: 'unchanged' });
    // A page load in that tab is the reader's (or costs the page a whole load): only the site's allowance applies.
    const loaded = 'https://spam.test/loaded';
    expect(
      await handlers['article.capture'](
        { location: loaded, article: page(loaded, 'Loaded.') },
        { ...tab, url: loaded },
      ),
    ).toMatchObject({ status: 'captured' });
    clock += 60_000;
    const later = 'https://spam.test/later';
    expect(
      await handlers['article.capture'](
        { location: later, article: page(later, 'Later.'), sameDocument: true },
        { ...tab, url: later },
      ),
    ).toMatchObject({ status: 'captured' });
  });

  it('limits one site across tabs and page loads, by its registrable domain and what it stores', async () => {
    // A site reloading itself with a megabyte of fresh text each time (2 MB as Redline counts it).
    const big = 'x'.repeat(1_000_000);
    const statuses: string[] = [];
    for (let i = 0; i < 45; i++) {
      clock += 1000;
      const url = `https://a${i}.spam.test/story`;
      const reply = await handlers['article.capture'](
        { location: url, article: page(url, `${big} ${i}.`) },
        { from: 'content', tabId: 100 + i, url },
      );
      statuses.push(reply.status === 'skipped' ? reply.reason : reply.status);
    }
    const captured = statuses.filter((s) => s === 'captured').length;
    // 64 MiB an hour: 33 such stores, then only rate-limited replies.
    expect(captured).toBe(Math.floor(CAPTURE_LIMITS.perSite.maxBytes! / (2 * (big.length + 4))));
    expect(statuses.slice(captured).every((s) => s === 'rate-limited')).toBe(true);
    expect(await db.count('articles')).toBe(captured);
    // Another site, and ordinary articles, are not held up by it.
    const other = 'https://news.test/fine';
    expect(
      (
        await handlers['article.capture'](
          { location: other, article: page(other, 'Fine.') },
          { from: 'content', tabId: 7, url: other },
        )
      ).status,
    ).toBe('captured');
  });

  it('forgets the least recently read articles past the storage budget, never the one on screen', async () => {
    handlers = createHandlers({
      db: async () => db,
      settings: createSettingsStore(memoryArea()),
      badge: { show: async () => undefined },
      now: () => clock,
      budget: 30_000,
    });
    const read = async (n: number, size = 4000) => {
      clock += 60_000;
      const url = `https://news.test/${n}`;
      return handlers['article.capture'](
        { location: url, article: page(url, `${n} `.repeat(size / 2)) },
        { from: 'content', tabId: 1, url },
      );
    };
    for (const n of [1, 2, 3]) await read(n);
    await read(1); // read again: now 2 is the least recently read
    await read(4);
    await read(5);
    expect(await db.getAllKeys('articles')).toEqual([
      'https://news.test/1',
      'https://news.test/4',
      'https://news.test/5',
    ]);
    // One article bigger than the whole budget is kept while it is on screen.
    await read(6, 40_000);
    expect(await db.getAllKeys('articles')).toEqual(['https://news.test/6']);
  });
});

describe('badgeText', () => {
  it('is empty for no changes and capped at 99+', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });
});

describe('page.upload and page.parse', () => {
  /** Handlers whose parse reads `read` from any upload. */
  function readingHandlers(read: Article): Handlers {
    return createHandlers({
      db: async () => db,
      settings: createSettingsStore(memoryArea()),
      badge: { show: async () => undefined },
      now: () => clock,
      parse: async () => ({ ok: true, article: read, anchors: [null], titleAnchor: null, anchored: true }),
    });
  }

  function withParse(): { handlers: Handlers; parsed: { html: string; location: string }[] } {
    const parsed: { html: string; location: string }[] = [];
    const h = createHandlers({
      db: async () => db,
      settings: createSettingsStore(memoryArea()),
      badge: { show: async () => undefined },
      now: () => clock,
      parse: async (html, location) => {
        parsed.push({ html, location });
        return { ok: false, reason: 'not-readerable', detail: 'test' };
      },
    });
    return { handlers: h, parsed };
  }

  it('parses the pieces a tab sent, joined in order', async () => {
    const { handlers: h, parsed } = withParse();
    await h['page.upload']({ upload: 'a1', index: 1, piece: '<p>two</p></body></html>' }, TAB);
    await h['page.upload']({ upload: 'a1', index: 0, piece: '<html><body><p>one</p>' }, TAB);
    const reply = await h['page.parse']({ upload: 'a1', pieces: 2, location: TAB.url }, TAB);
    expect(reply).toMatchObject({ ok: false, reason: 'not-readerable' });
    expect(parsed).toEqual([{ html: '<html><body><p>one</p><p>two</p></body></html>', location: TAB.url }]);
  });

  it('answers a long reading in parts that only the tab that sent the page can fetch', async () => {
    const paragraphs = Array.from({ length: 4000 }, (_, i) => ({
      text: `Paragraph ${i} of it.`,
      kind: 'p' as const,
    }));
    const h = createHandlers({
      db: async () => db,
      settings: createSettingsStore(memoryArea()),
      badge: { show: async () => undefined },
      now: () => clock,
      parse: async () => ({
        ok: true,
        article: { ...article([]), paragraphs },
        anchors: paragraphs.map((_, i) => ({ start: i, end: i + 1, up: 0, keyLength: 1 })),
        titleAnchor: null,
        anchored: true,
      }),
    });
    await h['page.upload']({ upload: 'long', index: 0, piece: '<p>x</p>' }, TAB);
    const head = await h['page.parse']({ upload: 'long', pieces: 1, location: TAB.url }, TAB);
    if (!head.ok || !head.more) throw new Error('expected a reading in parts');
    expect(head.article.paragraphs).toEqual([]);
    const other: ContentSender = { from: 'content', tabId: 99, url: 'https://evil.test/' };
    await expect(h['parse.part']({ id: head.more.id, index: 0 }, other)).rejects.toThrow('no such');
    let fetched = 0;
    for (let index = 0; index < head.more.parts; index++) {
      fetched += (await h['parse.part']({ id: head.more.id, index }, TAB)).paragraphs.length;
    }
    expect(fetched).toBe(4000);
  });

  it('stores the article it read from a tab’s upload when the capture names that reading', async () => {
    const read = article(['Read in the background.']);
    const h = readingHandlers(read);
    await h['page.upload']({ upload: 'u9', index: 0, piece: '<p>x</p>' }, TAB);
    await h['page.parse']({ upload: 'u9', pieces: 1, location: TAB.url }, TAB);
    const other: ContentSender = { from: 'content', tabId: 99, url: TAB.url };
    await expect(h['article.capture']({ location: TAB.url, reading: 'u9' }, other)).rejects.toThrow('gone');
    expect(await h['article.capture']({ location: TAB.url, reading: 'u9' }, TAB)).toMatchObject({
      status: 'captured',
    });
    expect(await newestParagraphs(db, 'https://news.test/story')).toEqual(['Read in the background.']);
  });

  it('takes the last piece with the parse', async () => {
    const { handlers: h, parsed } = withParse();
    await h['page.upload']({ upload: 'a2', index: 0, piece: '<html><body><p>one</p>' }, TAB);
    await h['page.parse'](
      { upload: 'a2', pieces: 2, location: TAB.url, last: '<p>two</p></body></html>' },
      TAB,
    );
    expect(parsed).toEqual([{ html: '<html><body><p>one</p><p>two</p></body></html>', location: TAB.url }]);
  });

  it('stores what it read when the page asks, and answers with the capture’s reply', async () => {
    const read = article(['Read and stored in one go.']);
    const h = readingHandlers(read);
    const reply = await h['page.parse'](
      { upload: 's1', pieces: 1, location: TAB.url, last: '<p>x</p>', capture: {} },
      TAB,
    );
    expect(reply).toMatchObject({ ok: true, captured: { status: 'captured' } });
    expect(await newestParagraphs(db, 'https://news.test/story')).toEqual(['Read and stored in one go.']);
    // Stored already: the reading is not kept for a capture to name.
    await expect(h['article.capture']({ location: TAB.url, reading: 's1' }, TAB)).rejects.toThrow('gone');
  });

  it('keeps the reading when storing it as read fails, so the page’s own capture meets the error', async () => {
    const read = article(['Read, not stored.']);
    let broken = true;
    const h = createHandlers({
      db: async () => {
        if (broken) throw new Error('QuotaExceededError');
        return db;
      },
      settings: createSettingsStore(memoryArea()),
      badge: { show: async () => undefined },
      now: () => clock,
      parse: async () => ({ ok: true, article: read, anchors: [null], titleAnchor: null, anchored: true }),
    });
    const reply = await h['page.parse'](
      { upload: 's2', pieces: 1, location: TAB.url, last: '<p>x</p>', capture: {} },
      TAB,
    );
    expect(reply).toMatchObject({ ok: true });
    expect(reply).not.toHaveProperty('captured');
    broken = false;
    expect(await h['article.capture']({ location: TAB.url, reading: 's2' }, TAB)).toMatchObject({
      status: 'captured',
    });
  });

  it('does not let another tab parse, or add to, a tab’s upload', async () => {
    const { handlers: h, parsed } = withParse();
    const other: ContentSender = { from: 'content', tabId: 99, url: 'https://evil.test/' };
    await h['page.upload']({ upload: 'a1', index: 0, piece: '<p>mine</p>' }, TAB);
    await h['page.upload']({ upload: 'a1', index: 1, piece: '<p>theirs</p>' }, other);
    await expect(h['page.parse']({ upload: 'a1', pieces: 2, location: other.url }, other)).rejects.toThrow(
      'incomplete',
    );
    await expect(h['page.parse']({ upload: 'a1', pieces: 2, location: TAB.url }, TAB)).rejects.toThrow(
      'incomplete',
    );
    expect(parsed).toEqual([]);
  });
});
