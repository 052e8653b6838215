import { describe, expect, it } from 'vitest';
import { uploadId } from './upload-id';

describe('uploadId', () => {
  it('never repeats within a script, and fits the id the protocol accepts', () => {
    const ids = Array.from({ length: 10_000 }, uploadId);
    expect(new Set(ids).size).toBe(ids.length);
    // isUploadId in src/background/protocol.ts.
    for (const id of ids) expect(id).toMatch(/^[\w-]{1,64}$/);
  });

  it('carries a random tail, so a later document in the same tab does not reuse an earlier one’s ids', () => {
    const tails = new Set(Array.from({ length: 1_000 }, () => uploadId().split('-')[1]));
    expect(tails.size).toBe(1_000);
  });
});
