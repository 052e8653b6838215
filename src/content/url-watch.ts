/**
 * Noticing that a single-page site showed another article in the same document.
 *
 * A content script runs in an isolated world: it cannot wrap the page's own `history.pushState`, and pushState
 * fires no event. What it can see: the Navigation API's `navigatesuccess` (Chromium 102+, Firefox 147+), `popstate`
 * for back/forward, and, as the fallback for browsers without the Navigation API, DOM mutations (a site that
 * shows a new article changes the DOM), after which comparing `location.href` is cheap.
 */

/** The part of the Navigation API used here; TypeScript's DOM library does not describe it yet. */
interface NavigationLike {
  addEventListener(type: 'navigatesuccess', listener: () => void, options: { signal: AbortSignal }): void;
}

/** The address without its fragment: jumping to #section shows the same article. */
export function documentAddress(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}

/**
 * Calls `onChange` with the new address whenever the document's address (fragment ignored) changes, until
 * `signal` aborts.
 */
export function watchAddress(win: Window, onChange: (address: string) => void, signal: AbortSignal): void {
  let last = documentAddress(win.location.href);
  const check = (): void => {
    const now = documentAddress(win.location.href);
    if (now === last) return;
    last = now;
    onChange(now);
  };

  win.addEventListener('popstate', check, { signal });
  const navigation = (win as Window & { navigation?: NavigationLike }).navigation;
  if (navigation) {
    navigation.addEventListener('navigatesuccess', check, { signal });
    return;
  }
  // Only without the Navigation API: a subtree observer on every page the reader opens is not free.
  const observer = new MutationObserver(check);
  observer.observe(win.document, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
