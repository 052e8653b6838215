/**
 * `page.setViewport` that also works in a Firefox ESR without `emulation.setScreenOrientationOverride`
 * (Firefox 140 ESR answers "unknown command"): puppeteer sends that command beside `browsingContext.setViewport`
 * and fails the call when either fails, though the viewport itself was set. The orientation is never what a test
 * checks, so that one refusal is let through; any other error is not.
 */
import type { Page, Viewport } from 'puppeteer-core';

export async function setViewport(page: Page, viewport: Viewport): Promise<void> {
  try {
    await page.setViewport(viewport);
  } catch (error) {
    if (!String(error).includes('unknown command emulation.setScreenOrientationOverride')) throw error;
  }
}
