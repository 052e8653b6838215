/**
 * Text normalisation shared by extraction and alignment.
 *
 * Two forms of every paragraph exist: the *display* form (what the page shows, with runs of whitespace
 * collapsed) and the *comparison* form, in which differences a reader would not call an edit are erased:
 * whitespace and nbsp, soft hyphens and zero-width characters, curly vs straight quotes, dash styles and the
 * ellipsis character. Case and punctuation otherwise stay, because a newsroom changing them is an edit.
 */

// Every Unicode space separator plus tabs/newlines; nbsp (U+00A0) and narrow nbsp (U+202F) included.
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
// Invisible characters that publishers sprinkle for line breaking or tracking.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u02bc`\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
// Typewriter doubled apostrophes ('' as a closing quote) count as a double quote.
const DOUBLED_APOSTROPHES = /''/g;

/** The display form: whitespace runs collapsed to one space, invisible characters kept out, trimmed. */
export function displayText(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** The comparison form: equal for two texts a reader would call the same words. */
export function compareText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DOUBLED_APOSTROPHES, '"')
    .replace(DASHES, '-')
    .replace(/\u2026/g, '...')
    .replace(SPACES, ' ')
    .trim();
}

/** True when two texts differ only in what `compareText` erases. */
export function sameWords(a: string, b: string): boolean {
  return a === b || compareText(a) === compareText(b);
}
