/** Small normalisers for what Readability and the page declare about an article. */
import { displayText } from '../text';

/** Display form, or null for a missing or blank value. */
export function cleanField(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const text = displayText(value);
  return text === '' ? null : text;
}

/**
 * The page's language: <html lang> (or xml:lang), else a Content-Language declaration, else og:locale
 * ("en_GB" → "en-GB"), else what Readability found. Null when nothing declares one.
 */
export function pageLanguage(doc: Document, fromReadability: string | null | undefined): string | null {
  const root = doc.documentElement;
  const declared =
    cleanField(root?.getAttribute('lang')) ??
    cleanField(root?.getAttribute('xml:lang')) ??
    cleanField(
      doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')?.split(',')[0],
    ) ??
    cleanField(doc.querySelector('meta[property="og:locale" i]')?.getAttribute('content'))?.replace(
      /_/g,
      '-',
    ) ??
    cleanField(fromReadability);
  return declared && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(declared) ? declared : null;
}

const ISO_LIKE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * An ISO 8601 publication time. A value already in (nearly) ISO form keeps its clock time and offset, which
 * say where the newsroom is, and is only tidied ("2019-04-28 06:01" → "2019-04-28T06:01", "+0100" →
 * "+01:00"); anything else the Date parser understands is converted to UTC.
 */
export function isoTime(value: string | null | undefined): string | null {
  const text = cleanField(value);
  if (!text) return null;
  const iso = ISO_LIKE.exec(text);
  if (iso) {
    const [, date, time, offset] = iso;
    if (!time) return date ?? null;
    const zone = offset ? offset.toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : '';
    return `${date}T${time}${zone}`;
  }
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
