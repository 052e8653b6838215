import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

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
