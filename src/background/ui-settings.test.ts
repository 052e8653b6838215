import { describe, expect, it } from 'vitest';
import { parseSettings } from './settings';
import { DEFAULT_UI_SETTINGS, isUiSettingsPatch, parseUiSettings } from './ui-settings';

describe('parseUiSettings', () => {
  it('gives the defaults for an empty or foreign record', () => {
    expect(parseUiSettings({})).toEqual(DEFAULT_UI_SETTINGS);
    expect(parseUiSettings({ overlay: 'sometimes', keepVersions: 0, keepDays: 1.5 })).toEqual(
      DEFAULT_UI_SETTINGS,
    );
  });

  it('keeps valid values, null included', () => {
    expect(parseUiSettings({ overlay: 'badge', keepVersions: 5, keepDays: 30 })).toEqual({
      overlay: 'badge',
      keepVersions: 5,
      keepDays: 30,
    });
    expect(parseUiSettings({ keepVersions: null, keepDays: null }).keepVersions).toBeNull();
  });

  it('is part of the stored settings', () => {
    expect(parseSettings({ paused: ['bbc.co.uk'], overlay: 'badge' })).toMatchObject({
      paused: ['bbc.co.uk'],
      excluded: [],
      overlay: 'badge',
      keepVersions: null,
      keepDays: null,
    });
  });
});

describe('isUiSettingsPatch', () => {
  it('accepts absent and valid fields', () => {
    expect(isUiSettingsPatch({})).toBe(true);
    expect(isUiSettingsPatch({ overlay: 'auto', keepVersions: 1000, keepDays: null })).toBe(true);
  });

  it.each([
    [{ overlay: 'never' }],
    [{ keepVersions: 0 }],
    [{ keepVersions: 1001 }],
    [{ keepDays: '30' }],
    [{ keepDays: 2.5 }],
  ])('refuses %j', (patch) => {
    expect(isUiSettingsPatch(patch)).toBe(false);
  });
});
