import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { polyfillAsModule } from '../../vite.config';

const POLYFILL_PATH = createRequire(import.meta.url).resolve('webextension-polyfill');
type Load = (id: string) => Promise<string | null>;
const load = polyfillAsModule().load as unknown as Load;
const scope = globalThis as { chrome?: unknown; browser?: unknown };

let imports = 0;

/**
 * Evaluates what the plugin serves, as the bundler would place it: an ES module of its own. Each call is a new
 * module (a module is evaluated once per URL), so each test sees the polyfill choose afresh.
 */
async function importServed(): Promise<{ default: unknown }> {
  const code = await load(POLYFILL_PATH);
  if (code === null) throw new Error('the polyfill was not served');
  imports += 1;
  const url = `data:text/javascript,${encodeURIComponent(`${code}// ${imports}`)}`;
  return (await import(url)) as { default: unknown };
}

/** A namespace that records being listed and its properties' descriptors being read, which is what creates
 * the lazily created API bindings of Chromium's own `browser`. */
function recordingNamespace(read: string[]): unknown {
  return new Proxy(
    { runtime: { id: 'redline' } },
    {
      ownKeys: (target) => {
        read.push('ownKeys');
        return Reflect.ownKeys(target);
      },
      getOwnPropertyDescriptor: (target, key) => {
        read.push(`descriptor:${String(key)}`);
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
    },
  );
}

/** Bundles `import browser from 'webextension-polyfill'` with the extension's own Vite config, as a classic
 * script like content.js, and returns its code. */
async function bundleImport(): Promise<string> {
  const entry = '\0redline-polyfill-entry';
  const output = (await build({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    logLevel: 'silent',
    plugins: [
      {
        name: 'entry',
        enforce: 'pre',
        // Library mode hands the entry over as a path under the root.
        resolveId: (id) => (id.endsWith('polyfill-entry') ? entry : null),
        load: (id) =>
          id === entry
            ? "import browser from 'webextension-polyfill';\nglobalThis.redlineServed = browser;\n"
            : null,
      },
    ],
    build: {
      write: false,
      lib: { entry: 'polyfill-entry', formats: ['iife'], name: 'entry', fileName: () => 'entry.js' },
    },
  })) as Rolldown.RolldownOutput[];
  const chunk = output[0]?.output[0];
  if (chunk?.type !== 'chunk') throw new Error('no bundle');
  return chunk.code;
}

describe('polyfillAsModule', () => {
  afterEach(() => {
    delete scope.chrome;
    delete scope.browser;
  });

  it('serves only the polyfill', async () => {
    expect(POLYFILL_PATH).toMatch(/browser-polyfill\.js$/);
    expect(await load('/x/node_modules/idb/build/index.js')).toBeNull();
    expect(await load(POLYFILL_PATH)).toMatch(/export default module\.exports;\n$/);
  });

  it("exports the browser's own namespace as it is, with nothing read from it", async () => {
    const read: string[] = [];
    scope.browser = recordingNamespace(read);
    scope.chrome = { runtime: { id: 'redline' } };
    const served = await importServed();
    const readByImport = [...read];
    expect(served.default).toBe(scope.browser);
    expect(readByImport).toEqual([]);
  });

  it('keeps a bundle that imports the polyfill from listing the browser namespace', async () => {
    const code = await bundleImport();
    const read: string[] = [];
    scope.browser = recordingNamespace(read);
    scope.chrome = { runtime: { id: 'redline' } };
    new Function(code)();
    const served = (globalThis as { redlineServed?: unknown }).redlineServed;
    delete (globalThis as { redlineServed?: unknown }).redlineServed;
    expect(read).toEqual([]);
    expect(served).toBe(scope.browser);
  }, 30_000);

  it('exports the promise wrapper around chrome where the browser has no `browser`', async () => {
    const sent: unknown[] = [];
    scope.chrome = {
      runtime: {
        id: 'redline',
        lastError: undefined,
        sendMessage: (message: unknown, reply: (value: unknown) => void) => {
          sent.push(message);
          reply({ ok: true });
        },
      },
    };
    const served = await importServed();
    const api = served.default as { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    expect(api).not.toBe(scope.chrome);
    await expect(api.runtime.sendMessage({ type: 'x' })).resolves.toEqual({ ok: true });
    expect(sent).toEqual([{ type: 'x' }]);
  });
});
