/**
 * Blocks inside Readability's article that are not article text: the template's furniture that sits among the
 * paragraphs. Each rule is a class seen across many sites of the 181-page benchmark, and each is narrow (short
 * blocks, whole-block matches) so a real paragraph is never dropped for mentioning a word:
 * - ad-slot labels ("Advertisement", "Anzeige", "Publicité", "Continue reading below");
 * - navigation: blocks in a <nav>, a navigation landmark or a breadcrumb trail;
 * - link-dominated blocks: a list item or short paragraph that is all link (nav menus, "Read more: …",
 *   related-story lists, breadcrumbs);
 * - datelines ("Published 10:48, Tue, Nov 19, 2019", "Updated 1 day ago") and bylines ("By Jane Doe"), which
 *   the article's metadata already holds and a redesign rewrites;
 * - the headline repeated as the first block, also held in metadata;
 * - newsletter and share prompts ("Subscribe to our newsletter", "Share this article"), cookie notices,
 *   copyright lines, "Comments are closed";
 * - counts the template keeps up to date: reading times, a player's duration, comment counts;
 * - captions and photo credits (<figcaption>, caption/credit classes, "Image 1 of 5"): one consistent rule,
 *   because lazy galleries and hidden "Image caption," prefixes make them come and go between visits, and the
 *   benchmark's hand-checked bodies leave them out too;
 * - a block repeating an earlier one word for word (gallery captions, sticky headers), and the page's own
 *   address printed as text (print headers).
 */
import { compareText } from '../text';
import type { Block } from './blocks';
import { CAPTION_DEPTH, isCaptionContainer, isMarkedCaption } from './captions';
import { isElement } from './dom-kinds';

const AD_LABEL =
  /^(?:advertisement|advertising|advert|ad|ads|sponsored(?: content)?|paid content|promoted|anzeige|werbung|publicité|publicidade|publicidad|pubblicità|publicitate|reklama|reklame|reklam|annons|advertentie|mainos|iklan|hirdetés|inzerce|διαφήμιση|реклама|إعلان|פרסומת|विज्ञापन|โฆษณา|quảng cáo|广告|広告|광고|(?:story |article )?continues? (?:reading )?(?:below|after)(?: (?:the )?advertisement)?|continue reading(?: below)?|scroll (?:down )?to continue(?: (?:with|reading) (?:the )?(?:content|article|story))?|skip (?:to content|advert(?:isement)?))$/i;

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE = new RegExp(
  `\\b(?:\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|(?:${MONTHS})\\.? \\d{1,2}(?:st|nd|rd|th)?\\b|\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS})\\b|\\d+ (?:minutes?|hours?|days?|weeks?) ago)`,
  'i',
);
const DATE_WORDS = new RegExp(
  `\\b(?:${MONTHS}|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|[ap]\\.?m\\.?|utc|gmt|[a-z]st|[a-z]dt|et|pt|hst|ago|minutes?|hours?|days?|weeks?)\\b`,
  'gi',
);
const DATELINE_LEAD =
  /^(?:\|\s*)?(?:published|updated|posted|last updated|first published|modified|originally published|publicado|publicada|atualizado|actualizado|veröffentlicht|aktualisiert|publié|mis à jour|pubblicato|aggiornato|gepubliceerd)\b/i;
// A dateline is short; a sentence that happens to start with "Published" is not.
const MAX_DATELINE_CHARS = 120;
const BYLINE = /^(?:by|por|von|par|di|door|av|de)\s+\S/i;
const MAX_BYLINE_WORDS = 8;
// A byline ends with a name, a sentence with its stop, also when a quote or a bracket closes after it: "By train,
// or did they drive?”" is the end of a quotation split over two paragraphs, not a byline.
const SENTENCE_END = /[.!?…][\p{Pe}\p{Pf}"']*$/u;
const PROMPT =
  /^(?:share (?:this|on)\b|like this (?:story|article)\b|subscribe\b|sign up\b|get the latest\b|click here to (?:subscribe|sign up)\b|follow us\b|(?:read|see) more\s*:|(?:read|see) also\s*:|related\s*:|also on\b|leggi anche\b|lesen sie auch\b|lire aussi\b|leia também\b|(?:this|the) (?:post|article|page) (?:may )?contains? affiliate)/i;
const MAX_PROMPT_CHARS = 200;
const MAX_CONTACT_CHARS = 300;
// Contact, follow and newsletter lines at an article's end ("Follow her on Twitter @…", "Join our forums").
const CONTACT =
  /\bfollow (?:us|him|her|them|me)?\s*(?:on|at|@)|\b(?:sign up|subscribe|join)\b.{0,60}\b(?:newsletters?|forums?|inbox|mailing list)\b|\bmay be reached at\b/i;
// A trailing "(Image: GETTY)" or "Credit: Getty Images" marks a caption that sits outside a caption container.
const CAPTION_TAIL =
  /\((?:image|photo|picture|foto|bild)s?(?: credit)?\s*:[^)]*\)$|\bcredit\s*:\s*[^.]{1,60}$/i;
const NOTICE =
  /\b(?:uses? cookies|requires javascript|enable javascript|all rights reserved|todos os direitos reservados|alle rechte vorbehalten|tous droits réservés|comments are (?:now )?(?:closed|disabled))\b|^(?:©|\(c\)\s|copyright\b)|©\s*\d{4}/i;
const CAPTION_TEXT =
  /^(?:\(?(?:image|photo|picture|foto|bild|imagem|imagen)(?: credit)?\s*(?::|\d+\s*(?:of|\/)\s*\d*)|\d+\s*of\s*\d+\s*\p{L})/iu;
// A block that is only a count the template keeps up to date: a reading time ("5 min read", "8 min"), a player's
// duration ("03:26"), a comment count ("Comments (57)", "57 comments", "12 thoughts on …", "Show comments"). A
// newsroom's edit changes the first, readers change the last, and none is article text. Matched whatever the
// element is called, for sites whose class names say nothing (css-in-js hashes).
const COUNTER =
  /^(?:\d+\s*(?:min(?:ute)?s?|mins?\.?)(?:\s+(?:read|reading time|listen|watch))?|(?:reading time|lesezeit|temps de lecture|tiempo de lectura)\s*:?\s*\d+\s*(?:min(?:ute[ns]?)?|minutos?)\.?|\d{1,2}:\d{2}(?::\d{2})?|comments?\s*\(\d[\d,.]*\)|\d[\d,.]*\s+(?:comments?|replies|responses)|\d[\d,.]*\s+(?:thoughts|responses|comments|replies) (?:on|to)\b.{0,120}|(?:show|view|read|load|see|join)\s+(?:all\s+)?(?:\d[\d,.]*\s+)?(?:comments?|the (?:conversation|discussion)))$/iu;
const MAX_COUNTER_CHARS = 160;

/** A count the template keeps up to date (see COUNTER), by its words alone. */
export function isCounterText(text: string): boolean {
  return text.length <= MAX_COUNTER_CHARS && COUNTER.test(text.trim());
}

// Shorter repeats ("Meal 1", "Step 2") are often real subheadings.
const MIN_REPEAT_CHARS = 40;
// The headline is repeated among the first blocks (after kickers, sign-in links, print headers), not later.
const TITLE_WINDOW = 4;
// Linked text above this share of a block makes it a link, not a sentence that cites one.
export const LINK_SHARE = 0.8;
export const MAX_LINK_BLOCK_CHARS = 200;

export interface BoilerplateContext {
  title: string | null;
  byline: string | null;
  /** The page's address: a block that is only this is a print header. */
  url?: string | null;
  /** Where the article content starts: caption containers are looked for below it. */
  root?: Element | null;
  /** Text nodes that stood in a caption container before Readability ran (captions.ts). */
  captionTexts?: ReadonlySet<Text>;
}

function words(text: string): number {
  return text.split(' ').filter((w) => w !== '').length;
}

/** Share of the block's text that sits inside an <a>. */
export function linkShare(block: Block): number {
  // A heading wrapped in a link (a teaser card's title) is all link.
  if (block.element.parentElement?.closest('a')) return 1;
  let total = 0;
  let linked = 0;
  for (const node of block.nodes) {
    const length = node.data.trim().length;
    total += length;
    for (let cur: Node | null = node.parentNode; cur && cur !== block.element; cur = cur.parentNode) {
      if (isElement(cur) && cur.localName === 'a') {
        linked += length;
        break;
      }
    }
  }
  return total === 0 ? 0 : linked / total;
}

function isDateline(text: string): boolean {
  if (text.length > MAX_DATELINE_CHARS) return false;
  // A sentence, also when its stop sits behind a closing quote or bracket ("… at 3 p.m. sharp.”").
  const end = text.trimEnd();
  if (SENTENCE_END.test(end) && !/\b(?:a\.m|p\.m)\.$/i.test(end)) return false;
  if (!DATE.test(text)) return DATELINE_LEAD.test(text) && /^[^:]{1,30}:/.test(text);
  if (DATELINE_LEAD.test(text)) return true;
  // Only a date and time: what is left without digits, month and day names and clock words is a word or two.
  return words(text.replace(DATE_WORDS, ' ').replace(/[^\p{L}]+/gu, ' ')) <= 2;
}

/**
 * True when the block stands in a caption or credit container: by its own ancestry in the tree it was split
 * from, or because its text was marked as caption text on the page's own tree (captions.ts).
 */
export function inCaption(block: Block, root: Element | null, captionTexts?: ReadonlySet<Text>): boolean {
  if (isMarkedCaption(block.nodes, block.element, captionTexts)) return true;
  let el: Element | null = block.element;
  for (let depth = 0; el && el !== root && depth < CAPTION_DEPTH; depth++, el = el.parentElement) {
    if (isCaptionContainer(el)) return true;
  }
  return false;
}

/**
 * True when the block stands in the site's navigation: a <nav>, an ARIA navigation landmark, or a breadcrumb
 * trail by class / id. A breadcrumb ends with the headline, so it reads like text, yet its other crumbs are
 * section links the site relabels at will; kept once, it comes back as a false "Removed" (linknaija's
 * `<nav id="breadcrumb">` in the change harness).
 */
export function inNavigation(block: Block, root: Element | null): boolean {
  let el: Element | null = block.element;
  for (let depth = 0; el && el !== root && depth < CAPTION_DEPTH; depth++, el = el.parentElement) {
    if (el.localName === 'nav' || el.getAttribute('role') === 'navigation') return true;
    if (/breadcrumb/i.test(`${el.getAttribute('class') ?? ''} ${el.id}`)) return true;
  }
  return false;
}

export type BoilerplateClass =
  | 'nav'
  | 'ad-label'
  | 'link'
  | 'dateline'
  | 'byline'
  | 'title'
  | 'prompt'
  | 'notice'
  | 'counter'
  | 'caption'
  | 'repeat'
  | 'url';

/** Which class of boilerplate `block` is, or null for article text. `first` is true before any body text. */
export function boilerplateClass(
  block: Block,
  ctx: BoilerplateContext,
  first: boolean,
): BoilerplateClass | null {
  const text = block.text;
  const key = compareText(text).toLowerCase();
  if (AD_LABEL.test(key.replace(/[\s:.·|-]+$/, ''))) return 'ad-label';
  if (inNavigation(block, ctx.root ?? null)) return 'nav';
  if (first && ctx.title && key === compareText(ctx.title).toLowerCase()) return 'title';
  if (ctx.url && (text === ctx.url || text === ctx.url.replace(/[?#].*$/, ''))) return 'url';
  if (isDateline(text)) return 'dateline';
  if (ctx.byline && key === compareText(ctx.byline).toLowerCase()) return 'byline';
  if (BYLINE.test(text) && words(text) <= MAX_BYLINE_WORDS && !SENTENCE_END.test(text)) return 'byline';
  if (text.length <= MAX_PROMPT_CHARS && PROMPT.test(text)) return 'prompt';
  if (text.length <= MAX_PROMPT_CHARS && NOTICE.test(text)) return 'notice';
  if (isCounterText(text)) return 'counter';
  if (text.length <= MAX_CONTACT_CHARS && CONTACT.test(text)) return 'prompt';
  if (
    CAPTION_TEXT.test(text) ||
    CAPTION_TAIL.test(text) ||
    inCaption(block, ctx.root ?? null, ctx.captionTexts)
  ) {
    return 'caption';
  }
  if (
    (block.kind === 'li' || text.length <= MAX_LINK_BLOCK_CHARS) &&
    // Footnote numbers and URLs printed as sources are article text even when linked.
    /\p{L}{2}/u.test(text) &&
    !/^(?:https?:\/\/|www\.)\S+$/.test(text) &&
    linkShare(block) >= LINK_SHARE
  ) {
    return 'link';
  }
  return null;
}

/** The blocks that are article text, and a count of what was dropped per class. */
export function dropBoilerplate(
  blocks: readonly Block[],
  ctx: BoilerplateContext,
): { kept: Block[]; dropped: Partial<Record<BoilerplateClass, number>> } {
  const kept: Block[] = [];
  const dropped: Partial<Record<BoilerplateClass, number>> = {};
  const seen = new Set<string>();
  for (const block of blocks) {
    const key = compareText(block.text);
    let cls = boilerplateClass(block, ctx, kept.length < TITLE_WINDOW);
    // Body paragraphs may repeat (a refrain, a quoted line); repeated headings and captions are template.
    if (cls === null && block.kind !== 'p' && key.length >= MIN_REPEAT_CHARS) {
      if (seen.has(key)) cls = 'repeat';
      seen.add(key);
    }
    if (cls === null) kept.push(block);
    else dropped[cls] = (dropped[cls] ?? 0) + 1;
  }
  return { kept, dropped };
}
