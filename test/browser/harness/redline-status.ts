/**
 * Waiting on the product contract's signal: the content script sets `data-redline-status` on <html> once it is
 * done with a page (captured | unchanged | changed | skipped).
 */
import type { Page } from 'puppeteer-core';
import { waitFor } from './wait-for';

export const STATUSES = ['captured', 'unchanged', 'changed', 'skipped'] as const;
export type RedlineStatus = (typeof STATUSES)[number];

function isStatus(value: string | null): value is RedlineStatus {
  return (STATUSES as readonly (string | null)[]).includes(value);
}

/** Capture waits for the page to settle (up to ~4 s) and then talks to the background; allow for a slow CI. */
const DEFAULT_TIMEOUT_MS = 20_000;

/** Resolves with the status once the content script set it; rejects with what the page looked like if not. */
export async function waitForStatus(page: Page, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<RedlineStatus> {
  try {
    await waitFor(page, () => document.documentElement.hasAttribute('data-redline-status'), {
      timeout: timeoutMs,
    });
  } catch {
    const seen = await page
      .evaluate(() => ({
        url: location.href,
        title: document.title,
        paragraphs: document.querySelectorAll('p').length,
        attributes: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
      }))
      .catch((error: unknown) => ({ error: String(error) }));
    throw new Error(
      `data-redline-status was never set within ${timeoutMs} ms — is the extension loaded and its content ` +
        `script matching this page? Page: ${JSON.stringify(seen)}`,
    );
  }
  const status = await page.evaluate(() => document.documentElement.getAttribute('data-redline-status'));
  if (!isStatus(status)) throw new Error(`data-redline-status has a value outside the contract: "${status}"`);
  return status;
}

/** Navigate to `url` (a fresh document, so no status is left from before) and wait for Redline's verdict. */
export async function visit(page: Page, url: string): Promise<RedlineStatus> {
  await page.goto(url, { waitUntil: 'load' });
  return waitForStatus(page);
}

/** Reload the current page and wait for Redline's verdict on the new document. */
export async function reload(page: Page): Promise<RedlineStatus> {
  await page.reload({ waitUntil: 'load' });
  return waitForStatus(page);
}

/**
 * Start logging every write of `data-redline-status` in this document (null when removed), so a test can see
 * the sequence a same-document navigation produces. Read it back with `statusLog`.
 */
export async function recordStatusChanges(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: (string | null)[] = [];
    Object.assign(window, { __redlineStatusLog: log });
    new MutationObserver((records) => {
      // Records carry the value *before* each write, so the value each write left is the next record's old
      // value, and the last write left the attribute's current value.
      records.forEach((_record, i) => {
        const next = records[i + 1];
        log.push(next ? next.oldValue : document.documentElement.getAttribute('data-redline-status'));
      });
    }).observe(document.documentElement, {
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ['data-redline-status'],
    });
  });
}

export async function statusLog(page: Page): Promise<(string | null)[]> {
  return page.evaluate(() => {
    const log: unknown = (window as unknown as { __redlineStatusLog?: unknown }).__redlineStatusLog;
    return Array.isArray(log) ? log.map((v) => (typeof v === 'string' ? v : null)) : [];
  });
}
