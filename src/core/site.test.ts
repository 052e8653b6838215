import { describe, expect, it } from 'vitest';
import { normaliseSite, siteMatches, siteOf } from './site';

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

describe('siteOf', () => {
  it('drops a leading www. and lower-cases the host', () => {
    expect(siteOf('https://WWW.BBC.co.uk/news/world-1?x=1#top')).toBe('bbc.co.uk');
    expect(siteOf('http://news.example.com:8080/a')).toBe('news.example.com');
    expect(siteOf('http://127.0.0.1:4321/article.html')).toBe('127.0.0.1');
  });

  it('refuses what is not an http(s) URL', () => {
    expect(siteOf('file:///tmp/a.html')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
    expect(siteOf('chrome-extension://abc/popup.html')).toBeNull();
  });
});

describe('normaliseSite', () => {
  it('accepts a bare host, a host with a path and a full URL', () => {
    expect(normaliseSite(' BBC.co.uk ')).toBe('bbc.co.uk');
    expect(normaliseSite('bbc.co.uk/news')).toBe('bbc.co.uk');
    expect(normaliseSite('https://www.bbc.co.uk/news')).toBe('bbc.co.uk');
  });

  it('returns null for empty input', () => {
    expect(normaliseSite('   ')).toBeNull();
  });
});

describe('siteMatches', () => {
  it('covers the site itself and its subdomains only', () => {
    expect(siteMatches('bbc.co.uk', 'bbc.co.uk')).toBe(true);
    expect(siteMatches('news.bbc.co.uk', 'bbc.co.uk')).toBe(true);
    expect(siteMatches('notbbc.co.uk', 'bbc.co.uk')).toBe(false);
    expect(siteMatches('bbc.co.uk', 'news.bbc.co.uk')).toBe(false);
  });
});
