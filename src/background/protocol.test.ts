import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import type { Article } from '../core/model';

const sendMessage = vi.fn<(message: unknown) => Promise<unknown>>();
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage } } }));

const { createRouter, MESSAGE_TYPES, RemoteError, SEND_RETRY_DELAYS_MS, send, serializeError } = await import(
  './protocol'
);
const { DEFAULT_SETTINGS } = await import('./settings');
type Handlers = import('./protocol').Handlers;

const ENV = { extensionId: 'redline-id', extensionOrigin: 'chrome-extension://redline-id/' };

const ARTICLE: Article = {
  url: 'https://news.test/a',
  title: 'Title',
  lang: null,
  byline: null,
  siteName: null,
  publishedTime: null,
  paragraphs: [{ text: 'Text.', kind: 'p' }],
};

function contentSender(overrides: Partial<Runtime.MessageSender> = {}): Runtime.MessageSender {
  return {
    id: ENV.extensionId,
    url: 'https://news.test/a?utm=1',
    frameId: 0,
    tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
    ...overrides,
  };
}

function pageSender(url = `${ENV.extensionOrigin}popup.html`): Runtime.MessageSender {
  return { id: ENV.extensionId, url };
}

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unexpected = (): never => {
    throw new Error('handler not expected in this test');
  };
  // Every type gets a handler that fails the test if called; each test supplies the ones it exercises.
  const all = Object.fromEntries(MESSAGE_TYPES.map((type) => [type, unexpected])) as unknown as Handlers;
  return { ...all, 'site.check': () => ({ capture: true }), ...overrides };
}

describe('router sender checks', () => {
  it('answers a content message from a normal tab, telling the handler who sent it', async () => {
    const capture = vi.fn<Handlers['article.capture']>(async () => ({ status: 'captured', hash: 'h' }));
    const route = createRouter(handlers({ 'article.capture': capture }), ENV);
    const reply = await route(
      { type: 'article.capture', request: { location: 'https://news.test/a', article: ARTICLE } },
      contentSender(),
    );
    expect(reply).toEqual({ ok: true, value: { status: 'captured', hash: 'h' } });
    expect(capture).toHaveBeenCalledWith(
      { location: 'https://news.test/a', article: ARTICLE },
      { from: 'content', tabId: 7, url: 'https://news.test/a?utm=1' },
    );
  });

  it.each([
    ['another extension', contentSender({ id: 'someone-else' })],
    ['no tab', contentSender({ tab: undefined })],
    ['a private tab', contentSender({ tab: { ...contentSender().tab!, incognito: true } })],
    ['a sub-frame', contentSender({ frameId: 3 })],
    ['an extension page', pageSender()],
    ['a non-http page', contentSender({ url: 'file:///tmp/a.html' })],
  ])('refuses a content message from %s', async (_label, sender) => {
    const check = vi.fn(() => ({ capture: true as const }));
    const route = createRouter(handlers({ 'site.check': check }), ENV);
    const reply = await route({ type: 'site.check', request: { location: 'https://news.test/a' } }, sender);
    expect(reply).toMatchObject({ ok: false, error: { name: 'SenderRefused' } });
    expect(check).not.toHaveBeenCalled();
  });

  it('accepts page messages only from the extension origin', async () => {
    const get = vi.fn(() => DEFAULT_SETTINGS);
    const route = createRouter(handlers({ 'settings.get': get }), ENV);
    expect(await route({ type: 'settings.get', request: null }, pageSender())).toEqual({
      ok: true,
      value: DEFAULT_SETTINGS,
    });
    const fromOptionsTab = { ...pageSender(`${ENV.extensionOrigin}options.html`), tab: contentSender().tab };
    expect(await route({ type: 'settings.get', request: null }, fromOptionsTab)).toMatchObject({ ok: true });
    expect(await route({ type: 'settings.get', request: null }, contentSender())).toMatchObject({
      ok: false,
      error: { name: 'SenderRefused' },
    });
    expect(get).toHaveBeenCalledTimes(2);
  });
});

describe('router request checks', () => {
  it.each([
    ['not an object', 'site.check'],
    ['an unknown type', { type: 'history.wipeEverything', request: null }],
    ['an inherited key as type', { type: 'toString', request: null }],
  ])('refuses %s', async (_label, message) => {
    const reply = await createRouter(handlers(), ENV)(message, contentSender());
    expect(reply).toEqual({ ok: false, error: { name: 'BadRequest', message: 'Unknown message' } });
  });

  it.each([
    ['a missing article', { location: 'https://news.test/a' }],
    [
      'a non-http article URL',
      { location: 'https://news.test/a', article: { ...ARTICLE, url: 'javascript:x' } },
    ],
    [
      'a paragraph of unknown kind',
      {
        location: 'https://news.test/a',
        article: { ...ARTICLE, paragraphs: [{ text: 'x', kind: 'marquee' }] },
      },
    ],
  ])('refuses a capture with %s', async (_label, request) => {
    const capture = vi.fn();
    const route = createRouter(handlers({ 'article.capture': capture }), ENV);
    const reply = await route({ type: 'article.capture', request }, contentSender());
    expect(reply).toEqual({
      ok: false,
      error: { name: 'BadRequest', message: 'Malformed article.capture request' },
    });
    expect(capture).not.toHaveBeenCalled();
  });

  it.each([
    ['a last piece that is not text', { last: 5 }],
    ['a last piece of no piece', { pieces: 0, last: '<p>x</p>' }],
    ['a capture that is not an object', { capture: true }],
    ['a capture with a non-boolean sameDocument', { capture: { sameDocument: 'yes' } }],
  ])('refuses a parse with %s', async (_label, extra) => {
    const parse = vi.fn();
    const route = createRouter(handlers({ 'page.parse': parse }), ENV);
    const request = { location: 'https://news.test/a', upload: 'u1', pieces: 1, ...extra };
    const reply = await route({ type: 'page.parse', request }, contentSender());
    expect(reply).toEqual({
      ok: false,
      error: { name: 'BadRequest', message: 'Malformed page.parse request' },
    });
    expect(parse).not.toHaveBeenCalled();
  });

  it('takes a parse with its last piece and a capture', async () => {
    const parse = vi.fn(async () => ({
      ok: false as const,
      reason: 'not-readerable' as const,
      detail: 'test',
    }));
    const route = createRouter(handlers({ 'page.parse': parse }), ENV);
    const request = {
      location: 'https://news.test/a',
      upload: 'u1',
      pieces: 1,
      last: '<p>x</p>',
      capture: { sameDocument: false },
    };
    expect(await route({ type: 'page.parse', request }, contentSender())).toMatchObject({ ok: true });
    expect(parse).toHaveBeenCalledOnce();
  });

  it('refuses a negative badge count', async () => {
    const reply = await createRouter(handlers(), ENV)(
      { type: 'badge.set', request: { changes: -1 } },
      contentSender(),
    );
    expect(reply).toMatchObject({ ok: false, error: { name: 'BadRequest' } });
  });
});

describe('router error serialisation', () => {
  it('sends a thrown error back as name and message', async () => {
    class StorageFullError extends Error {
      override readonly name = 'StorageFullError';
    }
    const route = createRouter(
      handlers({
        'site.check': async () => {
          throw new StorageFullError('storage is full');
        },
      }),
      ENV,
    );
    const reply = await route(
      { type: 'site.check', request: { location: 'https://news.test/' } },
      contentSender(),
    );
    expect(reply).toEqual({ ok: false, error: { name: 'StorageFullError', message: 'storage is full' } });
    // What goes over the wire must survive structured cloning / JSON.
    expect(JSON.parse(JSON.stringify(reply))).toEqual(reply);
  });

  it('serialises DOMExceptions and non-errors', () => {
    expect(serializeError(new DOMException('quota', 'QuotaExceededError'))).toEqual({
      name: 'QuotaExceededError',
      message: 'quota',
    });
    expect(serializeError('plain')).toEqual({ name: 'Error', message: 'plain' });
  });
});

describe('send', () => {
  beforeEach(() => sendMessage.mockReset());

  it('wraps the request and unwraps the value', async () => {
    sendMessage.mockResolvedValue({ ok: true, value: { capture: false, reason: 'paused' } });
    expect(await send('site.check', { location: 'https://news.test/' })).toEqual({
      capture: false,
      reason: 'paused',
    });
    expect(sendMessage).toHaveBeenCalledWith({
      type: 'site.check',
      request: { location: 'https://news.test/' },
    });
  });

  it('rethrows a remote error with its name and message', async () => {
    sendMessage.mockResolvedValue({ ok: false, error: { name: 'StorageFullError', message: 'full' } });
    const sent = send('badge.set', { changes: 1 });
    await expect(sent).rejects.toBeInstanceOf(RemoteError);
    await expect(sent).rejects.toMatchObject({
      name: 'StorageFullError',
      message: 'full',
      type: 'badge.set',
    });
  });

  it('fails clearly when nobody answers, after trying again', async () => {
    vi.useFakeTimers();
    sendMessage.mockResolvedValue(undefined);
    const sent = send('settings.get', null);
    const settled = expect(sent).rejects.toThrow('No reply to settings.get');
    await vi.runAllTimersAsync();
    await settled;
    expect(sendMessage).toHaveBeenCalledTimes(1 + SEND_RETRY_DELAYS_MS.length);
    vi.useRealTimers();
  });

  it('tries again when the service worker was stopped while answering', async () => {
    vi.useFakeTimers();
    sendMessage
      .mockRejectedValueOnce(new Error('The message port closed before a response was received.'))
      .mockResolvedValueOnce(undefined)
      .mockResolvedValue({ ok: true, value: { deleted: true } });
    const sent = send('history.delete', { url: 'https://news.test/a' });
    await vi.runAllTimersAsync();
    expect(await sent).toEqual({ deleted: true });
    expect(sendMessage).toHaveBeenCalledTimes(3);
    vi.useRealTimers();
  });

  it('round-trips through a router', async () => {
    const route = createRouter(
      handlers({ 'history.delete': ({ url }) => ({ deleted: url.endsWith('/a') }) }),
      ENV,
    );
    sendMessage.mockImplementation((message) => route(message, pageSender()));
    expect(await send('history.delete', { url: 'https://news.test/a' })).toEqual({ deleted: true });
    await expect(send('badge.set', { changes: 1 })).rejects.toMatchObject({ name: 'SenderRefused' });
  });
});
