import { isProbablyReaderable } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { CJK_MIN_CONTENT_LENGTH, readerableOptions } from './readerable';

describe('readerableOptions', () => {
  it('keeps Readability defaults for Latin-script text', () => {
    expect(readerableOptions('The exodus from rebel-held parts of Aleppo is growing, Russia says.')).toEqual(
      {},
    );
    expect(readerableOptions('')).toEqual({});
  });

  it('lowers the paragraph length for Chinese, Japanese and Korean text', () => {
    for (const text of [
      '叙利亚政府军正在收复阿勒颇东部地区',
      'アレッポから避難する市民が増えている',
      '알레포를 떠나는 시민이 늘고 있다',
    ]) {
      expect(readerableOptions(text)).toEqual({ minContentLength: CJK_MIN_CONTENT_LENGTH });
    }
  });

  it('lets a page of short Chinese paragraphs count as an article, but not the same in English', () => {
    // About 80 characters: an ordinary news paragraph in Chinese, well under Readability's 140.
    const zh =
      '据俄罗斯国防部发言人说，过去两天内约有五万名平民逃离了叛军控制的阿勒颇东部地区。' +
      '他还说，随着政府军推进，已有一千多名叛军放下武器，更多平民正沿人道走廊撤离。';
    const en = 'About 50,000 civilians fled the rebel enclave in two days, a spokesman said.';
    // In <main>, not <article>: isProbablyReaderable would count an <article>'s whole text as one paragraph.
    const page = (p: string): Document =>
      new JSDOM(`<html><body><main>${`<p>${p}</p>`.repeat(8)}</main></body></html>`).window.document;
    const zhDoc = page(zh);
    expect(isProbablyReaderable(zhDoc)).toBe(false);
    expect(isProbablyReaderable(zhDoc, readerableOptions(zhDoc.body.textContent ?? ''))).toBe(true);
    const enDoc = page(en);
    expect(isProbablyReaderable(enDoc, readerableOptions(enDoc.body.textContent ?? ''))).toBe(false);
  });
});
