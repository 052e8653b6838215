/**
 * The text of a block as a sighted reader sees it: without the visually hidden parts that sites add for screen
 * readers ("Image caption, ", "Image source, EPA", "media caption"). Extraction may or may not have kept those
 * parts (they are in the DOM, and whether Readability keeps them depends on its scoring and on which release of
 * Redline read the page), so a revisit compares both forms before it calls a caption new or removed.
 *
 * Judged from markup only (class names, `hidden`, `aria-hidden`, inline styles), not `getComputedStyle`: it runs
 * on every unmatched block of a revisit and has to cost the same in jsdom and in a browser.
 */
import { displayText } from '../text';
import { isElement, isSkipped, isText } from './dom-kinds';

// The usual names of the clip/1-pixel "sr-only" pattern, also inside hashed css-in-js names
// (BBC's "ssrcss-1f39n02-VisuallyHidden").
const HIDDEN_CLASS =
  /sr-only|screen-?reader|visually-?hidden|hidden-?visually|visuallyhidden|offscreen|a11y-?hidden/i;
const HIDDEN_STYLE =
  /display\s*:\s*none|visibility\s*:\s*hidden|clip\s*:\s*rect\(\s*0|clip-path\s*:\s*inset\(\s*50%/i;

/** True when `el` is hidden from sight by markup alone: its own attributes, not its ancestors'. */
export function isVisuallyHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const cls = el.getAttribute('class');
  if (cls !== null && HIDDEN_CLASS.test(cls)) return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** Display form of the text under `root` that is not visually hidden. */
export function visibleText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (isText(child)) parts.push(child.data);
      else if (isElement(child) && !isSkipped(child) && !isVisuallyHidden(child)) walk(child);
    }
  };
  if (!isVisuallyHidden(root)) walk(root);
  return displayText(parts.join(''));
}
