/**
 * Tokens for paragraph *similarity* (not for the word diff): lower-cased letter/digit runs of the comparison
 * form, found with one regex. Similarity runs on every paragraph that has no exact counterpart, so it must be
 * cheap; Intl.Segmenter costs ~50× more per character in V8.
 *
 * Scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) would give one "word" per clause, so
 * their runs become overlapping character bigrams instead, the usual indexing unit for such text: a changed
 * word there changes only the bigrams that touch it.
 */

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

/** Similarity tokens of a text already in comparison form. */
export function simTokens(compareForm: string): string[] {
  const out: string[] = [];
  forEachSimToken(compareForm, (token) => out.push(token));
  return out;
}

/** Calls `visit` with each similarity token of a text in comparison form, in order, without building arrays. */
export function forEachSimToken(compareForm: string, visit: (token: string) => void): void {
  const lower = compareForm.toLowerCase();
  const unspaced = UNSPACED.test(lower);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m !== null; m = WORD.exec(lower)) {
    const word = m[0];
    if (!unspaced || !UNSPACED.test(word)) {
      visit(word);
      continue;
    }
    const chars = Array.from(word);
    if (chars.length === 1) visit(word);
    for (let i = 0; i + 1 < chars.length; i++) visit(chars[i]! + chars[i + 1]!);
  }
}

/** Interns similarity tokens as consecutive integers. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();

  get size(): number {
    return this.ids.size;
  }

  /** Token ids of a text in comparison form. */
  tokenIds(compareForm: string): number[] {
    const ids: number[] = [];
    forEachSimToken(compareForm, (token) => ids.push(this.id(token)));
    return ids;
  }

  id(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(token, id);
    }
    return id;
  }
}
