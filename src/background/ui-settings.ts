/**
 * The settings the extension's pages add to the capture settings in `settings.ts`: whether the overlay opens
 * by itself, and how much history is kept. Parsed leniently (a bad stored value falls back to its default) and
 * checked strictly when a page asks to change them.
 */

/** `auto`: the overlay shows on a changed article by itself. `badge`: only the toolbar badge says so. */
export type OverlayMode = 'auto' | 'badge';

export interface UiSettings {
  overlay: OverlayMode;
  /** At most this many versions per article are kept, the oldest dropped first; null keeps all. */
  keepVersions: number | null;
  /** Articles not read for this many days are forgotten; null keeps them forever. */
  keepDays: number | null;
}

export const DEFAULT_UI_SETTINGS: Readonly<UiSettings> = Object.freeze({
  overlay: 'auto',
  keepVersions: null,
  keepDays: null,
});

/** Bounds of the retention numbers: an article always keeps its newest version, and "forever" is null. */
export const RETENTION_LIMITS = {
  keepVersions: { min: 1, max: 1000 },
  keepDays: { min: 1, max: 36_500 },
} as const;

function isOverlayMode(value: unknown): value is OverlayMode {
  return value === 'auto' || value === 'badge';
}

function isLimit(value: unknown, bounds: { min: number; max: number }): value is number | null {
  return (
    value === null ||
    (typeof value === 'number' && Number.isInteger(value) && value >= bounds.min && value <= bounds.max)
  );
}

/** The page-side settings of a stored settings record, defaults for anything missing or malformed. */
export function parseUiSettings(record: Readonly<Record<string, unknown>>): UiSettings {
  return {
    overlay: isOverlayMode(record.overlay) ? record.overlay : DEFAULT_UI_SETTINGS.overlay,
    keepVersions: isLimit(record.keepVersions, RETENTION_LIMITS.keepVersions)
      ? record.keepVersions
      : DEFAULT_UI_SETTINGS.keepVersions,
    keepDays: isLimit(record.keepDays, RETENTION_LIMITS.keepDays)
      ? record.keepDays
      : DEFAULT_UI_SETTINGS.keepDays,
  };
}

/** True when every page-side field a `settings.update` request carries is valid (absent fields are fine). */
export function isUiSettingsPatch(record: Readonly<Record<string, unknown>>): boolean {
  return (
    (record.overlay === undefined || isOverlayMode(record.overlay)) &&
    (record.keepVersions === undefined || isLimit(record.keepVersions, RETENTION_LIMITS.keepVersions)) &&
    (record.keepDays === undefined || isLimit(record.keepDays, RETENTION_LIMITS.keepDays))
  );
}
