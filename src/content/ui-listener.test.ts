// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { CaptureReply, MessageType, RequestOf, ResponseOf } from '../background/protocol';
import type { AlignResult, Article, VersionText } from '../core/model';
import { type EvaluateDeps, evaluatePage } from './evaluate';
import { type PageReading, placed } from './extract-remote';
import type { OverlayInput } from './overlay';
import { listenForUi, TabTracker, trackForUi } from './ui-listener';

// protocol.ts (for serializeError) loads the polyfill, which refuses to run outside an extension.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const ARTICLE: Article = {
  url: 'https://news.test/story',
  title: 'Story',
  lang: 'en',
  byline: null,
  siteName: null,
  publishedTime: null,
  paragraphs: [{ text: 'New words.', kind: 'p' }],
};

function stats(changes: number): AlignResult {
  return {
    title: { changed: false, old: 'Story', new: 'Story', words: [] },
    paragraphs: [],
    removed: [],
    stats: { unchanged: 0, added: changes, removed: 0, reworded: 0, moved: 0 },
    capped: false,
  };
}

interface Fakes {
  deps: EvaluateDeps;
  /** Articles sent to the background, with the URL the history files them under. */
  captured: Article[];
  mounts: { input: OverlayInput; signal: AbortSignal }[];
  aligned: VersionText[];
}

function fakes(capture: CaptureReply | Error, siteOk = true, extracted: PageReading | null = null): Fakes {
  const mounts: Fakes['mounts'] = [];
  const aligned: VersionText[] = [];
  const captured: Article[] = [];
  const send = async <K extends MessageType>(type: K, request: RequestOf<K>): Promise<ResponseOf<K>> => {
    // The fake answers each type with the reply of that type.
    if (type === 'site.check')
      return (siteOk ? { capture: true } : { capture: false, reason: 'paused' }) as ResponseOf<K>;
    if (type === 'article.capture') {
      const { article } = request as RequestOf<'article.capture'>;
      if (article) captured.push(article);
      if (capture instanceof Error) throw capture;
      return capture as ResponseOf<K>;
    }
    if (type === 'versions.compare') {
      // The background's comparison (compare.ts); here one change per old paragraph.
      const { old } = request as RequestOf<'versions.compare'>;
      aligned.push(old);
      return stats(old.paragraphs.length) as ResponseOf<K>;
    }
    return null as ResponseOf<K>;
  };
  const deps: EvaluateDeps = {
    send,
    extract: () => extracted ?? placed(ARTICLE, [document.body]),
    mountOverlay: (input, signal) => mounts.push({ input, signal }),
    settle: async () => 'quiet',
    incognito: false,
  };
  return { deps, captured, mounts, aligned };
}

const previous = {
  hash: 'old',
  title: 'Story',
  paragraphs: ['Old words.'],
  firstSeen: 5,
  lastSeen: 6,
  extractor: 2,
};

describe('TabTracker via trackForUi', () => {
  it('reports an article the background stored, and what it is marked against', async () => {
    const f = fakes({
      status: 'changed',
      hash: 'new',
      previous,
      overlay: 'auto',
      aligned: stats(1),
      sinceLabel: '1 hour ago',
      notices: [],
      messages: {},
    });
    const tracker = new TabTracker(document, f.deps, () => undefined);
    expect(tracker.status.state).toBe('reading');
    await evaluatePage(document, new AbortController().signal, trackForUi(f.deps, tracker));
    expect(tracker.status).toMatchObject({
      state: 'article',
      url: f.captured[0]?.url,
      hash: 'new',
      status: 'changed',
      comparedWith: 'old',
    });
    expect(f.mounts).toHaveLength(1);
  });

  it('sees the capture the background made as it read the page, and honours its overlay mode', async () => {
    for (const overlay of ['auto', 'badge'] as const) {
      const reply: CaptureReply = {
        status: 'changed',
        hash: 'new',
        previous,
        overlay,
        aligned: stats(1),
        sinceLabel: '1 hour ago',
        notices: [],
        messages: {},
      };
      // No 'article.capture' answer: the reading itself carries the capture's reply.
      const f = fakes(new Error('no capture was to be asked for'), true, {
        ...placed(ARTICLE, [document.body]),
        reading: 'u1',
        captured: reply,
      });
      const tracker = new TabTracker(document, f.deps, () => undefined);
      await evaluatePage(document, new AbortController().signal, trackForUi(f.deps, tracker));
      expect(tracker.status).toMatchObject({
        state: 'article',
        url: ARTICLE.url,
        hash: 'new',
        status: 'changed',
        comparedWith: overlay === 'auto' ? 'old' : null,
      });
      expect(f.mounts).toHaveLength(overlay === 'auto' ? 1 : 0);
    }
  });

  it('does not mount the overlay by itself in "badge only" mode, but the popup can show it', async () => {
    const f = fakes({
      status: 'changed',
      hash: 'new',
      previous,
      overlay: 'badge',
      aligned: stats(1),
      sinceLabel: '1 hour ago',
      notices: [],
      messages: {},
    });
    const badge = vi.fn();
    const tracker = new TabTracker(document, f.deps, badge);
    const evaluation = await evaluatePage(
      document,
      new AbortController().signal,
      trackForUi(f.deps, tracker),
    );
    expect(evaluation).toMatchObject({ status: 'changed', changes: 1 });
    expect(f.mounts).toHaveLength(0);
    expect(tracker.status).toMatchObject({ state: 'article', comparedWith: null });

    const changes = await tracker.compare({
      hash: 'v0',
      title: 'Story',
      paragraphs: ['a', 'b', 'c'],
      firstSeen: 1,
    });
    expect(changes).toBe(3);
    expect(f.aligned.at(-1)).toEqual({ title: 'Story', paragraphs: ['a', 'b', 'c'] });
    expect(f.mounts).toHaveLength(1);
    expect(f.mounts[0]?.input.since).toBe(1);
    // The marks go on the live elements the extraction found.
    expect(f.mounts[0]?.input.elements).toEqual([document.body]);
    expect(tracker.status).toMatchObject({ comparedWith: 'v0' });
    expect(badge).toHaveBeenLastCalledWith(3);
  });

  it('takes the old marks down when the popup picks another version or none', async () => {
    const f = fakes({
      status: 'changed',
      hash: 'new',
      previous,
      overlay: 'auto',
      aligned: stats(1),
      sinceLabel: '1 hour ago',
      notices: [],
      messages: {},
    });
    const tracker = new TabTracker(document, f.deps, () => undefined);
    await evaluatePage(document, new AbortController().signal, trackForUi(f.deps, tracker));
    const first = f.mounts[0]?.signal;
    await tracker.compare({ hash: 'v0', title: 'Story', paragraphs: ['a'], firstSeen: 1 });
    expect(first?.aborted).toBe(true);
    const second = f.mounts[1]?.signal;
    expect(await tracker.compare(null)).toBe(0);
    expect(second?.aborted).toBe(true);
    expect(tracker.status).toMatchObject({ comparedWith: null });
  });

  it('mounts nothing for a comparison the page moved on from while the background compared', async () => {
    const f = fakes({
      status: 'changed',
      hash: 'new',
      previous,
      overlay: 'badge',
      aligned: stats(1),
      sinceLabel: '1 hour ago',
      notices: [],
      messages: {},
    });
    const tracker = new TabTracker(document, f.deps, () => undefined);
    await evaluatePage(document, new AbortController().signal, trackForUi(f.deps, tracker));
    const send = f.deps.send;
    let answer: () => void = () => undefined;
    f.deps.send = (async (type, request) => {
      if (type === 'versions.compare') await new Promise<void>((resolve) => (answer = resolve));
      return send(type, request);
    }) as typeof send;
    const comparing = tracker.compare({ hash: 'v0', title: 'Story', paragraphs: ['a'], firstSeen: 1 });
    // A single-page site shows another address before the answer comes.
    tracker.begin('https://news.test/next');
    answer();
    await expect(comparing).rejects.toThrow();
    expect(f.mounts).toHaveLength(0);
  });

  it('reports paused sites, non-articles and storage failures', async () => {
    const paused = fakes({ status: 'captured', hash: 'h' }, false);
    const t1 = new TabTracker(document, paused.deps, () => undefined);
    await evaluatePage(document, new AbortController().signal, trackForUi(paused.deps, t1));
    expect(t1.status).toMatchObject({ state: 'skipped', reason: 'paused' });
    await expect(t1.compare(null)).rejects.toThrow(/not an article/);

    const notArticle = fakes({ status: 'captured', hash: 'h' }, true, {
      ok: false,
      reason: 'not-readerable',
      detail: 'a list of links',
    });
    const t2 = new TabTracker(document, notArticle.deps, () => undefined);
    await evaluatePage(document, new AbortController().signal, trackForUi(notArticle.deps, t2));
    expect(t2.status).toMatchObject({ state: 'not-article', reason: 'not-readerable' });

    const full = fakes(new Error('storage is full'));
    const t3 = new TabTracker(document, full.deps, () => undefined);
    await expect(
      evaluatePage(document, new AbortController().signal, trackForUi(full.deps, t3)),
    ).rejects.toThrow();
    expect(t3.status).toMatchObject({ state: 'failed', message: 'storage is full' });
  });
});

describe('listenForUi', () => {
  type Listener = (message: unknown, sender: { id?: string; url?: string }) => Promise<unknown> | undefined;

  function fakeRuntime() {
    const listeners = new Set<Listener>();
    return {
      id: 'redline',
      listeners,
      onMessage: {
        addListener: (l: Listener) => listeners.add(l),
        removeListener: (l: Listener) => listeners.delete(l),
        hasListener: (l: Listener) => listeners.has(l),
        hasListeners: () => listeners.size > 0,
      },
    };
  }

  it("answers the extension's pages and ignores everything else", async () => {
    const runtime = fakeRuntime();
    const f = fakes({ status: 'captured', hash: 'h' });
    const tracker = new TabTracker(document, f.deps, () => undefined);
    const controller = new AbortController();
    // The fake has the shape of the listener API the module uses.
    listenForUi(runtime as never, tracker, controller.signal);
    const [listener] = [...runtime.listeners];
    if (!listener) throw new Error('no listener');
    const page = { id: 'redline', url: 'chrome-extension://redline/popup.html' };
    expect(await listener({ type: 'tab.status', request: null }, page)).toEqual({
      ok: true,
      value: { state: 'reading', location: document.location.href },
    });
    expect(await listener({ type: 'tab.compare', request: { version: null } }, page)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not an article/) },
    });
    expect(listener({ type: 'tab.status', request: null }, { id: 'other', url: page.url })).toBeUndefined();
    expect(
      listener({ type: 'tab.status', request: null }, { id: 'redline', url: 'https://evil.test/' }),
    ).toBeUndefined();
    expect(listener({ type: 'site.check', request: {} }, page)).toBeUndefined();
    controller.abort();
    expect(runtime.listeners.size).toBe(0);
  });
});
