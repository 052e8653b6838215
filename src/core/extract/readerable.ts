/**
 * Readability's `isProbablyReaderable` counts characters: a paragraph counts once it is 140 characters long. A
 * Chinese, Japanese or Korean paragraph says in about 50 characters what an English one says in 140, so on pages
 * written mostly in those scripts the threshold is scaled down; otherwise short-paragraph CJK news (qq in
 * Readability's fixtures, once its scripts are gone) is not taken for an article at all.
 */

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g;
const LETTER = /\p{L}/gu;
// Enough text to tell the page's script; counting the whole of a huge page would cost for nothing.
const SAMPLE_CHARS = 20_000;
const CJK_SHARE = 0.3;
export const CJK_MIN_CONTENT_LENGTH = 50;

export interface ReaderableOptions {
  minContentLength?: number;
}

/** Options for `isProbablyReaderable` suited to the page whose text is `text`. */
export function readerableOptions(text: string): ReaderableOptions {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters === 0) return {};
  const cjk = sample.match(CJK)?.length ?? 0;
  return cjk / letters >= CJK_SHARE ? { minContentLength: CJK_MIN_CONTENT_LENGTH } : {};
}
