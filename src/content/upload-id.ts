/**
 * A fresh id for one upload, unique within this tab, where the background keys uploads (handlers.ts). A counter
 * for this script's uploads, and a random tail for the scripts of earlier documents in the tab. Not
 * `crypto.getRandomValues`: no page can message the background in this script's name, so the id needs no
 * secrecy, and its first call in a world costs the page's thread 0.5–0.8 ms (Chromium, timed in a page; a content
 * script's profile put 1.2 ms of a small page's first visit there).
 */
let uploads = 0;
export function uploadId(): string {
  uploads += 1;
  const random = () => Math.random().toString(36).slice(2, 12);
  return `${uploads.toString(36)}-${random()}${random()}`;
}
