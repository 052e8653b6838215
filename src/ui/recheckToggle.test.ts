import { describe, expect, it } from 'vitest';
import { DEFAULT_RECHECK, type RecheckSettings } from '../background/recheck/settings';
import { type PermissionsApi, toggleRecheck } from './recheckToggle';

function fakePermissions(answer: boolean | Error) {
  const calls: string[] = [];
  const api: PermissionsApi = {
    request: async (p) => {
      calls.push(`request ${p.origins?.join(' ')} ${p.permissions?.join(' ')}`);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    remove: async () => {
      calls.push('remove');
      return true;
    },
  };
  return { api, calls };
}

describe('toggleRecheck', () => {
  const saved: RecheckSettings[] = [];
  const save = async (next: RecheckSettings) => {
    saved.push(next);
    return next;
  };

  it('asks for host access and notifications in one prompt, and turns on only on a yes', async () => {
    const yes = fakePermissions(true);
    const on = await toggleRecheck(true, DEFAULT_RECHECK, yes.api, save);
    expect(on).toEqual({ on: true, refused: false, settings: { ...DEFAULT_RECHECK, enabled: true } });
    expect(yes.calls).toEqual(['request http://*/* https://*/* notifications']);
  });

  it('leaves everything as it was when the prompt is refused or fails', async () => {
    saved.length = 0;
    for (const answer of [false, new Error('prompt closed')]) {
      const no = fakePermissions(answer);
      expect(await toggleRecheck(true, DEFAULT_RECHECK, no.api, save)).toEqual({
        on: false,
        refused: true,
        settings: DEFAULT_RECHECK,
      });
    }
    expect(saved).toEqual([]);
  });

  it('turning off saves it off and gives the access back', async () => {
    const p = fakePermissions(true);
    const off = await toggleRecheck(false, { ...DEFAULT_RECHECK, enabled: true }, p.api, save);
    expect(off.settings.enabled).toBe(false);
    expect(p.calls).toEqual(['remove']);
  });
});
