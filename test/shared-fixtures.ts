/**
 * Where the workplace's shared fixtures live: `../shared/fixtures` beside the checkout (CI clones the repo anywhere,
 * with shared/ next to it), or wherever REDLINE_SHARED_FIXTURES points.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const SHARED_FIXTURES =
  process.env.REDLINE_SHARED_FIXTURES ?? resolve(REPO_ROOT, '..', 'shared', 'fixtures');

export const READABILITY_PAGES = resolve(SHARED_FIXTURES, 'readability-pages');
