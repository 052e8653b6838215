/**
 * Old text (removed paragraphs, deleted words, the previous headline) is text the page did not serve in this
 * load. Put in the page's DOM, any page script could read it back: a site that put a per-visitor token in a
 * paragraph and later served other text would get the token back, a tracking id that outlives cleared cookies
 * (issue 9, item 2). So in the normal build it goes into a closed shadow root, which the reader sees but page
 * scripts cannot open; only the test build (src/content/contract.ts) keeps it in light-DOM elements.
 *
 * The host keeps its `data-redline-old` attribute either way, so the page style sheet styles both alike: the
 * host's own rules, inherited properties and propagated text decorations reach the shadow content, and the
 * parts named here are styled with `::part()`.
 */

// Elements that may carry a shadow root (DOM standard, "attach a shadow root"), among those the overlay uses.
const SHADOW_HOSTS = new Set(['DIV', 'SPAN', 'P', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'ASIDE']);

export type OldTextBuilder = (parent: ParentNode, doc: Document) => void;

/**
 * Fills `host` with old text made by `build`: in its light DOM when `readable` (test build), otherwise in a
 * closed shadow root. A host that cannot carry a shadow root (a list item) gets an inner span that does.
 */
export function fillOldText(host: HTMLElement, build: OldTextBuilder, readable: boolean): HTMLElement {
  const doc = host.ownerDocument;
  if (readable) {
    build(host, doc);
    return host;
  }
  let shadowHost = host;
  if (!SHADOW_HOSTS.has(host.tagName.toUpperCase())) {
    shadowHost = doc.createElement('span');
    host.append(shadowHost);
  }
  const root = shadowHost.attachShadow({ mode: 'closed' });
  build(root, doc);
  return host;
}

/** Plain old text. */
export function oldTextOf(text: string): OldTextBuilder {
  return (parent, doc) => parent.append(doc.createTextNode(text));
}
