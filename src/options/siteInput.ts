/** The site a reader typed into a site list ("https://www.bbc.co.uk/news" → "bbc.co.uk"), or an error to show. */
import { normaliseSite } from '../core/site';
import { t, tn } from '../ui/i18n';

export type SiteInput = { ok: true; site: string } | { ok: false; message: string };

export function readSiteInput(input: string, existing: readonly string[]): SiteInput {
  const site = normaliseSite(input);
  if (site === null) return { ok: false, message: t('site_invalid') };
  if (existing.includes(site)) return { ok: false, message: t('site_duplicate', site) };
  return { ok: true, site };
}

/** Choices offered for the retention settings; null means "keep all" / "keep forever". */
export const VERSION_CHOICES: readonly (number | null)[] = [null, 2, 3, 5, 10, 20, 50];
export const DAY_CHOICES: readonly (number | null)[] = [null, 30, 90, 180, 365, 730];

export function versionsLabel(keep: number | null): string {
  return keep === null ? t('retention_allVersions') : t('retention_newest', keep);
}

export function daysLabel(days: number | null): string {
  if (days === null) return t('retention_never');
  if (days % 365 === 0) return tn('retention_years', days / 365);
  return tn('retention_days', days);
}
