import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { splitBlocks } from './blocks';
import { boilerplateClass, dropBoilerplate } from './boilerplate';

const SENTENCE =
  'The council voted on Tuesday to approve the new budget, after a long debate about the cost of repairing the bridge.';
const ctx = { title: 'Council approves bridge budget', byline: 'Jane Doe' };

function blocks(html: string) {
  return splitBlocks(new JSDOM(`<body><div>${html}</div></body>`).window.document.body);
}

function classes(html: string): (string | null)[] {
  return blocks(html).map((b, i) => boilerplateClass(b, ctx, i === 0));
}

describe('boilerplate blocks', () => {
  it('drops ad-slot labels in several languages, and keeps a sentence about advertising', () => {
    expect(
      classes(
        `<p>Advertisement</p><p>ANZEIGE</p><p>Publicité</p><p>Sponsored</p><p>Story continues below advertisement</p>
         <p>Iklan</p><p>Reklam</p><p>إعلان</p><p>Quảng cáo</p>
         <p>Article continues after advertisement</p><p>Scroll to continue with content</p>
         <p>Advertising revenue fell by a third this year, the company said.</p>`,
      ),
    ).toEqual([...Array(11).fill('ad-label'), null]);
  });

  it('drops counts the template keeps up to date, whatever the element is called, and keeps sentences with numbers', () => {
    expect(
      classes(
        `<p>5 min read</p><div>8 min</div><span>03:26</span><p>Comments (57)</p><p>1,204 comments</p>
         <h3>12 thoughts on “Council approves budget”</h3><p>Show all 57 comments</p><p>Join the conversation</p>
         <p>Lesezeit: 4 Min.</p>
         <p>The meeting lasted 45 minutes before the mayor left.</p><p>57 comments were sent to the council.</p>`,
      ),
    ).toEqual([...Array(9).fill('counter'), null, null]);
  });

  it('drops link-dominated blocks: nav lists, related links, "Read more" lines', () => {
    expect(
      classes(
        `<ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul>
         <p>Read more: <a href="/x">Alibaba poised to launch record-breaking listing</a></p>
         <p><a href="/y">Prince Andrew: BT abandons ties with duke</a></p>
         <p>${SENTENCE} <a href="/z">The report</a> says so.</p>
         <ul><li>First, the <a href="/t">contract</a> goes out to tender in the spring.</li></ul>`,
      ),
    ).toEqual(['link', 'link', 'prompt', 'link', null, null]);
  });

  it('keeps text in an item whose class says it has no caption', () => {
    expect(
      classes(
        `<div class="item no_caption"><h2>${SENTENCE}</h2></div>
         <div class="item image-caption"><p>A credit line</p></div>`,
      ),
    ).toEqual([null, 'caption']);
  });

  it('drops a breadcrumb trail ending in the headline, and whatever stands in navigation', () => {
    expect(
      classes(
        `<nav id="breadcrumb"><a href="/">Home</a><em></em><a href="/s">SPORT NEWS</a><em></em>
           <span class="current">${SENTENCE}</span></nav>
         <div class="crumbs breadcrumb-trail"><span>News</span> › <span>${SENTENCE}</span></div>
         <div role="navigation"><p>${SENTENCE}</p></div>
         <p>${SENTENCE}</p>`,
      ),
    ).toEqual(['nav', 'nav', 'nav', null]);
  });

  it('drops datelines and bylines the metadata holds, and keeps sentences with dates', () => {
    expect(
      classes(
        `<p>${SENTENCE}</p><p>PUBLISHED: 10:48, Tue, Nov 19, 2019</p><p>| UPDATED: 11:05, Tue, Nov 19, 2019</p>
         <p>Updated 11:21 pm CST, Tuesday, November 19, 2019</p><p>Nov. 20, 2019, 9:28 AM UTC</p>
         <p>By Reuters</p><p>Jane Doe</p>
         <p>On Nov. 19, 2019 the council met again.</p><p>Published in 1851, the paper has never missed a day.</p>`,
      ),
    ).toEqual([null, 'dateline', 'dateline', 'dateline', 'dateline', 'byline', 'byline', null, null]);
  });

  it('keeps a short sentence opening with "By" that ends in a stop behind a closing quote or bracket', () => {
    expect(
      classes(
        `<p>${SENTENCE}</p><p>By train, or did they drive themselves?”</p><p>By then it was too late.)</p>
         <p>By Jane Roe and John Smith</p><p>By train, plane and car</p>`,
      ),
    ).toEqual([null, null, null, 'byline', 'byline']);
  });

  it('keeps a short sentence with a time that ends in a stop behind a closing quote, as it keeps one without', () => {
    expect(
      classes(
        `<p>${SENTENCE}</p><p>Published on Nov. 19, the notice read “closed until spring.”</p>
         <p>Published on Nov. 19, the notice read closed until spring.</p>
         <p>Updated Nov. 19, 10:30 a.m.</p><p>Published 3 hours ago</p>`,
      ),
    ).toEqual([null, null, null, 'dateline', 'dateline']);
  });

  it('drops the headline repeated before the body, but not a later paragraph that quotes it', () => {
    const found = dropBoilerplate(
      blocks(
        `<h1>Council approves bridge budget</h1>${`<p>${SENTENCE}</p>`.repeat(4)}<p>Council approves bridge budget</p>`,
      ),
      ctx,
    );
    expect(found.kept.map((b) => b.text)).toEqual([
      ...Array(4).fill(SENTENCE),
      'Council approves bridge budget',
    ]);
    expect(found.dropped).toEqual({ title: 1 });
  });

  it('drops captions and credits by container, and gallery counters, but keeps body text', () => {
    expect(
      classes(
        `<figure><img src="a.jpg"><figcaption>Rescue workers in the rubble of the building</figcaption></figure>
         <div class="article__image-caption"><p>Kristi Noem at the White House</p></div>
         <p class="photo-credit">Alex Wong | Getty Images</p>
         <p>Image 1 of 5</p><p>(Image credit: Blue Origin)</p><p>Photo: David Zalubowski / AP</p>
         <p>${SENTENCE}</p><p>The photo credit line was disputed in court, the paper said.</p>`,
      ),
    ).toEqual(['caption', 'caption', 'caption', 'caption', 'caption', 'caption', null, null]);
  });

  it('drops cookie notices, copyright lines, the page address and repeated headings', () => {
    const found = dropBoilerplate(
      blocks(
        `<p>https://news.example.com/story.html</p><h2>Photos of the bridge over the years, in pictures</h2>
         <p>${SENTENCE}</p><p>This website uses cookies to improve your experience.</p>
         <p>Copyright © 2019 Press TV. All rights reserved.</p><h2>Photos of the bridge over the years, in pictures</h2>
         <p>${SENTENCE}</p><p class="no-comments">Comments are closed.</p>`,
      ),
      { ...ctx, url: 'https://news.example.com/story.html?ref=x' },
    );
    expect(found.kept.map((b) => b.text)).toEqual([
      'Photos of the bridge over the years, in pictures',
      SENTENCE,
      SENTENCE,
    ]);
    expect(found.dropped).toEqual({ url: 1, notice: 3, repeat: 1 });
  });

  it('keeps linked footnote numbers and printed source URLs', () => {
    expect(
      classes('<p><a href="#fn1">1</a></p><p><a href="http://x.example/a">http://x.example/a</a></p>'),
    ).toEqual([null, null]);
  });

  it('drops teaser headings wrapped in links, captions marked by a credit tail, and contact lines', () => {
    expect(
      classes(
        `<ul><li><a href="/s"><h4>Prince Andrew: BT abandons ties with duke after interview</h4></a></li></ul>
         <p>China has warned they will cease control of Hong Kong (Image: GETTY )</p>
         <p>A hunter killed and ate a rabbit Credit: Getty - Contributor</p>
         <p>Email Tariq Malik at tmalik@space.com or follow him @tariqjmalik. Follow us on Twitter @Spacedotcom.</p>
         <p>Join our Space Forums to keep talking space on the latest missions.</p>
         <p>${SENTENCE}</p>`,
      ),
    ).toEqual(['link', 'caption', 'caption', 'prompt', 'prompt', null]);
  });

  it('drops newsletter and share prompts', () => {
    expect(
      classes(
        `<p>Subscribe to WIRED and stay smart with more of your favorite writers.</p>
         <p>Like this story? Share it with a friend!</p><p>Get the latest updates right in your inbox.</p>
         <p>Subscribers to the scheme pay less, the minister said in a statement on Friday.</p>`,
      ),
    ).toEqual(['prompt', 'prompt', 'prompt', null]);
  });
});
