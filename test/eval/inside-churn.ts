/**
 * What news sites put BETWEEN an article's paragraphs and change from one load to the next: ad slots and their
 * labels, inline "read more" links and related-story boxes, newsletter and app promos, embedded posts that render
 * into an iframe, pictures with captions from a rotating gallery, video and audio players, share bars and
 * comment counts. Modelled on the markup of large news sites (NYT, Washington Post, Guardian, BBC, CNN, Fox,
 * Daily Mail, Reuters, Spiegel, Le Monde, El País), not on Redline's rules; none of it is an edit to the article.
 * A plain paragraph of the body ("Got a story? Email us") is left out: a line the newsroom puts in the text
 * is the article's, and marking it when it comes or goes is right.
 *
 * Readers' comments too, after the body's last paragraph inside its container, as WordPress themes and many
 * news templates print them: the next load has new comments on top and a new count.
 *
 * `furnish` puts one version of this furniture into the article's container (the first visit); `refurnish` then
 * changes it in place as the next load would (rotated, gone, newly filled, rendered). Neither touches a paragraph.
 */
import { pick, seededRandom } from '../fixtures/pages/article-edits';

const STORIES = [
  'Inside the race to rebuild the harbour after the flood',
  'What the new budget means for your household bills',
  'Five things we learned from the weekend’s summit',
  'The quiet town that became a hub for electric buses',
  'How a missing painting turned up in a family attic',
  'Teachers vote to accept revised pay offer',
  'Why the price of coffee keeps climbing',
  'Opinion: the case for a four-day week is getting stronger',
  'Live: follow the latest from the election count',
  'Scientists find new clues in ancient ice cores',
  'Hospital waiting lists fall for the first time in two years',
  'Airport chaos as staff shortages bite',
];

const NEWSLETTERS = [
  ['The Morning Briefing', 'Get the news you need to start your day, delivered to your inbox every weekday.'],
  [
    'First Edition',
    'Our morning email breaks down the key stories of the day, telling you what’s happening.',
  ],
  ['Climate Fwd', 'A weekly guide to the stories that matter on our changing planet, from our climate desk.'],
  ['Business Today', 'The day’s top business stories and market moves, in your inbox at 6pm.'],
] as const;

const CAPTIONS = [
  'Rescue workers search the rubble on Tuesday morning. Photograph: Alex Moreno/Reuters',
  'Residents queue for water outside the town hall (AP Photo/Sam Lee)',
  'The minister speaking to reporters in the capital last week. Credit: Getty Images',
  'Flood water covers the main road into the village. Photo: Maria Jensen/EPA',
  'Protesters gathered outside parliament on Saturday afternoon.',
  'An aerial view of the damaged bridge, taken by drone on Monday.',
];

const TWEETS = [
  'We are aware of the situation and are working with local authorities. More updates to follow.',
  'Huge thanks to all the volunteers who turned out today. You are the best of this city.',
  'Our statement on today’s decision is below. We will be studying the ruling carefully.',
];

const COMMENTS = [
  'This is exactly what I have been saying for years, nobody at the council listens to residents.',
  'Does anyone know whether the road will be closed at the weekend as well?',
  'Great reporting, thank you for covering this in such detail.',
  'I live two streets away and we heard nothing about it until this morning.',
  'The real question is who is going to pay for all of this in the end.',
  'Shocking. Absolutely shocking that this was allowed to happen again.',
  'My neighbour was there and said it was far worse than the pictures show.',
  'Sources please. Half of this is speculation.',
];
const COMMENTERS = ['Jane D.', 'mark_1972', 'Concerned Citizen', 'Pete W', 'oldtimer', 'R. Singh'];

/** A thread of readers' comments, in one of three templates; each load draws its own comments and count. */
function commentThread(r: () => number, template: number): string {
  const comments = Array.from({ length: 3 + Math.floor(r() * 4) }, () => ({
    who: pick(r, COMMENTERS),
    text: pick(r, COMMENTS),
    ago: `${1 + Math.floor(r() * 59)} minutes ago`,
    id: Math.floor(r() * 1e6),
  }));
  const count = 5 + Math.floor(r() * 200);
  if (template === 0) {
    // WordPress's default theme markup.
    return `<div id="comments" class="comments-area"><h2 class="comments-title">${count} thoughts on this story</h2><ol class="comment-list">${comments
      .map(
        (c) =>
          `<li id="comment-${c.id}" class="comment even thread-even depth-1"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">${c.who}</b> <span class="says">says:</span></div><div class="comment-metadata"><a href="#comment-${c.id}"><time>${c.ago}</time></a></div></footer><div class="comment-content"><p>${c.text}</p></div><div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div></article></li>`,
      )
      .join('')}</ol></div>`;
  }
  if (template === 1) {
    return `<section class="article-comments" id="comments"><h3>Comments (${count})</h3>${comments
      .map(
        (c) =>
          `<div class="comment"><div class="comment__author">${c.who}</div><div class="comment__body"><p>${c.text}</p></div><div class="comment__meta">${c.ago} · ${Math.floor(r() * 40)} likes</div></div>`,
      )
      .join('')}</section>`;
  }
  return `<div id="comments" data-component="discussion"><h2>Comments (${count})</h2><ul class="d-thread">${comments
    .map(
      (c) =>
        `<li class="d-comment"><div class="d-comment__meta">${c.who} · ${c.ago}</div><div class="d-comment__body"><p>${c.text}</p></div></li>`,
    )
    .join('')}</ul></div>`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40);
}

/** One kind of furniture: its markup on a given load, from that load's random choices. */
interface Kind {
  name: string;
  html: (random: () => number) => string;
  /** The same slot on a later load, when it differs by more than fresh random choices (an embed rendering). */
  later?: (random: () => number) => string;
}

const link = (text: string) => `<a href="/news/${slug(text)}">${text}</a>`;

const KINDS: readonly Kind[] = [
  {
    name: 'ad slot with label',
    html: (r) =>
      `<div class="ad-container ad-inline" data-ad-slot="${Math.floor(r() * 9999)}"><p class="ad-label">${pick(
        r,
        [
          'Advertisement',
          'ADVERTISEMENT',
          'Story continues below advertisement',
          'Article continues after advertisement',
          'Scroll to continue with content',
          'Anzeige',
          'Publicidad',
        ],
      )}</p><div id="div-gpt-ad-${Math.floor(r() * 1e6)}"></div></div>`,
  },
  {
    name: 'sponsored recommendation',
    html: (r) =>
      `<div class="native-ad"><span class="native-ad__label">Sponsored</span><a href="https://ads.example/c">` +
      `${pick(r, ['Homeowners are switching to this clever heating trick', 'This new app helps you save on every shop', 'Doctors stunned by this simple morning habit'])}</a></div>`,
  },
  {
    name: 'inline read more link',
    html: (r) =>
      `<p><strong>${pick(r, ['Read more:', 'READ MORE:', 'Related:', 'MORE:'])}</strong> ${link(pick(r, STORIES))}</p>`,
  },
  {
    name: 'linked headline paragraph',
    // Fox-style: a story headline in capitals, alone in a bold paragraph.
    html: (r) => `<p><strong>${link(pick(r, STORIES).toUpperCase())}</strong></p>`,
  },
  {
    name: 'related stories box',
    html: (r) => {
      const items = [pick(r, STORIES), pick(r, STORIES), pick(r, STORIES)];
      return `<aside class="related-content"><h3>${pick(r, ['Related', 'More on this story', 'You may also like', 'Most read'])}</h3><ul>${items
        .map((s) => `<li>${link(s)}</li>`)
        .join('')}</ul></aside>`;
    },
  },
  {
    name: 'newsletter sign-up',
    html: (r) => {
      const [name, blurb] = pick(r, NEWSLETTERS);
      return `<div class="newsletter-signup"><h3>${name}</h3><p>${blurb}</p><form action="/newsletters"><input type="email" placeholder="Your email address"><button type="submit">Sign up</button></form><p class="newsletter-privacy">By signing up you agree to our Terms of Use and Privacy Policy.</p></div>`;
    },
  },
  {
    name: 'app promo',
    html: (r) =>
      `<p><a href="/apps"><strong>${pick(r, ['CLICK HERE TO GET THE APP', 'Download our free app for breaking news alerts', 'Get the latest news on the go with our app'])}</strong></a></p>`,
  },
  {
    name: 'embedded post',
    html: (r) => {
      const text = pick(r, TWEETS);
      return `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">${text}</p>&mdash; City Council (@citycouncil) <a href="https://twitter.com/citycouncil/status/${Math.floor(r() * 1e9)}">March 3, 2024</a></blockquote>`;
    },
    // The widget's script has run: the quote is replaced by its iframe.
    later: (r) =>
      `<div class="twitter-tweet twitter-tweet-rendered" style="display:flex"><iframe id="twitter-widget-${Math.floor(r() * 9)}" title="X Post" src="about:blank" style="width:550px;height:320px" frameborder="0"></iframe></div>`,
  },
  {
    name: 'gallery picture with caption',
    html: (r) =>
      `<figure class="inline-image"><img src="/img/${Math.floor(r() * 1e6)}.jpg" alt="" width="640" height="360"><figcaption>${pick(r, CAPTIONS)}</figcaption></figure>`,
  },
  {
    name: 'video player',
    html: (r) =>
      `<div class="video-player" data-video-id="${Math.floor(r() * 1e6)}"><div class="video-player__title">${pick(r, ['WATCH:', 'Video:', 'Now playing:'])} ${pick(r, STORIES)}</div><span class="video-player__duration">0${Math.floor(r() * 9)}:${String(10 + Math.floor(r() * 49))}</span></div>`,
  },
  {
    name: 'audio player',
    html: (r) =>
      `<div class="article-audio"><button type="button">Listen to this article</button><span class="article-audio__duration">${2 + Math.floor(r() * 12)} min</span></div>`,
  },
  {
    name: 'share bar and comments',
    html: (r) =>
      `<div class="share-tools"><a href="https://facebook.com/share">Share on Facebook</a> <a href="https://twitter.com/share">Share on X</a> <a href="mailto:">Email</a> <a href="#comments">${Math.floor(r() * 400)} comments</a></div>`,
  },
  {
    name: 'reading time',
    // Sites recount it when the text changes, so the next load shows another figure.
    html: (r) =>
      `<div class="article-meta"><span class="reading-time">${2 + Math.floor(r() * 12)} min read</span></div>`,
  },
  {
    name: 'trending list',
    html: (r) =>
      `<div class="trending-now"><h2>Trending now</h2><ol>${[1, 2, 3, 4]
        .map(() => `<li>${link(pick(r, STORIES))}</li>`)
        .join('')}</ol></div>`,
  },
];

export const FURNITURE_KINDS: readonly string[] = [...KINDS.map((k) => k.name), 'comment thread'];

type Change = 'rotated' | 'gone' | 'filled' | 'rendered';

interface Slot {
  kind: Kind;
  change: Change;
  /** The furniture element on the page (null while a slot is empty). */
  el: Element | null;
  /** Where an empty slot gets filled: before this paragraph element. */
  before: Element;
}

export interface Furnished {
  /** What the later load will change, kind and change per slot. */
  slots: { kind: string; change: Change }[];
  refurnish: () => string[];
}

function fragment(doc: Document, html: string): Element {
  const template = doc.createElement('template');
  template.innerHTML = html;
  const el = template.content.firstElementChild;
  if (!el) throw new Error(`no element in ${html}`);
  return el;
}

/**
 * Puts 3–6 pieces of furniture between the article's paragraphs (never before the first or after the last),
 * each as it looks on the first load, and returns how to change them for the next load.
 */
export function furnish(doc: Document, elements: readonly (Element | null)[], seed: number): Furnished {
  const random = seededRandom(seed ^ 0xf00d);
  const mapped = elements.filter((el): el is Element => el !== null && el.parentElement !== null);
  // A gap is between two paragraph elements that are siblings among three or more: inside a run of body text, as sites place their
  // slots, not inside a teaser card of a section front. Not in a list or a table, where a <div> would be moved
  // elsewhere when the HTML is parsed again.
  const siblings = new Map<Element | null, number>();
  for (const el of mapped) siblings.set(el.parentElement, (siblings.get(el.parentElement) ?? 0) + 1);
  const gaps = mapped.filter(
    (el, i) =>
      i > 0 &&
      mapped[i - 1]?.parentElement === el.parentElement &&
      (siblings.get(el.parentElement) ?? 0) >= 3 &&
      !/^(?:ul|ol|dl|table|thead|tbody|tfoot|tr|p|h[1-6]|pre)$/.test(el.parentElement?.localName ?? ''),
  );
  const count = Math.min(gaps.length, 3 + Math.floor(random() * 4));
  const chosen = new Set<Element>();
  for (let tries = 0; chosen.size < count && tries < count * 10; tries++) chosen.add(pick(random, gaps));
  const slots: Slot[] = [];
  for (const before of chosen) {
    const kind = pick(random, KINDS);
    const change: Change = kind.later
      ? 'rendered'
      : pick(random, ['rotated', 'rotated', 'gone', 'filled'] as const);
    const slot: Slot = { kind, change, el: null, before };
    if (change !== 'filled') {
      slot.el = fragment(doc, kind.html(random));
      before.before(slot.el);
    }
    slots.push(slot);
  }
  // The comments go after the last paragraph of the run of body text that holds the most of them.
  let body: Element | null = null;
  for (const gap of gaps) {
    const parent = gap.parentElement;
    if (parent && (siblings.get(parent) ?? 0) > (body ? (siblings.get(body) ?? 0) : 0)) body = parent;
  }
  const lastOfBody = body ? mapped.filter((el) => el.parentElement === body).at(-1) : undefined;
  const template = Math.floor(random() * 3);
  let thread: Element | null = null;
  if (lastOfBody) {
    thread = fragment(doc, commentThread(random, template));
    lastOfBody.after(thread);
  }
  return {
    slots: [
      ...slots.map((s) => ({ kind: s.kind.name, change: s.change })),
      ...(thread ? [{ kind: 'comment thread', change: 'rotated' as const }] : []),
    ],
    refurnish: () => {
      const later = seededRandom(seed ^ 0xbeef);
      const done: string[] = [];
      if (thread) {
        const next = fragment(doc, commentThread(later, template));
        thread.replaceWith(next);
        thread = next;
        done.push('comment thread rotated');
      }
      for (const slot of slots) {
        if (slot.change === 'gone') slot.el?.remove();
        else {
          const html =
            slot.change === 'rendered' && slot.kind.later ? slot.kind.later(later) : slot.kind.html(later);
          const next = fragment(doc, html);
          if (slot.el) slot.el.replaceWith(next);
          else slot.before.before(next);
          slot.el = next;
        }
        done.push(`${slot.kind.name} ${slot.change}`);
      }
      return done;
    },
  };
}
