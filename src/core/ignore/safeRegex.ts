/**
 * Regular expressions from the reader, run on page text. JavaScript's engine backtracks, and a pattern such as
 * `(a+)+$` takes exponential time on a line of a's: a rule must never hang the page or the history. So a
 * pattern is refused unless it is of a kind whose running time stays polynomial and small on bounded input:
 * no backreferences or lookaround, no quantified group that itself holds a quantifier or an alternation, at
 * most two unbounded quantifiers, and bounded repeats no larger than 100. It is only run on paragraphs up to
 * MAX_REGEX_INPUT characters, and under a time budget per comparison (apply.ts).
 */

export const MAX_REGEX_CHARS = 200;
/** Longest paragraph a regex rule is tried on; a rule is for short recurring lines (tickers, promos, stamps). */
export const MAX_REGEX_INPUT = 1000;
const MAX_UNBOUNDED = 2;
const MAX_REPEAT = 100;

export type RegexCheck = { ok: true; regex: RegExp } | { ok: false; reason: string };

interface Group {
  quantified: boolean;
  alternation: boolean;
}

/** Compiles a reader's pattern (case-insensitive, Unicode), or says why it is refused. */
export function compileSafeRegex(source: string): RegexCheck {
  if (source.trim() === '') return { ok: false, reason: 'The pattern is empty.' };
  if (source.length > MAX_REGEX_CHARS) {
    return { ok: false, reason: `The pattern is longer than ${MAX_REGEX_CHARS} characters.` };
  }
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'iu');
  } catch (error) {
    return { ok: false, reason: `Not a valid regular expression: ${(error as Error).message}` };
  }
  const problem = structureProblem(source);
  return problem ? { ok: false, reason: problem } : { ok: true, regex };
}

function structureProblem(source: string): string | null {
  const stack: Group[] = [{ quantified: false, alternation: false }];
  let unbounded = 0;
  // What the last atom was, for the quantifier that may follow it.
  let lastGroup: Group | null = null;
  let lastIsAtom = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9k]/.test(next)) return 'Backreferences are not allowed (they can make matching take forever).';
      i += 1;
      lastGroup = null;
      lastIsAtom = true;
      continue;
    }
    if (c === '[') {
      // A character class is one atom; skip to its closing bracket.
      let j = i + 1;
      if (source[j] === '^') j += 1;
      if (source[j] === ']') j += 1;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      i = j;
      lastGroup = null;
      lastIsAtom = true;
      continue;
    }
    if (c === '(') {
      if (
        source.startsWith('(?=', i) ||
        source.startsWith('(?!', i) ||
        source.startsWith('(?<=', i) ||
        source.startsWith('(?<!', i)
      ) {
        return 'Lookahead and lookbehind are not allowed.';
      }
      stack.push({ quantified: false, alternation: false });
      lastIsAtom = false;
      // Skip a group's prefix ("?:" or "?<name>"), which is not a quantifier.
      const prefix = /^\(\?(?::|<[A-Za-z_$][\w$]*>)/.exec(source.slice(i));
      if (prefix) i += prefix[0].length - 1;
      continue;
    }
    if (c === ')') {
      const group = stack.pop();
      const parent = stack.at(-1);
      if (!group || !parent) return 'Unbalanced parentheses.';
      parent.quantified ||= group.quantified;
      parent.alternation ||= group.alternation;
      lastGroup = group;
      lastIsAtom = true;
      continue;
    }
    if (c === '|') {
      const top = stack.at(-1);
      if (top) top.alternation = true;
      lastIsAtom = false;
      continue;
    }
    const quantifier = quantifierAt(source, i);
    if (quantifier) {
      if (!lastIsAtom) return 'A quantifier must follow something to repeat.';
      if (quantifier.max === null) unbounded += 1;
      if (quantifier.max !== null && quantifier.max > MAX_REPEAT) {
        return `Repeats are limited to ${MAX_REPEAT}.`;
      }
      if (lastGroup && (lastGroup.quantified || lastGroup.alternation) && (quantifier.max ?? 2) > 1) {
        return 'A repeated group may not hold another repeat or an alternation (such patterns can take forever).';
      }
      if (unbounded > MAX_UNBOUNDED) return `At most ${MAX_UNBOUNDED} of *, + or {n,} are allowed.`;
      const top = stack.at(-1);
      if (top) top.quantified = true;
      i += quantifier.length - 1;
      // A lazy or possessive marker after the quantifier.
      if (source[i + 1] === '?') i += 1;
      lastGroup = null;
      lastIsAtom = false;
      continue;
    }
    lastGroup = null;
    lastIsAtom = true;
  }
  return null;
}

function quantifierAt(source: string, i: number): { length: number; max: number | null } | null {
  const c = source[i];
  if (c === '*' || c === '+') return { length: 1, max: null };
  if (c === '?') return { length: 1, max: 1 };
  if (c !== '{') return null;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
  if (!match) return null;
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : match[3] === '' ? null : Number(match[3]);
  return { length: match[0].length, max: max ?? (min > MAX_REPEAT ? min : null) };
}
