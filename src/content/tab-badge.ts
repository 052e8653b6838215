/**
 * The toolbar badge of the content script's tab: how many changes the page shows. The background clears it
 * when a document starts loading (src/background/index.ts), so a page that shows nothing sends nothing: on most
 * visits a message clearing a clear badge was one more task on the page's thread (issue 8).
 */
export interface TabBadge {
  /** The page now shows `changes` changes (0: none). */
  show(changes: number): void;
  /** The browser reset the badge (a page restored from the back/forward cache): set it whatever it was. */
  restore(changes: number): void;
  /** The background cleared the badge itself (it does when the reader dismisses the marks). */
  cleared(): void;
}

export function tabBadge(send: (changes: number) => void): TabBadge {
  let shown = 0;
  const set = (changes: number): void => {
    shown = changes;
    send(changes);
  };
  return {
    show: (changes) => {
      if (changes !== shown) set(changes);
    },
    restore: set,
    cleared: () => {
      shown = 0;
    },
  };
}
