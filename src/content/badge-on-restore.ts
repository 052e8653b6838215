/**
 * A page restored from the back/forward cache keeps its marks, but the browser reset the tab's badge, so the
 * badge is set again. The `pageshow` listener is added only once the page has shown changes: most visits never
 * do, and with a listener every load's `pageshow` dispatch entered the content script's world, 0.5–2 ms of the
 * page's thread on a first visit (issue 8).
 */
export function badgeOnRestore(
  win: Pick<Window, 'addEventListener'>,
  changesShown: () => number,
  showBadge: (changes: number) => void,
): () => void {
  let armed = false;
  return () => {
    if (armed) return;
    armed = true;
    // For the document's whole life: the listener goes when the document does.
    win.addEventListener('pageshow', (event) => {
      const changes = changesShown();
      if ((event as PageTransitionEvent).persisted && changes > 0) showBadge(changes);
    });
  };
}
