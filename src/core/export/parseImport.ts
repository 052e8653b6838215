/**
 * File text → JSON value, with a message a reader can act on when it is not JSON: where the error is, and
 * whether the file was simply cut short (an interrupted download or copy).
 */
import { LIMITS } from './format';
import { findJsonSyntaxError } from './jsonSyntax';

export type ParseResult = { ok: true; json: unknown } | { ok: false; errors: string[] };

/** `maxChars` defaults to `LIMITS.fileChars`; it is a parameter so the check can be tested without 300 MB. */
export function parseImport(text: string, maxChars: number = LIMITS.fileChars): ParseResult {
  if (text.length > maxChars) {
    return {
      ok: false,
      errors: [`the file is too large to import (${text.length} characters; the limit is ${maxChars})`],
    };
  }
  // Some editors save UTF-8 with a byte order mark, which JSON.parse rejects.
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, errors: ['the file is empty'] };
  try {
    return { ok: true, json: JSON.parse(body) };
  } catch (error) {
    const found = findJsonSyntaxError(body);
    if (!found) {
      // The scanner accepted what the engine refused (e.g. nesting deeper than the engine allows).
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, errors: [`not a valid JSON file: ${reason}`] };
    }
    const where = `line ${found.line}, column ${found.column} (offset ${found.offset})`;
    const message = found.truncated
      ? `the file is incomplete: ${found.message} at ${where}; it was probably cut off while being saved or copied`
      : `not a valid JSON file: ${found.message} at ${where}`;
    return { ok: false, errors: [message] };
  }
}
