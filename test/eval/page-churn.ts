/**
 * More of what a news site changes around an article between two visits than churnAroundArticle does, and the
 * template re-render case: the same article text in other wrappers and classes. Each works on the live DOM of a
 * parsed page, given the elements extraction mapped the article's paragraphs to; none changes a paragraph's text.
 */
import { seededRandom } from '../fixtures/pages/article-edits';

export interface ChurnInput {
  doc: Document;
  elements: readonly (Element | null)[];
  seed: number;
}

function commonAncestor(elements: readonly Element[]): Element | null {
  const [first, ...rest] = elements;
  let candidate: Element | null = first ?? null;
  while (candidate && !rest.every((el) => candidate?.contains(el))) candidate = candidate.parentElement;
  return candidate;
}

function articleContainer(elements: readonly (Element | null)[]): Element | null {
  return commonAncestor(elements.filter((el): el is Element => el !== null));
}

function hash(random: () => number): string {
  return Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
}

// A css-in-js or css-modules hash inside a class token: a run of letters and digits that holds a digit.
const HASHED = /(?<=[-_])(?=[a-z0-9]*\d)[a-z0-9]{5,}/gi;

/** New hashes in every hashed class name of the page, as a site's next build of its css-in-js produces. */
function rehashClasses(doc: Document, random: () => number): number {
  let changed = 0;
  for (const el of Array.from(doc.querySelectorAll('[class]'))) {
    const cls = el.getAttribute('class') ?? '';
    const next = cls.replace(HASHED, () => hash(random));
    if (next !== cls) {
      el.setAttribute('class', next);
      changed++;
    }
  }
  return changed;
}

function wrap(el: Element, className: string): Element {
  const wrapper = el.ownerDocument.createElement('div');
  wrapper.className = className;
  el.replaceWith(wrapper);
  wrapper.append(el);
  return wrapper;
}

/**
 * Page churn beyond churnAroundArticle: a cookie notice, lazy images loading and a lead picture with its
 * caption appearing above the article, related links re-ordered, hashed class names changed, a wrapper added
 * around the article. Returns what it did.
 */
export function churnMore({ doc, elements, seed }: ChurnInput): string[] {
  const random = seededRandom(seed ^ 0xc0ffee);
  const container = articleContainer(elements);
  const done: string[] = [];

  const cookie = doc.createElement('div');
  cookie.className = 'cookie-notice';
  cookie.innerHTML =
    '<p>We use cookies to improve your experience and to show you personalised advertising.</p>' +
    '<button>Accept all</button> <a href="/privacy">Manage your choices</a>';
  doc.body.append(cookie);
  done.push('cookie notice');

  for (const img of Array.from(doc.querySelectorAll('img[data-src], img[loading="lazy"]'))) {
    const src = img.getAttribute('data-src');
    if (src) img.setAttribute('src', src);
    img.removeAttribute('loading');
  }
  if (container) {
    const figure = doc.createElement('figure');
    figure.className = 'lead-media';
    figure.innerHTML =
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">' +
      '<figcaption><span class="visually-hidden">Image caption, </span>' +
      'Crowds gathered outside the building on Tuesday morning</figcaption>';
    container.before(figure);
    done.push('lazy lead picture');
  }

  const outside = (el: Element): boolean => !(container?.contains(el) ?? false) && !el.contains(container);
  const lists = Array.from(doc.querySelectorAll('ul, ol')).filter(
    (list) => outside(list) && list.querySelectorAll(':scope > li a').length >= 3,
  );
  for (const list of lists.slice(0, 3)) {
    const items = Array.from(list.children).filter((c) => c.localName === 'li');
    for (const item of items.reverse()) list.append(item);
    done.push('related links re-ordered');
  }

  if (rehashClasses(doc, random) > 0) done.push('hashed classes');
  if (container && container !== doc.body && container.parentElement) {
    wrap(container, `layout-${hash(random)}`);
    done.push('wrapper');
  }
  return done;
}

/** Where `el` sits under `root`, as child indices, to find its copy in a clone of `root`. */
function pathOf(root: Element, el: Element): number[] | null {
  const path: number[] = [];
  for (let cur: Element | null = el; cur !== root; cur = cur.parentElement) {
    const parent: Element | null = cur?.parentElement ?? null;
    if (!cur || !parent) return null;
    path.unshift(Array.prototype.indexOf.call(parent.children, cur));
  }
  return path;
}

function follow(root: Element, path: readonly number[]): Element | null {
  let cur: Element | null = root;
  for (const i of path) cur = cur?.children[i] ?? null;
  return cur;
}

/**
 * The same article rendered by a new template, as the HTML of a page: every class token gets a build suffix
 * (words kept, as css modules keep them), the article's container and the page's content sit in new wrappers.
 * Works on a copy; the page itself is left as it is.
 */
export function rerender({ doc, elements, seed }: ChurnInput): string {
  const random = seededRandom(seed ^ 0x7e3a);
  const build = hash(random);
  const original = articleContainer(elements);
  const path = original ? pathOf(doc.documentElement, original) : null;
  const root = doc.documentElement.cloneNode(true) as Element;
  for (const el of Array.from(root.querySelectorAll('[class]'))) {
    const tokens = (el.getAttribute('class') ?? '').split(/\s+/).filter((t) => t.length > 0);
    el.setAttribute('class', tokens.map((t) => `${t}__${build}`).join(' '));
  }
  const container = path ? follow(root, path) : null;
  const body = root.querySelector('body');
  if (container && container !== body && container.parentElement) {
    wrap(wrap(container, `story-body__${build}`), `story__${build}`);
  }
  if (body) {
    const app = doc.createElement('div');
    app.id = 'app-root';
    app.append(...Array.from(body.childNodes));
    body.append(app);
  }
  return `<!DOCTYPE html>\n${root.outerHTML}`;
}
