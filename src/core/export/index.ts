/**
 * The JSON history export/import, format "redline-history" version 1 (docs/export-format.md). Pure: the
 * background reads the store, calls these, and writes what `mergeImport` returns.
 */
export type {
  ExportArticle,
  ExportParagraph,
  ExportSpan,
  ExportVersion,
  ExportVisit,
  HistoryRecords,
  RedlineHistoryV1,
} from './format';
export { BLOCK_KINDS, FORMAT_NAME, FORMAT_VERSION, LIMITS } from './format';
export { parseIso, toIso } from './isoTime';
export type { JsonSyntaxError } from './jsonSyntax';
export { findJsonSyntaxError } from './jsonSyntax';
export type { MergeReport, MergeResult } from './mergeImport';
export { describeReport, mergeImport } from './mergeImport';
export type { ParseResult } from './parseImport';
export { parseImport } from './parseImport';
export { readImport } from './readImport';
export type { ChunkOptions } from './serialize';
export { serialize, serializeAsync, serializeChunks } from './serialize';
export { toExport } from './toExport';
export type { ValidateOptions, ValidationResult, VersionHashFn } from './validate';
export { checkShape, FUTURE_MARGIN_MS, HASH_PATTERN, validate } from './validate';
