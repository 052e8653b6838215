import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanField, isoTime, pageLanguage } from './metadata';

function page(html: string): Document {
  return new JSDOM(html).window.document;
}

describe('pageLanguage', () => {
  it('reads <html lang>', () => {
    expect(pageLanguage(page('<html lang="en-GB"><body></body></html>'), 'fr')).toBe('en-GB');
  });

  it('falls back to Content-Language, then og:locale, then Readability', () => {
    expect(pageLanguage(page('<meta http-equiv="Content-Language" content="de, en">'), null)).toBe('de');
    expect(pageLanguage(page('<meta property="og:locale" content="pt_BR">'), null)).toBe('pt-BR');
    expect(pageLanguage(page('<p>x</p>'), 'cs')).toBe('cs');
  });

  it('returns null when nothing declares a valid tag', () => {
    expect(pageLanguage(page('<html lang=""><body></body></html>'), null)).toBeNull();
    expect(pageLanguage(page('<html lang="not a tag"><body></body></html>'), null)).toBeNull();
  });
});

describe('isoTime', () => {
  it('keeps ISO 8601 as written', () => {
    expect(isoTime('2015-07-24T05:36:09+01:00')).toBe('2015-07-24T05:36:09+01:00');
    expect(isoTime('2024-12-06')).toBe('2024-12-06');
  });

  it('tidies near-ISO forms without moving the clock', () => {
    expect(isoTime('2019-04-28 06:01:07')).toBe('2019-04-28T06:01:07');
    expect(isoTime('2021-11-01T10:52:50+0100')).toBe('2021-11-01T10:52:50+01:00');
    expect(isoTime('2017-11-03 03:01:00.000000z')).toBe('2017-11-03T03:01:00.000000Z');
  });

  it('converts other parseable dates to UTC ISO', () => {
    expect(isoTime('Fri, 06 Dec 2024 22:00:40 GMT')).toBe('2024-12-06T22:00:40.000Z');
  });

  it('returns null for missing or unparseable values', () => {
    expect(isoTime(undefined)).toBeNull();
    expect(isoTime('yesterday')).toBeNull();
  });
});

describe('cleanField', () => {
  it('collapses whitespace and maps blank to null', () => {
    expect(cleanField('  By  Jane\nDoe ')).toBe('By Jane Doe');
    expect(cleanField(' \u00a0')).toBeNull();
    expect(cleanField(null)).toBeNull();
  });
});
