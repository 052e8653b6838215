import { describe, expect, it } from 'vitest';
import { MAX_PAGE_CHARS } from '../../core/remote-extract/serialise';
import { MAX_WAITING_CHARS, PageUploads, UPLOAD_TTL_MS, UploadRefused } from './uploads';

describe('PageUploads', () => {
  it('joins the pieces of an upload in their order, once', () => {
    const uploads = new PageUploads();
    uploads.add(1, 'u', 1, 'world');
    uploads.add(1, 'u', 0, 'hello ');
    expect(uploads.take(1, 'u', 2)).toBe('hello world');
    expect(() => uploads.take(1, 'u', 2)).toThrow(UploadRefused);
  });

  it('refuses an incomplete upload, or one it does not know', () => {
    const uploads = new PageUploads();
    uploads.add(1, 'u', 0, 'a');
    uploads.add(1, 'u', 2, 'c');
    expect(() => uploads.take(1, 'u', 3)).toThrow('incomplete');
    uploads.add(1, 'u', 0, 'a');
    expect(() => uploads.take(1, 'u', 2)).toThrow('incomplete');
    expect(() => uploads.take(1, 'other', 1)).toThrow('no such upload');
  });

  it('keeps one upload per tab, the newest, and keeps tabs apart', () => {
    const uploads = new PageUploads();
    uploads.add(1, 'old', 0, 'old page');
    uploads.add(2, 'u', 0, 'tab two');
    uploads.add(1, 'new', 0, 'new page');
    expect(() => uploads.take(1, 'old', 1)).toThrow('no such upload');
    expect(uploads.take(2, 'u', 1)).toBe('tab two');
    // Tab 2's id does not reach tab 1's pieces.
    uploads.add(1, 'new', 0, 'new page');
    expect(() => uploads.take(2, 'new', 1)).toThrow('no such upload');
  });

  it('refuses a page past the size bound and lets its pieces go', () => {
    const uploads = new PageUploads();
    uploads.add(1, 'u', 0, 'x'.repeat(MAX_PAGE_CHARS));
    expect(() => uploads.add(1, 'u', 1, 'y')).toThrow(UploadRefused);
    expect(uploads.waiting).toBe(0);
  });

  it('counts a piece sent again once', () => {
    const uploads = new PageUploads();
    uploads.add(1, 'u', 0, 'x'.repeat(MAX_PAGE_CHARS));
    uploads.add(1, 'u', 0, 'x'.repeat(MAX_PAGE_CHARS));
    expect(uploads.waiting).toBe(MAX_PAGE_CHARS);
  });

  it('lets the oldest uploads of other tabs go past the bound on all of them', () => {
    let now = 0;
    const uploads = new PageUploads(() => now);
    const full = 'x'.repeat(MAX_PAGE_CHARS);
    for (let tab = 1; tab <= MAX_WAITING_CHARS / MAX_PAGE_CHARS; tab++) {
      now += 1;
      uploads.add(tab, 'u', 0, full);
    }
    now += 1;
    uploads.add(9, 'u', 0, full);
    expect(uploads.waiting).toBe(MAX_WAITING_CHARS);
    expect(() => uploads.take(1, 'u', 1)).toThrow('no such upload');
    expect(uploads.take(9, 'u', 1)).toBe(full);
  });

  it('lets an upload nobody asked to parse go after a while', () => {
    let now = 0;
    const uploads = new PageUploads(() => now);
    uploads.add(1, 'u', 0, 'page');
    now += UPLOAD_TTL_MS + 1;
    uploads.add(2, 'v', 0, 'other');
    expect(() => uploads.take(1, 'u', 1)).toThrow('no such upload');
  });
});
