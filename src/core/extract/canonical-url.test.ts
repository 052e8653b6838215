import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { canonicalUrl, cleanUrl } from './canonical-url';

function page(head: string, url = 'https://news.example.com/2024/story.html?utm_source=x#top'): Document {
  return new JSDOM(`<!doctype html><html><head>${head}</head><body></body></html>`, { url }).window.document;
}

describe('canonicalUrl', () => {
  it('prefers link[rel=canonical]', () => {
    const doc = page(
      '<link rel="canonical" href="https://example.com/a"><meta property="og:url" content="https://example.com/b">',
    );
    expect(canonicalUrl(doc, doc.URL)).toBe('https://example.com/a');
  });

  it('falls back to og:url', () => {
    const doc = page('<meta property="og:url" content="https://example.com/b?id=7">');
    expect(canonicalUrl(doc, doc.URL)).toBe('https://example.com/b?id=7');
  });

  it('resolves relative canonicals against the page', () => {
    const doc = page('<link rel="canonical" href="/2024/story.html">');
    expect(canonicalUrl(doc, doc.URL)).toBe('https://news.example.com/2024/story.html');
  });

  it('honours <base href> when resolving', () => {
    const doc = page('<base href="https://cdn.example.org/x/"><link rel="canonical" href="story">');
    expect(canonicalUrl(doc, doc.URL)).toBe('https://cdn.example.org/x/story');
  });

  it('matches rel case-insensitively and among other rel tokens', () => {
    const doc = page('<link rel="Canonical alternate" href="https://example.com/c">');
    expect(canonicalUrl(doc, doc.URL)).toBe('https://example.com/c');
  });

  it('ignores a canonical that is a home page when the page is an article', () => {
    const doc = page(
      '<link rel="canonical" href="https://other.example/"><meta property="og:url" content="https://example.com/">',
    );
    expect(canonicalUrl(doc, doc.URL)).toBe('https://news.example.com/2024/story.html');
  });

  it('ignores a canonical naming a section the article sits in', () => {
    const url = 'https://us.news.example.com/news/storm-closes-road-123.html';
    const doc = page('<link rel="canonical" href="//us.news.example.com/news/">', url);
    expect(canonicalUrl(doc, doc.URL)).toBe(url);
    const deeper = page('<link rel="canonical" href="https://us.news.example.com/news">', url);
    expect(canonicalUrl(deeper, deeper.URL)).toBe(url);
  });

  it('keeps a canonical that is a sibling or another path on the same site', () => {
    const url = 'https://news.example.com/news/storm-123.html?page=2';
    const doc = page('<link rel="canonical" href="/news/storm-123.html">', url);
    expect(canonicalUrl(doc, doc.URL)).toBe('https://news.example.com/news/storm-123.html');
  });

  it('keeps a canonical home page on that home page', () => {
    const doc = page(
      '<link rel="canonical" href="https://www.example.com/">',
      'https://example.com/?utm_medium=x',
    );
    expect(canonicalUrl(doc, doc.URL)).toBe('https://www.example.com/');
  });

  it('ignores non-http(s) and unparsable canonicals', () => {
    const doc = page(
      '<link rel="canonical" href="javascript:alert(1)"><link rel="canonical" href="http://[bad">' +
        '<meta property="og:url" content="ftp://example.com/a">',
    );
    expect(canonicalUrl(doc, doc.URL)).toBe('https://news.example.com/2024/story.html');
  });

  it('drops the fragment and tracking parameters from the location', () => {
    const doc = page('');
    const location =
      'https://example.com/a?id=5&utm_source=tw&UTM_Campaign=y&fbclid=1&gclid=2&dclid=3&msclkid=4&mc_cid=5' +
      '&mc_eid=6&igshid=7&_ga=8&page=2#comments';
    expect(canonicalUrl(doc, location)).toBe('https://example.com/a?id=5&page=2');
  });

  it('drops tracking parameters from a declared canonical too', () => {
    const doc = page('<link rel="canonical" href="https://example.com/a?utm_source=feed">');
    expect(canonicalUrl(doc, doc.URL)).toBe('https://example.com/a');
  });

  it('returns a non-http location as is, minus the fragment', () => {
    const doc = page('');
    expect(canonicalUrl(doc, 'file:///tmp/a.html#x')).toBe('file:///tmp/a.html');
  });
});

describe('cleanUrl', () => {
  it('keeps other parameters byte for byte and in order', () => {
    expect(cleanUrl(new URL('https://e.com/p?b=%20x+y&utm_term=z&a=1&flag'))).toBe(
      'https://e.com/p?b=%20x+y&a=1&flag',
    );
  });

  it('removes an emptied query string entirely', () => {
    expect(cleanUrl(new URL('https://e.com/p?utm_source=a&utm_medium=b'))).toBe('https://e.com/p');
  });
});
