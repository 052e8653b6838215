import { describe, expect, it } from 'vitest';
import type { Article } from '../core/model';
import { READING_GONE } from '../protocol/reading';
import { READING_TTL_MS, Readings } from './readings';

const article = (title: string): Article => ({
  url: 'https://news.test/a',
  title,
  lang: 'en',
  byline: null,
  siteName: null,
  publishedTime: null,
  paragraphs: [{ text: 'One.', kind: 'p' }],
});

describe('Readings', () => {
  it('gives a tab back the article read from its upload, and no other tab or upload', () => {
    const readings = new Readings();
    readings.keep(1, 'u1', article('Mine'));
    readings.keep(2, 'u2', article('Theirs'));
    expect(readings.take(1, 'u1').title).toBe('Mine');
    // A capture sent again (the service worker stopped while answering) finds it again.
    expect(readings.take(1, 'u1').title).toBe('Mine');
    expect(() => readings.take(1, 'u2')).toThrow(expect.objectContaining({ name: READING_GONE }));
    expect(() => readings.take(3, 'u1')).toThrow(expect.objectContaining({ name: READING_GONE }));
  });

  it('keeps only a tab’s newest reading, and none past its age', () => {
    let now = 0;
    const readings = new Readings(() => now);
    readings.keep(1, 'old', article('Old'));
    readings.keep(1, 'new', article('New'));
    expect(() => readings.take(1, 'old')).toThrow(expect.objectContaining({ name: READING_GONE }));
    now += READING_TTL_MS + 1;
    expect(() => readings.take(1, 'new')).toThrow(expect.objectContaining({ name: READING_GONE }));
  });
});
