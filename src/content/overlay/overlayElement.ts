/**
 * What the overlay inserts into a page carries one of two attributes (the product contract): `data-redline-old`
 * on old text, `data-redline-ui` on everything else. Code that reads the page or watches it leaves these out.
 */

/** A selector for the overlay's own elements. */
export const OVERLAY_SELECTOR = '[data-redline-ui], [data-redline-old]';

/** Whether `element` is one the overlay inserted. */
export function isOverlayElement(element: Element): boolean {
  return element.hasAttribute('data-redline-old') || element.hasAttribute('data-redline-ui');
}
