/**
 * Rules made into text tests. A text rule compiles to an anchored pattern of literal pieces and number runs,
 * which matches in linear time; a regex rule runs only on short paragraphs and under a time budget shared by
 * one comparison: a rule that uses up its budget is switched off for the rest of the comparison and reported.
 */
import { compareText } from '../text';
import type { IgnoreRule } from './rule';
import { compileSafeRegex, MAX_REGEX_INPUT } from './safeRegex';

/** Milliseconds one regex rule may spend on one comparison. */
export const REGEX_BUDGET_MS = 25;

const NUMBER = String.raw`\d+(?:[.,:]\d+)*`;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A text rule as a regular expression over the comparison form: whole paragraph, `#` any number. */
export function textRuleRegex(pattern: string): RegExp {
  const pieces = compareText(pattern)
    .split('#')
    .map((piece) => escapeRegex(piece).replace(/ /g, '\\s+'));
  return new RegExp(`^${pieces.join(NUMBER)}$`, 'iu');
}

export interface TextMatcher {
  /** True when some rule ignores a paragraph of this text. */
  matches(text: string): boolean;
  /** Rules switched off because they ran out of time, by id (or pattern for unsaved rules). */
  timedOut(): string[];
}

export function textMatcher(
  rules: readonly IgnoreRule[],
  now: () => number = () => performance.now(),
): TextMatcher {
  const tests: { test: (text: string) => boolean; name: string }[] = [];
  const expired: string[] = [];
  for (const rule of rules) {
    const name = rule.id === undefined ? rule.pattern : String(rule.id);
    if (rule.kind === 'text') {
      const regex = textRuleRegex(rule.pattern);
      tests.push({ name, test: (text) => regex.test(compareText(text)) });
    } else if (rule.kind === 'regex') {
      const compiled = compileSafeRegex(rule.pattern);
      if (!compiled.ok) continue;
      let spent = 0;
      let off = false;
      tests.push({
        name,
        test: (text) => {
          if (off || text.length > MAX_REGEX_INPUT) return false;
          const start = now();
          const hit = compiled.regex.test(text);
          spent += now() - start;
          if (spent > REGEX_BUDGET_MS) {
            off = true;
            expired.push(name);
          }
          return hit;
        },
      });
    }
  }
  return {
    matches: (text) => tests.some(({ test }) => test(text)),
    timedOut: () => [...expired],
  };
}
