/**
 * A large capture reply arrives as a head and parts (src/background/reply-parts.ts): asked for one message at a
 * time, so the page's thread decodes one part per task, then joined here.
 */
import type { CaptureReply, ReplyPart } from '../background/protocol';
import { fetchParts, joinLists } from '../protocol/parts';

type Changed = Extract<CaptureReply, { status: 'changed' }>;

/** The page's side: the head refilled from its parts, in order. */
export function joinReply(head: Changed, parts: readonly ReplyPart[]): Changed {
  const lists = joinLists<ReplyPart>(
    {
      previous: head.previous.paragraphs,
      paragraphs: head.aligned.paragraphs,
      removed: head.aligned.removed,
    },
    parts,
  );
  const { more: _more, ...rest } = head;
  return {
    ...rest,
    previous: { ...head.previous, paragraphs: lists.previous },
    aligned: { ...head.aligned, paragraphs: lists.paragraphs, removed: lists.removed },
  };
}

/** The whole reply: `head` itself, or with its parts fetched by `part` one after another. */
export async function wholeReply(
  head: Changed,
  part: (id: string, index: number) => Promise<ReplyPart>,
  signal?: AbortSignal,
): Promise<Changed> {
  if (!head.more) return head;
  return joinReply(head, await fetchParts(head.more, part, signal));
}
