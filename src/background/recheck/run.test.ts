import 'fake-indexeddb/auto';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '../../core/extract';
import type { Article } from '../../core/model';
import { type HistoryDb, openHistory } from '../db';
import { recordArticle } from '../record';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import type { Fetch } from './fetch-page';
import { parseWith } from './parse-fetched';
import { type EditNotice, type RecheckDeps, runTick } from './run';
import { HOUR, MINUTE, type SchedulerState } from './schedule';
import { editedSinceRead, readFollow } from './store';

const URL_A = 'https://news.test/world/fire';
const READ_AT = Date.UTC(2026, 11, 1, 8);

const PARAGRAPHS = [
  'A fire broke out in the old city on Tuesday night, and firefighters worked until the morning to contain it.',
  'Residents of the nearby streets were told to keep their windows closed while the smoke drifted east.',
  'The cause of the fire is not yet known, the city council said in a statement on Wednesday morning.',
  'Three buildings were damaged, among them a bakery that had stood on the square for a hundred years.',
  'The mayor thanked the firefighters and promised help for the families who lost their homes in the fire.',
  'Neighbours described how they woke to the sound of sirens and saw flames rising above the roofs of the square.',
  'The fire brigade said that the narrow streets of the old city made it hard to bring the heavy engines close.',
  'A fund for the families was opened on Wednesday afternoon and had collected several thousand euros by evening.',
];

function article(paragraphs: string[], title = 'Fire in the old city'): Article {
  return {
    url: URL_A,
    title,
    lang: 'en',
    byline: null,
    siteName: 'News',
    publishedTime: null,
    paragraphs: paragraphs.map((text) => ({ text, kind: 'p' as const })),
  };
}

function html(paragraphs: string[], title = 'Fire in the old city'): string {
  return `<!doctype html><html lang="en"><head><title>${title} - News</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>
    <footer>© News</footer></body></html>`;
}

type Answer = { status: number; body?: string; headers?: Record<string, string>; url?: string };

/** A fake network: the answers in order; records each request. */
function network(answers: Answer[]) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch: Fetch = async (url, init) => {
    requests.push({ url, init });
    const answer = answers.shift();
    if (!answer) throw new TypeError('network down');
    const response = new Response(answer.status === 304 ? null : (answer.body ?? ''), {
      status: answer.status,
      headers: { 'content-type': 'text/html; charset=utf-8', ...answer.headers },
    });
    if (answer.url) {
      Object.defineProperty(response, 'url', { value: answer.url });
      Object.defineProperty(response, 'redirected', { value: true });
    } else {
      Object.defineProperty(response, 'url', { value: url });
    }
    return response;
  };
  return { fetch, requests };
}

const parser = new new JSDOM('').window.DOMParser();

let db: HistoryDb;
let counter = 0;
let settings: Settings;
let clock: number;
let schedulerState: SchedulerState;
let notices: EditNotice[];

beforeEach(async () => {
  counter += 1;
  db = await openHistory(`redline-recheck-run-${counter}`);
  settings = { ...DEFAULT_SETTINGS, recheck: { enabled: true, days: 7, hours: 6, perHour: 30 } };
  clock = READ_AT;
  schedulerState = { recent: [], holds: {} };
  notices = [];
  await recordArticle(db, article(PARAGRAPHS), READ_AT);
});

afterEach(() => db.close());

function deps(fetch: Fetch, extra: Partial<RecheckDeps> = {}): RecheckDeps {
  return {
    db: async () => db,
    settings: async () => settings,
    now: () => clock,
    random: () => 0,
    fetch,
    parse: async (text, url, stored) => parseWith(parser, text, url, stored),
    hostAccess: async () => true,
    online: () => true,
    loadState: async () => schedulerState,
    saveState: async (state) => {
      schedulerState = state;
    },
    notify: async (notice) => {
      notices.push(notice);
    },
    extractor: EXTRACTOR_VERSION,
    ...extra,
  };
}

const edited = [
  ...PARAGRAPHS.slice(0, 2),
  'The cause of the fire was a faulty heater, the city council said in a statement on Wednesday morning.',
  ...PARAGRAPHS.slice(3),
  'On Thursday the council opened a shelter for the families in the school on the market square.',
];

describe('a re-check tick', () => {
  it('does nothing before the first interval, then fetches without cookies and stores a real edit as fetched', async () => {
    const net = network([{ status: 200, body: html(edited), headers: { etag: '"v2"' } }]);
    clock = READ_AT + HOUR;
    expect(await runTick(deps(net.fetch))).toEqual({ ran: true, checked: [], stoppedEarly: false });
    clock = READ_AT + 7 * HOUR;
    const report = await runTick(deps(net.fetch));
    expect(report).toMatchObject({ ran: true, checked: [{ url: URL_A, outcome: 'edited' }] });
    expect(net.requests[0]?.init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    const versions = await db.getAllFromIndex('versions', 'url', URL_A);
    expect(versions.map((v) => v.origin ?? 'seen')).toEqual(['seen', 'fetched']);
    expect(notices).toEqual([
      {
        url: URL_A,
        title: 'Fire in the old city',
        counts: { added: 1, removed: 0, reworded: 1, moved: 0, headline: false },
      },
    ]);
    const list = await editedSinceRead(db);
    expect(list.map((e) => [e.url, e.seenId, e.fetchedId])).toEqual([
      [URL_A, versions[0]?.id, versions[1]?.id],
    ]);
    // The reader's last visit is untouched: they have not seen it.
    expect((await db.get('articles', URL_A))?.lastSeen).toBe(READ_AT);

    // They come back and the page shows the fetched text: marked against what they SAW; nothing new stored.
    const back = await recordArticle(db, article(edited), clock + HOUR);
    expect(back.status).toBe('changed');
    expect(back.previous?.id).toBe(versions[0]?.id);
    expect(back.stored).toBe(false);
    expect((await db.getAllFromIndex('versions', 'url', URL_A)).map((v) => v.origin)).toEqual([
      undefined,
      'seen',
    ]);
    expect(await editedSinceRead(db)).toEqual([]);
  });

  it('marks a revisit showing yet another text against the last version seen, not the fetched one', async () => {
    const net = network([{ status: 200, body: html(edited) }]);
    clock = READ_AT + 7 * HOUR;
    await runTick(deps(net.fetch));
    const third = [
      ...edited,
      'Late on Thursday the mayor visited the shelter and spoke to the families there.',
    ];
    const back = await recordArticle(db, article(third), clock + HOUR);
    expect(back.status).toBe('changed');
    expect(back.previous?.origin).toBeUndefined();
    expect(back.previous?.paragraphs.map((p) => p.text)).toEqual(PARAGRAPHS);
  });

  it('sends the validators back, and a 304 costs one request and stores nothing', async () => {
    const net = network([
      {
        status: 200,
        body: html(PARAGRAPHS),
        headers: { etag: '"v1"', 'last-modified': 'Tue, 01 Dec 2026 08:00:00 GMT' },
      },
      { status: 304 },
    ]);
    clock = READ_AT + 7 * HOUR;
    await runTick(deps(net.fetch));
    clock += 13 * HOUR;
    const report = await runTick(deps(net.fetch));
    expect(report).toMatchObject({ checked: [{ outcome: 'unchanged' }] });
    expect(net.requests).toHaveLength(2);
    expect(net.requests[1]?.init.headers).toMatchObject({
      'if-none-match': '"v1"',
      'if-modified-since': 'Tue, 01 Dec 2026 08:00:00 GMT',
    });
    expect(await db.count('versions')).toBe(1);
    expect(notices).toEqual([]);
  });

  it.each([404, 410])('takes %i for removed from the site and stops checking', async (status) => {
    const net = network([{ status }]);
    clock = READ_AT + 7 * HOUR;
    await runTick(deps(net.fetch));
    expect(await readFollow(db, URL_A)).toMatchObject({ stopped: 'removed', lastOutcome: 'removed' });
    clock += 30 * HOUR;
    await runTick(deps(net.fetch));
    expect(net.requests).toHaveLength(1);
  });

  it('takes a redirect to another address for moved, and keeps where it leads', async () => {
    const net = network([{ status: 200, body: html(edited), url: 'https://news.test/world/another-story' }]);
    clock = READ_AT + 7 * HOUR;
    await runTick(deps(net.fetch));
    expect(await readFollow(db, URL_A)).toMatchObject({
      stopped: 'moved',
      movedTo: 'https://news.test/world/another-story',
    });
    expect(await db.count('versions')).toBe(1);
  });

  it('does not take a redirect to https or a trailing slash for a move', async () => {
    const net = network([{ status: 200, body: html(PARAGRAPHS), url: `${URL_A}/` }]);
    clock = READ_AT + 7 * HOUR;
    await runTick(deps(net.fetch));
    expect(await readFollow(db, URL_A)).toMatchObject({ stopped: null, lastOutcome: 'unchanged' });
  });

  it('calls a paywall teaser or a consent page "could not check", never an edit', async () => {
    const teaser = [PARAGRAPHS[0] as string, 'Subscribe now to read the rest of this story.'];
    const consent = '<html><body><div><button>Accept all cookies</button></div></body></html>';
    const net = network([
      { status: 200, body: html(teaser) },
      { status: 200, body: consent },
    ]);
    clock = READ_AT + 7 * HOUR;
    await runTick(deps(net.fetch));
    expect(await readFollow(db, URL_A)).toMatchObject({ lastOutcome: 'could-not-check', failures: 1 });
    clock += 7 * HOUR;
    await runTick(deps(net.fetch));
    expect(await readFollow(db, URL_A)).toMatchObject({ lastOutcome: 'could-not-check', failures: 2 });
    expect(await db.count('versions')).toBe(1);
    expect(notices).toEqual([]);
  });

  it('waits out a 429 for as long as Retry-After says, for the whole host', async () => {
    const net = network([{ status: 429, headers: { 'retry-after': '7200' } }]);
    clock = READ_AT + 7 * HOUR;
    await runTick(deps(net.fetch));
    expect(schedulerState.holds).toEqual({ 'news.test': clock + 2 * HOUR });
    expect((await readFollow(db, URL_A))?.nextCheck).toBe(clock + 2 * HOUR);
    clock += HOUR;
    await runTick(deps(net.fetch));
    expect(net.requests).toHaveLength(1);
  });

  it('backs off on 5xx and stops after repeated failures, saying why', async () => {
    const net = network(Array.from({ length: 6 }, () => ({ status: 503 })));
    const waits: number[] = [];
    clock = READ_AT + 7 * HOUR;
    for (let i = 0; i < 5; i++) {
      await runTick(deps(net.fetch));
      const follow = await readFollow(db, URL_A);
      if (follow?.stopped === null) waits.push((follow.nextCheck - clock) / HOUR);
      clock = (follow?.nextCheck ?? clock) + MINUTE;
    }
    expect(waits).toEqual([6, 12, 24, 48]);
    expect(await readFollow(db, URL_A)).toMatchObject({ stopped: 'failures', lastOutcome: 'server-error' });
    clock += 100 * HOUR;
    await runTick(deps(net.fetch));
    expect(net.requests).toHaveLength(5);
  });

  it('fetches nothing when off, offline, without the host permission, or on a paused or excluded site', async () => {
    const net = network([]);
    clock = READ_AT + 7 * HOUR;
    settings = { ...settings, recheck: { ...settings.recheck, enabled: false } };
    expect(await runTick(deps(net.fetch))).toEqual({ ran: false, reason: 'off' });
    settings = { ...settings, recheck: { ...settings.recheck, enabled: true } };
    expect(await runTick(deps(net.fetch, { online: () => false }))).toEqual({
      ran: false,
      reason: 'offline',
    });
    expect(await runTick(deps(net.fetch, { hostAccess: async () => false }))).toEqual({
      ran: false,
      reason: 'no-permission',
    });
    for (const blocked of [{ paused: ['news.test'] }, { excluded: ['news.test'] }]) {
      settings = { ...settings, paused: [], excluded: [], ...blocked };
      expect(await runTick(deps(net.fetch))).toEqual({ ran: true, checked: [], stoppedEarly: false });
    }
    expect(net.requests).toEqual([]);
  });

  it('switched off while a fetch is under way: the answer is dropped and nothing is stored', async () => {
    const net = network([{ status: 200, body: html(edited) }]);
    const slowFetch: Fetch = async (url, init) => {
      settings = { ...settings, recheck: { ...settings.recheck, enabled: false } };
      return net.fetch(url, init);
    };
    clock = READ_AT + 7 * HOUR;
    expect(await runTick(deps(slowFetch))).toEqual({ ran: true, checked: [], stoppedEarly: true });
    expect(await db.count('versions')).toBe(1);
    expect(notices).toEqual([]);
  });

  it('gives up on a request that takes longer than the timeout', async () => {
    const hanging: Fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    clock = READ_AT + 7 * HOUR;
    await runTick(deps(hanging, { timeoutMs: 50 }));
    expect(await readFollow(db, URL_A)).toMatchObject({ lastOutcome: 'failed', failures: 1 });
  });
});
