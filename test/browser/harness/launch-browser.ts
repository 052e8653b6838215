/**
 * Starts Debian's Chromium or Firefox ESR with an unpacked extension loaded, driven by puppeteer-core.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export const EXECUTABLES: Record<BrowserName, string> = {
  chromium: '/usr/bin/chromium',
  firefox: '/usr/bin/firefox-esr',
};

// Keep Chromium quiet and offline: no update/sync/field-trial traffic that could stall a run without internet.
const CHROMIUM_ARGS = [
  // The tests run as root, where Chromium refuses to start with its sandbox.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface LaunchOptions {
  /** Headless unless false (the demo shows a window when a display is available). */
  headless?: boolean;
  /** Chromium only: a profile directory to keep; otherwise a fresh one is made and removed on close. */
  userDataDir?: string;
  /** Window size for headful runs and the default viewport. */
  viewport?: { width: number; height: number };
  /** Host names that resolve to 127.0.0.1, so a test can serve pages of several sites from the page server. */
  localHosts?: readonly string[];
  /** How long one DevTools protocol call may take (puppeteer's default is 180 s). */
  protocolTimeout?: number;
  /** Firefox only: extra preferences for the profile. */
  firefoxPrefs?: Record<string, unknown>;
  /** The browser's language ("de"): its UI, so the extension's catalogue, and the pages' accept-languages. */
  language?: string;
  /** Firefox: load a copy whose extension pages the test can open (firefoxCopyWithReachablePages). */
  openablePages?: boolean;
  /** Environment of the browser process, added to this process's (bench:jank starts Firefox's profiler so). */
  env?: Record<string, string>;
}

/**
 * Firefox: the internal UUID every test profile gives the add-on (`extensions.webextensions.uuids`), so its pages
 * have a known address, moz-extension://<this>/ (see openExtensionPages in extension-pages.ts).
 */
export const FIREFOX_EXTENSION_UUID = '6c1f2e3a-8d4b-4c5e-9f60-7a8b9c0d1e2f';

/** The extension pages a test opens from a page of the local test server (Firefox; extension-pages.ts says why). */
const PAGES = ['popup.html', 'options.html', 'history.html'];

/**
 * A copy of the Firefox build whose pages a 127.0.0.1 page may navigate to (`web_accessible_resources`):
 * Firefox's WebDriver BiDi refuses to navigate a tab to moz-extension:// itself, but a navigation the test page
 * starts opens the page as the add-on's own, with every extension API. Only the test's copy is changed.
 */
async function firefoxCopyWithReachablePages(extensionDir: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'redline-firefox-ext-'));
  await cp(extensionDir, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.web_accessible_resources = [{ resources: PAGES, matches: ['http://127.0.0.1/*'] }];
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  return copy;
}

async function geckoId(extensionDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no gecko id`);
  return id;
}

export interface LaunchedBrowser {
  name: BrowserName;
  browser: Browser;
  /** The add-on id Firefox assigned, or the Chromium extension directory (Chromium loads it at start-up). */
  extensionId: string;
  close(): Promise<void>;
}

/** Launch `name` with the unpacked extension at `extensionDir` (a directory holding manifest.json). */
export async function launchWithExtension(
  name: BrowserName,
  extensionDir: string,
  options: LaunchOptions = {},
): Promise<LaunchedBrowser> {
  const headless = options.headless ?? true;
  const viewport = options.viewport ?? { width: 1200, height: 900 };

  if (name === 'chromium') {
    const ownProfile = options.userDataDir === undefined;
    const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'redline-chromium-')));
    const browser = await puppeteer.launch({
      browser: 'chrome',
      executablePath: EXECUTABLES.chromium,
      headless,
      // Loading an unpacked extension by path goes through the CDP Extensions domain, which needs the pipe.
      pipe: true,
      enableExtensions: [extensionDir],
      userDataDir,
      defaultViewport: viewport,
      ...(options.protocolTimeout === undefined ? {} : { protocolTimeout: options.protocolTimeout }),
      args: [
        ...CHROMIUM_ARGS,
        `--window-size=${viewport.width},${viewport.height}`,
        ...(options.localHosts?.length
          ? [`--host-resolver-rules=${options.localHosts.map((h) => `MAP ${h} 127.0.0.1`).join(',')}`]
          : []),
        ...(options.language ? [`--lang=${options.language}`] : []),
      ],
      // On Linux Chromium takes its UI language from the environment; --lang alone sets only accept-languages.
      ...(options.language
        ? { env: { ...process.env, LANGUAGE: options.language, LANG: `${options.language}.UTF-8` } }
        : {}),
    });
    return {
      name,
      browser,
      extensionId: extensionDir,
      close: async () => {
        await browser.close();
        if (ownProfile) await rm(userDataDir, { recursive: true, force: true });
      },
    };
  }

  let copy: string | null = null;
  const removeCopy = async () => {
    if (copy) await rm(copy, { recursive: true, force: true });
  };
  const uuids = { [await geckoId(extensionDir)]: FIREFOX_EXTENSION_UUID };
  // puppeteer-core makes (and removes) a fresh Firefox profile per launch.
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLES.firefox,
    protocol: 'webDriverBiDi',
    headless,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify(uuids),
      // Firefox resolves these names to the loopback address itself.
      ...(options.localHosts?.length ? { 'network.dns.localDomains': options.localHosts.join(',') } : {}),
      ...(options.language
        ? { 'intl.locale.requested': options.language, 'intl.accept_languages': options.language }
        : {}),
      ...options.firefoxPrefs,
    },
    defaultViewport: viewport,
  });
  try {
    // A temporary add-on, as `about:debugging` would load it. No pref is needed for its content scripts to run on
    // http://127.0.0.1: since Firefox 127 the hosts of an MV3 add-on's `host_permissions` and content-script
    // `matches` are install-time permissions, granted on install (MDN, manifest.json/host_permissions); before
    // that they were opt-in and a test profile would have had to grant them.
    if (options.openablePages) copy = await firefoxCopyWithReachablePages(extensionDir);
    const extensionId = await browser.installExtension(copy ?? extensionDir);
    return {
      name,
      browser,
      extensionId,
      close: async () => {
        await browser.close();
        await removeCopy();
      },
    };
  } catch (error) {
    await browser.close();
    await removeCopy();
    throw new Error(`Firefox refused the extension at ${extensionDir}: ${String(error)}`);
  }
}
