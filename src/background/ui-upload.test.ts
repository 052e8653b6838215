import { describe, expect, it } from 'vitest';
import { ImportUploads, UploadError } from './ui-upload';

const LIMITS = { maxChars: 10, maxUploads: 2, idleMs: 1000 };

describe('ImportUploads', () => {
  it('joins the pieces in order and forgets the upload once taken', () => {
    const uploads = new ImportUploads(() => 0, LIMITS);
    expect(uploads.add('a', 0, '{"x"')).toBe(4);
    expect(uploads.add('a', 1, ':1}')).toBe(7);
    expect(uploads.take('a')).toBe('{"x":1}');
    expect(uploads.size).toBe(0);
    expect(() => uploads.take('a')).toThrow(UploadError);
  });

  it('refuses a piece out of order or without its first piece, and drops the upload', () => {
    const uploads = new ImportUploads(() => 0, LIMITS);
    expect(() => uploads.add('a', 1, 'x')).toThrow(/first part is missing/);
    uploads.add('a', 0, 'x');
    expect(() => uploads.add('a', 2, 'y')).toThrow(/out of order/);
    expect(uploads.size).toBe(0);
  });

  it('refuses a file past the size limit and keeps nothing of it', () => {
    const uploads = new ImportUploads(() => 0, LIMITS);
    uploads.add('a', 0, '123456');
    expect(() => uploads.add('a', 1, '12345')).toThrow(/too large/);
    expect(uploads.size).toBe(0);
  });

  it('starts over when the first piece comes again, holds few uploads and drops idle ones', () => {
    let clock = 0;
    const uploads = new ImportUploads(() => clock, LIMITS);
    uploads.add('a', 0, 'old');
    uploads.add('a', 0, 'new');
    expect(uploads.take('a')).toBe('new');
    uploads.add('a', 0, '1');
    uploads.add('b', 0, '2');
    uploads.add('c', 0, '3');
    expect(uploads.size).toBe(2);
    expect(() => uploads.take('a')).toThrow(UploadError);
    clock = 5000;
    expect(() => uploads.add('b', 1, 'x')).toThrow(/first part is missing/);
    expect(uploads.size).toBe(0);
  });
});
