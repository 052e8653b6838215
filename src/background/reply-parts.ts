/**
 * A changed page's capture reply holds the previous version and the comparison: on an article of 20,000
 * paragraphs several megabytes, which the page's thread decodes in one task when it arrives as one message (half
 * a second, issue 8). Such a reply goes out as a head with the long lists left empty, and the lists follow in
 * parts of about `PART_CHARS` characters that the page asks for one message at a time ('capture.part'), so no
 * task decodes more than one part (src/content/capture-reply.ts joins them). One reply per tab waits, for at most
 * `PARTS_TTL_MS`.
 */
import type { ParsedPage } from '../core/remote-extract/parse';
import { chunkLists, PART_CHARS } from '../protocol/parts';
import type { CaptureReply, ParsePart, ParseReply, ReplyPart } from './protocol';
import { TabSlots } from './tab-slots';

export { PART_CHARS };

/** Parts not asked for within this are let go (the tab moved on). */
export const PARTS_TTL_MS = 60 * 1000;

type Changed = Extract<CaptureReply, { status: 'changed' }>;

/**
 * `reply` as a head and parts when its lists are longer than one part, else as it is (and no parts). The head's
 * lists are empty; `more` says how many parts refill them, in order.
 */
export function splitReply(
  reply: Changed,
  id: string,
  partChars = PART_CHARS,
): { head: Changed; parts: ReplyPart[] } {
  const parts = chunkLists<ReplyPart>(
    {
      previous: reply.previous.paragraphs,
      paragraphs: reply.aligned.paragraphs,
      removed: reply.aligned.removed,
    },
    partChars,
  );
  if (parts === null) return { head: reply, parts: [] };
  const head: Changed = {
    ...reply,
    previous: { ...reply.previous, paragraphs: [] },
    aligned: { ...reply.aligned, paragraphs: [], removed: [] },
    more: { id, parts: parts.length },
  };
  return { head, parts };
}

/**
 * A page reading as a head and parts when its paragraphs and anchors are longer than one part ('parse.part'),
 * else as it is.
 */
export function splitParsed(
  parsed: ParsedPage,
  id: string,
  partChars = PART_CHARS,
): { head: ParseReply; parts: ParsePart[] } {
  if (!parsed.ok) return { head: parsed, parts: [] };
  const parts = chunkLists<ParsePart>(
    { paragraphs: parsed.article.paragraphs, anchors: parsed.anchors },
    partChars,
  );
  if (parts === null) return { head: parsed, parts: [] };
  const head: ParseReply = {
    ...parsed,
    article: { ...parsed.article, paragraphs: [] },
    anchors: [],
    more: { id, parts: parts.length },
  };
  return { head, parts };
}

/** The parts of each tab's last split reply, until asked for or let go. */
export class ReplyParts<P> {
  private readonly slots: TabSlots<{ id: string; parts: P[] }>;

  constructor(now: () => number = Date.now) {
    this.slots = new TabSlots(PARTS_TTL_MS, now);
  }

  keep(tab: number, id: string, parts: P[]): void {
    this.slots.set(tab, { id, parts });
  }

  /** Part `index` of reply `id`; the last one lets the reply go. Throws when it is not kept. */
  take(tab: number, id: string, index: number): P {
    const kept = this.slots.get(tab);
    const part = kept?.id === id ? kept.parts[index] : undefined;
    if (!kept || !part) throw new Error('no such reply part (the background restarted, or it expired)');
    // Kept for another while from this use on, or let go after the last part.
    if (index === kept.parts.length - 1) this.slots.delete(tab);
    else this.slots.set(tab, kept);
    return part;
  }
}
