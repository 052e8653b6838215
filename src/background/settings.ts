/**
 * The user's settings, kept in `browser.storage.local` under one key. Only the background reads and writes them
 * (pages change them through the message protocol), so updates are serialised here and none is lost.
 *
 * - `paused`: sites where capture is off for now; nothing is read or stored there until the pause is lifted.
 * - `excluded`: sites the reader never wants kept; treated like `paused` for capture. The difference is for the
 *   options UI (an exclusion is permanent and is where deleting that site's history belongs).
 * - the reader's choices of what is and is not an article (reader-choice.ts).
 */
import type { Storage } from 'webextension-polyfill';
import { normaliseSite, siteMatches, siteOf } from '../core/site';
import {
  DEFAULT_READER_CHOICES,
  parseReaderChoices,
  type ReaderChoices,
  readerVerdict,
} from './reader-choice';
import { parseRecheck, type RecheckSettings } from './recheck/settings';
import { DEFAULT_UI_SETTINGS, parseUiSettings, type UiSettings } from './ui-settings';

/** `UiSettings` (overlay mode, retention) are the options page's; see ui-settings.ts. */
export interface Settings extends UiSettings, ReaderChoices {
  paused: string[];
  excluded: string[];
  /** The opt-in background re-check (src/background/recheck). */
  recheck: RecheckSettings;
}

export type SettingsPatch = Partial<Settings>;

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  paused: [],
  excluded: [],
  recheck: parseRecheck(undefined),
  ...DEFAULT_UI_SETTINGS,
  ...DEFAULT_READER_CHOICES,
});

/** The part of `browser.storage.local` settings need; a plain object can stand in for it in tests. */
export type SettingsArea = Pick<Storage.StorageArea, 'get' | 'set'>;

/** `not-article`: the reader said the page is not an article (reader-choice.ts). */
export type CaptureBlock = 'paused' | 'excluded' | 'not-article';

function siteList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const sites = value.flatMap((item) => (typeof item === 'string' ? [normaliseSite(item)] : []));
  return [...new Set(sites.filter((site): site is string => site !== null))].sort();
}

/** Settings as stored, with defaults for what is missing and anything malformed dropped. */
export function parseSettings(stored: unknown): Settings {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    paused: siteList(record.paused),
    excluded: siteList(record.excluded),
    recheck: parseRecheck(record.recheck),
    ...parseUiSettings(record),
    ...parseReaderChoices(record),
  };
}

/** Why a page must not be captured, or null when it may be. Exclusion wins over a pause. */
export function captureBlock(
  settings: Pick<Settings, 'paused' | 'excluded'>,
  url: string,
): CaptureBlock | null {
  const site = siteOf(url);
  if (site === null) return null;
  if (settings.excluded.some((rule) => siteMatches(site, rule))) return 'excluded';
  if (settings.paused.some((rule) => siteMatches(site, rule))) return 'paused';
  return null;
}

/**
 * Why a page must not be captured, the reader's "not an article" included, or null when it may be. The site's
 * pause or exclusion wins over the reader's verdict on one page.
 */
export function pageBlock(settings: Settings, url: string): CaptureBlock | null {
  return (
    captureBlock(settings, url) ?? (readerVerdict(settings, url) === 'not-article' ? 'not-article' : null)
  );
}

export interface SettingsStore {
  get(): Promise<Settings>;
  /** A function patch is computed from the settings as they are when its turn comes, so no update is lost. */
  update(patch: SettingsPatch | ((current: Settings) => SettingsPatch)): Promise<Settings>;
}

export function createSettingsStore(area: SettingsArea): SettingsStore {
  // Each update reads, merges and writes; chaining them keeps two quick toggles from overwriting each other.
  let queue: Promise<unknown> = Promise.resolve();

  async function get(): Promise<Settings> {
    const stored = await area.get(SETTINGS_KEY);
    return parseSettings(stored[SETTINGS_KEY]);
  }

  function update(patch: SettingsPatch | ((current: Settings) => SettingsPatch)): Promise<Settings> {
    const run = queue.then(async () => {
      const current = await get();
      const next = parseSettings({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) });
      await area.set({ [SETTINGS_KEY]: next });
      return next;
    });
    queue = run.catch(() => undefined);
    return run;
  }

  return { get, update };
}
