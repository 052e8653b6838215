/**
 * The reader's ignore rules applied on the live page: text rules on the paragraphs' text, selector rules on
 * the elements that show them (the one place the page's markup is at hand). A selector the page's document
 * cannot parse is skipped, not fatal.
 */
import { applyIgnoreRules, type IgnoreRule, textMatcher } from '../core/ignore';
import type { AlignResult } from '../core/model';

export function ignoreOnPage(
  result: AlignResult,
  oldParagraphs: readonly string[],
  newParagraphs: readonly string[],
  elements: readonly (Element | null)[],
  rules: readonly IgnoreRule[],
): AlignResult {
  if (rules.length === 0) return result;
  const selectors = rules.filter((rule) => rule.kind === 'selector').map((rule) => rule.pattern);
  const covered = (index: number): boolean => {
    const element = elements[index];
    if (!element) return false;
    return selectors.some((selector) => {
      try {
        return element.closest(selector) !== null;
      } catch {
        return false;
      }
    });
  };
  const matcher = textMatcher(rules);
  const outcome = applyIgnoreRules(result, oldParagraphs, newParagraphs, matcher, covered);
  const expired = matcher.timedOut();
  if (expired.length > 0)
    console.warn('Redline: ignore rules stopped for taking too long:', expired.join(', '));
  return outcome.result;
}
