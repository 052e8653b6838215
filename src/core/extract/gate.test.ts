import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { declaresArticle, hasLooseParagraphs, isArticleText, jsonLdTypes } from './gate';

const doc = (head: string, body = ''): Document =>
  new JSDOM(`<html><head>${head}</head><body>${body}</body></html>`).window.document;

describe('declaresArticle', () => {
  it('takes og:type article, one itemprop articleBody, or schema.org Article types in JSON-LD', () => {
    expect(declaresArticle(doc('<meta property="og:type" content="Article">'))).toBe(true);
    expect(declaresArticle(doc('', '<div itemprop="articleBody">x</div>'))).toBe(true);
    const ld = (json: string) => doc(`<script type="application/ld+json">${json}</script>`);
    expect(declaresArticle(ld('{"@type":"NewsArticle","headline":"x"}'))).toBe(true);
    expect(declaresArticle(ld('{"@graph":[{"@type":"WebPage"},{"@type":["BlogPosting"]}]}'))).toBe(true);
  });

  it('does not take a website, a list of articles, or malformed JSON-LD for an article', () => {
    expect(declaresArticle(doc('<meta property="og:type" content="website">'))).toBe(false);
    expect(
      declaresArticle(doc('', '<div itemprop="articleBody">a</div><div itemprop="articleBody">b</div>')),
    ).toBe(false);
    const ld = (json: string) => doc(`<script type="application/ld+json">${json}</script>`);
    expect(declaresArticle(ld('{"@type":"ItemList","itemListElement":[{"@type":"NewsArticle"}]}'))).toBe(
      false,
    );
    expect(declaresArticle(ld('{"@type":"WebSite"'))).toBe(false);
    expect(jsonLdTypes(ld('[{"@type":"Organization"},{"@type":"WebSite"}]'))).toEqual([
      'Organization',
      'WebSite',
    ]);
  });
});

describe('isArticleText', () => {
  const el = (html: string): Element =>
    new JSDOM(`<div>${html}</div>`).window.document.body.firstElementChild!;
  const sentence = 'The council approved the budget for the bridge repairs after a long debate on Tuesday. ';

  it('wants enough text, most of it not links', () => {
    expect(isArticleText(el(`<p>${sentence.repeat(4)}</p>`))).toBe(true);
    expect(isArticleText(el(`<p>${sentence}</p>`))).toBe(false);
    expect(
      isArticleText(el(`<ul>${`<li><a href="/x">${sentence}</a></li>`.repeat(6)}</ul><p>${sentence}</p>`)),
    ).toBe(false);
  });
});

describe('hasLooseParagraphs', () => {
  const body = (html: string): Document => new JSDOM(`<body>${html}</body>`).window.document;
  const long =
    'Black Friday is next week, but several deals go live today, including the PS4 DualShock controller, ' +
    'Apple AirPods and watches, and a few more that we have rounded up for you below with the prices.';

  it('counts <div>s of phrasing content as paragraphs, as Readability reads them', () => {
    expect(hasLooseParagraphs(body(`<main>${`<div>${long} <b>Now</b> $99.</div>`.repeat(6)}</main>`))).toBe(
      true,
    );
  });

  it('counts loose text between images and subheadings in a <section>', () => {
    const run = `<h2>Deal</h2><a href="/x"><img src="a.jpg"></a>${long} <a href="/y">Buy</a>`;
    expect(hasLooseParagraphs(body(`<section>${run.repeat(6)}</section>`))).toBe(true);
  });

  it('does not count container <div>s, short <div>s, or a single long one', () => {
    expect(hasLooseParagraphs(body(`<div>${`<div><p>${long}</p></div>`.repeat(6)}</div>`))).toBe(false);
    expect(hasLooseParagraphs(body('<div>Short teaser text</div>'.repeat(40)))).toBe(false);
    expect(hasLooseParagraphs(body(`<div>${long}</div>`))).toBe(false);
  });
});
