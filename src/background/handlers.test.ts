import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '../core/extract/version';
import type { Article } from '../core/model';
import { type HistoryDb, openHistory } from './db';
import { badgeText, createHandlers } from './handlers';
import type { ContentSender, Handlers, PageSender } from './protocol';
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
  it('answers the newest stored text of an article, or null before the first capture', async () => {
    const latest = (): ReturnType<(typeof handlers)['article.latest']> =>
      handlers['article.latest']({ url: 'https://news.test/story' }, TAB);
    expect(await latest()).toBeNull();
    await capture(['One.', 'Two.']);
    await capture(['One, edited.', 'Two.']);
    expect(await latest()).toEqual({ paragraphs: ['One, edited.', 'Two.'] });
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
  });

  it('skips paused and excluded sites, by address or canonical URL, storing nothing', async () => {
    await handlers['settings.update']({ paused: ['news.test'] }, PAGE);
    expect(await handlers['site.check']({ location: TAB.url }, TAB)).toEqual({
      capture: false,
      reason: 'paused',
    });
    expect(await capture(['One.'])).toEqual({ status: 'skipped', reason: 'paused' });

    // Only the canonical URL's host (a believed subdomain of the page's) is excluded.
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

describe('badgeText', () => {
  it('is empty for no changes and capped at 99+', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });
});
