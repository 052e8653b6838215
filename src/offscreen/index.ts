/**
 * Chromium's offscreen document (reason DOM_PARSER): parses pages for the background, which as a service worker
 * has no DOMParser. A DOMParser document is inert: the page's scripts never run and nothing it links is loaded.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { isOffscreenParseRequest } from '../background/parse/offscreen-message';
import { parseHtml } from '../core/remote-extract/parse';

const parser = new DOMParser();
const ownOrigin = browser.runtime.getURL('');

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Undefined leaves the message to the background's router (a content script's messages arrive here too).
  if (!isOffscreenParseRequest(message)) return undefined;
  if (sender.id !== browser.runtime.id || sender.tab || !(sender.url ?? '').startsWith(ownOrigin)) {
    return undefined;
  }
  return Promise.resolve(parseHtml(parser, message.html, message.url, message.options));
});
