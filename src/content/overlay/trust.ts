/**
 * Only the reader drives Redline's controls. A page can dispatch synthetic clicks and keystrokes at anything it
 * can reach; the browser marks those `isTrusted === false`, and no handler of the overlay acts on them
 * (issue 9, item 3).
 */
export function isTrustedEvent(event: Event): boolean {
  return event.isTrusted;
}
