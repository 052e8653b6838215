/**
 * `npm run package` (issue 12, item 2): three zips whose bytes do not change from one run to the next, with the
 * version of package.json, the Firefox package holding exactly the Firefox build, and the sources with their
 * build note. Builds dist/ once, then packs it twice with `--no-build`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../../scripts/package/zip';
import { REPO_ROOT } from '../browser/harness/extension-dir';

const { version } = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const NAMES = [
  `redline-chrome-${version}.zip`,
  `redline-firefox-${version}.zip`,
  `redline-sources-${version}.zip`,
];

function runPackage(out: string): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/package.ts', '--no-build', '--out', out], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

describe('npm run package', () => {
  let first: string;
  let second: string;

  beforeAll(async () => {
    // Always built: a dist/ left over from an older checkout would be packed as it is and judged stale.
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
    first = await mkdtemp(join(tmpdir(), 'redline-package-a-'));
    second = await mkdtemp(join(tmpdir(), 'redline-package-b-'));
    runPackage(first);
    runPackage(second);
  }, 180_000);

  afterAll(async () => {
    for (const dir of [first, second]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the three zips and their checksums, the same bytes on two runs', async () => {
    expect((await readdir(first)).sort()).toEqual([...NAMES, 'SHA256SUMS'].sort());
    for (const name of [...NAMES, 'SHA256SUMS']) {
      const a = await readFile(join(first, name));
      const b = await readFile(join(second, name));
      expect(a.equals(b), name).toBe(true);
    }
  });

  it('packs each browser build whole, with the version of package.json', async () => {
    for (const [zipName, dir] of [
      [NAMES[0], 'dist/chrome'],
      [NAMES[1], 'dist/firefox'],
    ] as const) {
      const entries = readZip(await readFile(join(first, zipName ?? '')));
      const onDisk = (await readdir(join(REPO_ROOT, dir), { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(join(REPO_ROOT, dir).length + 1))
        .sort();
      expect(entries.map((e) => e.name).sort()).toEqual(onDisk);
      const manifest = JSON.parse(
        Buffer.from(entries.find((e) => e.name === 'manifest.json')!.data).toString(),
      );
      expect(manifest.version).toBe(version);
      expect(manifest.default_locale).toBe('en');
    }
  });

  it('puts the sources and the build note in the sources zip, not the test corpora', async () => {
    const names = readZip(await readFile(join(first, NAMES[2] ?? ''))).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'scripts/build.ts']));
    expect(names).toContain('src/ui/i18n.ts');
    expect(names).toContain('docs/build-firefox.md');
    expect(names.filter((name) => name.startsWith('test/fixtures/readability-pages/'))).toEqual([]);
    expect(names.some((name) => name.startsWith('node_modules/') || name.startsWith('dist/'))).toBe(false);
  });
});
