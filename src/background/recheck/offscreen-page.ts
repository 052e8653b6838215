/**
 * Chromium's offscreen document (reason DOM_PARSER): parses a fetched page for the background's re-check with
 * the same extraction a tab uses. Answers only its own tagged message.
 */
import { isParseRequest } from './offscreen-message';
import { parseWith } from './parse-fetched';

interface ChromeRuntime {
  onMessage: {
    addListener(
      listener: (
        message: unknown,
        sender: { id?: string },
        sendResponse: (reply: unknown) => void,
      ) => boolean | undefined,
    ): void;
  };
  id: string;
}

const runtime = (globalThis as unknown as { chrome: { runtime: ChromeRuntime } }).chrome.runtime;
const parser = new DOMParser();

runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== runtime.id || !isParseRequest(message)) return undefined;
  try {
    sendResponse(parseWith(parser, message.html, message.url, message.stored));
  } catch (error) {
    sendResponse({ ok: false, reason: error instanceof Error ? error.message : String(error) });
  }
  return undefined;
});
