// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://news.test/story?utm_source=feed" }
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageType, RequestOf, ResponseOf } from '../background/protocol';
import { splitReply } from '../background/reply-parts';
import { EXTRACTOR_VERSION } from '../core/extract/version';
import type { AlignResult, Article, Paragraph } from '../core/model';
import { READING_GONE } from '../protocol/reading';
import { countChanges, type EvaluateDeps, evaluatePage, STALE_RETRIES, sameArticleText } from './evaluate';
import { placed } from './extract-remote';
import type { OverlayInput } from './overlay';

const ARTICLE: Article = {
  url: 'https://news.test/story',
  title: 'New headline',
  lang: 'en',
  byline: null,
  siteName: null,
  publishedTime: null,
  paragraphs: [
    { text: 'First paragraph, edited.', kind: 'p' },
    { text: 'Second paragraph.', kind: 'p' },
  ],
};

const PREVIOUS = {
  hash: 'old-hash',
  title: 'Old headline',
  paragraphs: ['First paragraph.', 'Second paragraph.'],
  firstSeen: 1_700_000_000_000,
  lastSeen: 1_700_000_100_000,
  extractor: EXTRACTOR_VERSION,
};

const ALIGNED: AlignResult = {
  title: { changed: true, old: 'Old headline', new: 'New headline', words: [] },
  paragraphs: [
    {
      kind: 'reworded',
      newIndex: 0,
      oldIndex: 0,
      moved: false,
      similarity: 0.8,
      words: [{ op: 'equal', text: 'First paragraph' }],
    },
    { kind: 'unchanged', newIndex: 1, oldIndex: 1 },
  ],
  removed: [],
  stats: { unchanged: 1, added: 0, removed: 0, reworded: 1, moved: 0 },
  capped: false,
};

/** The background's reply to a capture that found the article changed since PREVIOUS. */
function changedReply(aligned: AlignResult = ALIGNED, overlay: 'auto' | 'badge' = 'auto') {
  return {
    status: 'changed' as const,
    hash: 'new-hash',
    previous: PREVIOUS,
    overlay,
    aligned,
    sinceLabel: '1 hour ago',
    notices: [],
    messages: {},
  };
}

type Replies = { [K in MessageType]?: (request: RequestOf<K>) => ResponseOf<K> };

interface Harness {
  deps: EvaluateDeps;
  sent: [MessageType, unknown][];
  mounted: OverlayInput[];
  statusAtMount: (string | undefined)[];
}

function harness(replies: Replies, overrides: Partial<EvaluateDeps> = {}): Harness {
  const sent: [MessageType, unknown][] = [];
  const mounted: OverlayInput[] = [];
  const statusAtMount: (string | undefined)[] = [];
  const send = async <K extends MessageType>(type: K, request: RequestOf<K>): Promise<ResponseOf<K>> => {
    sent.push([type, request]);
    const reply = replies[type] as ((request: RequestOf<K>) => ResponseOf<K>) | undefined;
    if (!reply) throw new Error(`unexpected message ${type}`);
    return reply(request);
  };
  const extracted = placed(ARTICLE, Array.from(document.querySelectorAll('p')), document.querySelector('h1'));
  const deps: EvaluateDeps = {
    send,
    extract: () => extracted,
    mountOverlay: (input) => {
      statusAtMount.push(document.documentElement.dataset.redlineStatus);
      mounted.push(input);
    },
    settle: async () => 'quiet',
    incognito: false,
    ...overrides,
  };
  return { deps, sent, mounted, statusAtMount };
}

const ALLOW: Replies = { 'site.check': () => ({ capture: true }) };

beforeEach(() => {
  delete document.documentElement.dataset.redlineStatus;
  document.body.innerHTML = '<h1>New headline</h1><p>First paragraph, edited.</p><p>Second paragraph.</p>';
});

function status(): string | undefined {
  return document.documentElement.dataset.redlineStatus;
}

describe('evaluatePage', () => {
  it('skips a private window without sending anything', async () => {
    const h = harness({}, { incognito: true });
    expect(await evaluatePage(document, new AbortController().signal, h.deps)).toEqual({
      status: 'skipped',
      changes: 0,
      article: null,
    });
    expect(h.sent).toEqual([]);
    expect(status()).toBe('skipped');
  });

  it('skips a paused or excluded site before reading the page', async () => {
    const extract = vi.fn<EvaluateDeps['extract']>();
    const settle = vi.fn<EvaluateDeps['settle']>();
    const h = harness({ 'site.check': () => ({ capture: false, reason: 'paused' }) }, { extract, settle });
    expect((await evaluatePage(document, new AbortController().signal, h.deps)).status).toBe('skipped');
    expect(h.sent).toEqual([['site.check', { location: document.location.href }]]);
    expect(settle).not.toHaveBeenCalled();
    expect(extract).not.toHaveBeenCalled();
    expect(status()).toBe('skipped');
  });

  it('skips a page that is not an article', async () => {
    const h = harness(ALLOW, {
      extract: () => ({ ok: false, reason: 'not-readerable', detail: 'no article' }),
    });
    expect((await evaluatePage(document, new AbortController().signal, h.deps)).status).toBe('skipped');
    expect(h.sent.map(([type]) => type)).toEqual(['site.check']);
  });

  it('tells the background a capture follows a same-document navigation, so its rate limit applies', async () => {
    const h = harness({ ...ALLOW, 'article.capture': () => ({ status: 'captured', hash: 'h' }) });
    await evaluatePage(document, new AbortController().signal, h.deps, { sameDocument: true });
    expect(h.sent[1]).toEqual([
      'article.capture',
      { location: document.location.href, article: ARTICLE, sameDocument: true },
    ]);
  });

  it('extracts with force on a page the reader keeps anyway, and without it otherwise', async () => {
    const extract = vi.fn<EvaluateDeps['extract']>(() => ({
      ok: false,
      reason: 'no-content',
      detail: 'none',
    }));
    await evaluatePage(document, new AbortController().signal, harness(ALLOW, { extract }).deps);
    const kept = harness({ ...ALLOW, 'site.check': () => ({ capture: true, force: true }) }, { extract });
    await evaluatePage(document, new AbortController().signal, kept.deps);
    expect(extract.mock.calls.map(([, opts]) => opts?.force ?? false)).toEqual([false, true]);
  });

  it.each(['captured', 'unchanged'] as const)('reports %s without marks', async (captured) => {
    const h = harness({ ...ALLOW, 'article.capture': () => ({ status: captured, hash: 'h' }) });
    expect(await evaluatePage(document, new AbortController().signal, h.deps)).toEqual({
      status: captured,
      changes: 0,
      article: ARTICLE,
    });
    expect(h.sent[1]).toEqual(['article.capture', { location: document.location.href, article: ARTICLE }]);
    expect(h.mounted).toEqual([]);
    expect(status()).toBe(captured);
  });

  it('on a page load, has the background store what it reads, and then sends no capture of its own', async () => {
    const extract = vi.fn<EvaluateDeps['extract']>(() => ({
      ...placed(ARTICLE, []),
      reading: 'u1',
      captured: { status: 'unchanged', hash: 'h' },
    }));
    const h = harness(ALLOW, { extract });
    expect(await evaluatePage(document, new AbortController().signal, h.deps)).toEqual({
      status: 'unchanged',
      changes: 0,
      article: ARTICLE,
    });
    expect(extract.mock.calls[0]?.[1]).toEqual({ url: document.location.href, capture: {} });
    expect(h.sent.map(([type]) => type)).toEqual(['site.check']);
    expect(status()).toBe('unchanged');
  });

  it('marks what the background compared when it stored the page as it read it', async () => {
    const h = harness(ALLOW, {
      extract: () => ({
        ...placed(ARTICLE, Array.from(document.querySelectorAll('p')), document.querySelector('h1')),
        captured: changedReply(),
      }),
    });
    expect(await evaluatePage(document, new AbortController().signal, h.deps)).toMatchObject({
      status: 'changed',
      changes: 2,
    });
    expect(h.sent.map(([type]) => type)).toEqual(['site.check']);
    expect(h.mounted).toHaveLength(1);
  });

  it('asks the store-as-read of a same-document navigation only when there is no earlier article to wait out', async () => {
    const extract = vi.fn<EvaluateDeps['extract']>(() => placed(ARTICLE, []));
    const replies = { ...ALLOW, 'article.capture': () => ({ status: 'captured' as const, hash: 'h' }) };
    await evaluatePage(document, new AbortController().signal, harness(replies, { extract }).deps, {
      sameDocument: true,
    });
    const other: Article = { ...ARTICLE, title: 'Another story' };
    await evaluatePage(document, new AbortController().signal, harness(replies, { extract }).deps, {
      sameDocument: true,
      previousArticle: other,
    });
    expect(extract.mock.calls.map(([, opts]) => opts?.capture)).toEqual([{ sameDocument: true }, undefined]);
  });

  it('leaves filing an article that claims another site as canonical to the background', async () => {
    const foreign = { ...ARTICLE, url: 'https://elsewhere.test/story' };
    const h = harness(
      { ...ALLOW, 'article.capture': () => ({ status: 'captured', hash: 'h' }) },
      { extract: () => placed(foreign, []) },
    );
    await evaluatePage(document, new AbortController().signal, h.deps);
    // As declared: the background files it under the tab's own address (handlers.test.ts).
    expect(h.sent[1]).toEqual(['article.capture', { location: document.location.href, article: foreign }]);
  });

  it('names the background’s reading instead of sending the article, and sends it when that reading is gone', async () => {
    const reading = { ...placed(ARTICLE, []), reading: 'u1' };
    let gone = false;
    const h = harness(
      {
        ...ALLOW,
        'article.capture': (request) => {
          if (request.reading && gone) {
            throw Object.assign(new Error('the page’s reading is gone'), { name: READING_GONE });
          }
          return { status: 'captured', hash: 'h' };
        },
      },
      { extract: () => reading },
    );
    await evaluatePage(document, new AbortController().signal, h.deps);
    expect(h.sent[1]).toEqual(['article.capture', { location: document.location.href, reading: 'u1' }]);
    gone = true;
    h.sent.length = 0;
    expect((await evaluatePage(document, new AbortController().signal, h.deps)).status).toBe('captured');
    expect(h.sent.slice(1)).toEqual([
      ['article.capture', { location: document.location.href, reading: 'u1' }],
      ['article.capture', { location: document.location.href, article: ARTICLE }],
    ]);
  });

  it('reports skipped when the background refuses the canonical site', async () => {
    const h = harness({ ...ALLOW, 'article.capture': () => ({ status: 'skipped', reason: 'excluded' }) });
    expect((await evaluatePage(document, new AbortController().signal, h.deps)).status).toBe('skipped');
  });

  it('looks on the page for the elements of what it marks only', async () => {
    const reading = placed(ARTICLE, Array.from(document.querySelectorAll('p')), document.querySelector('h1'));
    const place = vi.fn(reading.place);
    const h = harness(ALLOW, {
      extract: () => ({
        ...reading,
        place,
        captured: changedReply(),
      }),
    });
    await evaluatePage(document, new AbortController().signal, h.deps);
    // Paragraph 0 was reworded; paragraph 1, unchanged, is not looked for.
    expect(place.mock.calls).toEqual([[new Set([0])]]);
  });

  it('marks the comparison the background made', async () => {
    const fromBackground = { ...ALIGNED, capped: true };
    const h = harness({
      ...ALLOW,
      'article.capture': () => changedReply(fromBackground),
    });
    expect((await evaluatePage(document, new AbortController().signal, h.deps)).status).toBe('changed');
    expect(h.mounted[0]?.result).toBe(fromBackground);
  });

  it('marks a changed article against the previous version before setting the status', async () => {
    const h = harness({
      ...ALLOW,
      'article.capture': () => changedReply(),
      'article.dismiss': () => ({ dismissed: true }),
    });
    const signal = new AbortController().signal;
    const onDismissed = vi.fn();
    expect(await evaluatePage(document, signal, h.deps, { onDismissed })).toMatchObject({
      status: 'changed',
      changes: 2,
    });
    expect(h.mounted).toHaveLength(1);
    const input = h.mounted[0]!;
    expect(input).toMatchObject({
      doc: document,
      result: ALIGNED,
      old: { title: 'Old headline', paragraphs: PREVIOUS.paragraphs },
      since: PREVIOUS.firstSeen,
      sinceLabel: '1 hour ago',
      notices: [],
      titleElement: document.querySelector('h1'),
    });
    expect(input.elements).toEqual(Array.from(document.querySelectorAll('p')));
    expect(h.statusAtMount).toEqual([undefined]);
    expect(status()).toBe('changed');

    input.onDismiss();
    expect(h.sent.at(-1)).toEqual(['article.dismiss', { url: ARTICLE.url, hash: 'new-hash' }]);
    await vi.waitFor(() => expect(onDismissed).toHaveBeenCalledOnce());
  });

  it('asks for a long reply’s parts one message at a time and marks the whole comparison', async () => {
    const whole = {
      status: 'changed' as const,
      hash: 'new-hash',
      previous: PREVIOUS,
      overlay: 'auto' as const,
      aligned: ALIGNED,
      sinceLabel: '1 hour ago',
      notices: [],
      messages: {},
    };
    const { head, parts } = splitReply(whole, 'r1', 100);
    expect(parts.length).toBeGreaterThan(1);
    const h = harness({
      ...ALLOW,
      'article.capture': () => head,
      'capture.part': ({ id, index }) => {
        if (id !== 'r1' || !parts[index]) throw new Error('no such part');
        return parts[index];
      },
    });
    expect((await evaluatePage(document, new AbortController().signal, h.deps)).status).toBe('changed');
    expect(h.sent.filter(([type]) => type === 'capture.part')).toHaveLength(parts.length);
    expect(h.mounted[0]?.result).toEqual(ALIGNED);
    expect(h.mounted[0]?.old.paragraphs).toEqual(PREVIOUS.paragraphs);
  });

  it('hands the overlay over in badge-only mode too (the UI wrapper decides) and counts the changes', async () => {
    const h = harness({
      ...ALLOW,
      'article.capture': () => changedReply(ALIGNED, 'badge'),
    });
    expect(await evaluatePage(document, new AbortController().signal, h.deps)).toMatchObject({
      status: 'changed',
      changes: 2,
    });
    expect(h.mounted).toHaveLength(1);
  });

  it('after a same-document navigation, waits while the page still shows the previous article', async () => {
    const oldArticle: Article = {
      ...ARTICLE,
      title: 'The article before',
      paragraphs: [{ text: 'Old.', kind: 'p' }],
    };
    let extractions = 0;
    const settle = vi.fn<EvaluateDeps['settle']>(async () => 'quiet');
    const h = harness(
      { ...ALLOW, 'article.capture': () => ({ status: 'captured', hash: 'h' }) },
      {
        settle,
        extract: () => {
          extractions += 1;
          const article = extractions < 3 ? oldArticle : ARTICLE;
          return placed(article, []);
        },
      },
    );
    const evaluation = await evaluatePage(document, new AbortController().signal, h.deps, {
      previousArticle: { ...oldArticle, paragraphs: oldArticle.paragraphs.map((p) => ({ ...p })) },
    });
    expect(settle).toHaveBeenCalledTimes(3);
    expect(evaluation).toEqual({ status: 'captured', changes: 0, article: ARTICLE });
    expect(h.sent[1]).toEqual(['article.capture', { location: document.location.href, article: ARTICLE }]);
  });

  it('gives up waiting for a new article after STALE_RETRIES and takes what is there', async () => {
    const settle = vi.fn<EvaluateDeps['settle']>(async () => 'quiet');
    const h = harness(
      { ...ALLOW, 'article.capture': () => ({ status: 'unchanged', hash: 'h' }) },
      { settle },
    );
    const evaluation = await evaluatePage(document, new AbortController().signal, h.deps, {
      previousArticle: ARTICLE,
    });
    expect(settle).toHaveBeenCalledTimes(STALE_RETRIES + 1);
    expect(evaluation.status).toBe('unchanged');
  });

  it('stops without a status when aborted while the page settles', async () => {
    const controller = new AbortController();
    const h = harness(ALLOW, {
      settle: async (_doc, { signal }) => {
        controller.abort(new Error('navigated'));
        signal?.throwIfAborted();
        return 'quiet';
      },
    });
    await expect(evaluatePage(document, controller.signal, h.deps)).rejects.toThrow('navigated');
    expect(h.sent.map(([type]) => type)).toEqual(['site.check']);
    expect(status()).toBeUndefined();
  });

  it('passes a storage error on and sets no status', async () => {
    const h = harness({
      ...ALLOW,
      'article.capture': () => {
        throw new Error('storage is full');
      },
    });
    await expect(evaluatePage(document, new AbortController().signal, h.deps)).rejects.toThrow(
      'storage is full',
    );
    expect(status()).toBeUndefined();
  });
});

describe('countChanges', () => {
  it('counts paragraph changes and the headline', () => {
    expect(countChanges(ALIGNED)).toBe(2);
    const none = { ...ALIGNED, title: { ...ALIGNED.title, changed: false } };
    expect(
      countChanges({ ...none, stats: { unchanged: 3, added: 1, removed: 2, reworded: 0, moved: 1 } }),
    ).toBe(4);
  });
});

describe('sameArticleText', () => {
  const article = (title: string, ...texts: string[]) => ({
    title,
    paragraphs: texts.map((text): Paragraph => ({ text, kind: 'p' })),
  });

  it('is the same text in another object, and not when the headline, a paragraph or their number differs', () => {
    const a = article('Title', 'One.', 'Two.');
    expect(sameArticleText(a, article('Title', 'One.', 'Two.'))).toBe(true);
    expect(sameArticleText(a, article('Other title', 'One.', 'Two.'))).toBe(false);
    expect(sameArticleText(a, article('Title', 'One.', 'Two!'))).toBe(false);
    expect(sameArticleText(a, article('Title', 'One.'))).toBe(false);
    expect(sameArticleText(a, article('Title', 'One.', 'Two.', ''))).toBe(false);
  });
});
