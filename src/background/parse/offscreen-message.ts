/**
 * The one message between the background and the offscreen document (Chromium). Content scripts' messages
 * reach the offscreen document too (runtime.sendMessage goes to every extension page), so it answers only
 * messages marked with `OFFSCREEN_TARGET` from the extension's own background.
 */
import type { ParseOptions } from '../../core/remote-extract/parse';

export const OFFSCREEN_TARGET = 'redline-offscreen';

export interface OffscreenParseRequest {
  target: typeof OFFSCREEN_TARGET;
  type: 'parse';
  html: string;
  url: string;
  options: ParseOptions;
}

export function isOffscreenParseRequest(value: unknown): value is OffscreenParseRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.target === OFFSCREEN_TARGET &&
    v.type === 'parse' &&
    typeof v.html === 'string' &&
    typeof v.url === 'string' &&
    typeof v.options === 'object' &&
    v.options !== null
  );
}
