/**
 * Switching the re-check on and off from the options page or the popup. On asks the browser for the optional
 * host access (and notifications) with its own prompt, first thing in the click handler (Firefox grants a
 * request only while handling the reader's input); only a yes turns the feature on. Off also gives the access
 * back, so the extension is exactly as it was before.
 */
import type { Permissions } from 'webextension-polyfill';
import { RECHECK_ORIGINS, RECHECK_PERMISSIONS, type RecheckSettings } from '../background/recheck/settings';

export type PermissionsApi = Pick<Permissions.Static, 'request' | 'remove'>;

export type ToggleOutcome = { on: boolean; refused: boolean; settings: RecheckSettings };

const WANTED = (): Permissions.Permissions => ({
  origins: [...RECHECK_ORIGINS],
  permissions: [...RECHECK_PERMISSIONS] as Permissions.Permissions['permissions'],
});

/** `save` stores the new value (settings.update) and returns what was stored. */
export async function toggleRecheck(
  want: boolean,
  current: RecheckSettings,
  permissions: PermissionsApi,
  save: (next: RecheckSettings) => Promise<RecheckSettings>,
): Promise<ToggleOutcome> {
  if (want) {
    // Called before any await: the prompt needs the click's user activation.
    const granted = await permissions.request(WANTED()).catch(() => false);
    if (!granted) return { on: false, refused: true, settings: current };
    return { on: true, refused: false, settings: await save({ ...current, enabled: true }) };
  }
  const saved = await save({ ...current, enabled: false });
  await permissions.remove(WANTED()).catch(() => false);
  return { on: false, refused: false, settings: saved };
}
