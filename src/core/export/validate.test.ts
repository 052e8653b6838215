import { describe, expect, it } from 'vitest';
import { sampleRecords } from '../../../test/helpers/records';
import { versionHash } from '../hash';
import { LIMITS } from './format';
import { serialize } from './serialize';
import { toExport } from './toExport';
import { checkShape, validate } from './validate';

type Json = Record<string, unknown>;

/** A valid exported file as plain JSON, ready to be damaged by a test. */
async function validJson(): Promise<Json> {
  return JSON.parse(serialize(toExport(await sampleRecords()))) as Json;
}

function at(json: Json, ...path: (string | number)[]): Json {
  let node: unknown = json;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node as Json;
}

async function errorsOf(json: unknown): Promise<string[]> {
  const result = await validate(json);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

describe('validate', () => {
  it('refuses a site that does not match the URL: it would file the article under another site', async () => {
    const json = await validJson();
    at(json, 'articles', 0).site = 'evil.test';
    expect(await errorsOf(json)).toEqual([
      'articles[0].site: "evil.test" does not match the URL\'s site "bbc.co.uk"',
    ]);
  });

  it.each([
    ['a fragment', 'http://www.bbc.co.uk/news/world-middle-east-38275553#comments'],
    ['a tracking parameter', 'http://www.bbc.co.uk/news/world-middle-east-38275553?utm_source=x'],
    ['an upper-case host', 'http://WWW.BBC.co.uk/news/world-middle-east-38275553'],
  ])('refuses a URL with %s: a key no capture would ever look up', async (_name, url) => {
    const json = await validJson();
    at(json, 'articles', 0).url = url;
    const errors = await errorsOf(json);
    expect(errors).toEqual([
      expect.stringMatching(
        /^articles\[0\]\.url: not in the form Redline files articles under \(expected "http:\/\/www\.bbc\.co\.uk\/news\/world/,
      ),
    ]);
  });

  it('refuses a version dated in the future, which would sort as the newest', async () => {
    const json = await validJson();
    at(json, 'articles', 0, 'versions', 0).lastSeen = '2016-12-11T00:00:00.000Z';
    const now = Date.parse('2016-12-10T23:00:00.000Z');
    const result = await validate(json, { now });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'articles[0].versions[0].lastSeen: "2016-12-11T00:00:00.000Z" is in the future (later than this computer\'s clock)',
    ]);
    // Ten minutes of clock difference between two computers are allowed.
    expect((await validate(json, { now: Date.parse('2016-12-10T23:50:00.000Z') })).ok).toBe(true);
  });

  it('accepts the optional seen stretches and variant flag, and refuses them malformed', async () => {
    const json = await validJson();
    const version = at(json, 'articles', 0, 'versions', 0);
    version.seen = [
      { firstSeen: version.firstSeen, lastSeen: version.firstSeen },
      { firstSeen: version.lastSeen, lastSeen: version.lastSeen },
    ];
    version.variant = true;
    const ok = await validate(json);
    expect(ok.ok).toBe(true);
    version.variant = false;
    version.seen = [{ firstSeen: 'yesterday' }];
    const errors = await errorsOf(json);
    expect(errors).toContainEqual(
      expect.stringMatching(/^articles\[0\]\.versions\[0\]\.seen\[0\]\.firstSeen: not a valid date-time/),
    );
    expect(errors).toContainEqual(
      expect.stringMatching(/^articles\[0\]\.versions\[0\]\.seen\[0\]\.lastSeen: missing/),
    );
    expect(errors).toContainEqual(
      'articles[0].versions[0].variant: expected true or no field, found boolean false',
    );
  });

  it('accepts an export and returns it unchanged', async () => {
    const json = await validJson();
    const result = await validate(json);
    expect(result).toEqual({ ok: true, doc: toExport(await sampleRecords()) });
  });

  it('keeps markup in text fields as plain text', async () => {
    const result = await validate(await validJson());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const hostile = result.doc.articles.find((a) => a.url.includes('example.org'))!;
    expect(hostile.versions[0]!.paragraphs[0]!.text).toBe('<img src=x onerror=alert(1)>');
    expect(hostile.title).toBe('Headline with <b>markup</b> & "quotes"');
  });

  it('normalises times to UTC milliseconds and sorts like an export', async () => {
    const json = await validJson();
    at(json, 'articles', 0).firstSeen = '2016-12-10T10:30:00.123+01:00';
    (json.articles as unknown[]).reverse();
    const result = await validate(json);
    expect(result).toEqual({ ok: true, doc: toExport(await sampleRecords()) });
  });

  it('refuses something that is not an object', async () => {
    expect(await errorsOf([])).toEqual([
      '(file): expected a JSON object with "format": "redline-history", found a list',
    ]);
    expect(await errorsOf('hello')).toEqual([
      '(file): expected a JSON object with "format": "redline-history", found the string "hello"',
    ]);
  });

  it('refuses another format with one message', async () => {
    const json = await validJson();
    json.format = 'pocket-export';
    json.articles = 'anything';
    expect(await errorsOf(json)).toEqual([
      'format: expected "redline-history", found the string "pocket-export": this is not a Redline history file',
    ]);
    expect(await errorsOf({ articles: [] })).toEqual([
      'format: expected "redline-history", found nothing: this is not a Redline history file',
    ]);
  });

  it('says a newer version was made by a newer Redline', async () => {
    const json = await validJson();
    json.version = 3;
    expect(await errorsOf(json)).toEqual([
      'version: this file was made by a newer Redline (format version 3); this Redline reads version 2, update it to import the file',
    ]);
  });

  it('refuses versions that never existed', async () => {
    for (const version of [0, 1.5, '1', null, undefined]) {
      const json = await validJson();
      json.version = version;
      const errors = await errorsOf(json);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(
        /^version: unsupported format version .*; this Redline reads versions 1 and 2$/,
      );
    }
  });

  it('names the path of a value of the wrong type', async () => {
    const json = await validJson();
    at(json, 'articles', 0, 'versions', 0, 'paragraphs', 2).text = 42;
    at(json, 'articles', 1).lang = ['en'];
    at(json, 'articles', 1, 'visits', 0).at = 1481362200123;
    at(json, 'articles', 0).versions = {};
    expect(await errorsOf(json)).toEqual([
      'articles[0].versions: expected a list of versions, found an object',
      'articles[1].lang: expected a string or null, found a list',
      'articles[1].visits[0].at: expected a string, found number 1481362200123',
    ]);
    const json2 = await validJson();
    at(json2, 'articles', 0, 'versions', 0, 'paragraphs', 2).text = null;
    expect(await errorsOf(json2)).toEqual([
      'articles[0].versions[0].paragraphs[2].text: expected a string, found null',
    ]);
  });

  it('names missing and unknown fields', async () => {
    const json = await validJson();
    delete at(json, 'articles', 0).title;
    delete at(json, 'articles', 0, 'versions', 1).byline;
    at(json, 'articles', 1).versionCount = 1;
    json.exportedAt = '2026-11-22T00:00:00.000Z';
    expect(await errorsOf(json)).toEqual([
      '(file): unknown field "exportedAt"',
      'articles[0].title: missing (expected a string)',
      'articles[0].versions[1].byline: missing (expected a string or null)',
      'articles[1]: unknown field "versionCount"',
    ]);
  });

  it('never reads inherited properties such as __proto__ or constructor', async () => {
    const json = await validJson();
    const article = at(json, 'articles', 1);
    const text = JSON.stringify(article).replace(
      '"title":',
      '"__proto__":{"polluted":true},"constructor":"x","title":',
    );
    (json.articles as unknown[])[1] = JSON.parse(text);
    expect(await errorsOf(json)).toEqual([
      'articles[1]: unknown field "__proto__"',
      'articles[1]: unknown field "constructor"',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses bad dates', async () => {
    const json = await validJson();
    at(json, 'articles', 0).lastSeen = '2016-02-30T10:00:00Z';
    at(json, 'articles', 0, 'versions', 0).firstSeen = '10 December 2016';
    at(json, 'articles', 1).lastChanged = '2016-12-10T10:00:00';
    const errors = await errorsOf(json);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(
      /^articles\[0\]\.lastSeen: not a valid date-time: "2016-02-30T10:00:00Z" \(expected ISO 8601/,
    );
    expect(errors[1]).toMatch(/^articles\[0\]\.versions\[0\]\.firstSeen: not a valid date-time/);
    expect(errors[2]).toMatch(/^articles\[1\]\.lastChanged: not a valid date-time/);
  });

  it('accepts only http and https URLs', async () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<b>x</b>',
      'not a url',
      '',
    ]) {
      const json = await validJson();
      at(json, 'articles', 1).url = url;
      const errors = await errorsOf(json);
      expect(errors).toEqual([`articles[1].url: not an http or https URL: ${JSON.stringify(url)}`]);
    }
  });

  it('refuses unknown paragraph kinds', async () => {
    const json = await validJson();
    at(json, 'articles', 1, 'versions', 0, 'paragraphs', 0).kind = 'script';
    expect(await errorsOf(json)).toEqual([
      'articles[1].versions[0].paragraphs[0].kind: unknown paragraph kind "script" (expected one of p, heading, li, quote, pre, other)',
    ]);
  });

  it('refuses duplicate articles, versions and visits', async () => {
    const json = await validJson();
    const articles = json.articles as Json[];
    articles.push(structuredClone(articles[0]!));
    const versions = at(json, 'articles', 1, 'versions') as unknown as Json[];
    versions.push(structuredClone(versions[0]!));
    const visits = at(json, 'articles', 0, 'visits') as unknown as Json[];
    visits.push(structuredClone(visits[2]!));
    expect(await errorsOf(json)).toEqual([
      'articles[0].visits[4]: the same visit as visits[2] (duplicate time and hash)',
      'articles[1].versions[1].hash: the same version as versions[0] (duplicate hash)',
      'articles[2].url: the same article as articles[0] (duplicate URL)',
    ]);
  });

  it('refuses an article without versions', async () => {
    const json = await validJson();
    at(json, 'articles', 1).versions = [];
    expect(await errorsOf(json)).toEqual(['articles[1].versions: an article needs at least one version']);
  });

  it('refuses a malformed hash', async () => {
    const json = await validJson();
    at(json, 'articles', 0, 'versions', 0).hash = 'ABC';
    at(json, 'articles', 0, 'visits', 0).hash = 'A'.repeat(64);
    const errors = await errorsOf(json);
    expect(errors).toEqual([
      'articles[0].versions[0].hash: expected a SHA-256 in 64 lowercase hex characters, found "ABC"',
      `articles[0].visits[0].hash: expected a SHA-256 in 64 lowercase hex characters, found "${'A'.repeat(36)}...`,
    ]);
  });

  it('refuses a version whose hash does not match its text', async () => {
    const json = await validJson();
    const paragraph = at(json, 'articles', 0, 'versions', 1, 'paragraphs', 3);
    paragraph.text = `${paragraph.text as string} (an edit slipped in)`;
    expect(await errorsOf(json)).toEqual([
      "articles[0].versions[1].hash: does not match the version's title and paragraphs (edited after export, or damaged)",
    ]);
  });

  it('hashes with src/core/hash.ts unless told otherwise', async () => {
    const json = await validJson();
    const calls: string[] = [];
    const result = await validate(json, {
      versionHash: async (v) => {
        calls.push(v.title);
        return versionHash(v);
      },
    });
    expect(result.ok).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it('refuses absurd sizes', async () => {
    const json = await validJson();
    at(json, 'articles', 0).title = 'x'.repeat(LIMITS.titleChars + 1);
    at(json, 'articles', 1, 'versions', 0, 'paragraphs', 0).text = 'y'.repeat(LIMITS.paragraphChars + 1);
    at(json, 'articles', 1).visits = new Array(LIMITS.visitsPerArticle + 1).fill(null);
    expect(await errorsOf(json)).toEqual([
      `articles[0].title: too long (${LIMITS.titleChars + 1} characters; the limit is ${LIMITS.titleChars})`,
      `articles[1].versions[0].paragraphs[0].text: too long (${LIMITS.paragraphChars + 1} characters; the limit is ${LIMITS.paragraphChars})`,
      `articles[1].visits: too many visits (${LIMITS.visitsPerArticle + 1}; the limit is ${LIMITS.visitsPerArticle})`,
    ]);
    const many = {
      format: 'redline-history',
      version: 1,
      articles: new Array(LIMITS.articles + 1).fill(null),
    };
    expect(await errorsOf(many)).toEqual([
      `articles: too many articles (${LIMITS.articles + 1}; the limit is ${LIMITS.articles})`,
    ]);
  });

  it('lists at most the error limit and counts the rest', async () => {
    const json = { format: 'redline-history', version: 1, articles: new Array(LIMITS.errors + 7).fill(1) };
    const errors = await errorsOf(json);
    expect(errors).toHaveLength(LIMITS.errors + 1);
    expect(errors[0]).toBe('articles[0]: expected an object, found number 1');
    expect(errors.at(-1)).toBe('... and 7 more problems');
  });

  it('shortens long values quoted in messages', async () => {
    const json = await validJson();
    at(json, 'articles', 1).url = `javascript:${'<script>'.repeat(1000)}`;
    const [error] = await errorsOf(json);
    expect(error!.length).toBeLessThan(120);
  });
});

describe('checkShape', () => {
  it('checks everything but hashes, synchronously', async () => {
    const json = await validJson();
    const paragraph = at(json, 'articles', 0, 'versions', 0, 'paragraphs', 0);
    paragraph.text = 'changed';
    const result = checkShape(json);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.hashTasks).toHaveLength(3);
  });
});
