import { describe, expect, it } from 'vitest';
import { HIDDEN_SHARE, isPartialView, MIN_HIDDEN_PARAGRAPHS } from './teaser';

const story = Array.from(
  { length: 12 },
  (_, i) => `Paragraph ${i + 1} of the story, with enough words to read as a real sentence of news.`,
);
const stored = { title: 'Council approves budget', paragraphs: story };
const showing = (paragraphs: string[]) => ({ title: stored.title, paragraphs });

describe('isPartialView', () => {
  it('reads the first paragraphs alone, as a paywall shows them, as a partial view', () => {
    expect(isPartialView(stored, showing(story.slice(0, 2)))).toBe(true);
    // With the wall's own prompt and a paragraph cut off mid-sentence.
    const cut = story[3]?.slice(0, 30) ?? '';
    expect(isPartialView(stored, showing([...story.slice(0, 3), cut, 'Subscribe to keep reading.']))).toBe(
      true,
    );
  });

  it('is not a partial view when most of the text is still there', () => {
    const kept = Math.ceil(story.length * (1 - HIDDEN_SHARE)) + 1;
    expect(isPartialView(stored, showing(story.slice(0, kept)))).toBe(false);
    expect(isPartialView(stored, stored)).toBe(false);
  });

  it('is not a partial view when the end is still there: the newsroom cut the middle', () => {
    expect(isPartialView(stored, showing([...story.slice(0, 2), ...story.slice(-2)]))).toBe(false);
  });

  it('is not a partial view when the text shown is mostly another one', () => {
    const notice =
      'This article has been withdrawn following a complaint. We apologise for the error and any distress.';
    expect(isPartialView(stored, showing([notice]))).toBe(false);
    expect(isPartialView(stored, showing([story[0] ?? '', notice, notice]))).toBe(false);
  });

  it('is not a partial view when only a few paragraphs went (a short story cut by the newsroom)', () => {
    const short = { title: 'Short', paragraphs: story.slice(0, MIN_HIDDEN_PARAGRAPHS) };
    expect(isPartialView(short, { title: 'Short', paragraphs: story.slice(0, 1) })).toBe(false);
  });

  it('counts characters, so a story written without spaces is judged the same way', () => {
    const zh = Array.from(
      { length: 10 },
      (_, i) => `这是第${i + 1}段新闻报道的内容，市议会周二批准了新的预算方案。`,
    );
    expect(isPartialView({ title: 't', paragraphs: zh }, { title: 't', paragraphs: zh.slice(0, 2) })).toBe(
      true,
    );
  });

  it('is not a partial view of an empty story or by an empty page', () => {
    expect(isPartialView({ title: 't', paragraphs: [] }, { title: 't', paragraphs: [] })).toBe(false);
    expect(isPartialView(stored, showing([]))).toBe(false);
  });
});
