/**
 * The content hash that tells two versions of an article apart. It is taken over the comparison form
 * (`compareText`) of the headline and the paragraphs, so a revisit whose text differs only in what a reader would
 * not call an edit (whitespace, quote or dash style, invisible characters) hashes the same and stores nothing new.
 */
import type { VersionText } from './model';
import { compareText } from './text';

/** The exact string that is hashed: unambiguous (JSON) and blind to empty paragraphs. */
export function hashInput(version: VersionText): string {
  const paragraphs = version.paragraphs.map(compareText).filter((text) => text !== '');
  return JSON.stringify([compareText(version.title), ...paragraphs]);
}

/** SHA-256 of `hashInput`, as 64 lower-case hex digits. */
export async function versionHash(version: VersionText): Promise<string> {
  const bytes = new TextEncoder().encode(hashInput(version));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
