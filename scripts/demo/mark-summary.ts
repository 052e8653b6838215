/**
 * Counts the marks Redline left on a page, for the demo's printed summary.
 */
import type { Page } from 'puppeteer-core';

export interface MarkSummary {
  status: string | null;
  added: number;
  reworded: number;
  /** Paragraphs marked moved, and reworded ones that also moved. */
  moved: number;
  removed: number;
  headlineChanged: boolean;
}

export async function summariseMarks(page: Page): Promise<MarkSummary> {
  // No named helpers inside: tsx (esbuild keepNames) would wrap them in a `__name` call the page doesn't have.
  const [added = 0, reworded = 0, moved = 0, removed = 0] = await page.$$eval(
    'html',
    (_roots, selectors: string[]) => selectors.map((s) => document.querySelectorAll(s).length),
    [
      '[data-redline="added"]',
      '[data-redline="reworded"]:not(h1)',
      '[data-redline="moved"], [data-redline-moved]',
      '[data-redline="removed"]',
    ],
  );
  const status = await page.$eval('html', (html) => html.getAttribute('data-redline-status'));
  const headlineChanged = await page.evaluate(
    () => document.querySelector('h1')?.hasAttribute('data-redline') ?? false,
  );
  return { status, added, reworded, moved, removed, headlineChanged };
}

export function formatSummary(label: string, s: MarkSummary): string {
  const marks = `added ${s.added}, reworded ${s.reworded}, moved ${s.moved}, removed ${s.removed}`;
  return `${label.padEnd(34)} status=${s.status ?? '(none)'}  ${marks}, headline ${s.headlineChanged ? 'changed' : 'unchanged'}`;
}
