import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const srcDir = fileURLToPath(new URL('./src/', import.meta.url));

/** The file `webextension-polyfill` resolves to (its package.json `main`; it ships no ES module). */
const POLYFILL = /[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill(\.min)?\.js$/;

/**
 * Serves webextension-polyfill to the bundler as an ES module whose default export is the UMD's
 * `module.exports`, i.e. the object the polyfill chose: the browser's own `browser` namespace where there is one
 * (Firefox, and Chromium since it gained `browser`), else its promise wrapper around `chrome`.
 *
 * Why: imported as CommonJS, `import browser from 'webextension-polyfill'` goes through the bundler's interop
 * (`__toESM`), which lists that object's own properties and reads each one's descriptor to copy it onto a
 * namespace object. On the browser's own namespace that creates every API binding Chromium would otherwise
 * create at first use. Measured in Chromium 150 (issue 8): 1.5–2.1 ms at each start of the service worker (13
 * namespaces) and 0.2–0.7 ms on each page the content script runs on (5), for APIs mostly never called there.
 * Nothing else changes: the polyfill's code runs as written, once, when the bundle starts.
 */
export function polyfillAsModule(): Plugin {
  return {
    name: 'redline:polyfill-as-module',
    enforce: 'pre',
    apply: 'build',
    async load(id) {
      if (!POLYFILL.test(id)) return null;
      const source = await readFile(id, 'utf8');
      // The UMD takes its CommonJS branch when `exports` is defined and fills `module.exports`.
      return `const module = { exports: {} };\nconst exports = module.exports;\n${source}\nexport default module.exports;\n`;
    },
  };
}

/**
 * Shared Vite settings for every part of the extension. `scripts/build.ts` layers the per-entry settings
 * (content script and background as single classic bundles, HTML pages from `extension/`) on top of this.
 */
export default defineConfig({
  // Extension pages load their assets from the extension origin with relative URLs.
  base: './',
  plugins: [polyfillAsModule()],
  // public/ is copied once by scripts/build.ts, not by each of the several Vite builds.
  publicDir: false,
  // Bundled libraries (preact) branch on NODE_ENV; library mode would leave `process` in a browser bundle.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    // HTML pages live in extension/ (the pages build's root) and may reference scripts as /src/...
    alias: [{ find: /^\/src\//, replacement: srcDir }],
  },
  build: {
    // Chromium 120+ and Firefox 140+ (see the manifest's minimum versions) all run ES2022.
    target: 'es2022',
    // Unminified output keeps the store review and bug reports readable; size matters little in an extension.
    // The content script, compiled on every page, is the exception: scripts/build.ts drops its whitespace.
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    modulePreload: false,
  },
  logLevel: 'warn',
});
