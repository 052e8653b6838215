/**
 * Where the built extensions are, building them once when they are missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserName } from './launch-browser';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const DIST: Record<BrowserName, string> = { chromium: 'dist/chrome', firefox: 'dist/firefox' };

/**
 * The unpacked extension for `name`. `npm test` builds before the browser tests; when `dist/` is missing (a
 * lone `npm run test:browser`), build it here so the suite never tests nothing.
 */
export function builtExtensionDir(name: BrowserName): string {
  const dir = join(REPO_ROOT, DIST[name]);
  if (!existsSync(join(dir, 'manifest.json'))) {
    execFileSync('npx', ['tsx', 'scripts/build.ts'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${DIST[name]}/manifest.json is missing even after \`npm run build\``);
  }
  return dir;
}
