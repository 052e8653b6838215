/**
 * Chromium: the offscreen document that parses pages (src/offscreen/index.ts). It is made on first use and
 * closed after a minute without work, so an idle browser does not keep a page's worth of memory for Redline.
 */
import type { ParsedPage, ParseOptions } from '../../core/remote-extract/parse';
import { OFFSCREEN_TARGET, type OffscreenRequest } from './offscreen-message';

// The chrome.offscreen and chrome.runtime.getContexts APIs, as far as used (not in webextension-polyfill's types).
interface ChromeOffscreen {
  offscreen?: {
    createDocument(params: { url: string; reasons: string[]; justification: string }): Promise<void>;
    closeDocument(): Promise<void>;
  };
  runtime: {
    getURL(path: string): string;
    getContexts?(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
    sendMessage(message: unknown): Promise<unknown>;
  };
}

/** No DOM parser in this context and no offscreen document to parse in. */
export class ParseUnavailable extends Error {
  override readonly name = 'ParseUnavailable';
}

export const OFFSCREEN_PATH = 'offscreen.html';
const IDLE_CLOSE_MS = 60_000;

let creating: Promise<void> | null = null;
let pending = 0;
let idleTimer: ReturnType<typeof setTimeout> | null = null;

function chromeApi(): ChromeOffscreen | null {
  const api = (globalThis as { chrome?: ChromeOffscreen }).chrome;
  return api?.offscreen ? api : null;
}

async function ensureDocument(api: ChromeOffscreen): Promise<void> {
  const url = api.runtime.getURL(OFFSCREEN_PATH);
  const open = await api.runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (open && open.length > 0) return;
  creating ??= api
    .offscreen!.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['DOM_PARSER'],
      justification: 'Read the article of a page with Readability without blocking the page',
    })
    .catch((error: unknown) => {
      // Another start of the worker made it first: one offscreen document per extension.
      if (!String(error).includes('single offscreen')) throw error;
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

function closeWhenIdle(api: ChromeOffscreen): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    idleTimer = null;
    if (pending === 0) api.offscreen?.closeDocument().catch(() => undefined);
  }, IDLE_CLOSE_MS);
}

function isParsedPage(value: unknown): value is ParsedPage {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** Sends one request to the offscreen document, made first if need be. */
async function ask(request: OffscreenRequest): Promise<unknown> {
  const api = chromeApi();
  if (!api) throw new ParseUnavailable('No DOM parser here and no offscreen document API');
  pending++;
  try {
    await ensureDocument(api);
    return await api.runtime.sendMessage(request);
  } finally {
    pending--;
    closeWhenIdle(api);
  }
}

export async function parseOffscreen(
  html: string,
  url: string,
  options: ParseOptions,
  keep = false,
): Promise<ParsedPage> {
  const reply = await ask({ target: OFFSCREEN_TARGET, type: 'parse', html, url, options, keep });
  if (!isParsedPage(reply)) throw new ParseUnavailable('The offscreen document did not answer');
  return reply;
}

/** The kept copy's extraction anchored on `previous`; null when the offscreen document no longer has it. */
export async function restoreOffscreen(session: number, previous: string[]): Promise<ParsedPage | null> {
  const reply = await ask({ target: OFFSCREEN_TARGET, type: 'restore', session, previous });
  return isParsedPage(reply) ? reply : null;
}

export async function dropOffscreen(session: number): Promise<void> {
  await ask({ target: OFFSCREEN_TARGET, type: 'drop', session });
}
