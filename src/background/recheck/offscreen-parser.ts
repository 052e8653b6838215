/**
 * The parser the re-check is given: in Firefox's background page a DOMParser is at hand; in Chromium's service
 * worker there is none, so the page is handed to an offscreen document (chrome.offscreen, reason DOM_PARSER),
 * created on first use and left for the browser to close.
 */
import { PARSE_TARGET, type ParseRequest } from './offscreen-message';
import { type ParsedPage, type ParseFetched, parseWith } from './parse-fetched';

const OFFSCREEN_URL = 'recheck-parse.html';

interface ChromeOffscreen {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
}
interface ChromeRuntime {
  getContexts(filter: { contextTypes: string[] }): Promise<unknown[]>;
  sendMessage(message: unknown): Promise<unknown>;
}
interface Chrome {
  offscreen?: ChromeOffscreen;
  runtime: ChromeRuntime;
}

function isParsedPage(value: unknown): value is ParsedPage {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export function createParser(): ParseFetched {
  if (typeof DOMParser !== 'undefined') {
    const parser = new DOMParser();
    return async (html, url, stored) => parseWith(parser, html, url, stored);
  }
  const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
  let creating: Promise<void> | null = null;
  const ensure = async (): Promise<void> => {
    const open = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
    if (open.length > 0) return;
    if (!chrome.offscreen) throw new Error('no DOM parser here, and no offscreen documents');
    creating ??= chrome.offscreen
      .createDocument({
        url: OFFSCREEN_URL,
        reasons: ['DOM_PARSER'],
        justification: 'Read the article in a page fetched by the opt-in re-check',
      })
      .finally(() => {
        creating = null;
      });
    await creating;
  };
  return async (html, url, stored) => {
    await ensure();
    const request: ParseRequest = {
      target: PARSE_TARGET,
      html,
      url,
      stored: stored === null ? null : [...stored],
    };
    const reply = await chrome.runtime.sendMessage(request);
    return isParsedPage(reply) ? reply : { ok: false, reason: 'the offscreen document did not answer' };
  };
}
