import { describe, expect, it } from 'vitest';
import { align } from '../align';
import { applyIgnoreRules } from './apply';
import { REGEX_BUDGET_MS, textMatcher, textRuleRegex } from './matcher';
import { type IgnoreRule, ruleCoversSite, textPatternOf } from './rule';
import { compileSafeRegex, MAX_REGEX_INPUT } from './safeRegex';

const rule = (kind: IgnoreRule['kind'], pattern: string, id = 1): IgnoreRule => ({
  id,
  site: 'example.com',
  kind,
  pattern,
  created: 0,
});

describe('text rules', () => {
  it('a paragraph becomes a pattern with numbers as wildcards', () => {
    expect(textPatternOf('Updated  5 minutes ago')).toBe('Updated # minutes ago');
    expect(textPatternOf('Save 20% – only 3.99 a month until 12:00')).toBe(
      'Save #% – only # a month until #',
    );
  });

  it('matches the whole paragraph, any number, any case and spacing, quotes and dashes as the same', () => {
    const regex = textRuleRegex('Updated # minutes ago');
    expect(regex.test('updated 12 minutes ago')).toBe(true);
    expect(regex.test('Updated 1,200 minutes ago')).toBe(true);
    expect(regex.test('Updated five minutes ago')).toBe(false);
    expect(regex.test('Updated 5 minutes ago, police said')).toBe(false);
    const matcher = textMatcher([rule('text', 'Don’t miss: # offers – today')]);
    expect(matcher.matches("Don't miss: 3 offers - today")).toBe(true);
  });

  it('characters that mean something in a regex are plain text', () => {
    expect(
      textMatcher([rule('text', 'Price (USD): $# [approx.]')]).matches('Price (USD): $4.50 [approx.]'),
    ).toBe(true);
    expect(textMatcher([rule('text', 'a.c')]).matches('abc')).toBe(false);
  });
});

describe('regex rules', () => {
  it('accepts ordinary patterns', () => {
    for (const source of [
      '^Updated \\d+ (minutes?|hours?) ago$',
      'sign up for our newsletter',
      '^\\[Ad\\]',
      '\\d{1,2}:\\d{2}',
    ]) {
      expect(compileSafeRegex(source).ok, source).toBe(true);
    }
  });

  it.each([
    ['(a+)+$', 'repeated group'],
    ['(a|aa)*b', 'repeated group'],
    ['(.*a){20}', 'repeated group'],
    ['(\\w+)\\1', 'Backreferences'],
    ['(?<x>a)\\k<x>', 'Backreferences'],
    ['a(?=b)', 'Lookahead'],
    ['a*b*c*d', 'At most 2'],
    ['a{1000}', 'Repeats are limited'],
    ['(', 'Not a valid'],
    ['', 'empty'],
  ])('refuses %s', (source, reason) => {
    const check = compileSafeRegex(source);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toContain(reason);
  });

  it('a pattern that would backtrack for ever cannot be saved, and no accepted one hangs', () => {
    const hostile = `${'a'.repeat(MAX_REGEX_INPUT - 1)}!`;
    const matcher = textMatcher([rule('regex', '(a+)+$'), rule('regex', 'a*a*b', 2)]);
    const start = performance.now();
    for (let i = 0; i < 200; i++) matcher.matches(hostile);
    expect(performance.now() - start).toBeLessThan(2000);
    // The accepted quadratic pattern ran out of its budget and was switched off; the refused one never ran.
    expect(matcher.timedOut()).toEqual(['2']);
  });

  it('runs only on short paragraphs', () => {
    const matcher = textMatcher([rule('regex', 'promo')]);
    expect(matcher.matches('A promo line')).toBe(true);
    expect(matcher.matches(`promo ${'x'.repeat(MAX_REGEX_INPUT)}`)).toBe(false);
  });

  it('a rule over its time budget is switched off and reported', () => {
    let clock = 0;
    const matcher = textMatcher([rule('regex', 'x', 7)], () => {
      clock += REGEX_BUDGET_MS + 1;
      return clock;
    });
    expect(matcher.matches('x')).toBe(true);
    expect(matcher.matches('x')).toBe(false);
    expect(matcher.timedOut()).toEqual(['7']);
  });
});

describe('ruleCoversSite', () => {
  it('covers the site and its subdomains only', () => {
    expect(ruleCoversSite({ site: 'example.com' }, 'example.com')).toBe(true);
    expect(ruleCoversSite({ site: 'example.com' }, 'news.example.com')).toBe(true);
    expect(ruleCoversSite({ site: 'example.com' }, 'badexample.com')).toBe(false);
  });
});

describe('applyIgnoreRules', () => {
  const older = ['Updated 5 minutes ago', 'The council met.', 'Subscribe now for 1 euro', 'It voted 5-4.'];
  const newer = [
    'Updated 9 minutes ago',
    'The council met on Tuesday.',
    'It voted 5-4.',
    'Subscribe now for 2 euro',
  ];
  const result = align({ title: 't', paragraphs: older }, { title: 't', paragraphs: newer });

  it('leaves out changes to covered paragraphs and keeps the rest', () => {
    const matcher = textMatcher([rule('text', 'Updated # minutes ago'), rule('regex', '^subscribe now', 2)]);
    const out = applyIgnoreRules(result, older, newer, matcher);
    const shown = out.result.paragraphs.filter((c) => c.kind !== 'unchanged').map((c) => newer[c.newIndex]);
    expect(shown).toEqual(['The council met on Tuesday.']);
    expect(out.result.removed).toEqual([]);
    expect(out.result.stats.reworded).toBe(1);
    expect(out.ignoredNew.has(0)).toBe(true);
  });

  it('a selector rule covers the paragraphs the page says it covers', () => {
    const out = applyIgnoreRules(result, older, newer, textMatcher([]), (i) => i === 1);
    expect(out.result.paragraphs.find((c) => c.newIndex === 1)?.kind).toBe('unchanged');
  });

  it('with no rule the result is the same object', () => {
    expect(applyIgnoreRules(result, older, newer, textMatcher([])).result).toBe(result);
  });
});
