import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineAndColumn } from './jsonSyntax';

const DOC = `{
  "format": "redline-history",
  "version": 1,
  "articles": [
    { "url": "https://a.example/x", "n": -1.5e+3, "ok": true, "no": false, "z": null, "s": "\\"\\u00e9\\n" }
  ]
}
`;

describe('findJsonSyntaxError', () => {
  it('accepts well-formed JSON, including every kind of value', () => {
    expect(JSON.parse(DOC)).toBeTruthy();
    expect(findJsonSyntaxError(DOC)).toBeNull();
    expect(findJsonSyntaxError(' 0 ')).toBeNull();
    expect(findJsonSyntaxError('[]')).toBeNull();
    expect(findJsonSyntaxError('{}')).toBeNull();
  });

  it('calls every cut-short prefix of a document truncated, like JSON.parse refuses it', () => {
    const end = DOC.trimEnd().length;
    for (let cut = 0; cut < end; cut++) {
      const prefix = DOC.slice(0, cut);
      // A bare number prefix such as "-1" would be whole JSON; this document starts with "{", so none is.
      expect(() => JSON.parse(prefix)).toThrow();
      const found = findJsonSyntaxError(prefix);
      expect(found, `cut at ${cut}`).not.toBeNull();
      expect(found?.truncated, `cut at ${cut}: ${found?.message}`).toBe(true);
      expect(found?.offset).toBe(prefix.length);
    }
  });

  it.each([
    ['a trailing comma in a list', '[1, 2,]', 6, 'trailing comma'],
    ['a trailing comma in an object', '{"a": 1,}', 8, 'trailing comma'],
    ['single quotes', "{'a': 1}", 1, 'property name in double quotes'],
    ['a missing colon', '{"a" 1}', 5, "expected ':'"],
    ['a missing comma', '[1 2]', 3, "expected ',' or ']'"],
    ['a raw line break in a string', '["a\nb"]', 3, 'line break'],
    ['a bad escape', '["\\x"]', 2, 'invalid escape'],
    ['a bad unicode escape', '["\\u12g4"]', 2, '\\u escape'],
    ['a leading zero', '[01]', 2, "expected ',' or ']'"],
    ['a bare word', '[undefined]', 1, 'unexpected character'],
    ['text after the document', '{} x', 3, 'after the end'],
    ['a number without digits after the point', '[1.]', 3, 'decimal point'],
  ])('locates %s', (_, text, offset, words) => {
    expect(() => JSON.parse(text)).toThrow();
    const found = findJsonSyntaxError(text);
    expect(found?.truncated).toBe(false);
    expect(found?.offset).toBe(offset);
    expect(found?.message).toContain(words);
  });

  it('reports line and column', () => {
    const text = '{\n  "a": 1,\n  "b": [1, 2,, 3]\n}';
    const found = findJsonSyntaxError(text);
    expect(found).toMatchObject({ line: 3, column: 14, truncated: false });
  });
});

describe('lineAndColumn', () => {
  it('counts from one', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
