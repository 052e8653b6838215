import { describe, expect, it } from 'vitest';
import { filingUrl, registrableSite, sameSite } from './filing';

describe('registrableSite', () => {
  it('is the registrable domain by the Public Suffix List, private suffixes included', () => {
    expect(registrableSite('https://www.bbc.co.uk/news/1')).toBe('bbc.co.uk');
    expect(registrableSite('https://edition.cnn.com/a')).toBe('cnn.com');
    expect(registrableSite('https://a.github.io/x')).toBe('a.github.io');
    expect(registrableSite('https://www.blogspot.com/x')).toBe('www.blogspot.com');
  });

  it('treats an IP address or a single-label host as a site of its own, and refuses non-http(s) URLs', () => {
    expect(registrableSite('http://127.0.0.1:4321/a')).toBe('127.0.0.1');
    expect(registrableSite('http://localhost/a')).toBe('localhost');
    expect(registrableSite('ftp://news.test/a')).toBeNull();
    expect(registrableSite('not a url')).toBeNull();
  });
});

describe('sameSite', () => {
  it('separates tenants of a hosting suffix and neighbours that only share a public suffix', () => {
    expect(sameSite('https://a.github.io/', 'https://b.github.io/')).toBe(false);
    expect(sameSite('https://evil.blogspot.com/', 'http://www.blogspot.com/')).toBe(false);
    expect(sameSite('https://evil.co.uk/', 'https://bbc.co.uk/')).toBe(false);
    expect(sameSite('http://127.0.0.1:1/', 'http://127.0.0.2:1/')).toBe(false);
    expect(sameSite('https://m.news.test/a', 'https://www.news.test/b')).toBe(true);
  });
});

describe('filingUrl', () => {
  it('believes a canonical URL on the page’s own site', () => {
    expect(filingUrl('https://www.bbc.co.uk/news/1', 'https://www.bbc.co.uk/news/1?at_medium=x')).toBe(
      'https://www.bbc.co.uk/news/1',
    );
    expect(filingUrl('https://amp.news.test/a', 'https://news.test/a')).toBe('https://amp.news.test/a');
    expect(filingUrl('https://www.news.test/a', 'https://m.news.test/a?x=1')).toBe('https://www.news.test/a');
  });

  it('does not let a sibling subdomain name another host’s article, though the PSL calls them one site', () => {
    // The attack of issue 9: a subdomain a blog platform hands out, naming the platform's own article.
    expect(filingUrl('http://www.blog.test/victim/7123', 'http://evil.blog.test/copy')).toBe(
      'http://evil.blog.test/copy',
    );
    expect(filingUrl('https://www.cnn.com/a', 'https://edition.cnn.com/a')).toBe('https://edition.cnn.com/a');
    expect(filingUrl('https://news.test/a', 'https://evil.news.test/a')).toBe('https://evil.news.test/a');
  });

  it('files a page claiming another site’s article under its own address, without tracking or fragment', () => {
    expect(filingUrl('https://www.bbc.co.uk/news/1', 'https://evil.test/copy?utm_source=x&id=4#top')).toBe(
      'https://evil.test/copy?id=4',
    );
    expect(filingUrl('https://victim.github.io/post', 'https://attacker.github.io/post')).toBe(
      'https://attacker.github.io/post',
    );
    // A tenant of a blog host naming the host's own www article: a parent-domain rule would have believed it.
    expect(filingUrl('http://www.blogspot.com/victim/7123', 'http://evil.blogspot.com/copy')).toBe(
      'http://evil.blogspot.com/copy',
    );
    expect(filingUrl('http://victim.blogspot.com/7123', 'http://blogspot.com/')).toBe('http://blogspot.com/');
  });

  it('falls back to the page address when the declared URL is not http(s)', () => {
    expect(filingUrl('ftp://news.test/a', 'https://news.test/a#x')).toBe('https://news.test/a');
  });
});
