/**
 * The messages between the background and the offscreen document (Chromium). Content scripts' messages reach
 * the offscreen document too (runtime.sendMessage goes to every extension page), so it answers only messages
 * marked with `OFFSCREEN_TARGET` from the extension's own background.
 */
import type { ParseOptions } from '../../core/remote-extract/parse';

export const OFFSCREEN_TARGET = 'redline-offscreen';

export type OffscreenRequest =
  /** `keep`: keep the parsed copy for a `restore` (session.ts). */
  | {
      target: typeof OFFSCREEN_TARGET;
      type: 'parse';
      html: string;
      url: string;
      options: ParseOptions;
      keep: boolean;
    }
  | { target: typeof OFFSCREEN_TARGET; type: 'restore'; session: number; previous: string[] }
  | { target: typeof OFFSCREEN_TARGET; type: 'drop'; session: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isOffscreenRequest(value: unknown): value is OffscreenRequest {
  if (!isRecord(value) || value.target !== OFFSCREEN_TARGET) return false;
  switch (value.type) {
    case 'parse':
      return (
        typeof value.html === 'string' &&
        typeof value.url === 'string' &&
        isRecord(value.options) &&
        typeof value.keep === 'boolean'
      );
    case 'restore':
      return (
        typeof value.session === 'number' &&
        Array.isArray(value.previous) &&
        value.previous.every((p) => typeof p === 'string')
      );
    case 'drop':
      return typeof value.session === 'number';
    default:
      return false;
  }
}
