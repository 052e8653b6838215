import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findHeadline, similarHeadlines, stripSiteSuffix } from './headline';

describe('stripSiteSuffix', () => {
  it('removes a suffix that names the site', () => {
    expect(stripSiteSuffix('Obama admits gun laws frustrate him - BBC News', { siteName: 'BBC News' })).toBe(
      'Obama admits gun laws frustrate him',
    );
    expect(
      stripSiteSuffix('Whales strand in New Zealand | The Guardian', { host: 'www.theguardian.com' }),
    ).toBe('Whales strand in New Zealand');
    expect(stripSiteSuffix('Snopes fact-checker speaks - Breitbart', { host: 'www.breitbart.com' })).toBe(
      'Snopes fact-checker speaks',
    );
  });

  it('removes several stacked suffixes, CJK underscores included', () => {
    expect(stripSiteSuffix('Whales strand | Environment | The Guardian', {}, true)).toBe('Whales strand');
    expect(stripSiteSuffix('DeepMind新电脑已可利用记忆自学_科技_腾讯网', {}, true)).toBe(
      'DeepMind新电脑已可利用记忆自学',
    );
  });

  it('keeps a dash that is part of the headline unless it names the site', () => {
    expect(stripSiteSuffix('Stocks fall - and nobody knows why', { siteName: 'Daily Planet' })).toBe(
      'Stocks fall - and nobody knows why',
    );
    expect(
      stripSiteSuffix('Zimbabwe coup: Mugabe insists on his term', { siteName: 'The Telegraph' }, true),
    ).toBe('Zimbabwe coup: Mugabe insists on his term');
  });

  it('does not strip a long tail from <title> in loose mode', () => {
    const title = 'Budget passes - the senate votes late into the night after weeks of talks';
    expect(stripSiteSuffix(title, {}, true)).toBe(title);
  });
});

describe('similarHeadlines', () => {
  it('accepts the same words with a site suffix or a leading article', () => {
    expect(similarHeadlines('The seven secrets hotel owners hide', 'Seven secrets hotel owners hide')).toBe(
      true,
    );
    expect(similarHeadlines('Obama admits it', 'Obama admits it - BBC News')).toBe(true);
    expect(similarHeadlines('“Quoted” — headline', '"Quoted" - headline')).toBe(true);
  });

  it('rejects a logo or section name inside a longer title', () => {
    expect(similarHeadlines('Salon', 'The sharing economy is a lie - Salon.com')).toBe(false);
    expect(similarHeadlines('', 'x')).toBe(false);
  });
});

function page(head: string, body: string): Document {
  return new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).window.document;
}

describe('findHeadline', () => {
  it('takes the visible <h1> that matches the metadata, skipping a logo <h1>', () => {
    const doc = page(
      '<title>Obama admits gun laws frustrate him - BBC News</title>',
      '<h1>BBC</h1><article><h1 id="hl">Obama admits  gun laws frustrate him</h1></article>',
    );
    const headline = findHeadline(doc, null, { siteName: 'BBC News' });
    expect(headline.title).toBe('Obama admits gun laws frustrate him');
    expect(headline.element?.id).toBe('hl');
  });

  it('falls back to og:title without its site suffix when no <h1> matches', () => {
    const doc = page(
      '<title>Other - Breitbart</title><meta property="og:title" content="Real headline - Breitbart">',
      '<h1>Breitbart</h1><h2 id="h">Real headline</h2>',
    );
    const headline = findHeadline(doc, 'Real headline - Breitbart', { host: 'www.breitbart.com' });
    expect(headline.title).toBe('Real headline');
    expect(headline.element).toBe(doc.getElementById('h'));
  });

  it('strips the <title> suffix when nothing else is declared', () => {
    const doc = page('<title>Whales strand in New Zealand | The Guardian</title>', '<p>text</p>');
    const headline = findHeadline(doc, null, {});
    expect(headline.title).toBe('Whales strand in New Zealand');
    expect(headline.element).toBeNull();
  });

  it('uses Readability title (JSON-LD) before twitter:title and <title>', () => {
    const doc = page('<title>T - Site</title><meta name="twitter:title" content="Twitter">', '');
    expect(findHeadline(doc, 'From JSON-LD', {}).title).toBe('From JSON-LD');
  });
});
