import { describe, expect, it } from 'vitest';
import { simTokens, Vocabulary } from './simTokens';

describe('simTokens', () => {
  it('lower-cases letter and digit runs and drops punctuation', () => {
    expect(simTokens('Syria\'s army, 93% of Aleppo "now"')).toEqual([
      'syria',
      's',
      'army',
      '93',
      'of',
      'aleppo',
      'now',
    ]);
  });

  it('turns scripts written without spaces into character bigrams', () => {
    expect(simTokens('北京大学')).toEqual(['北京', '京大', '大学']);
    expect(simTokens('去 Paris')).toEqual(['去', 'paris']);
    expect(simTokens('ภาษาไทย').length).toBeGreaterThan(1);
  });

  it('returns nothing for text without letters or digits', () => {
    expect(simTokens('... — !')).toEqual([]);
  });
});

describe('Vocabulary', () => {
  it('gives each distinct token one id', () => {
    const vocabulary = new Vocabulary();
    expect(vocabulary.tokenIds('the cat and the hat')).toEqual([0, 1, 2, 0, 3]);
    expect(vocabulary.id('cat')).toBe(1);
    expect(vocabulary.size).toBe(4);
  });
});
