/**
 * Messages from the extension's popup to the content script of one tab (`tabs.sendMessage`): what the tab shows,
 * and "mark the page against this older version". Typed like the background protocol: a request is
 * `{ type, request }`, a reply `{ ok: true, value }` or `{ ok: false, error }`.
 */
import type { Reply, SerializedError, SkipReason } from '../background/protocol';
import type { ExtractFailure } from '../core/model';
import { isRecord } from '../protocol/guards';

/** What the popup needs to know about the tab's page. */
export type TabStatus =
  /** Still settling, extracting or storing. */
  | { state: 'reading'; location: string }
  /** A private window: nothing is read or kept. */
  | { state: 'private'; location: string }
  /** `not-article`: the reader said so (reader-choice.ts); the others: see `SkipReason`. */
  | { state: 'skipped'; location: string; reason: SkipReason }
  | { state: 'not-article'; location: string; reason: ExtractFailure }
  /** Storing failed (e.g. storage full); `message` says why. */
  | { state: 'failed'; location: string; message: string }
  | {
      state: 'article';
      location: string;
      /** Canonical URL: the history's key for the article. */
      url: string;
      /** Hash of the version on the page. */
      hash: string;
      status: 'captured' | 'unchanged' | 'changed';
      /** Hash of the version the page is marked against, or null when no marks are shown. */
      comparedWith: string | null;
    };

/** An older version's text, as the popup has it from the history. */
export interface CompareVersion {
  hash: string;
  title: string;
  paragraphs: string[];
  firstSeen: number;
}

export interface TabProtocol {
  'tab.status': { request: null; response: TabStatus };
  /** Marks the page against `version`; null takes the marks away. */
  'tab.compare': { request: { version: CompareVersion | null }; response: { changes: number } };
}

export type TabMessageType = keyof TabProtocol;

export interface TabMessage<K extends TabMessageType = TabMessageType> {
  type: K;
  request: TabProtocol[K]['request'];
}

/** The part of `browser.tabs` the sender needs. */
export interface TabsApi {
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

export class TabError extends Error {
  constructor(error: SerializedError) {
    super(error.message);
    this.name = error.name;
  }
}

/** Sends one message to the content script of `tabId`; rejects when the tab has none or it failed. */
export async function sendToTab<K extends TabMessageType>(
  tabs: TabsApi,
  tabId: number,
  type: K,
  request: TabProtocol[K]['request'],
): Promise<TabProtocol[K]['response']> {
  const message: TabMessage<K> = { type, request };
  const reply: unknown = await tabs.sendMessage(tabId, message);
  if (!isRecord(reply) || typeof reply.ok !== 'boolean') {
    throw new TabError({ name: 'ProtocolError', message: `No reply to ${type}` });
  }
  if (!reply.ok) {
    const error = isRecord(reply.error) ? reply.error : {};
    throw new TabError({
      name: typeof error.name === 'string' ? error.name : 'Error',
      message: typeof error.message === 'string' ? error.message : `${type} failed`,
    });
  }
  // The content script answered this type with the handler typed for it.
  return (reply as Reply<TabProtocol[K]['response']> & { ok: true }).value;
}

function isCompareVersion(value: unknown): value is CompareVersion {
  return (
    isRecord(value) &&
    typeof value.hash === 'string' &&
    typeof value.title === 'string' &&
    typeof value.firstSeen === 'number' &&
    Array.isArray(value.paragraphs) &&
    value.paragraphs.every((p) => typeof p === 'string')
  );
}

/** The message as a typed one when it is a well-formed tab message, else null (other listeners' messages). */
export function asTabMessage(value: unknown): TabMessage | null {
  if (!isRecord(value)) return null;
  if (value.type === 'tab.status' && value.request === null) return { type: 'tab.status', request: null };
  if (value.type === 'tab.compare' && isRecord(value.request)) {
    const version = value.request.version;
    if (version === null || isCompareVersion(version)) return { type: 'tab.compare', request: { version } };
  }
  return null;
}
