/**
 * A page's HTML arrives in pieces ('page.upload'), each its own message, so that no one message holds the page's
 * thread for long (src/core/remote-extract/serialise.ts); 'page.parse' then takes the whole. One upload per tab:
 * a tab evaluates one page at a time, and a new upload means the page it was for is gone. What waits is bounded:
 * each upload by the largest page read at all, all of them together by a few such pages, and by age.
 */
import { MAX_PAGE_CHARS } from '../../core/remote-extract/serialise';

/** All uploads together, in characters; the oldest go first past it. */
export const MAX_WAITING_CHARS = 3 * MAX_PAGE_CHARS;
/** An upload not parsed within this is let go (its page's script stopped, or the tab went). */
export const UPLOAD_TTL_MS = 2 * 60 * 1000;

export class UploadRefused extends Error {
  override readonly name = 'UploadRefused';
}

interface Upload {
  id: string;
  pieces: string[];
  chars: number;
  at: number;
}

export class PageUploads {
  private readonly byTab = new Map<number, Upload>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Keeps piece `index` of upload `id` from `tab`. */
  add(tab: number, id: string, index: number, piece: string): void {
    this.expire();
    let upload = this.byTab.get(tab);
    if (upload?.id !== id) {
      upload = { id, pieces: [], chars: 0, at: this.now() };
      this.byTab.set(tab, upload);
    }
    const chars = upload.chars - (upload.pieces[index]?.length ?? 0) + piece.length;
    if (chars > MAX_PAGE_CHARS) {
      this.byTab.delete(tab);
      throw new UploadRefused(`the page has over ${MAX_PAGE_CHARS} characters of HTML`);
    }
    upload.pieces[index] = piece;
    upload.chars = chars;
    upload.at = this.now();
    this.bound(tab);
  }

  /** The whole HTML of upload `id` in `count` pieces, which is let go; throws when a piece is missing. */
  take(tab: number, id: string, count: number): string {
    const upload = this.byTab.get(tab);
    this.byTab.delete(tab);
    if (upload?.id !== id)
      throw new UploadRefused('no such upload (the background restarted, or it expired)');
    if (upload.pieces.length !== count) throw new UploadRefused('the upload is incomplete');
    for (let i = 0; i < count; i++) {
      if (upload.pieces[i] === undefined) throw new UploadRefused('the upload is incomplete');
    }
    return upload.pieces.join('');
  }

  /** Characters waiting, all tabs together (tests). */
  get waiting(): number {
    let chars = 0;
    for (const upload of this.byTab.values()) chars += upload.chars;
    return chars;
  }

  private expire(): void {
    const now = this.now();
    for (const [tab, upload] of this.byTab) if (now - upload.at > UPLOAD_TTL_MS) this.byTab.delete(tab);
  }

  /** Lets the oldest uploads of other tabs go while all of them together are over the bound. */
  private bound(keep: number): void {
    while (this.waiting > MAX_WAITING_CHARS) {
      let oldest: [number, Upload] | null = null;
      for (const entry of this.byTab) {
        if (entry[0] !== keep && (oldest === null || entry[1].at < oldest[1].at)) oldest = entry;
      }
      if (oldest === null) return;
      this.byTab.delete(oldest[0]);
    }
  }
}
