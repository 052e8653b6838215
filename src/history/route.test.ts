import { describe, expect, it } from 'vitest';
import { articleHash, parseRoute } from './route';

describe('history route', () => {
  it('lists everything without an article', () => {
    expect(parseRoute('')).toEqual({ page: 'list' });
    expect(parseRoute('#all')).toEqual({ page: 'list' });
    expect(parseRoute('#article=')).toEqual({ page: 'list' });
  });

  it('round-trips an article URL with its own query and fragment', () => {
    const url = 'https://news.test/story?id=3&utm=x#top';
    expect(parseRoute(articleHash(url))).toEqual({ page: 'article', url });
  });

  it('carries the two versions a comparison link opens on', () => {
    const url = 'https://news.test/story?id=3';
    expect(parseRoute(articleHash(url, { from: 4, to: 9 }))).toEqual({
      page: 'article',
      url,
      compare: { from: 4, to: 9 },
    });
    expect(parseRoute(`${articleHash(url)}&from=x&to=2`)).toEqual({ page: 'article', url });
  });
});
