/**
 * The error name of a request whose wait on the history database ran out (src/background/db-connection.ts). It
 * crosses the message protocol, so the pages, which never import the background's internals, test for it here:
 * a read that met it is asked once more (src/ui/readTwice.ts).
 */
export const DATABASE_TIMEOUT = 'DatabaseTimeout';

/** A DatabaseTimeout, thrown in the background or re-thrown in a page by `send()` from the background's reply. */
export function isDatabaseTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === DATABASE_TIMEOUT;
}
