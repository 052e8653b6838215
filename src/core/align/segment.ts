/**
 * Word tokens for the word-level diff, and the comparison identity of each token.
 *
 * Tokens come from `Intl.Segmenter` (granularity 'word') because splitting on spaces fails for scripts written
 * without them: ICU's dictionary segmentation turns "我们今天去北京" into 我们|今天|去|北京, so a changed Chinese,
 * Japanese or Thai word is marked as that word rather than the whole sentence. Every segment is kept, whitespace
 * and punctuation included, so joining the tokens gives back the text exactly.
 */
import { compareText } from '../text';

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string | undefined): Intl.Segmenter {
  const key = locale ?? '';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    } catch {
      // A page's lang attribute can be any string; an invalid tag must not break alignment.
      segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
    }
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

// Workaround for V8 bug crbug.com/326176949: iterating Intl.Segmenter segments is quadratic in the input length
// (20,000 words take ~6 s in Node 20's V8 11.3; fixed in later V8). Segmenting at most this many characters at a
// time keeps it linear.
const MAX_CHUNK = 1000;
// Word boundaries that hold in every script: before a whitespace run, and after ideographic punctuation.
const SPACE = /\s/u;
const CJK_STOP = /[\u3001\u3002\uff01\uff0c\uff1a\uff1b\uff1f]/u;

/** Where to cut `text` at or before `limit` so that no word straddles the cut; `limit` when there is no such place. */
function cutBefore(text: string, from: number, limit: number): number {
  for (let i = limit; i > from + MAX_CHUNK / 2; i--) {
    const c = text[i]!;
    if (SPACE.test(c) && !SPACE.test(text[i - 1]!)) return i;
    if (CJK_STOP.test(text[i - 1]!)) return i;
  }
  return limit;
}

/**
 * Texts made only of these characters (ASCII, Latin-1 and Latin Extended-A/B letters, curly quotes, dashes,
 * ellipsis, euro) are segmented by FAST_TOKEN instead: for them the UAX #29 rules ICU applies reduce to a regex,
 * and a regex is ~30× faster than Intl.Segmenter in V8. `segment.test.ts` checks, character by character and on
 * random strings, that both give the very same tokens. Anything else (other scripts, combining marks, soft
 * hyphens, nbsp, emoji) goes to Intl.Segmenter.
 */
const FAST_SAFE = /^[\x20-\x7e\u00a1-\u00ac\u00ae-\u024f\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u20ac]*$/;
// Word characters (ICU ALetter/Numeric/ExtendNumLet in that range), joined across one of ' . ‘ ’ : · between
// letters or ' . ‘ ’ , ; between digits (UAX #29 WB6/7, WB11/12); a run of spaces is one token (WB3d); every
// other character is a token of its own.
const W = '0-9A-Za-z_\\u00aa\\u00b5\\u00b8\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f';
const LETTER = 'A-Za-z\\u00aa\\u00b5\\u00b8\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f';
const FAST_TOKEN = new RegExp(
  ` +|[${W}]+(?:(?:(?<=[${LETTER}])['.\\u2018\\u2019:\\u00b7](?=[${LETTER}])|(?<=[0-9])['.\\u2018\\u2019,;](?=[0-9]))[${W}]+)*|[^]`,
  'g',
);

/** The text cut into word, space and punctuation segments; `tokens.join('') === text`. */
export function wordTokens(text: string, locale?: string): string[] {
  if (FAST_SAFE.test(text)) return text.match(FAST_TOKEN) ?? [];
  return segmenterTokens(text, locale);
}

/** `wordTokens` through Intl.Segmenter only. */
export function segmenterTokens(text: string, locale?: string): string[] {
  const segmenter = segmenterFor(locale);
  const tokens: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.length - start <= MAX_CHUNK ? text.length : cutBefore(text, start, start + MAX_CHUNK);
    const chunk = start === 0 && end === text.length ? text : text.slice(start, end);
    for (const { segment } of segmenter.segment(chunk)) tokens.push(segment);
    start = end;
  }
  return tokens;
}

// Printable ASCII without the backtick: compareText returns such a token unchanged, so the common case skips its
// eight regex passes.
const PLAIN_ASCII = /^[\x21-\x5f\x61-\x7e]*$/;

/** The comparison form of one token; every kind of whitespace (and an invisible-only token) becomes one space. */
export function tokenKey(token: string): string {
  if (PLAIN_ASCII.test(token)) return token;
  const key = compareText(token);
  return key === '' ? ' ' : key;
}

/**
 * Interns tokens as small integers equal exactly when their comparison forms are equal, so the diff compares
 * numbers with === and each distinct token is normalised once per alignment.
 */
export class TokenIds {
  private readonly byToken = new Map<string, number>();
  private readonly byKey = new Map<string, number>();

  id(token: string): number {
    let id = this.byToken.get(token);
    if (id === undefined) {
      const key = tokenKey(token);
      id = this.byKey.get(key);
      if (id === undefined) {
        id = this.byKey.size;
        this.byKey.set(key, id);
      }
      this.byToken.set(token, id);
    }
    return id;
  }

  ids(tokens: readonly string[]): number[] {
    const out = new Array<number>(tokens.length);
    for (let i = 0; i < tokens.length; i++) out[i] = this.id(tokens[i]!);
    return out;
  }
}
