/**
 * Finds where and why a text is not JSON. JSON.parse's messages differ between V8 and SpiderMonkey and do not
 * say whether the file was cut short, so on a parse failure this scanner locates the first error itself.
 */

export interface JsonSyntaxError {
  /** UTF-16 offset of the first character that cannot be right (== text length when the text ends early). */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  /** The text is a valid beginning of a JSON document that stops too soon. */
  truncated: boolean;
  message: string;
}

type Expect = 'value' | 'value-or-]' | 'key-or-}' | 'key' | ':' | 'after-value';

const HEX = /^[0-9a-fA-F]{4}$/;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const LITERALS = ['true', 'false', 'null'] as const;

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Quoted and shortened, so a message never carries a long run of the file. */
function show(c: string): string {
  return JSON.stringify(c);
}

/** null when `text` is one well-formed JSON value (surrounding whitespace allowed). */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let i = 0;

  const fail = (offset: number, message: string, truncated = false): JsonSyntaxError => ({
    offset,
    ...lineAndColumn(text, offset),
    truncated,
    message,
  });
  const endsEarly = (inside: string): JsonSyntaxError =>
    fail(n, `the file ends in the middle of ${inside}`, true);

  // Returns the offset after the string starting at `start` (a quote), or an error.
  const scanString = (start: number, what: string): number | JsonSyntaxError => {
    let j = start + 1;
    while (j < n) {
      const c = text[j]!;
      if (c === '"') return j + 1;
      if (c === '\\') {
        const e = text[j + 1];
        if (e === undefined) return endsEarly(what);
        if (e === 'u') {
          const hex = text.slice(j + 2, j + 6);
          if (HEX.test(hex)) {
            j += 6;
            continue;
          }
          if (j + 6 > n && /^[0-9a-fA-F]*$/.test(hex)) return endsEarly(what);
          return fail(j, 'invalid \\u escape in a string (needs four hex digits)');
        }
        if (!ESCAPES.has(e)) return fail(j, `invalid escape \\${e} in a string`);
        j += 2;
        continue;
      }
      if (c.charCodeAt(0) < 0x20)
        return fail(j, 'a line break or control character inside a string (must be escaped)');
      j++;
    }
    return endsEarly(what);
  };

  const scanNumber = (start: number): number | JsonSyntaxError => {
    let j = start;
    if (text[j] === '-') j++;
    if (j >= n) return endsEarly('a number');
    if (text[j] === '0') j++;
    else if (isDigit(text[j])) while (isDigit(text[j])) j++;
    else return fail(j, 'invalid number');
    if (text[j] === '.') {
      j++;
      if (j >= n) return endsEarly('a number');
      if (!isDigit(text[j])) return fail(j, 'invalid number: a digit must follow the decimal point');
      while (isDigit(text[j])) j++;
    }
    if (text[j] === 'e' || text[j] === 'E') {
      j++;
      if (text[j] === '+' || text[j] === '-') j++;
      if (j >= n) return endsEarly('a number');
      if (!isDigit(text[j])) return fail(j, 'invalid number: a digit must follow the exponent');
      while (isDigit(text[j])) j++;
    }
    return j;
  };

  for (;;) {
    while (i < n && isSpace(text[i]!)) i++;
    if (i >= n) {
      if (expect === 'after-value' && stack.length === 0) return null;
      if (stack.length === 0 && expect === 'value') return fail(n, 'the file is empty', true);
      return endsEarly(stack.at(-1) === '{' ? 'an object' : 'a list');
    }
    const c = text[i]!;
    switch (expect) {
      case 'value-or-]':
      case 'value': {
        if (c === ']' && expect === 'value-or-]') {
          stack.pop();
          i++;
          expect = 'after-value';
          break;
        }
        if (c === '{' || c === '[') {
          stack.push(c);
          i++;
          expect = c === '{' ? 'key-or-}' : 'value-or-]';
          break;
        }
        let end: number | JsonSyntaxError;
        if (c === '"') end = scanString(i, 'a string');
        else if (c === '-' || isDigit(c)) end = scanNumber(i);
        else {
          const rest = text.slice(i, i + 5);
          const literal = LITERALS.find((l) => rest.startsWith(l));
          if (literal) end = i + literal.length;
          else if (LITERALS.some((l) => l.startsWith(rest) && i + rest.length === n))
            end = endsEarly('a value');
          else if (c === ']' || c === '}' || c === ',') {
            const after = stack.length > 0 && expect === 'value' ? ' (a trailing comma?)' : '';
            end = fail(i, `expected a value but found ${show(c)}${after}`);
          } else end = fail(i, `unexpected character ${show(c)} where a value should be`);
        }
        if (typeof end !== 'number') return end;
        i = end;
        expect = 'after-value';
        break;
      }
      case 'key-or-}':
      case 'key': {
        if (c === '}' && expect === 'key-or-}') {
          stack.pop();
          i++;
          expect = 'after-value';
          break;
        }
        if (c !== '"') {
          const after = c === '}' ? ' (a trailing comma?)' : '';
          return fail(i, `expected a property name in double quotes but found ${show(c)}${after}`);
        }
        const end = scanString(i, 'a property name');
        if (typeof end !== 'number') return end;
        i = end;
        expect = ':';
        break;
      }
      case ':': {
        if (c !== ':') return fail(i, `expected ':' after a property name but found ${show(c)}`);
        i++;
        expect = 'value';
        break;
      }
      case 'after-value': {
        const top = stack.at(-1);
        if (top === undefined) return fail(i, `unexpected ${show(c)} after the end of the JSON document`);
        const close = top === '{' ? '}' : ']';
        if (c === ',') {
          i++;
          expect = top === '{' ? 'key' : 'value';
        } else if (c === close) {
          stack.pop();
          i++;
        } else {
          return fail(i, `expected ',' or '${close}' but found ${show(c)}`);
        }
        break;
      }
    }
  }
}
