/**
 * `npm run build`: writes the unpacked Manifest V3 extensions to dist/chrome/ and dist/firefox/.
 * `npm run build:test` (`--test`): the same code to dist-test/chrome/ and dist-test/firefox/, with the page
 * contract readable for browser tests (src/content/contract.ts). The flag is a compile-time constant, so the
 * normal build carries no test-only code path.
 *
 * The content script and the background are each built as ONE classic (IIFE) bundle: statically declared MV3
 * content scripts cannot be ES modules, and a classic background script runs unchanged as Chromium's service
 * worker and as Firefox's event page. HTML pages in extension/*.html are built as ordinary Vite pages. The code
 * is the same for both browsers; only the manifest differs.
 */
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const configFile = join(root, 'vite.config.ts');
const testBuild = process.argv.includes('--test');
const dist = join(root, testBuild ? 'dist-test' : 'dist');
// Replaced in every bundle; see src/content/contract.ts.
const define = { __REDLINE_TEST_BUILD__: JSON.stringify(testBuild) };
// Per process, so two builds started at once (an editor and a test run) do not write into each other.
const stage = join(dist, `.stage-${process.pid}`);
const extensionDir = join(root, 'extension');

type Browser = 'chrome' | 'firefox';
type Manifest = Record<string, unknown>;

const GECKO_ID = 'redline@redline.invalid';
// Firefox 140 is the first ESR that knows `data_collection_permissions`.
const FIREFOX_MIN = '140.0';
const FIREFOX_ANDROID_MIN = '142.0';
const CHROME_MIN = '120';

/**
 * The content script's output without whitespace and comments, names kept: the browser compiles it on every
 * page a person opens, and a third of its text was comments and indentation (about 2 ms of its 4–8 ms start in
 * Chromium, issue 8). Names stay so stack traces and profiles still read; the other bundles stay as written.
 */
const COMPACT = { compress: true, mangle: false, codegen: { removeWhitespace: true } } as const;

async function buildClassicBundle(entry: string, name: string, compact = false): Promise<void> {
  const config: InlineConfig = {
    configFile,
    root,
    define,
    build: {
      outDir: stage,
      emptyOutDir: false,
      ...(compact ? { rolldownOptions: { output: { minify: COMPACT } } } : {}),
      lib: {
        entry: join(root, entry),
        formats: ['iife'],
        name,
        fileName: () => `${name}.js`,
        cssFileName: name,
      },
    },
  };
  await build(config);
}

async function buildPages(pages: string[]): Promise<void> {
  if (pages.length === 0) return;
  const input = Object.fromEntries(
    pages.map((page) => [page.replace(/\.html$/, ''), join(extensionDir, page)]),
  );
  await build({
    configFile,
    root: extensionDir,
    define,
    build: { outDir: stage, emptyOutDir: false, rolldownOptions: { input } },
  });
}

function manifestFor(
  browser: Browser,
  base: Manifest,
  version: string,
  pages: string[],
  css: string[],
): Manifest {
  const manifest: Manifest = { ...structuredClone(base), version };
  const action = { ...(manifest.action as Record<string, unknown>) };
  if (pages.includes('popup.html')) action.default_popup = 'popup.html';
  manifest.action = action;
  if (pages.includes('options.html')) manifest.options_ui = { page: 'options.html', open_in_tab: true };
  if (css.length > 0) {
    const scripts = manifest.content_scripts as Record<string, unknown>[];
    manifest.content_scripts = scripts.map((script) => ({ ...script, css }));
  }
  if (browser === 'chrome') {
    manifest.background = { service_worker: 'background.js' };
    // Parsing pages away from their thread needs a DOM, which a service worker lacks (src/background/parse);
    // the re-check parses fetched pages there too.
    manifest.permissions = [...((manifest.permissions as string[] | undefined) ?? []), 'offscreen'];
    if (testBuild) {
      // Chromium has no switch to answer its permission prompt under automation (Firefox has the pref
      // extensions.webextOptionalPermissionPrompts), so the test build grants at install what the re-check asks
      // for; its prompt is then answered yes at once. The prompt itself is tested on the normal build.
      manifest.host_permissions = manifest.optional_host_permissions;
      manifest.permissions = [
        ...(manifest.permissions as string[]),
        ...(manifest.optional_permissions as string[]),
      ];
    }
    manifest.minimum_chrome_version = CHROME_MIN;
  } else {
    manifest.background = { scripts: ['background.js'] };
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN,
        // Everything stays on the user's machine: Redline sends nothing anywhere.
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android learnt `data_collection_permissions` in 142.
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN },
    };
  }
  return manifest;
}

async function main(): Promise<void> {
  await mkdir(stage, { recursive: true });

  const pages = (await readdir(extensionDir)).filter((file) => file.endsWith('.html')).sort();
  await buildClassicBundle('src/content/index.ts', 'content', true);
  await buildClassicBundle('src/background/index.ts', 'background');
  await buildPages(pages);
  await cp(join(root, 'public'), stage, { recursive: true });
  // The message catalogues (manifest `default_locale`); src/ui/i18n.ts reads them through the browser.
  await cp(join(extensionDir, '_locales'), join(stage, '_locales'), { recursive: true });

  const built = await readdir(stage);
  const css = built.filter((file) => file === 'content.css');
  const base = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as Manifest;
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };

  for (const browser of ['chrome', 'firefox'] as const) {
    const out = join(dist, browser);
    const next = `${stage}-${browser}`;
    await cp(stage, next, { recursive: true });
    const manifest = manifestFor(browser, base, pkg.version, pages, css);
    await writeFile(join(next, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    // Swapped in whole, so a browser test loading dist/<browser> never sees half an extension for long.
    await rm(out, { recursive: true, force: true });
    await rename(next, out);
  }
  const out = testBuild ? 'dist-test' : 'dist';
  console.log(`built ${out}/chrome and ${out}/firefox (pages: ${pages.join(', ') || 'none'})`);
}

try {
  await main();
} finally {
  for (const dir of [stage, `${stage}-chrome`, `${stage}-firefox`])
    await rm(dir, { recursive: true, force: true });
}
