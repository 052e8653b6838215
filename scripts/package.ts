/**
 * `npm run package`: the store packages, in artifacts/ (or `--out DIR`):
 * - redline-chrome-<version>.zip: dist/chrome for the Chrome Web Store;
 * - redline-firefox-<version>.zip: dist/firefox as `web-ext build` packs it for addons.mozilla.org;
 * - redline-sources-<version>.zip: the source files AMO asks for when code is bundled, with docs/build-firefox.md
 *   saying how to rebuild the Firefox package from them;
 * - SHA256SUMS.
 * The version is package.json's (the build writes it into both manifests). Every zip is reproducible
 * (scripts/package/zip.ts): two runs over the same sources give the same bytes. `web-ext build` decides what
 * goes into the Firefox package and checks its manifest; its zip stamps the current time on every entry, so the
 * same files are then written again in the reproducible form.
 * `--no-build` packs the existing dist/ instead of building it first.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readZip, writeZip, type ZipEntry } from './package/zip';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * Left out of the sources zip: the two vendored test corpora (26 MB of third-party pages), which the build does
 * not read. Everything else git tracks is in it.
 */
const SOURCE_EXCLUDES = ['test/fixtures/readability-pages/', 'test/fixtures/article-extraction-benchmark/'];

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function filesUnder(dir: string): Promise<ZipEntry[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  return Promise.all(
    files.map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      return { name: relative(dir, path).split(sep).join('/'), data: await readFile(path) };
    }),
  );
}

async function trackedSources(): Promise<ZipEntry[]> {
  let listed: string;
  try {
    listed = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (error) {
    throw new Error(`the sources zip lists the files git tracks, and git ls-files failed: ${String(error)}`);
  }
  const names = listed
    .split('\0')
    .filter((name) => name !== '' && !SOURCE_EXCLUDES.some((prefix) => name.startsWith(prefix)));
  return Promise.all(names.map(async (name) => ({ name, data: await readFile(join(root, name)) })));
}

/** The Firefox package: web-ext build's choice of files, written reproducibly. */
async function firefoxPackage(sourceDir: string): Promise<ZipEntry[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'redline-web-ext-'));
  try {
    execFileSync(
      join(root, 'node_modules/.bin/web-ext'),
      ['build', '--source-dir', sourceDir, '--artifacts-dir', scratch, '--filename', 'firefox.zip'],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const packed = readZip(await readFile(join(scratch, 'firefox.zip')));
    const onDisk = new Set((await filesUnder(sourceDir)).map((entry) => entry.name));
    const missing = packed.filter((entry) => !onDisk.has(entry.name));
    if (missing.length > 0)
      throw new Error(`web-ext packed files not in ${sourceDir}: ${missing.map((e) => e.name)}`);
    return packed;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const out = resolve(root, argValue('--out') ?? 'artifacts');
  if (!process.argv.includes('--no-build')) {
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/build.ts')], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  for (const browser of ['chrome', 'firefox']) {
    const manifest = JSON.parse(await readFile(join(root, 'dist', browser, 'manifest.json'), 'utf8')) as {
      version: string;
    };
    if (manifest.version !== version) {
      throw new Error(`dist/${browser} is version ${manifest.version}, package.json ${version}: build again`);
    }
  }

  const packages: [string, ZipEntry[]][] = [
    [`redline-chrome-${version}.zip`, await filesUnder(join(root, 'dist/chrome'))],
    [`redline-firefox-${version}.zip`, await firefoxPackage(join(root, 'dist/firefox'))],
    [`redline-sources-${version}.zip`, await trackedSources()],
  ];
  await mkdir(out, { recursive: true });
  const sums: string[] = [];
  for (const [name, entries] of packages) {
    const zip = writeZip(entries);
    await writeFile(join(out, name), zip);
    sums.push(`${createHash('sha256').update(zip).digest('hex')}  ${name}`);
    console.log(
      `${relative(root, join(out, name))}: ${entries.length} files, ${zip.length.toLocaleString('en')} bytes`,
    );
  }
  await writeFile(join(out, 'SHA256SUMS'), `${sums.join('\n')}\n`);
}

await main();
