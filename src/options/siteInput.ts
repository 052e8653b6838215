/** The site a reader typed into a site list ("https://www.bbc.co.uk/news" → "bbc.co.uk"), or an error to show. */
import { normaliseSite } from '../background/site';

export type SiteInput = { ok: true; site: string } | { ok: false; message: string };

export function readSiteInput(input: string, existing: readonly string[]): SiteInput {
  const site = normaliseSite(input);
  if (site === null) return { ok: false, message: 'Type a site such as bbc.co.uk or a page address on it.' };
  if (existing.includes(site)) return { ok: false, message: `${site} is already in the list.` };
  return { ok: true, site };
}

/** Choices offered for the retention settings; null means "keep all" / "keep forever". */
export const VERSION_CHOICES: readonly (number | null)[] = [null, 2, 3, 5, 10, 20, 50];
export const DAY_CHOICES: readonly (number | null)[] = [null, 30, 90, 180, 365, 730];

export function versionsLabel(keep: number | null): string {
  return keep === null ? 'All versions' : `The newest ${keep}`;
}

export function daysLabel(days: number | null): string {
  if (days === null) return 'Never';
  if (days % 365 === 0) return days === 365 ? 'After a year' : `After ${days / 365} years`;
  return `After ${days} days`;
}
