import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/helpers/db';
import type { Article } from '../core/model';
import type { HistoryDb } from './db';
import { DatabaseTimeout } from './db-connection';
import { createHandlers } from './handlers';
import type { ContentSender, PageSender } from './protocol';
import { createSettingsStore, type SettingsArea } from './settings';

function memoryArea(): SettingsArea {
  const data: Record<string, unknown> = {};
  return {
    get: async (key) => (typeof key === 'string' ? { [key]: data[key] } : { ...data }),
    set: async (items) => {
      Object.assign(data, items);
    },
  };
}

const page: PageSender = { from: 'page', tabId: null, url: 'chrome-extension://id/options.html' };
const tab: ContentSender = { from: 'content', tabId: 1, url: 'https://news.test/a' };

function story(words: string): Article {
  return {
    url: 'https://news.test/a',
    title: 'A story',
    lang: 'en',
    byline: null,
    siteName: null,
    publishedTime: null,
    paragraphs: [{ text: `It says ${words}.`, kind: 'p' }],
  };
}

let db: HistoryDb;
let clock = Date.UTC(2026, 0, 1);
beforeEach(async () => {
  db = await freshDb('ui-handlers');
});
afterEach(() => db.close());

function handlers() {
  return createHandlers({
    db: async () => db,
    settings: createSettingsStore(memoryArea()),
    badge: { show: async () => undefined },
    now: () => ++clock,
  });
}

describe('UI handlers wired into the background', () => {
  it('applies the retention settings after each capture', async () => {
    const h = handlers();
    await h['settings.update']({ keepVersions: 2 }, page);
    for (const words of ['one', 'two', 'three']) {
      await h['article.capture']({ location: tab.url, article: story(words) }, tab);
    }
    const detail = await h['ui.article']({ url: tab.url }, page);
    expect(detail?.versions.map((v) => v.paragraphs[0]?.text)).toEqual(['It says two.', 'It says three.']);
    expect(detail?.article.versionCount).toBe(2);
  });

  it('tells the content script whether the overlay shows by itself', async () => {
    const h = handlers();
    await h['article.capture']({ location: tab.url, article: story('one') }, tab);
    const auto = await h['article.capture']({ location: tab.url, article: story('two') }, tab);
    expect(auto.status === 'changed' && auto.overlay).toBe('auto');
    await h['settings.update']({ overlay: 'badge' }, page);
    const badge = await h['article.capture']({ location: tab.url, article: story('three') }, tab);
    expect(badge.status === 'changed' && badge.overlay).toBe('badge');
  });

  it('lists, exports, deletes everything', async () => {
    const h = handlers();
    await h['article.capture']({ location: tab.url, article: story('one') }, tab);
    expect((await h['ui.articles'](null, page)).map((a) => a.url)).toEqual([tab.url]);
    const batch = await h['ui.export']({ url: tab.url, after: null, limit: 10 }, page);
    expect(batch.records.versions).toHaveLength(1);
    expect(batch.next).toBeNull();
    expect(await h['ui.deleteAll'](null, page)).toEqual({ articles: 1 });
    expect(await h['ui.articles'](null, page)).toEqual([]);
  });

  it('keeps a page the reader chose to keep, and skips one the reader said is not an article', async () => {
    const h = handlers();
    expect(await h['site.check']({ location: tab.url }, tab)).toEqual({ capture: true });
    await h['ui.choose']({ location: `${tab.url}#top`, choice: 'keep', wholeSite: false }, page);
    expect(await h['site.check']({ location: tab.url }, tab)).toEqual({ capture: true, force: true });
    expect((await h['article.capture']({ location: tab.url, article: story('one') }, tab)).status).toBe(
      'captured',
    );

    const saved = await h['ui.choose']({ location: tab.url, choice: 'not-article', wholeSite: true }, page);
    expect(saved).toMatchObject({
      keepPages: [],
      notArticlePages: [tab.url],
      notArticleSites: ['news.test'],
    });
    expect(await h['site.check']({ location: tab.url }, tab)).toEqual({
      capture: false,
      reason: 'not-article',
    });
    expect(await h['site.check']({ location: 'https://news.test/b' }, tab)).toEqual({
      capture: false,
      reason: 'not-article',
    });
    // Checked again when storing, in case the page was read before the choice.
    expect(await h['article.capture']({ location: tab.url, article: story('two') }, tab)).toEqual({
      status: 'skipped',
      reason: 'not-article',
    });
    // Undone from the options page by editing the lists.
    await h['settings.update']({ notArticlePages: [], notArticleSites: [] }, page);
    expect(await h['site.check']({ location: tab.url }, tab)).toEqual({ capture: true });
  });

  it('counts and deletes the articles of an excluded site', async () => {
    const h = handlers();
    await h['article.capture']({ location: tab.url, article: story('one') }, tab);
    expect(await h['ui.siteArticles']({ site: 'news.test' }, page)).toEqual({ articles: 1 });
    expect(await h['ui.deleteSite']({ site: 'news.test' }, page)).toEqual({ articles: 1 });
    expect(await h['ui.articles'](null, page)).toEqual([]);
  });

  it('reads one article through the bounded read, and passes its timeout on', async () => {
    const steps: string[] = [];
    const h = createHandlers({
      db: async () => db,
      readDb: async (step) => {
        steps.push('read');
        return step(db);
      },
      settings: createSettingsStore(memoryArea()),
      badge: { show: async () => undefined },
      now: () => ++clock,
    });
    await h['article.capture']({ location: tab.url, article: story('one') }, tab);
    expect((await h['ui.article']({ url: tab.url }, page))?.versions).toHaveLength(1);
    expect(steps).toEqual(['read']);

    const stuck = createHandlers({
      db: async () => db,
      readDb: async () => {
        throw new DatabaseTimeout('Reading the history database took more than 8 s');
      },
      settings: createSettingsStore(memoryArea()),
      badge: { show: async () => undefined },
      now: () => ++clock,
    });
    // The router sends the error back by its name and message (protocol.ts: serializeError).
    await expect(stuck['ui.article']({ url: tab.url }, page)).rejects.toMatchObject({
      name: 'DatabaseTimeout',
      message: 'Reading the history database took more than 8 s',
    });
  });
});
