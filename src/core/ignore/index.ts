/** Ignore rules: "ignore changes like this on this site", applied when two versions are compared. */
export { applyIgnoreRules, type IgnoreOutcome } from './apply';
export { REGEX_BUDGET_MS, type TextMatcher, textMatcher, textRuleRegex } from './matcher';
export {
  type IgnoreRule,
  isRuleKind,
  MAX_PATTERN_CHARS,
  RULE_KINDS,
  type RuleKind,
  ruleCoversSite,
  textPatternOf,
} from './rule';
export { compileSafeRegex, MAX_REGEX_CHARS, MAX_REGEX_INPUT, type RegexCheck } from './safeRegex';
