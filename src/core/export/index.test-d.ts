import { describe, expectTypeOf, it } from 'vitest';
import type { StoredArticle, StoredVersion, StoredVisit } from '../history';
import type { IgnoreRule } from '../ignore';
import type { BlockKind } from '../model';
import {
  type ExportArticle,
  type MergeReport,
  type MergeResult,
  mergeImport,
  type ParseResult,
  parseImport,
  type RedlineHistoryV1,
  readImport,
  serialize,
  serializeAsync,
  serializeChunks,
  toExport,
  type ValidationResult,
  validate,
} from './index';

describe('export public API', () => {
  it('turns stored records into a version 2 document', () => {
    expectTypeOf(toExport).parameter(0).toEqualTypeOf<{
      articles: StoredArticle[];
      versions: StoredVersion[];
      visits: StoredVisit[];
      ignoreRules?: IgnoreRule[];
    }>();
    expectTypeOf(toExport).returns.toEqualTypeOf<RedlineHistoryV1>();
    expectTypeOf<RedlineHistoryV1['format']>().toEqualTypeOf<'redline-history'>();
    expectTypeOf<RedlineHistoryV1['version']>().toEqualTypeOf<2>();
    expectTypeOf<ExportArticle['firstSeen']>().toEqualTypeOf<string>();
    expectTypeOf<
      ExportArticle['versions'][number]['paragraphs'][number]['kind']
    >().toEqualTypeOf<BlockKind>();
  });

  it('serialises to a string, whole or in pieces', () => {
    expectTypeOf(serialize).returns.toEqualTypeOf<string>();
    expectTypeOf(serializeChunks).returns.toMatchTypeOf<Iterable<string>>();
    expectTypeOf(serializeAsync).returns.toMatchTypeOf<AsyncIterable<string>>();
  });

  it('validates unknown input into a document or a list of messages', () => {
    expectTypeOf(parseImport).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(parseImport).returns.toEqualTypeOf<ParseResult>();
    expectTypeOf(validate).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(validate).returns.toEqualTypeOf<Promise<ValidationResult>>();
    expectTypeOf(readImport).returns.toEqualTypeOf<Promise<ValidationResult>>();
    expectTypeOf<Extract<ValidationResult, { ok: true }>['doc']>().toEqualTypeOf<RedlineHistoryV1>();
    expectTypeOf<Extract<ValidationResult, { ok: false }>['errors']>().toEqualTypeOf<string[]>();
  });

  it('merges into records to write and a report', () => {
    expectTypeOf(mergeImport).parameter(1).toEqualTypeOf<RedlineHistoryV1>();
    expectTypeOf(mergeImport).returns.toEqualTypeOf<MergeResult>();
    expectTypeOf<MergeResult['articles']>().toEqualTypeOf<StoredArticle[]>();
    expectTypeOf<MergeResult['versions']>().toEqualTypeOf<StoredVersion[]>();
    expectTypeOf<MergeResult['visits']>().toEqualTypeOf<StoredVisit[]>();
    expectTypeOf<MergeResult['report']>().toEqualTypeOf<MergeReport>();
    expectTypeOf<keyof MergeReport>().toEqualTypeOf<
      | 'articlesAdded'
      | 'articlesUpdated'
      | 'versionsAdded'
      | 'versionsUpdated'
      | 'visitsAdded'
      | 'duplicatesSkipped'
    >();
  });

  it('refuses a document of another version at compile time', () => {
    // @ts-expect-error version 3 is not a document this Redline writes
    serialize({ format: 'redline-history', version: 3, articles: [] });
  });
});
