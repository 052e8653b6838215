/**
 * A history file sent in pieces (`ui.importPart` … `ui.importEnd`), because one runtime message cannot carry a
 * large file (Chromium refuses past 64 MiB). The pieces are only collected here; the file is validated whole and
 * written by `importHistory` once the last one arrived, so a file with any problem still writes nothing.
 *
 * Bounded: pieces must come in order, a file may not grow past `maxChars`, an upload nobody finished is dropped
 * after `idleMs`, and only `maxUploads` are held at once (the oldest goes first).
 */
import { LIMITS } from '../core/export';

export class UploadError extends Error {
  override readonly name = 'UploadError';
}

interface Upload {
  parts: string[];
  chars: number;
  touched: number;
}

export interface UploadLimits {
  maxChars: number;
  maxUploads: number;
  idleMs: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxChars: LIMITS.fileChars,
  maxUploads: 2,
  idleMs: 5 * 60_000,
};

export class ImportUploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(
    private readonly now: () => number,
    private readonly limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
  ) {}

  /** Adds piece `index` (0-based) of upload `id`; returns the characters received so far. */
  add(id: string, index: number, text: string): number {
    this.dropIdle();
    let upload = this.uploads.get(id);
    if (index === 0) {
      // A new upload (or the same one started again): it replaces anything under that id.
      upload = { parts: [], chars: 0, touched: this.now() };
      this.uploads.delete(id);
      this.uploads.set(id, upload);
      while (this.uploads.size > this.limits.maxUploads) {
        const oldest = this.uploads.keys().next().value;
        if (oldest === undefined) break;
        this.uploads.delete(oldest);
      }
    }
    if (!upload)
      throw new UploadError('the import was interrupted (its first part is missing); start it again');
    if (index !== upload.parts.length) {
      this.uploads.delete(id);
      throw new UploadError(`part ${index} of the file came out of order; start the import again`);
    }
    if (upload.chars + text.length > this.limits.maxChars) {
      this.uploads.delete(id);
      throw new UploadError(
        `the file is too large to import (more than ${this.limits.maxChars} characters; that is the limit)`,
      );
    }
    upload.parts.push(text);
    upload.chars += text.length;
    upload.touched = this.now();
    return upload.chars;
  }

  /** The whole text of upload `id`, which is forgotten. */
  take(id: string): string {
    this.dropIdle();
    const upload = this.uploads.get(id);
    this.uploads.delete(id);
    if (!upload)
      throw new UploadError('the import was interrupted before the whole file arrived; start it again');
    return upload.parts.join('');
  }

  /** Uploads held now (for tests and to see nothing leaks). */
  get size(): number {
    return this.uploads.size;
  }

  private dropIdle(): void {
    const now = this.now();
    for (const [id, upload] of this.uploads) {
      if (now - upload.touched > this.limits.idleMs) this.uploads.delete(id);
    }
  }
}
