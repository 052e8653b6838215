/**
 * A changed page's capture reply holds the previous version and the comparison: on an article of 20,000
 * paragraphs several megabytes, which the page's thread decodes in one task when it arrives as one message (half
 * a second, issue 8). Such a reply goes out as a head with the long lists left empty, and the lists follow in
 * parts of about `PART_CHARS` characters that the page asks for one message at a time ('capture.part'), so no
 * task decodes more than one part (src/content/capture-reply.ts joins them). One reply per tab waits, for at most
 * `PARTS_TTL_MS`.
 */
import type { CaptureReply, ReplyPart } from './protocol';

/** Characters of JSON per part: decoding one costs the page a few milliseconds. */
export const PART_CHARS = 128 * 1024;
/** Parts not asked for within this are let go (the tab moved on). */
export const PARTS_TTL_MS = 60 * 1000;

type Changed = Extract<CaptureReply, { status: 'changed' }>;

const size = (value: unknown): number => JSON.stringify(value).length;

/**
 * `reply` as a head and parts when its lists are longer than one part, else as it is (and no parts). The head's
 * lists are empty; `more` says how many parts refill them, in order.
 */
export function splitReply(
  reply: Changed,
  id: string,
  partChars = PART_CHARS,
): { head: Changed; parts: ReplyPart[] } {
  const lists = {
    previous: reply.previous.paragraphs,
    paragraphs: reply.aligned.paragraphs,
    removed: reply.aligned.removed,
  };
  if (size(lists) <= partChars) return { head: reply, parts: [] };
  const parts: ReplyPart[] = [];
  const empty = (): ReplyPart => ({ previous: [], paragraphs: [], removed: [] });
  const EMPTY_CHARS = size(empty());
  let part = empty();
  let chars = EMPTY_CHARS;
  const add = <K extends keyof ReplyPart>(key: K, item: ReplyPart[K][number]): void => {
    // The item and the comma before it.
    const itemChars = size(item) + 1;
    if (chars > EMPTY_CHARS && chars + itemChars > partChars) {
      parts.push(part);
      part = empty();
      chars = EMPTY_CHARS;
    }
    (part[key] as ReplyPart[K][number][]).push(item);
    chars += itemChars;
  };
  for (const text of lists.previous) add('previous', text);
  for (const change of lists.paragraphs) add('paragraphs', change);
  for (const removed of lists.removed) add('removed', removed);
  parts.push(part);
  const head: Changed = {
    ...reply,
    previous: { ...reply.previous, paragraphs: [] },
    aligned: { ...reply.aligned, paragraphs: [], removed: [] },
    more: { id, parts: parts.length },
  };
  return { head, parts };
}

/** The parts of each tab's last split reply, until asked for or let go. */
export class ReplyParts {
  private readonly byTab = new Map<number, { id: string; parts: ReplyPart[]; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  keep(tab: number, id: string, parts: ReplyPart[]): void {
    this.expire();
    this.byTab.set(tab, { id, parts, at: this.now() });
  }

  /** Part `index` of reply `id`; the last one lets the reply go. Throws when it is not kept. */
  take(tab: number, id: string, index: number): ReplyPart {
    const kept = this.byTab.get(tab);
    const part = kept?.id === id ? kept.parts[index] : undefined;
    if (!kept || !part) throw new Error('no such reply part (the background restarted, or it expired)');
    kept.at = this.now();
    if (index === kept.parts.length - 1) this.byTab.delete(tab);
    return part;
  }

  private expire(): void {
    const now = this.now();
    for (const [tab, kept] of this.byTab) if (now - kept.at > PARTS_TTL_MS) this.byTab.delete(tab);
  }
}
