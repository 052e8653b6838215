import { describe, expect, it } from 'vitest';
import { joinReply } from '../content/capture-reply';
import type { AlignResult } from '../core/model';
import { joinLists } from '../protocol/parts';
import type { CaptureReply } from './protocol';
import { PARTS_TTL_MS, ReplyParts, splitParsed, splitReply } from './reply-parts';

type Changed = Extract<CaptureReply, { status: 'changed' }>;

function reply(n: number): Changed {
  const aligned: AlignResult = {
    title: { changed: false, old: 'T', new: 'T', words: [] },
    paragraphs: Array.from({ length: n }, (_, i) => ({
      kind: 'reworded' as const,
      newIndex: i,
      oldIndex: i,
      moved: false,
      similarity: 0.9,
      words: [
        { op: 'equal' as const, text: `Paragraph ${i} says` },
        { op: 'delete' as const, text: 'old' },
        { op: 'insert' as const, text: 'new' },
      ],
    })),
    removed: Array.from({ length: Math.floor(n / 10) }, (_, i) => ({
      oldIndex: n + i,
      text: `Gone ${i}.`,
      before: i,
    })),
    stats: { unchanged: 0, added: 0, removed: Math.floor(n / 10), reworded: n, moved: 0 },
    capped: false,
  };
  return {
    status: 'changed',
    hash: 'h',
    previous: {
      hash: 'p',
      title: 'T',
      paragraphs: Array.from({ length: n }, (_, i) => `Paragraph ${i} says old things.`),
      firstSeen: 1,
      lastSeen: 2,
      extractor: 3,
    },
    overlay: 'auto',
    aligned,
    sinceLabel: '1 hour ago',
    notices: [],
    messages: {},
  };
}

describe('splitReply', () => {
  it('leaves a reply that fits in one part whole', () => {
    const small = reply(20);
    expect(splitReply(small, 'r1')).toEqual({ head: small, parts: [] });
  });

  it('sends a long reply as a head without lists and parts of bounded size that join to it', () => {
    const long = reply(5000);
    const { head, parts } = splitReply(long, 'r1', 16 * 1024);
    expect(head.more).toEqual({ id: 'r1', parts: parts.length });
    expect(head.previous.paragraphs).toEqual([]);
    expect(head.aligned.paragraphs).toEqual([]);
    expect(head.aligned.removed).toEqual([]);
    expect(JSON.stringify(head).length).toBeLessThan(2000);
    expect(parts.length).toBeGreaterThan(20);
    for (const part of parts) expect(JSON.stringify(part).length).toBeLessThanOrEqual(16 * 1024);
    expect(joinReply(head, parts)).toEqual(long);
  });
});

describe('splitParsed', () => {
  it('passes a refusal and a short reading through, and cuts a long one into parts', () => {
    const refusal = { ok: false as const, reason: 'not-readerable' as const, detail: 'no' };
    expect(splitParsed(refusal, 'u')).toEqual({ head: refusal, parts: [] });
    const reading = (n: number) => ({
      ok: true as const,
      article: {
        url: 'https://news.test/a',
        title: 'T',
        lang: 'en',
        byline: null,
        siteName: null,
        publishedTime: null,
        paragraphs: Array.from({ length: n }, (_, i) => ({
          text: `Paragraph ${i} of it.`,
          kind: 'p' as const,
        })),
      },
      anchors: Array.from({ length: n }, (_, i) => ({
        start: i * 20,
        end: i * 20 + 18,
        up: 0,
        keyLength: 18,
      })),
      titleAnchor: null,
      anchored: true,
    });
    expect(splitParsed(reading(10), 'u').parts).toEqual([]);
    const { head, parts } = splitParsed(reading(2000), 'u', 8192);
    if (!head.ok) throw new Error('expected a reading');
    expect(head.more).toEqual({ id: 'u', parts: parts.length });
    expect(head.article.paragraphs).toEqual([]);
    const lists = joinLists({ paragraphs: head.article.paragraphs, anchors: head.anchors }, parts);
    expect(lists).toEqual({ paragraphs: reading(2000).article.paragraphs, anchors: reading(2000).anchors });
  });
});

describe('ReplyParts', () => {
  it('hands out a tab’s parts by id, lets the reply go after the last, and keeps tabs apart', () => {
    const store = new ReplyParts();
    const { head, parts } = splitReply(reply(3000), 'r1', 16 * 1024);
    store.keep(1, 'r1', parts);
    expect(() => store.take(2, 'r1', 0)).toThrow('no such reply part');
    expect(head.more?.parts).toBe(parts.length);
    for (let i = 0; i < parts.length; i++) expect(store.take(1, 'r1', i)).toBe(parts[i]);
    expect(() => store.take(1, 'r1', 0)).toThrow('no such reply part');
  });

  it('lets parts nobody asked for go after a while', () => {
    let now = 0;
    const store = new ReplyParts(() => now);
    store.keep(1, 'r1', splitReply(reply(3000), 'r1', 16 * 1024).parts);
    now += PARTS_TTL_MS + 1;
    store.keep(2, 'r2', []);
    expect(() => store.take(1, 'r1', 0)).toThrow('no such reply part');
  });
});
