import { describe, expect, it } from 'vitest';
import { compareText } from '../text';
import { comparisonForm } from './comparisonForm';

describe('comparisonForm', () => {
  it('equals compareText, on plain text and on text its fast path must not take', () => {
    for (const text of [
      'Plain ASCII text, with numbers 1,000 and "quotes".',
      'Two  spaces',
      ' leading space',
      'trailing space ',
      "Doubled ''apostrophes''",
      'Back`tick',
      'Curly \u201cquotes\u201d and \u2019apostrophes\u2019',
      'Soft\u00adhyphen and nbsp\u00a0here',
      'Tab\there',
      'Dash \u2013 and ellipsis\u2026',
      'Cafe\u0301 decomposed',
      '',
    ]) {
      expect(comparisonForm(text), JSON.stringify(text)).toBe(compareText(text));
    }
  });
});
