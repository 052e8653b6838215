/**
 * Text a reader does not see: the `hidden` attribute, `display:none` / `visibility:hidden` inline styles,
 * `aria-hidden="true"` decorations, and the screen-reader-only patterns (the 1-pixel clip of "sr-only",
 * "visually-hidden", "screen-reader-text" and their css-in-js spellings such as BBC's `…-VisuallyHidden`). Such
 * text ("Image caption, ", "Image source, EPA", "media caption") comes and goes with a template, so a capture
 * that keeps it marks edits nobody made. Judged from markup only: stylesheets are not read (jsdom has none that
 * matter, and in the browser the content script may add a rendered-visibility check through `isHidden`).
 */
import { isElement } from './dom-kinds';

// Class names of the common screen-reader-only utilities (Bootstrap, WordPress, Drupal, Tailwind, GOV.UK, BBC).
const SR_ONLY_CLASS =
  /(?:^|[\s_-])(?:sr-only|screen-?reader(?:-text|-only)?|visually-?hidden|visuallyhidden|hidden-visually|element-invisible|assistive-text|a11y-hidden|offscreen)(?:$|[\s_-])|VisuallyHidden|ScreenReader/i;
const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
// The clip pattern: clip: rect(0 0 0 0) / rect(1px, 1px, 1px, 1px), or clip-path: inset(50%).
const CLIP_STYLE = /clip\s*:\s*rect\(\s*(?:0|1px)[\s,]|clip-path\s*:\s*inset\(\s*50%/i;
// Candidates found by one selector query (native matching; a [class] query would hand every element of the
// page to the regexes above), then judged by those rules. Every SR_ONLY_CLASS spelling contains one of these.
const CANDIDATES = [
  '[hidden]',
  '[aria-hidden="true" i]',
  '[style*="none" i]',
  '[style*="hidden" i]',
  '[style*="clip" i]',
  '[class*="sr-only" i]',
  '[class*="hidden" i]',
  '[class*="screen-reader" i]',
  '[class*="screenreader" i]',
  '[class*="invisible" i]',
  '[class*="assistive" i]',
  '[class*="offscreen" i]',
].join(',');

/** True when `el` itself (not an ancestor) is hidden from a sighted reader by its markup. */
export function isHiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  // Readability keeps aria-hidden fallback images for the same reason: they are what a reader sees.
  if (el.getAttribute('aria-hidden')?.toLowerCase() === 'true' && !/fallback-image/.test(el.className)) {
    return true;
  }
  const style = el.getAttribute('style');
  if (style && (HIDING_STYLE.test(style) || CLIP_STYLE.test(style))) return true;
  const cls = el.getAttribute('class');
  return cls !== null && SR_ONLY_CLASS.test(cls);
}

/** Removes from `root` (a clone of the page, never the live page) every element hidden by its markup. */
export function removeHidden(root: Element): number {
  let removed = 0;
  for (const el of Array.from(root.querySelectorAll(CANDIDATES))) {
    // An ancestor removed earlier took this one with it.
    if (!el.isConnected || !isHiddenByMarkup(el)) continue;
    el.remove();
    removed++;
  }
  return removed;
}

/** True when `node` or an ancestor up to (not including) `stop` satisfies `hidden`. */
export function withinHidden(node: Node, stop: Node, hidden: (el: Element) => boolean): boolean {
  for (let cur: Node | null = node; cur && cur !== stop; cur = cur.parentNode) {
    if (isElement(cur) && hidden(cur)) return true;
  }
  return false;
}
