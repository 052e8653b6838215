import { describe, expect, it } from 'vitest';
import { CATALOGUE_LOCALES } from '../../test/fixtures/locales';
import { formatWhole, wholeCategory, wholeNumberStyle } from './wholeNumbers';

// Every variant a reader of the three catalogues may have, and locales whose numbers differ in each way the
// style describes: grouping from 10,000 on (es, pl), Indian grouping (en-IN, hi), other digits (ar-EG, deva).
const LOCALES = [...CATALOGUE_LOCALES, 'es', 'pl', 'hi-IN-u-nu-deva', 'ar-EG', 'th-TH-u-nu-thai'];

/** 0 to 10,000 one by one, then every power of ten and its neighbours, then spread up to 2^53 - 1. */
function wholeNumbers(): number[] {
  const values = Array.from({ length: 10_001 }, (_, i) => i);
  for (let power = 10; power < Number.MAX_SAFE_INTEGER; power *= 10) values.push(power - 1, power, power + 1);
  let x = 12_345;
  for (let i = 0; i < 2_000; i++) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    values.push(Math.floor((x / 2_147_483_648) * 10 ** (1 + (i % 15))));
  }
  values.push(Number.MAX_SAFE_INTEGER);
  return values;
}

describe('formatWhole with the style wholeNumberStyle reads', () => {
  it('writes every whole number as Intl.NumberFormat does, in each locale', () => {
    const values = wholeNumbers();
    for (const locale of LOCALES) {
      const style = wholeNumberStyle(locale);
      expect(style, locale).not.toBeNull();
      if (!style) continue;
      const format = new Intl.NumberFormat(locale);
      for (const value of values)
        expect(formatWhole(value, style), `${locale} ${value}`).toBe(format.format(value));
    }
  });

  it('leaves fractions, negative and unsafe numbers to Intl', () => {
    const style = wholeNumberStyle('en');
    expect(style).not.toBeNull();
    if (!style) return;
    for (const value of [1.5, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(formatWhole(value, style), String(value)).toBeNull();
    }
  });

  it('reads no style for a locale Intl refuses', () => {
    expect(wholeNumberStyle('not a locale!')).toBeNull();
  });
});

describe('wholeCategory', () => {
  it('gives the category Intl.PluralRules gives, for whole numbers in the catalogues’ languages', () => {
    const values = wholeNumbers();
    for (let millions = 1; millions <= 50; millions++)
      values.push(millions * 1_000_000, millions * 1_000_000 + 1);
    for (const locale of LOCALES.filter((tag) => /^(en|de|fr)/.test(tag))) {
      const rules = new Intl.PluralRules(locale);
      for (const value of values)
        expect(wholeCategory(locale, value), `${locale} ${value}`).toBe(rules.select(value));
    }
  });

  it('leaves other languages and numbers that are not whole to Intl', () => {
    expect(wholeCategory('ar', 1)).toBeNull();
    expect(wholeCategory('en', 1.5)).toBeNull();
    expect(wholeCategory('fr', -1)).toBeNull();
  });
});
