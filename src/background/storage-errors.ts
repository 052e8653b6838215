/**
 * Storage failures the reader should understand. A write that hits the quota aborts its whole transaction, so
 * what was stored before stays intact; the error says so.
 */

export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(options?: { cause?: unknown }) {
    super(
      'Redline could not save this article: the browser says its storage is full. Nothing already kept was ' +
        'lost. Free disk space or delete old history in the options, then reload the page.',
      options,
    );
  }
}

function errorName(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('name' in error)) return null;
  return typeof error.name === 'string' ? error.name : null;
}

/** True for the quota error of any browser; an abort caused by one carries it as its cause or the tx error. */
export function isQuotaError(error: unknown): boolean {
  if (errorName(error) === 'QuotaExceededError') return true;
  // Firefox before 72 named it NS_ERROR_DOM_QUOTA_REACHED; cheap to keep recognising.
  if (errorName(error) === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  return typeof error === 'object' && error !== null && 'cause' in error && isQuotaError(error.cause);
}

/** The error to pass on: a quota error becomes a `StorageFullError`, anything else is kept as it is. */
export function storageError(error: unknown): unknown {
  return isQuotaError(error) ? new StorageFullError({ cause: error }) : error;
}

/**
 * Runs `work` inside `tx`, all or nothing: a failing step aborts the transaction so nothing half-written is
 * committed, and every failure comes back through `storageError`. Resolves once the transaction has committed.
 */
export async function inTransaction<T>(
  tx: { abort(): void; done: Promise<void> },
  work: () => Promise<T>,
): Promise<T> {
  try {
    const [value] = await Promise.all([
      work().catch((error: unknown) => {
        try {
          tx.abort();
        } catch {
          // Already finished, or aborted by the failing request itself.
        }
        throw error;
      }),
      tx.done,
    ]);
    return value;
  } catch (error) {
    throw storageError(error);
  }
}
