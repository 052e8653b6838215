/**
 * axe-core (the accessibility engine browsers' own tools use) run inside a page. It is evaluated as a string
 * through the driver rather than added as a <script>: extension pages' CSP forbids inline scripts, and the
 * driver's evaluation is not subject to a page's CSP.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * The serious and critical violations of WCAG 2.x A/AA in `page`, within the elements `include` selects (the
 * whole document when omitted). Open shadow roots are checked too.
 */
export async function seriousViolations(page: Page, include?: string[]): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selectors: string[] | null) => {
    const axe = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;
    const context = selectors ? { include: selectors.map((s) => [s]) } : document;
    const result = await axe.run(context as Parameters<typeof axe.run>[0], {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 5),
      }));
  }, include ?? null);
}
