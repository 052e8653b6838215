/**
 * Screenshots for people to look at (git-ignored): test/artifacts/<browser>/<name>.png.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { REPO_ROOT } from './extension-dir';
import type { BrowserName } from './launch-browser';

/** `fullPage: false` keeps just the viewport, for long pages where one screen shows what matters. */
export async function saveScreenshot(
  page: Page,
  browser: BrowserName,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<string> {
  const dir = join(REPO_ROOT, 'test', 'artifacts', browser);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path: path as `${string}.png`, fullPage });
  return path;
}
