/**
 * Helpers for the overlay's jsdom tests: the text a page element shows without anything the overlay inserted.
 */

/** The element's text with every `[data-redline-old]` / `[data-redline-ui]` subtree left out. */
export function pageOwnText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  for (const inserted of clone.querySelectorAll('[data-redline-old], [data-redline-ui]')) inserted.remove();
  return clone.textContent ?? '';
}
