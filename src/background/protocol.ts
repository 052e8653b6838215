/**
 * The one message protocol between the background (which owns storage) and everything else: content scripts
 * and the extension's own pages. `Protocol` maps each message type to who may send it, its request and its
 * response; `send()` and `createRouter()` are typed from it, so a request or response that does not match its
 * type does not compile.
 *
 * On the wire a request is `{ type, request }` and a reply is `{ ok: true, value }` or `{ ok: false, error }`;
 * `send()` turns the latter back into a thrown `RemoteError`.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { IgnoreRule } from '../core/ignore';
import {
  type AlignResult,
  type Article,
  isBlockKind,
  type Paragraph,
  type ParagraphChange,
  type RemovedParagraph,
  type VersionText,
} from '../core/model';
import type { Notice } from '../core/notices';
import type { Anchor } from '../core/remote-extract/anchors';
import type { ParsedPage } from '../core/remote-extract/parse';
import { MAX_PAGE_CHARS } from '../core/remote-extract/serialise';
import { isRecord } from '../protocol/guards';
import type { MessageTemplates } from '../ui/messageTemplates';
import type { WholeNumberStyle } from '../ui/wholeNumbers';
import { isReaderChoicesPatch } from './reader-choice';
import { RECHECK_REQUEST_CHECKS, RECHECK_SENDER_KINDS, type RecheckProtocol } from './recheck/protocol';
import { isRecheckPatch } from './recheck/settings';
import { RULES_REQUEST_CHECKS, RULES_SENDER_KINDS, type RulesProtocol } from './rules-protocol';
import type { CaptureBlock, Settings, SettingsPatch } from './settings';
import { UI_REQUEST_CHECKS, UI_SENDER_KINDS, type UiProtocol } from './ui-protocol';
import { isUiSettingsPatch, type OverlayMode } from './ui-settings';

/** The version a page is compared with, as much of it as the content script needs. */
export interface PreviousVersion {
  hash: string;
  title: string;
  paragraphs: string[];
  firstSeen: number;
  lastSeen: number;
  /** Which extraction read it (see src/core/extract/version.ts); 1 for versions stored before it was recorded. */
  extractor: number;
}

export type CaptureReply =
  | { status: 'captured' | 'unchanged'; hash: string }
  /**
   * `overlay`: show the marks by themselves (`auto`) or leave it to the badge and popup (`badge`). `aligned`: the
   * comparison of `previous` with the article sent, made in the background (compare.ts).
   */
  | {
      status: 'changed';
      hash: string;
      previous: PreviousVersion;
      overlay: OverlayMode;
      aligned: AlignResult;
      /** The reader's ignore rules covering the page's site (issue 11); absent when there are none. */
      rules?: IgnoreRule[];
      /**
       * Worked out here so the page's thread does not: the "<when>" of the bar's "N changes since <when>"
       * (src/ui/since.ts) and the editor's notices the new version brought (core/notices).
       */
      sinceLabel: string;
      notices: Notice[];
      /** How the reader's locale writes whole numbers, so the page writes counts without an Intl object. */
      numbers?: WholeNumberStyle;
      /**
       * Every message of the catalogue as a template (ui/messageTemplates.ts), so the page's overlay never calls
       * the browser's `getMessage`, whose first call holds the page's thread.
       */
      messages: MessageTemplates;
      /**
       * Set on a large reply: its `previous.paragraphs`, `aligned.paragraphs` and `aligned.removed` are empty here
       * and come in `parts` parts ('capture.part', reply-parts.ts).
       */
      more?: { id: string; parts: number };
    }
  | { status: 'skipped'; reason: SkipReason };

/**
 * Why a capture stored and marked nothing: the reader's settings (`CaptureBlock`); `rate-limited`: the page made
 * Redline store too much too fast (rate-limit.ts); `partial`: the page showed only the start of the article the
 * reader read, behind a paywall or sign-in wall (core/teaser.ts).
 */
export type SkipReason = CaptureBlock | 'rate-limited' | 'partial';

/** One part of a large capture reply's lists, in order (reply-parts.ts). */
export type ReplyPart = {
  previous: string[];
  paragraphs: ParagraphChange[];
  removed: RemovedParagraph[];
};

/** One part of a long page reading's lists, in order (reply-parts.ts). */
export type ParsePart = {
  paragraphs: Paragraph[];
  anchors: (Anchor | null)[];
};

/**
 * A page reading; `more` is set on a long one: its paragraphs and anchors are empty here and come in `parts`
 * parts ('parse.part').
 */
export type ParseReply = ParsedPage & { more?: { id: string; parts: number } };

/** `force`: the reader keeps this page although it may not look like an article (reader-choice.ts). */
export type SiteCheck = { capture: true; force?: boolean } | { capture: false; reason: CaptureBlock };

/** `content`: a content script in a normal (not private) tab's top frame. `page`: an extension page. */
export type SenderKind = 'content' | 'page';

/**
 * `UiProtocol` (ui-protocol.ts) adds the messages of the popup, history and options pages; `RecheckProtocol`
 * (recheck/protocol.ts) those of the background re-check; `RulesProtocol` (rules-protocol.ts)
 * the reader's ignore rules.
 */
export interface Protocol extends UiProtocol, RecheckProtocol, RulesProtocol {
  /** Before reading a page: may this site be captured at all? `location` is the page's address. */
  'site.check': { from: 'content'; request: { location: string }; response: SiteCheck };
  /**
   * Store what the page shows and learn what to mark. The article is the background's own reading of upload
   * `reading` ('page.parse'), so a long article is not sent back; or `article` itself. `sameDocument`: evaluated
   * after a same-document navigation (pushState), not a page load.
   */
  'article.capture': {
    from: 'content';
    request: { location: string; sameDocument?: boolean } & (
      | { article: Article; reading?: undefined }
      | { reading: string; article?: undefined }
    );
    response: CaptureReply;
  };
  /**
   * Piece `index` of the page's HTML, for upload `upload` (an id the page picks): the page is sent in pieces so
   * that no message holds its thread for long (core/remote-extract/serialise.ts).
   */
  'page.upload': {
    from: 'content';
    request: { upload: string; index: number; piece: string };
    response: null;
  };
  /**
   * Read the article of the page uploaded as `upload` in `pieces` pieces (at `location`) away from the page's
   * thread (src/background/parse); `force`: the reader keeps it although it may not look like an article.
   * `last`: the last piece (index `pieces - 1`), sent here rather than in a 'page.upload' of its own.
   * `capture`: store what was read at once, as 'article.capture' of this reading would, and answer with its
   * reply in `captured` (absent when storing failed: the page then sends 'article.capture' itself).
   */
  'page.parse': {
    from: 'content';
    request: {
      location: string;
      upload: string;
      pieces: number;
      force?: boolean;
      last?: string;
      capture?: { sameDocument?: boolean };
    };
    response: ParseReply & { captured?: CaptureReply };
  };
  /** Part `index` of the long page reading `id` (reply-parts.ts). */
  'parse.part': {
    from: 'content';
    request: { id: string; index: number };
    response: ParsePart;
  };
  /** Part `index` of the large capture reply `id` (reply-parts.ts). */
  'capture.part': {
    from: 'content';
    request: { id: string; index: number };
    response: ReplyPart;
  };
  /**
   * `old` compared with `current` as a changed page is (compare.ts), for the popup's "compare with another
   * version": the page's thread never aligns.
   */
  'versions.compare': {
    from: 'content';
    request: { old: VersionText; current: VersionText };
    response: AlignResult;
  };
  /** The reader dismissed the marks of version `hash`. */
  'article.dismiss': {
    from: 'content';
    request: { url: string; hash: string };
    response: { dismissed: boolean };
  };
  /** How many changes the sender's tab shows (0 clears the toolbar badge). */
  'badge.set': { from: 'content'; request: { changes: number }; response: null };
  'settings.get': { from: 'page'; request: null; response: Settings };
  'settings.update': { from: 'page'; request: SettingsPatch; response: Settings };
  /** Forget one article with all its versions and visits. */
  'history.delete': { from: 'page'; request: { url: string }; response: { deleted: boolean } };
}

export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = Protocol[K]['request'];
export type ResponseOf<K extends MessageType> = Protocol[K]['response'];

export interface Message<K extends MessageType = MessageType> {
  type: K;
  request: RequestOf<K>;
}

export interface SerializedError {
  name: string;
  message: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

/** An error thrown in the background, re-thrown by `send()` with the original name and message. */
export class RemoteError extends Error {
  constructor(
    readonly type: MessageType,
    error: SerializedError,
  ) {
    super(error.message);
    this.name = error.name;
  }
}

/**
 * Pauses before each new try of a message the background never answered. Chromium stops an extension's service
 * worker when idle or short of memory, even while it handles a message; the message then fails ("The message port
 * closed before a response was received") and the next one starts the worker again. Every message is safe to
 * repeat: a write is one transaction (it either landed or not) and storing the same text twice stores it once.
 */
export const SEND_RETRY_DELAYS_MS: readonly number[] = [250, 500, 1000, 2000];

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one message to the background and returns its typed response; throws `RemoteError` on failure. */
export async function send<K extends MessageType>(type: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const message: Message<K> = { type, request };
  let reply: unknown;
  let failure: unknown = null;
  for (let attempt = 0; ; attempt++) {
    try {
      reply = await browser.runtime.sendMessage(message);
      failure = null;
    } catch (error) {
      reply = undefined;
      failure = error;
    }
    const delay = SEND_RETRY_DELAYS_MS[attempt];
    if (isReply(reply) || delay === undefined) break;
    await pause(delay);
  }
  if (!isReply(reply)) {
    if (failure !== null) throw failure;
    throw new RemoteError(type, { name: 'ProtocolError', message: `No reply to ${type}` });
  }
  if (!reply.ok) throw new RemoteError(type, reply.error);
  // The router answered this type with the handler typed for it.
  return reply.value as ResponseOf<K>;
}

function isReply(value: unknown): value is Reply<unknown> {
  if (!isRecord(value) || typeof value.ok !== 'boolean') return false;
  return value.ok ? 'value' in value : isRecord(value.error) && typeof value.error.message === 'string';
}

// ---- Router ----------------------------------------------------------------------------------------------

export interface ContentSender {
  from: 'content';
  tabId: number;
  /** Address of the page the content script runs in. */
  url: string;
}

export interface PageSender {
  from: 'page';
  /** The tab showing the page (options, history), or null for the popup. */
  tabId: number | null;
  url: string;
}

export type SenderOf<K extends MessageType> = Protocol[K]['from'] extends 'content'
  ? ContentSender
  : PageSender;

export type Handlers = {
  [K in MessageType]: (request: RequestOf<K>, sender: SenderOf<K>) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

export interface RouterEnv {
  /** `browser.runtime.id`. */
  extensionId: string;
  /** `browser.runtime.getURL('')`, e.g. chrome-extension://abc/ or moz-extension://uuid/. */
  extensionOrigin: string;
}

export type Router = (message: unknown, sender: Runtime.MessageSender) => Promise<Reply<unknown>>;

const SENDER_KINDS: { [K in MessageType]: Protocol[K]['from'] } = {
  'site.check': 'content',
  'article.capture': 'content',
  'capture.part': 'content',
  'parse.part': 'content',
  'versions.compare': 'content',
  'article.dismiss': 'content',
  'page.upload': 'content',
  'page.parse': 'content',
  'badge.set': 'content',
  'settings.get': 'page',
  'settings.update': 'page',
  'history.delete': 'page',
  ...UI_SENDER_KINDS,
  ...RULES_SENDER_KINDS,
  ...RECHECK_SENDER_KINDS,
};

/** Every message type the router answers. */
export const MESSAGE_TYPES = Object.keys(SENDER_KINDS) as MessageType[];

// Requests are checked at run time too: a content script lives in a web page's renderer, the least trusted
// place the background hears from.
const REQUEST_CHECKS: { [K in MessageType]: (request: unknown) => request is RequestOf<K> } = {
  'site.check': (r): r is RequestOf<'site.check'> => isRecord(r) && isString(r.location),
  'article.capture': (r): r is RequestOf<'article.capture'> =>
    isRecord(r) &&
    isString(r.location) &&
    (r.reading === undefined ? isArticle(r.article) : r.article === undefined && isUploadId(r.reading)) &&
    (r.sameDocument === undefined || typeof r.sameDocument === 'boolean'),
  'capture.part': (r): r is RequestOf<'capture.part'> =>
    isRecord(r) && isUploadId(r.id) && isPieceIndex(r.index),
  'parse.part': (r): r is RequestOf<'parse.part'> => isRecord(r) && isUploadId(r.id) && isPieceIndex(r.index),
  'versions.compare': (r): r is RequestOf<'versions.compare'> =>
    isRecord(r) && isVersionText(r.old) && isVersionText(r.current),
  'page.upload': (r): r is RequestOf<'page.upload'> =>
    isRecord(r) &&
    isUploadId(r.upload) &&
    isPieceIndex(r.index) &&
    isString(r.piece) &&
    r.piece.length <= MAX_PAGE_CHARS,
  'page.parse': (r): r is RequestOf<'page.parse'> =>
    isRecord(r) &&
    isHttpUrl(r.location) &&
    isUploadId(r.upload) &&
    isPieceIndex(r.pieces) &&
    (r.force === undefined || typeof r.force === 'boolean') &&
    (r.last === undefined || (isString(r.last) && r.last.length <= MAX_PAGE_CHARS && r.pieces >= 1)) &&
    (r.capture === undefined ||
      (isRecord(r.capture) &&
        (r.capture.sameDocument === undefined || typeof r.capture.sameDocument === 'boolean'))),
  'article.dismiss': (r): r is RequestOf<'article.dismiss'> =>
    isRecord(r) && isHttpUrl(r.url) && isString(r.hash),
  'badge.set': (r): r is RequestOf<'badge.set'> =>
    isRecord(r) && typeof r.changes === 'number' && Number.isInteger(r.changes) && r.changes >= 0,
  'settings.get': (r): r is null => r === null,
  'settings.update': (r): r is SettingsPatch =>
    isRecord(r) &&
    (r.paused === undefined || isStringArray(r.paused)) &&
    (r.excluded === undefined || isStringArray(r.excluded)) &&
    isUiSettingsPatch(r) &&
    isReaderChoicesPatch(r) &&
    isRecheckPatch(r),
  'history.delete': (r): r is RequestOf<'history.delete'> => isRecord(r) && isString(r.url),
  ...UI_REQUEST_CHECKS,
  ...RULES_REQUEST_CHECKS,
  ...RECHECK_REQUEST_CHECKS,
};

export class SenderRefused extends Error {
  override readonly name = 'SenderRefused';
}

export class BadRequest extends Error {
  override readonly name = 'BadRequest';
}

function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && Object.hasOwn(SENDER_KINDS, value);
}

/** Who sent the message, or why it is refused. */
function identify(
  kind: SenderKind,
  sender: Runtime.MessageSender,
  env: RouterEnv,
): ContentSender | PageSender | string {
  if (sender.id !== env.extensionId) return 'not sent by this extension';
  const url = sender.url ?? '';
  if (kind === 'page') {
    if (!url.startsWith(env.extensionOrigin)) return 'only extension pages may send this';
    const tabId = sender.tab?.id;
    return { from: 'page', tabId: tabId === undefined || tabId < 0 ? null : tabId, url };
  }
  const tab = sender.tab;
  if (!tab || tab.id === undefined || tab.id < 0) return 'content messages must come from a tab';
  if (tab.incognito) return 'nothing is kept from private windows';
  if (sender.frameId !== undefined && sender.frameId !== 0) return 'only the top frame is read';
  if (!isHttpUrl(url)) return 'content messages must come from an http(s) page';
  return { from: 'content', tabId: tab.id, url };
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  if (isRecord(error) && isString(error.name) && isString(error.message)) {
    return { name: error.name, message: error.message };
  }
  return { name: 'Error', message: String(error) };
}

/** The `runtime.onMessage` listener: checks sender and request, runs the handler, serialises any error. */
export function createRouter(handlers: Handlers, env: RouterEnv): Router {
  return async (message, sender) => {
    try {
      if (!isRecord(message) || !isMessageType(message.type)) {
        throw new BadRequest('Unknown message');
      }
      const type = message.type;
      const who = identify(SENDER_KINDS[type], sender, env);
      if (typeof who === 'string') throw new SenderRefused(`${type} refused: ${who}`);
      if (!REQUEST_CHECKS[type](message.request)) throw new BadRequest(`Malformed ${type} request`);
      // SENDER_KINDS and REQUEST_CHECKS just established that request and sender fit handlers[type];
      // TypeScript cannot follow the correlation through the union of keys.
      const handler = handlers[type] as (request: unknown, sender: ContentSender | PageSender) => unknown;
      const value: unknown = await handler(message.request, who);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: serializeError(error) };
    }
  };
}

// ---- Run-time shape checks ---------------------------------------------------------------------------------

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isVersionText(value: unknown): value is VersionText {
  return isRecord(value) && isString(value.title) && isStringArray(value.paragraphs);
}

function isUploadId(value: unknown): value is string {
  return isString(value) && /^[\w-]{1,64}$/.test(value);
}

/** A piece index or count: an upload never needs more pieces than this. */
const MAX_PIECES = 4096;

function isPieceIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_PIECES;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isString);
}

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function isHttpUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\//i.test(value);
}

function isArticle(value: unknown): value is Article {
  return (
    isRecord(value) &&
    isHttpUrl(value.url) &&
    isString(value.title) &&
    isNullableString(value.lang) &&
    isNullableString(value.byline) &&
    isNullableString(value.siteName) &&
    isNullableString(value.publishedTime) &&
    Array.isArray(value.paragraphs) &&
    value.paragraphs.every((p) => isRecord(p) && isString(p.text) && isBlockKind(p.kind))
  );
}
