import { describe, expect, it } from 'vitest';
import { parseRoute } from '../history/route';
import { historyPageUrl } from './links';

describe('historyPageUrl', () => {
  it('names the article in a way the history page reads back', () => {
    const url = 'https://news.test/a?x=1&y=2#frag';
    const link = historyPageUrl(url);
    expect(link.startsWith('history.html#')).toBe(true);
    expect(parseRoute(link.slice(link.indexOf('#')))).toEqual({ page: 'article', url });
  });
});
