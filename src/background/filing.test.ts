import { describe, expect, it } from 'vitest';
import { filingUrl } from './filing';

describe('filingUrl', () => {
  it('believes a canonical URL on the page’s own site or a parent/child of it', () => {
    expect(filingUrl('https://www.bbc.co.uk/news/1', 'https://www.bbc.co.uk/news/1?at_medium=x')).toBe(
      'https://www.bbc.co.uk/news/1',
    );
    expect(filingUrl('https://www.cnn.com/a', 'https://edition.cnn.com/a')).toBe('https://www.cnn.com/a');
    expect(filingUrl('https://amp.news.test/a', 'https://news.test/a')).toBe('https://amp.news.test/a');
  });

  it('files a page claiming another site’s article under its own address, without tracking or fragment', () => {
    expect(filingUrl('https://www.bbc.co.uk/news/1', 'https://evil.test/copy?utm_source=x&id=4#top')).toBe(
      'https://evil.test/copy?id=4',
    );
    expect(filingUrl('https://victim.github.io/post', 'https://attacker.github.io/post')).toBe(
      'https://attacker.github.io/post',
    );
  });

  it('falls back to the page address when the declared URL is not http(s)', () => {
    expect(filingUrl('ftp://news.test/a', 'https://news.test/a#x')).toBe('https://news.test/a');
  });
});
