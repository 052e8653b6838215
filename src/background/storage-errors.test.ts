import { describe, expect, it } from 'vitest';
import { isQuotaError, StorageFullError, storageError } from './storage-errors';

describe('storage errors', () => {
  it('recognises a quota error directly and as a cause', () => {
    const quota = new DOMException('quota', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError(new Error('abort', { cause: quota }))).toBe(true);
    expect(isQuotaError(new DOMException('x', 'AbortError'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });

  it('turns a quota error into a clear StorageFullError and passes others on', () => {
    const quota = new DOMException('quota', 'QuotaExceededError');
    const translated = storageError(quota);
    expect(translated).toBeInstanceOf(StorageFullError);
    expect((translated as StorageFullError).message).toMatch(
      /storage is full.*Nothing already kept was lost/,
    );
    expect((translated as StorageFullError).cause).toBe(quota);
    const other = new TypeError('bug');
    expect(storageError(other)).toBe(other);
  });
});
