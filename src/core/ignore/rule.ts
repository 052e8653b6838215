/**
 * An ignore rule: "ignore changes like this on this site". Three kinds:
 * - `text`: a paragraph's whole text, where `#` stands for any number ("Updated # minutes ago");
 * - `regex`: a regular expression a paragraph must match somewhere, checked for patterns that can backtrack
 *   without end (safeRegex.ts) and run under a time budget;
 * - `selector`: a CSS selector; a paragraph whose element on the page is inside a match is ignored. It can only
 *   apply on the live page: the history keeps text, not the page's markup.
 *
 * Rules apply when two versions are compared; the stored text is never changed by them.
 */

export const RULE_KINDS = ['text', 'regex', 'selector'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export interface IgnoreRule {
  /** Auto-incremented key; absent before the rule is stored. */
  id?: number;
  /** Host name without "www.", as articles are filed (StoredArticle.site); the rule covers its subdomains too. */
  site: string;
  kind: RuleKind;
  /** The text pattern, the regular expression's source, or the selector. */
  pattern: string;
  /** Epoch ms. */
  created: number;
}

/** Longest pattern a rule may hold. */
export const MAX_PATTERN_CHARS = 500;

export function isRuleKind(value: unknown): value is RuleKind {
  return typeof value === 'string' && (RULE_KINDS as readonly string[]).includes(value);
}

/** True when the rule covers an article of `site` (its own site or a subdomain of it). */
export function ruleCoversSite(rule: Pick<IgnoreRule, 'site'>, site: string): boolean {
  return site === rule.site || site.endsWith(`.${rule.site}`);
}

/** A text rule made from a paragraph: its text with every number made a wildcard. */
export function textPatternOf(paragraph: string): string {
  return paragraph
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\d+(?:[.,:]\d+)*/g, '#')
    .slice(0, MAX_PATTERN_CHARS);
}
