import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { polyfillAsModule } from './scripts/polyfill-module';

const srcDir = fileURLToPath(new URL('./src/', import.meta.url));

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
