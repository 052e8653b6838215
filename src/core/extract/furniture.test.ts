import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isCommentThread, isNamedFurniture, MAX_FURNITURE_CHARS, removeFurniture } from './furniture';

function body(html: string): HTMLElement {
  return new JSDOM(`<body>${html}</body>`).window.document.body;
}

/** The texts left under `root` after removeFurniture, one per element with text of its own. */
function left(root: Element): string[] {
  removeFurniture(root);
  return Array.from(root.querySelectorAll('*'))
    .map((el) =>
      Array.from(el.childNodes)
        .filter((n) => n.nodeType === 3)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim(),
    )
    .filter((text) => text !== '');
}

const TEXT = 'The council voted on Tuesday to approve the new budget after a long debate.';
const PARAGRAPH = `<p>${TEXT}</p>`;

describe('removeFurniture', () => {
  it('takes out ad slots, promos, players and embeds by their names, in any wording', () => {
    const root = body(`${PARAGRAPH}
      <div class="ad-container"><p class="label">Scroll to continue with content</p><div id="div-gpt-ad-1"></div></div>
      <div data-ad-slot="123"><span>Werbung</span></div>
      <aside class="InlineNewsletterPromo"><h3>The Morning Briefing</h3></aside>
      <div class="video-player"><div class="title">Now playing: Storm hits the coast</div><span>02:41</span></div>
      <blockquote class="twitter-tweet"><p>Our statement on today's ruling.</p></blockquote>
      <div data-testid="most-read"><h2>Most read</h2></div>
      ${PARAGRAPH}`);
    expect(left(root)).toEqual([TEXT, TEXT]);
  });

  it('takes out the box around a field a reader types into, not a rating or a button, nor the text beside it', () => {
    const root = body(`${PARAGRAPH}
      <section><h3>Guest essay</h3><p>A short teaser beside the box.</p>
        <div class="box-x1"><h3>First Edition</h3><p>Our morning email, every weekday.</p>
          <form><input type="email"><button>Sign up</button></form></div></section>
      <section class="recipe-card"><header><h2>Spiced Pear Jam</h2><input type="radio" name="stars"></header></section>
      <div class="tools"><h3>Print this page</h3><button>Print</button></div>`);
    expect(left(root)).toEqual([
      TEXT,
      'Guest essay',
      'A short teaser beside the box.',
      'Spiced Pear Jam',
      'Print this page',
      'Print',
    ]);
  });

  it('leaves a long wrapper alone whatever its name: the article inside an "article-with-ads" body', () => {
    const long = Array.from({ length: 8 }, () => PARAGRAPH).join('');
    expect(long.length).toBeGreaterThan(MAX_FURNITURE_CHARS);
    const root = body(`<div class="article-body ads-inline sharing">${long}</div>
      <form id="aspnetForm"><input type="text" name="q">${long}</form>`);
    expect(removeFurniture(root)).toBe(0);
  });

  it('never takes words out of a paragraph: a link or span inside one is its text, whatever its name', () => {
    const root = body(
      '<p>Officials said <a class="related-link" href="/x">the earlier report</a> was wrong.</p>' +
        '<li><div class="share-note">Shared 12 times</div></li>',
    );
    expect(removeFurniture(root)).toBe(0);
  });

  it('takes out a short paragraph that is all link, not one that cites a link or prints an address', () => {
    const root = body(`${PARAGRAPH}
      <p><strong>Read more:</strong> <a href="/a">Inside the race to rebuild the harbour after the flood</a></p>
      <p><a href="/app"><strong>CLICK HERE TO GET THE APP</strong></a></p>
      <p>Officials said <a href="/r">the earlier report</a> was wrong.</p>
      <p><a href="https://example.org/report.pdf">https://example.org/report.pdf</a></p>
      <p><a href="#fn1">12</a></p>`);
    removeFurniture(root);
    expect(Array.from(root.querySelectorAll('p')).map((p) => p.textContent)).toEqual([
      TEXT,
      'Officials said the earlier report was wrong.',
      'https://example.org/report.pdf',
      '12',
    ]);
  });

  it('takes furniture out of a page laid out in a table, whose cell holds the whole article', () => {
    const root = body(
      `<table><tr><td>${PARAGRAPH}<div class="trending-now"><h2>Trending now</h2></div>${PARAGRAPH}</td></tr></table>`,
    );
    expect(left(root)).toEqual([TEXT, TEXT]);
  });

  it('takes an inline element that is the whole of its block, as a reading time in a span', () => {
    const root = body(`${PARAGRAPH}<div class="meta"><span class="reading-time">2 min read</span></div>
      <p><span class="share-label">Shared 12 times</span></p>${PARAGRAPH}`);
    expect(left(root)).toEqual([TEXT, TEXT]);
  });

  it('does not read names of table rows and cells, which name what they hold', () => {
    const root = body(
      '<table><tr class="player-2020-580 sponsor-row"><td class="video">Kyle Busch</td></tr></table>',
    );
    expect(removeFurniture(root)).toBe(0);
  });

  it('reads whole words of what an element is, not letters inside words, options or features', () => {
    const cases: Record<string, boolean> = {
      'load-more-ads': true,
      'article-reading-time': true,
      readTime: true,
      SocialShareBar: true,
      'header-lead': false,
      shadow: false,
      'readability-styled': false,
      'adelaide-news': false,
      'content-header content-header--social-icons': false,
      'story has-ads js-share': false,
    };
    for (const [cls, furniture] of Object.entries(cases)) {
      const el = body(`<div class="${cls}">Short text.</div>`).firstElementChild as Element;
      expect(isNamedFurniture(el), cls).toBe(furniture);
    }
  });
});

describe('comment threads', () => {
  const comment = (text: string, tag = 'div') =>
    `<${tag} class="comment comment--top"><div class="comment__author">Jane D.</div><div class="comment__body"><p>${text} ${text}</p></div><div class="comment__meta">4 minutes ago</div></${tag}>`;

  it('takes out a thread of any length in the article container, with its heading and count', () => {
    const thread = `<section id="comments" class="article-discussion"><h3>Comments (57)</h3>${Array.from({ length: 6 }, () => comment(TEXT)).join('')}</section>`;
    expect(thread.length).toBeGreaterThan(MAX_FURNITURE_CHARS);
    const root = body(`<div class="story">${PARAGRAPH}${PARAGRAPH}${thread}</div>`);
    expect(left(root)).toEqual([TEXT, TEXT]);
  });

  it('takes out a WordPress comment list and a short comments link box', () => {
    const root = body(`<article>${PARAGRAPH}</article><div class="comments-area"><h2>12 thoughts on this</h2>
      <ol class="comment-list">${comment(TEXT, 'li')}${comment(TEXT, 'li')}</ol></div>
      <div class="comment-count"><a href="#comments">Show 57 comments</a></div>`);
    expect(left(root)).toEqual([TEXT]);
  });

  it('keeps a story and its comments when most of the text is the story', () => {
    const story = Array.from({ length: 10 }, () => PARAGRAPH).join('');
    const wrapper = body(
      `<div class="article-and-comments">${story}<div class="comments">${comment('Nice.')}${comment('Agreed.')}</div></div>`,
    ).firstElementChild as Element;
    expect(isCommentThread(wrapper)).toBe(false);
  });

  it('keeps an opinion piece built on a "comment" template: its parts are not alike comments', () => {
    const story = Array.from({ length: 10 }, () => PARAGRAPH).join('');
    const root = body(`<div class="comment-article"><div class="comment-article__byline">By Jane Doe</div>
      <div class="comment-article__body">${story}</div><div class="comment-article__tags">Politics</div></div>`);
    expect(isCommentThread(root.firstElementChild as Element)).toBe(false);
    expect(left(root).filter((t) => t === TEXT)).toHaveLength(10);
  });

  it('keeps an opinion piece whose paragraphs are named for its template', () => {
    const story = Array.from({ length: 10 }, () => `<p class="comment-article__text">${TEXT}</p>`).join('');
    const root = body(`<div class="comment-article__body">${story}</div>`);
    expect(isCommentThread(root.firstElementChild as Element)).toBe(false);
    expect(left(root)).toHaveLength(10);
  });

  it('takes out a thread of replies (Kinja)', () => {
    const reply = `<article class="js_reply reply clearfix"><div class="reply-author">oldtimer</div><div class="reply-content post-content"><p>${TEXT}</p></div></article>`;
    const root = body(
      `<article>${PARAGRAPH}</article><section class="js_replies"><div class="replies-wrapper">${reply}${reply}${reply}</div></section>`,
    );
    expect(left(root)).toEqual([TEXT]);
  });

  it('keeps a container that holds the headline', () => {
    const root = body(
      `<div class="comments-enabled-story"><h1>Headline</h1>${comment(TEXT)}${comment(TEXT)}</div>`,
    );
    expect(isCommentThread(root.firstElementChild as Element)).toBe(false);
  });
});
