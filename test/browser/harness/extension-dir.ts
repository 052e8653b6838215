/**
 * Where the built extensions are, building them once when they are missing.
 *
 * Two builds (DEVELOPERS.md, "The two builds"): `test` (dist-test/, `npm run build:test`) keeps the page
 * contract readable, so the contract and marks tests run on it; `normal` (dist/, `npm run build`) is what users
 * install, and the privacy and attack tests run on it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserName } from './launch-browser';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export type BuildFlavor = 'test' | 'normal';

const OUT: Record<BuildFlavor, string> = { test: 'dist-test', normal: 'dist' };
const DIR: Record<BrowserName, string> = { chromium: 'chrome', firefox: 'firefox' };

/**
 * The unpacked extension for `name` from the `flavor` build (the test build unless told). `npm test` builds
 * both before the browser tests; when one is missing (a lone `npm run test:browser`), build it here so the
 * suite never tests nothing.
 */
export function builtExtensionDir(name: BrowserName, flavor: BuildFlavor = 'test'): string {
  const relative = `${OUT[flavor]}/${DIR[name]}`;
  const dir = join(REPO_ROOT, relative);
  if (!existsSync(join(dir, 'manifest.json'))) {
    const args = ['tsx', 'scripts/build.ts', ...(flavor === 'test' ? ['--test'] : [])];
    execFileSync('npx', args, { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${relative}/manifest.json is missing even after building it`);
  }
  return dir;
}
