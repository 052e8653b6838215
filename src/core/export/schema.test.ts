/**
 * schema/redline-history.schema.json must describe what `validate` accepts. No JSON Schema library is installed,
 * so this walks the schema: it checks the field lists, enums, limits and patterns against the TypeScript
 * constants, and evaluates the schema's keywords (a small subset of draft 2020-12, all it uses) over sample files.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sampleRecords } from '../../../test/helpers/records';
import { MAX_PATTERN_CHARS, RULE_KINDS } from '../ignore';
import {
  ARTICLE_FIELDS,
  BLOCK_KINDS,
  DOC_FIELDS,
  FORMAT_NAME,
  FORMAT_VERSION,
  LIMITS,
  OPTIONAL_VERSION_FIELDS,
  PARAGRAPH_FIELDS,
  READABLE_VERSIONS,
  RULE_FIELDS,
  SPAN_FIELDS,
  VERSION_FIELDS,
  VISIT_FIELDS,
} from './format';
import { DATE_TIME_PATTERN } from './isoTime';
import { serialize } from './serialize';
import { toExport } from './toExport';
import { checkShape, HASH_PATTERN } from './validate';

type Schema = Record<string, unknown>;

const schemaPath = fileURLToPath(new URL('../../../schema/redline-history.schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Schema;
const defs = schema.$defs as Record<string, Schema>;

const KEYWORDS = new Set([
  '$schema',
  '$defs',
  '$ref',
  'title',
  'description',
  'type',
  'const',
  'enum',
  'required',
  'additionalProperties',
  'properties',
  'items',
  'minItems',
  'maxItems',
  'maxLength',
  'minimum',
  'maximum',
  'pattern',
  'format',
]);

function resolve(node: Schema): Schema {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const name = ref.replace('#/$defs/', '');
  const target = defs[name];
  if (!target) throw new Error(`unresolved $ref ${ref}`);
  // Sibling keywords of $ref (descriptions) are annotations only.
  return resolve(target);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Errors of `value` against `node`, as JSON paths; "format" is an annotation in 2020-12 and not asserted. */
function evaluate(node: Schema, value: unknown, path = '$'): string[] {
  const s = resolve(node);
  const errors: string[] = [];
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    const t = typeOf(value);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) return [`${path}: type`];
  }
  if ('const' in s && value !== s.const) errors.push(`${path}: const`);
  if (Array.isArray(s.enum) && !s.enum.includes(value)) errors.push(`${path}: enum`);
  if (typeof value === 'string') {
    if (typeof s.maxLength === 'number' && [...value].length > s.maxLength) errors.push(`${path}: maxLength`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value))
      errors.push(`${path}: pattern`);
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) errors.push(`${path}: minimum`);
    if (typeof s.maximum === 'number' && value > s.maximum) errors.push(`${path}: maximum`);
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) errors.push(`${path}: minItems`);
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) errors.push(`${path}: maxItems`);
    if (s.items) {
      for (const [i, item] of value.entries())
        errors.push(...evaluate(s.items as Schema, item, `${path}[${i}]`));
    }
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    for (const name of (s.required ?? []) as string[]) {
      if (!Object.hasOwn(obj, name)) errors.push(`${path}.${name}: required`);
    }
    for (const [name, v] of Object.entries(obj)) {
      const sub = properties[name];
      if (sub) errors.push(...evaluate(sub, v, `${path}.${name}`));
      else if (s.additionalProperties === false) errors.push(`${path}.${name}: additionalProperties`);
    }
  }
  return errors;
}

function walk(node: unknown, visit: (s: Schema, path: string) => void, path = '#'): void {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
  const s = node as Schema;
  visit(s, path);
  for (const key of ['properties', '$defs'] as const) {
    const children = s[key] as Record<string, unknown> | undefined;
    for (const [name, child] of Object.entries(children ?? {})) walk(child, visit, `${path}/${key}/${name}`);
  }
  walk(s.items, visit, `${path}/items`);
}

async function sampleJson(): Promise<Record<string, unknown>> {
  return JSON.parse(serialize(toExport(await sampleRecords()))) as Record<string, unknown>;
}

describe('schema/redline-history.schema.json', () => {
  it('is draft 2020-12 and uses only keywords this test evaluates', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    walk(schema, (s, path) => {
      for (const key of Object.keys(s)) {
        expect(KEYWORDS.has(key), `${path}: keyword ${key}`).toBe(true);
      }
    });
  });

  it('lists the same fields and no others as the TypeScript format, all required but the optional ones', () => {
    const cases: [Schema, readonly string[]][] = [
      [schema, DOC_FIELDS],
      [defs.ignoreRule!, RULE_FIELDS],
      [defs.article!, ARTICLE_FIELDS],
      [defs.version!, VERSION_FIELDS],
      [defs.visit!, VISIT_FIELDS],
      [defs.paragraph!, PARAGRAPH_FIELDS],
    ];
    for (const [node, fields] of cases) {
      const optional =
        node === defs.version
          ? (OPTIONAL_VERSION_FIELDS as readonly string[])
          : node === schema
            ? ['ignoreRules']
            : [];
      expect(node.required).toEqual(fields.filter((f) => !optional.includes(f)));
      expect(Object.keys(node.properties as object)).toEqual([...fields]);
      expect(node.additionalProperties).toBe(false);
    }
    expect(defs.span?.required).toEqual([...SPAN_FIELDS]);
    expect(Object.keys(defs.span?.properties as object)).toEqual([...SPAN_FIELDS]);
  });

  it('has the same constants, enums, limits and patterns as the validator', () => {
    const props = (node: Schema) => node.properties as Record<string, Schema>;
    expect(props(schema).format!.const).toBe(FORMAT_NAME);
    expect(props(schema).version!.enum).toEqual([...READABLE_VERSIONS]);
    expect(READABLE_VERSIONS).toContain(FORMAT_VERSION);
    expect(props(schema).ignoreRules!.maxItems).toBe(LIMITS.ignoreRules);
    expect(props(defs.ignoreRule!).kind!.enum).toEqual([...RULE_KINDS]);
    expect(props(defs.ignoreRule!).pattern!.maxLength).toBe(MAX_PATTERN_CHARS);
    expect(props(defs.paragraph!).kind!.enum).toEqual([...BLOCK_KINDS]);
    expect(props(schema).articles!.maxItems).toBe(LIMITS.articles);
    expect(props(defs.article!).url!.maxLength).toBe(LIMITS.urlChars);
    expect(props(defs.article!).site!.maxLength).toBe(LIMITS.siteChars);
    expect(props(defs.article!).title!.maxLength).toBe(LIMITS.titleChars);
    expect(props(defs.article!).lang!.maxLength).toBe(LIMITS.langChars);
    expect(props(defs.article!).versions!.maxItems).toBe(LIMITS.versionsPerArticle);
    expect(props(defs.article!).versions!.minItems).toBe(1);
    expect(props(defs.article!).visits!.maxItems).toBe(LIMITS.visitsPerArticle);
    expect(props(defs.version!).title!.maxLength).toBe(LIMITS.titleChars);
    expect(props(defs.version!).byline!.maxLength).toBe(LIMITS.bylineChars);
    expect(props(defs.version!).publishedTime!.maxLength).toBe(LIMITS.publishedTimeChars);
    expect(props(defs.version!).extractor!.maximum).toBe(LIMITS.extractorMax);
    expect(props(defs.version!).paragraphs!.maxItems).toBe(LIMITS.paragraphsPerVersion);
    expect(props(defs.paragraph!).text!.maxLength).toBe(LIMITS.paragraphChars);
    expect(defs.dateTime!.pattern).toBe(DATE_TIME_PATTERN.source);
    expect(defs.hash!.pattern).toBe(HASH_PATTERN.source);
  });

  it('accepts a real export', async () => {
    expect(evaluate(schema, await sampleJson())).toEqual([]);
  });

  const damages: [string, (json: Record<string, unknown>) => void][] = [
    [
      'another format',
      (j) => {
        j.format = 'other';
      },
    ],
    [
      'a newer version',
      (j) => {
        j.version = 3;
      },
    ],
    [
      'an unknown top-level field',
      (j) => {
        j.exportedAt = '2026-01-01T00:00:00Z';
      },
    ],
    [
      'a missing title',
      (j) => {
        delete article(j).title;
      },
    ],
    [
      'a number as lang',
      (j) => {
        article(j).lang = 5;
      },
    ],
    [
      'a date without time zone',
      (j) => {
        article(j).firstSeen = '2016-12-10T09:30:00';
      },
    ],
    [
      'a javascript: URL',
      (j) => {
        article(j).url = 'javascript:alert(1)';
      },
    ],
    [
      'no versions',
      (j) => {
        article(j).versions = [];
      },
    ],
    [
      'an unknown paragraph kind',
      (j) => {
        paragraph(j).kind = 'script';
      },
    ],
    [
      'a paragraph without text',
      (j) => {
        delete paragraph(j).text;
      },
    ],
    [
      'an uppercase hash',
      (j) => {
        version(j).hash = (version(j).hash as string).toUpperCase();
      },
    ],
    [
      'a title over the limit',
      (j) => {
        version(j).title = 'x'.repeat(LIMITS.titleChars + 1);
      },
    ],
  ];
  it.each(damages)('and the validator both refuse %s', async (_, damage) => {
    const json = await sampleJson();
    damage(json);
    expect(evaluate(schema, json)).not.toEqual([]);
    expect(checkShape(json).ok).toBe(false);
  });
});

function article(json: Record<string, unknown>): Record<string, unknown> {
  return (json.articles as Record<string, unknown>[])[0]!;
}
function version(json: Record<string, unknown>): Record<string, unknown> {
  return (article(json).versions as Record<string, unknown>[])[0]!;
}
function paragraph(json: Record<string, unknown>): Record<string, unknown> {
  return (version(json).paragraphs as Record<string, unknown>[])[0]!;
}
