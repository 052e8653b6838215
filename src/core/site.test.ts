import { describe, expect, it } from 'vitest';
import { siteOf } from './site';

describe('siteOf', () => {
  it('is the host in lower case without a leading www. or trailing dot', () => {
    expect(siteOf('https://WWW.News.test./a?b#c')).toBe('news.test');
    expect(siteOf('http://127.0.0.1:8080/')).toBe('127.0.0.1');
  });

  it('is null for anything but an http(s) URL with a host', () => {
    expect(siteOf('mailto:a@b.test')).toBeNull();
    expect(siteOf('')).toBeNull();
  });
});
