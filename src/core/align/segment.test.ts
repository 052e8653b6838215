import { describe, expect, it } from 'vitest';
import { segmenterTokens, TokenIds, tokenKey, wordTokens } from './segment';

// Every character the regex fast path accepts (see FAST_SAFE in segment.ts).
const FAST_CHARS = [
  ...Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...Array.from({ length: 0x24f - 0xa1 + 1 }, (_, i) => String.fromCharCode(0xa1 + i)).filter(
    (c) => c !== '\u00ad',
  ),
  '\u2013',
  '\u2014',
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '\u2026',
  '\u20ac',
];

describe('wordTokens', () => {
  it('keeps every character, so tokens join back to the text', () => {
    const text =
      'He said: \u201cWe\u2019ll stay\u201d \u2013 1,000.5 people, U.S. e-mail\u2026 caf\u00e9 na\u00efve';
    expect(wordTokens(text).join('')).toBe(text);
    expect(wordTokens(text)).toContain('We\u2019ll');
    expect(wordTokens(text)).toContain('1,000.5');
    expect(wordTokens(text)).toContain('U.S');
  });

  it('splits Chinese, Japanese and Thai into words', () => {
    expect(wordTokens('我们今天去北京大学')).toEqual(['我们', '今天', '去', '北京', '大学']);
    expect(wordTokens('こんにちは世界')).toEqual(['こんにちは', '世界']);
    expect(wordTokens('ภาษาไทยง่าย')).toEqual(['ภาษา', 'ไทย', 'ง่าย']);
  });

  it('gives the same tokens as Intl.Segmenter for every fast-path character in every context', () => {
    for (const c of FAST_CHARS) {
      for (const text of [
        `a${c}b`,
        `1${c}2`,
        `${c}${c}`,
        `a${c}`,
        `${c}1`,
        `ab ${c}cd`,
        `x1${c}y`,
        `_${c}_`,
      ]) {
        expect(wordTokens(text), JSON.stringify(text)).toEqual(segmenterTokens(text));
      }
    }
  });

  it('gives the same tokens as Intl.Segmenter on random strings of fast-path characters', () => {
    let seed = 12345;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pool = [...FAST_CHARS, ...'aaaabbbb1122  '];
    for (let k = 0; k < 5000; k++) {
      let text = '';
      for (let i = 1 + Math.floor(random() * 12); i > 0; i--)
        text += pool[Math.floor(random() * pool.length)];
      expect(wordTokens(text), JSON.stringify(text)).toEqual(segmenterTokens(text));
    }
  });

  it('segments a very long text in chunks without cutting words', () => {
    // Workaround for crbug.com/326176949 (quadratic Intl.Segmenter); the chunks must not split a word.
    const words = Array.from({ length: 3000 }, (_, i) => `w\u00f6rd${i}`);
    const text = `${words.join(' ')} \u05e9\u05dc\u05d5\u05dd`; // Hebrew forces the Intl.Segmenter path
    const tokens = wordTokens(text);
    expect(tokens.join('')).toBe(text);
    expect(tokens.filter((t) => t !== ' ')).toEqual([...words, '\u05e9\u05dc\u05d5\u05dd']);
  });
});

describe('token identity', () => {
  it('erases what compareText erases, and all whitespace is one space', () => {
    expect(tokenKey('\u201c')).toBe('"');
    expect(tokenKey('We\u2019ll')).toBe("We'll");
    expect(tokenKey('\u00a0')).toBe(' ');
    expect(tokenKey('  ')).toBe(' ');
    expect(tokenKey('Aleppo')).toBe('Aleppo');
  });

  it('interns tokens with the same comparison form as the same id', () => {
    const ids = new TokenIds();
    expect(ids.id('\u2019')).toBe(ids.id("'"));
    expect(ids.id(' ')).toBe(ids.id('\u00a0'));
    expect(ids.id('Aleppo')).not.toBe(ids.id('aleppo'));
    expect(ids.ids(['a', 'b', 'a'])).toEqual([ids.id('a'), ids.id('b'), ids.id('a')]);
  });
});
