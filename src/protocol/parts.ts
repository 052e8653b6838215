/**
 * Long lists in a message, sent in parts: a message is decoded on the page's thread in one task, and a reply
 * holding an article of 20,000 paragraphs is megabytes (issue 8). A sender keeps the parts and the page asks for
 * them one message at a time (background/reply-parts.ts), so no task decodes more than one part.
 */

/** Characters of JSON per part: decoding one costs the page a few milliseconds. */
export const PART_CHARS = 128 * 1024;

/** Named lists, cut and joined together. */
export type Lists = Record<string, unknown[]>;

const size = (value: unknown): number => JSON.stringify(value).length;

/**
 * `lists` cut into parts of at most `partChars` characters of JSON each (one item larger than that makes a part
 * of its own), in order; null when they fit in one part and need no cutting.
 */
export function chunkLists<L extends Lists>(lists: L, partChars = PART_CHARS): L[] | null {
  if (size(lists) <= partChars) return null;
  const keys = Object.keys(lists) as (keyof L)[];
  const empty = (): L => Object.fromEntries(keys.map((key) => [key, []])) as unknown as L;
  const emptyChars = size(empty());
  const parts: L[] = [];
  let part = empty();
  let chars = emptyChars;
  for (const key of keys) {
    for (const item of lists[key] ?? []) {
      // The item and the comma before it.
      const itemChars = size(item) + 1;
      if (chars > emptyChars && chars + itemChars > partChars) {
        parts.push(part);
        part = empty();
        chars = emptyChars;
      }
      (part[key] as unknown[]).push(item);
      chars += itemChars;
    }
  }
  parts.push(part);
  return parts;
}

/** `head`'s lists with every part's appended, in order. */
export function joinLists<L extends Lists>(head: L, parts: readonly L[]): L {
  const joined = Object.fromEntries(
    Object.entries(head).map(([key, items]) => [key, [...items]]),
  ) as unknown as L;
  for (const part of parts) {
    for (const key of Object.keys(joined) as (keyof L)[]) {
      const into = joined[key] as unknown[];
      for (const item of part[key] ?? []) into.push(item);
    }
  }
  return joined;
}

/** The `more.parts` parts of a head, asked for one message after another, in order. */
export async function fetchParts<L extends Lists>(
  more: { id: string; parts: number },
  part: (id: string, index: number) => Promise<L>,
  signal?: AbortSignal,
): Promise<L[]> {
  const parts: L[] = [];
  for (let index = 0; index < more.parts; index++) {
    parts.push(await part(more.id, index));
    signal?.throwIfAborted();
  }
  return parts;
}
