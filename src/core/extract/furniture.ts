/**
 * The template's furniture between an article's paragraphs, taken off the clone before Readability reads it:
 * ad slots and their labels, newsletter and app promos, related and trending boxes, share bars, video and audio
 * players, embedded posts. Sites fill, rotate and re-render these on every load ("Story continues below
 * advertisement" on one visit, a different newsletter on the next, a tweet's quote replaced by its iframe once
 * the widget script runs). Kept, they come back as false "New" and "Removed" marks; left for Readability to
 * judge, a sign-up form or a link box in a chunk of body text makes it drop that whole chunk on one visit and
 * keep it on the next. The text rules in boilerplate.ts can only list the wordings they know; a container's own
 * name and contents say what it is in any language and wording.
 *
 * A container is furniture when it is short (a widget, not a wrapper around the story), is a block of its own
 * (never an inline link or a span inside a paragraph, whose words are the paragraph's), and either its names
 * (class, id, test ids, ARIA label) hold a furniture word or it is the box around a text field (a sign-up form).
 * A short paragraph that is all link ("Read more: …") goes too.
 */
import { displayText } from '../text';
import { LINK_SHARE, MAX_LINK_BLOCK_CHARS } from './boilerplate';
import { isInline } from './dom-kinds';

// Whole words of a name, after splitting on separators and camel case. Each names a template part that holds
// no article text: ads and their networks, promos, recirculation, sharing, players and third-party embeds.
const FURNITURE_WORDS = new Set([
  'ad',
  'ads',
  'advert',
  'adverts',
  'advertisement',
  'advertisements',
  'advertising',
  'adslot',
  'adunit',
  'dfp',
  'gpt',
  'sponsor',
  'sponsored',
  'outbrain',
  'taboola',
  'promo',
  'promos',
  'promotion',
  'newsletter',
  'newsletters',
  'signup',
  'subscribe',
  'subscription',
  'paywall',
  'upsell',
  'related',
  'recommended',
  'recommendations',
  'recirc',
  'recirculation',
  'trending',
  'share',
  'sharing',
  'sharebar',
  'social',
  'tweet',
  'twitter',
  'instagram',
  'tiktok',
  'oembed',
  'jwplayer',
  'video',
  'audio',
  'podcast',
  'widget',
]);

// Names of a comment thread and its comments, which may be any length (isCommentThread).
const COMMENT_WORDS = new Set([
  'comment',
  'comments',
  'commenting',
  'commentlist',
  'disqus',
  'reply',
  'replies',
]);
// Of those, the ones that make a short block furniture too (a count, a "Show comments" button), unless it is a
// paragraph: "reply" may name an answer in an interview, and an opinion template may name its paragraphs
// "comment-article__text".
const COMMENT_BOX_WORDS = new Set(['comment', 'comments', 'commenting', 'commentlist', 'disqus']);

// A comment holds its author, time and text; a paragraph or a heading named for comments is the text of one.
const NOT_A_COMMENT = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'dt',
  'dd',
  'figcaption',
]);

// Two-word names: "most read", "sign up", "read more", "more stories", and the reading time ("5 min read"),
// which a newsroom's edit changes without changing the article's words.
const FURNITURE_PAIRS =
  /\b(?:most (?:read|popular|viewed|shared)|sign up|read (?:more|next|also)|more (?:stories|from|on this)|read(?:ing)? time)\b/;

/** Attributes whose value names a part of the template, as class and id do. */
const NAME_ATTRIBUTES = [
  'class',
  'id',
  'data-testid',
  'data-qa',
  'data-component',
  'data-type',
  'aria-label',
];

/** Attributes ad servers put on their slots (data-ad-slot, data-ad-unit, Google Publisher Tag's query id). */
const AD_ATTRIBUTE = /^data-(?:ad|ads|adunit|adslot|ad-[a-z-]+|google-query-id|dfp[a-z-]*)$/;

/**
 * Above this many characters of text a container is a wrapper around the story (an "article-with-ads" body), not
 * a widget: the longest furniture seen is a newsletter box with its privacy line, well under it.
 */
export const MAX_FURNITURE_CHARS = 500;

/** Block-level steps up from a text field to the box around it (div.promo > div > form > label > input). */
const WIDGET_DEPTH = 4;

// A class that says what an element has or does rather than what it is ("has-ads", "is-sharing", "js-social").
const FEATURE_CLASS = /^(?:has|with|no|show|hide|is|js|enable|disable|can|u)-/i;

function nameWords(el: Element): string {
  let names = '';
  for (const attr of NAME_ATTRIBUTES) {
    let value = el.getAttribute(attr);
    if (!value) continue;
    if (attr === 'class') {
      // A BEM modifier is an option of the block it follows ("content-header--social-icons"), not its kind.
      value = value
        .split(/\s+/)
        .filter((token) => !FEATURE_CLASS.test(token))
        .map((token) => token.replace(/--.*$/, ''))
        .join(' ');
    }
    names += ` ${value}`;
  }
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ');
}

// A data table names its rows and cells after what they hold ("player-2020-580" in a league table).
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);

function namedWith(el: Element, set: ReadonlySet<string>, words = nameWords(el)): boolean {
  if (TABLE_PARTS.has(el.localName)) return false;
  for (const word of words.split(' ')) if (set.has(word)) return true;
  return false;
}

function namedFurniture(el: Element, words = nameWords(el)): boolean {
  if (TABLE_PARTS.has(el.localName)) return false;
  if (words.trim() !== '') {
    const paragraph = NOT_A_COMMENT.has(el.localName);
    for (const word of words.split(' ')) {
      if (FURNITURE_WORDS.has(word) || (!paragraph && COMMENT_BOX_WORDS.has(word))) return true;
    }
    if (FURNITURE_PAIRS.test(words)) return true;
  }
  for (const attr of Array.from(el.attributes)) if (AD_ATTRIBUTE.test(attr.name)) return true;
  return false;
}

/**
 * True when `el` holds at most `limit` characters of text, spaces collapsed. Reads text nodes only until the limit
 * is passed: a named wrapper around the whole page ("page-with-ads") costs no more than a short box.
 */
function textWithin(el: Element, limit: number): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.length === 0) continue;
    // Each node's run of spaces counts once, as collapsing would leave it.
    length += data.replace(/\s+/g, ' ').length;
    if (length > limit + 1) return false;
  }
  return true;
}

function isShort(el: Element): boolean {
  return textWithin(el, MAX_FURNITURE_CHARS);
}

/** True when `el`'s names make it a furniture container and it is short (see the module comment). */
export function isNamedFurniture(el: Element, words = nameWords(el)): boolean {
  if (el.localName === 'body' || el.localName === 'html') return false;
  return namedFurniture(el, words) && isShort(el);
}

/** A thread holds at least this many comments. */
const MIN_THREAD_COMMENTS = 2;
/** Share of a thread's text inside its comments: the rest is a heading, a count, a sort menu, a form. */
const THREAD_SHARE = 0.6;

/** What makes comments alike: the tag and the first class, without a BEM modifier (`li.comment`). */
function itemKind(el: Element): string {
  const first = (el.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? '';
  return `${el.localName}.${first.replace(/--.*$/, '')}`;
}

/**
 * Readers' comments under the article, whatever their length: new ones come between visits and counts change, so
 * kept they are marked New and Removed; and a thread that sits in the article's container (Readability keeps a
 * "comment-body", which its own filter lets through for the word "body") is read as the article's end. A thread is
 * a container named for comments, without the page's headline, whose text lies mostly inside two or more alike
 * comments (`li.comment`, `div.comment`, Kinja's `article.js_reply`) named for comments too, each a container
 * rather than a paragraph. Not a wrapper around the story and its comments, whose text lies mostly outside them,
 * nor a story filed under a "comment" (opinion) template, whose parts (`comment-article__body`,
 * `comment-article__byline`) are not alike and whose paragraphs (`p.comment-article__text`) are not comments.
 */
export function isCommentThread(el: Element, words = nameWords(el)): boolean {
  if (el.localName === 'body' || el.localName === 'html' || !namedWith(el, COMMENT_WORDS, words))
    return false;
  const kinds = new Map<string, Element[]>();
  const walker = el.ownerDocument.createTreeWalker(el, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node; ) {
    const child = node as Element;
    if (child.localName === 'h1') return false;
    if (namedWith(child, COMMENT_WORDS) && !NOT_A_COMMENT.has(child.localName)) {
      const kind = itemKind(child);
      const items = kinds.get(kind);
      if (items) items.push(child);
      else kinds.set(kind, [child]);
      // The outermost comment only: its replies and parts are inside it.
      node = walker.nextSibling() ?? nextOutside(walker, el);
    } else node = walker.nextNode();
  }
  const total = textLength(el);
  if (total === 0) return false;
  for (const items of kinds.values()) {
    if (items.length < MIN_THREAD_COMMENTS) continue;
    const inside = items.reduce((sum, c) => sum + textLength(c), 0);
    if (inside >= THREAD_SHARE * total) return true;
  }
  return false;
}

/** The walker's next node after the current one's subtree, within `root`; null at the end. */
function nextOutside(walker: TreeWalker, root: Element): Node | null {
  for (let node: Node | null = walker.currentNode; node && node !== root; node = walker.parentNode()) {
    const next = walker.nextSibling();
    if (next) return next;
  }
  return null;
}

// Fields a reader types into: an e-mail for a newsletter, a search, a comment. Not radio buttons or buttons: a
// recipe card's star rating or a print button sits in the card's header beside its title.
const TEXT_INPUT_TYPES = new Set(['', 'text', 'email', 'search', 'tel']);

function isTextField(el: Element): boolean {
  if (el.localName === 'textarea') return true;
  return (
    el.localName === 'input' && TEXT_INPUT_TYPES.has((el.getAttribute('type') ?? '').trim().toLowerCase())
  );
}

function textLength(el: Element): number {
  return displayText(el.textContent ?? '').length;
}

/** Text beyond a field's own that makes its container a widget: a heading, a prompt, a label. */
const MIN_WIDGET_TEXT = 20;

/**
 * The widget around each text field (a sign-up box, a comment form): its nearest container with text of its own
 * beside the field, taken only when short. Found from the fields up, so no container is searched for fields; and
 * no higher than that, or a short section beside the widget (a teaser, a standfirst) would go with it.
 */
function formWidgets(root: Element, fields: readonly Element[]): Set<Element> {
  const widgets = new Set<Element>();
  for (const field of fields) {
    const own = textLength(field);
    let el: Element | null = field.parentElement;
    for (let depth = 0; el && el !== root && depth < WIDGET_DEPTH; el = el.parentElement) {
      if (textLength(el) - own >= MIN_WIDGET_TEXT) {
        if (isShort(el)) widgets.add(el);
        break;
      }
      if (!isInline(el)) depth++;
    }
  }
  return widgets;
}

// Blocks whose text is one run of prose: an element inside one is part of that text, whatever its name. Not table
// cells: a site laid out in tables holds its whole article, ad slots and all, in one <td>.
const TEXT_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, dt, dd, pre, figcaption';

/**
 * A short <p> that is all link, by boilerplate.ts's link rule and limits ("Read more: …", "GET THE APP", a
 * story's headline in bold), not a sentence that cites one. Boilerplate.ts drops it after Readability too; taken
 * out before, it no longer weighs on Readability's link density, which made a chunk of body text with a "Read
 * more" line in it go on one visit and stay on the next.
 */
function isLinkParagraph(el: Element): boolean {
  if (el.localName !== 'p') return false;
  const text = displayText(el.textContent ?? '');
  if (text.length === 0 || text.length > MAX_LINK_BLOCK_CHARS) return false;
  // Footnote numbers and addresses printed as sources are article text even when linked.
  if (!/\p{L}{2}/u.test(text) || /^(?:https?:\/\/|www\.)\S+$/.test(text)) return false;
  let linked = 0;
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) {
    linked += displayText(links[i]?.textContent ?? '').length;
  }
  return linked >= LINK_SHARE * text.length;
}

/**
 * True when `el` stands as a block of its own: a block element outside any run of prose, or an inline one that
 * holds all the text of the block around it (`<div><span class="reading-time">2 min read</span></div>`).
 */
function isOwnBlock(el: Element): boolean {
  if (!isInline(el)) return el.parentElement?.closest(TEXT_BLOCKS) == null;
  let block = el.parentElement;
  while (block && isInline(block)) block = block.parentElement;
  if (!block || block.localName === 'body') return false;
  const own = textLength(el);
  return own > 0 && textLength(block) === own && block.parentElement?.closest(TEXT_BLOCKS) == null;
}

/** The furniture containers under `root`, in document order (an outer one before those inside it). */
export function findFurniture(root: Element): Element[] {
  // One walk over the elements: a live HTMLCollection or an attribute selector costs far more in jsdom.
  const elements: Element[] = [];
  const fields: Element[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    elements.push(el);
    if (isTextField(el)) fields.push(el);
  }
  const widgets = formWidgets(root, fields);
  return elements.filter((el) => {
    // An element's names are read once for both name rules.
    const words = nameWords(el);
    return (
      (widgets.has(el) || isNamedFurniture(el, words) || isLinkParagraph(el) || isCommentThread(el, words)) &&
      isOwnBlock(el)
    );
  });
}

/** Takes the furniture out of `root` (a clone, before Readability); returns how many containers went. */
export function removeFurniture(root: Element): number {
  let removed = 0;
  for (const el of findFurniture(root)) {
    // Already gone with an outer container.
    if (!root.contains(el)) continue;
    el.remove();
    removed++;
  }
  return removed;
}
