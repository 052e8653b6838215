/**
 * Chromium's offscreen document (reason DOM_PARSER): parses pages for the background, which as a service worker
 * has no DOMParser. A DOMParser document is inert: the page's scripts never run and nothing it links is loaded.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { isOffscreenRequest, type OffscreenRequest } from '../background/parse/offscreen-message';
import { parseHtml } from '../core/remote-extract/parse';
import { ParseSessions } from '../core/remote-extract/session';

const parser = new DOMParser();
const sessions = new ParseSessions(parser);
const ownOrigin = browser.runtime.getURL('');

function answer(request: OffscreenRequest): unknown {
  switch (request.type) {
    case 'parse':
      return request.keep
        ? sessions.parse(request.html, request.url, request.options)
        : parseHtml(parser, request.html, request.url, request.options);
    case 'restore':
      return sessions.restore(request.session, request.previous);
    case 'drop':
      sessions.drop(request.session);
      return null;
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Undefined leaves the message to the background's router (a content script's messages arrive here too).
  if (!isOffscreenRequest(message)) return undefined;
  if (sender.id !== browser.runtime.id || sender.tab || !(sender.url ?? '').startsWith(ownOrigin)) {
    return undefined;
  }
  return Promise.resolve(answer(message));
});
