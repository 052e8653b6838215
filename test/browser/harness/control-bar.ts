/**
 * Finds Redline's control bar: a fixed-position `[data-redline-ui]` host whose UI lives in a shadow root (open
 * in the test build only), and drives its "next change" button with a real mouse click: the bar ignores the
 * untrusted clicks a page script can make.
 */
import type { Page } from 'puppeteer-core';

export interface ControlBar {
  /** The host is `position: fixed`, so it stays on screen while the reader scrolls. */
  hostIsFixed: boolean;
  /** The bar's text as rendered inside the shadow root, whitespace collapsed. */
  text: string;
  clickNext(): Promise<void>;
}

/** Page-side lookup of the bar: the host, its shadow root, and the "next change" button in it. */
const LOCATE = `(() => {
  const hosts = [...document.querySelectorAll('[data-redline-ui]')].filter((el) => el.shadowRoot);
  const host = hosts[0];
  if (!host) return null;
  const root = host.shadowRoot;
  const label = (b) => [b.getAttribute('aria-label'), b.getAttribute('title'), b.textContent].join(' ');
  const next = [...root.querySelectorAll('button, [role=button]')].find((b) => /next/i.test(label(b)));
  return { host, root, next };
})()`;

export async function findControlBar(page: Page): Promise<ControlBar> {
  const found = await page.evaluate(`(() => {
    const bar = ${LOCATE};
    if (!bar) {
      const uiHosts = document.querySelectorAll('[data-redline-ui]').length;
      return { error: 'no [data-redline-ui] element with an open shadow root among ' + uiHosts + ' UI elements' };
    }
    if (!bar.next) return { error: 'the control bar has no button labelled "next"' };
    return {
      hostIsFixed: getComputedStyle(bar.host).position === 'fixed',
      text: bar.root.textContent.replace(/\\s+/g, ' ').trim(),
    };
  })()`);
  const info = found as { error: string } | { hostIsFixed: boolean; text: string };
  if ('error' in info) throw new Error(`Redline's control bar: ${info.error}`);
  return {
    ...info,
    clickNext: async () => {
      const box = (await page.evaluate(`(() => {
        const r = ${LOCATE}.next.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      })()`)) as { x: number; y: number };
      await page.mouse.click(box.x, box.y);
    },
  };
}
