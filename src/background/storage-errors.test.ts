import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { inTransaction, isQuotaError, StorageFullError, storageError } from './storage-errors';

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

describe('inTransaction', () => {
  async function store() {
    return openDB('redline-in-transaction-test', 1, {
      upgrade(db) {
        db.createObjectStore('items');
      },
    });
  }

  it('commits and returns what the work returned', async () => {
    const db = await store();
    const tx = db.transaction('items', 'readwrite');
    const value = await inTransaction(tx, async () => {
      await tx.store.put('kept', 'a');
      return 7;
    });
    expect(value).toBe(7);
    expect(await db.get('items', 'a')).toBe('kept');
    db.close();
  });

  it('writes nothing when a step fails, and reports a full disk clearly', async () => {
    const db = await store();
    const tx = db.transaction('items', 'readwrite');
    const failing = inTransaction(tx, async () => {
      await tx.store.put('half-written', 'b');
      throw new DOMException('quota', 'QuotaExceededError');
    });
    await expect(failing).rejects.toBeInstanceOf(StorageFullError);
    expect(await db.get('items', 'b')).toBeUndefined();
    db.close();
  });
});
