/**
 * Where the vendored public page sets live, inside the repository (each with its licence and source note):
 * - `test/fixtures/readability-pages`: 49 news pages from Mozilla Readability's test suite (Apache-2.0);
 * - `test/fixtures/article-extraction-benchmark`: 181 article pages with hand-checked bodies (MIT).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const FIXTURES = resolve(REPO_ROOT, 'test', 'fixtures');

export const READABILITY_PAGES = resolve(FIXTURES, 'readability-pages');

export const EXTRACTION_BENCHMARK = resolve(FIXTURES, 'article-extraction-benchmark');
