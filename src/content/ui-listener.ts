/**
 * The content script's side of the popup: it tells the popup what the tab shows and, when the reader picks an
 * older version there, marks the page against that version instead.
 *
 * It learns the page's state by wrapping the evaluation's dependencies (`trackForUi`): the background's replies
 * (skipped, captured, changed), the extraction (the live elements the marks go on) and the overlay mount (so it
 * can take the marks down and mount them against another version). The same wrapper honours the "badge only"
 * setting: the overlay is not mounted by itself then, but the popup can still show it.
 */
import type { Runtime } from 'webextension-polyfill';
import type { MessageType, RequestOf, ResponseOf } from '../background/protocol';
import { serializeError } from '../background/protocol';
import type { Article } from '../core/model';
import { t } from '../ui/i18n';
import type { EvaluateDeps } from './evaluate';
import { countChanges } from './evaluate';
import type { Placement } from './extract-remote';
import type { OverlayInput } from './overlay';
import { asTabMessage, type CompareVersion, type TabMessage, type TabStatus } from './tab-protocol';

/** A background message with its reply, as one value TypeScript can narrow by `type`. */
type Exchange = {
  [K in MessageType]: { type: K; request: RequestOf<K>; response: ResponseOf<K> };
}[MessageType];

interface Mountable {
  doc: Document;
  article: Article;
  /** Finds the live elements the marks go on (once: extract-remote.ts). */
  place: () => Promise<Placement>;
}

const NOWHERE: Promise<Placement> = Promise.resolve({ elements: [], titleElement: null });

/** What the tab shows, kept up to date by the wrapped dependencies. */
export class TabTracker {
  status: TabStatus;
  private page: Mountable | null = null;
  private onDismiss: (() => void) | null = null;
  /** Aborted when the page is evaluated again (a single-page site moved on) or the marks are replaced. */
  private marks = new AbortController();
  private evaluation = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly deps: EvaluateDeps,
    private readonly showBadge: (changes: number) => void,
  ) {
    this.status = deps.incognito
      ? { state: 'private', location: doc.location.href }
      : { state: 'reading', location: doc.location.href };
  }

  /** A new evaluation starts: forget the old page and take down marks the popup put on it. */
  begin(location: string): void {
    this.evaluation.abort();
    this.evaluation = new AbortController();
    this.marks.abort();
    this.page = null;
    this.onDismiss = null;
    this.status = { state: 'reading', location };
  }

  observe(exchange: Exchange): void {
    const location = this.status.location;
    if (exchange.type === 'site.check' && !exchange.response.capture) {
      this.status = { state: 'skipped', location, reason: exchange.response.reason };
    } else if (exchange.type === 'article.capture') {
      const reply = exchange.response;
      if (reply.status === 'skipped') {
        this.status = { state: 'skipped', location, reason: reply.reason };
        return;
      }
      // The extraction (with the live elements the marks go on) came first; keep it. A capture that named the
      // background's reading sent no article.
      const article = this.page?.article ?? exchange.request.article;
      if (!article) return;
      this.status = {
        state: 'article',
        location,
        url: article.url,
        hash: reply.hash,
        status: reply.status,
        comparedWith: reply.status === 'changed' && reply.overlay === 'auto' ? reply.previous.hash : null,
      };
      this.page ??= { doc: this.doc, article, place: () => NOWHERE };
    }
  }

  failed(error: unknown): void {
    this.status = { state: 'failed', location: this.status.location, message: serializeError(error).message };
  }

  /** The page's article was found: remember the live elements marks go on. */
  extracted(page: Mountable): void {
    this.page = page;
  }

  /** The evaluation mounts its overlay; `show` is false in "badge only" mode. */
  mount(
    input: OverlayInput,
    signal: AbortSignal,
    show: boolean,
    mountOverlay: EvaluateDeps['mountOverlay'],
  ): void {
    this.onDismiss = input.onDismiss;
    if (!show) return;
    this.marks.abort();
    this.marks = new AbortController();
    mountOverlay(input, AbortSignal.any([signal, this.marks.signal, this.evaluation.signal]));
  }

  /**
   * Marks the page against `version` (null: no marks); resolves with how many changes are marked. The
   * background compares (compare.ts), so the page's thread never aligns.
   */
  async compare(version: CompareVersion | null): Promise<number> {
    const status = this.status;
    if (status.state !== 'article' || this.page === null) {
      throw new Error(t('error_notReadArticle'));
    }
    this.marks.abort();
    this.marks = new AbortController();
    if (version === null || version.hash === status.hash) {
      this.status = { ...status, comparedWith: null };
      this.showBadge(0);
      return 0;
    }
    const { doc, article, place } = this.page;
    const current = { title: article.title, paragraphs: article.paragraphs.map((p) => p.text) };
    const old = { title: version.title, paragraphs: version.paragraphs };
    const signal = AbortSignal.any([this.marks.signal, this.evaluation.signal]);
    const [result, { elements, titleElement }] = await Promise.all([
      this.deps.send('versions.compare', { old, current }),
      place(),
    ]);
    // Another comparison, or another page, took over while the background compared.
    signal.throwIfAborted();
    const dismiss = this.onDismiss;
    this.deps.mountOverlay(
      {
        doc,
        result,
        elements,
        titleElement,
        old,
        since: version.firstSeen,
        onDismiss: () => {
          this.status = { ...status, comparedWith: null };
          dismiss?.();
        },
      },
      signal,
    );
    const changes = countChanges(result);
    this.status = { ...status, comparedWith: version.hash };
    this.showBadge(changes);
    return changes;
  }
}

/**
 * Wraps the evaluation's dependencies so `tracker` sees every step. The wrapped functions behave as the
 * originals, except that the overlay is not mounted by itself when the reader chose "badge only".
 */
export function trackForUi(deps: EvaluateDeps, tracker: TabTracker): EvaluateDeps {
  let overlayAuto = true;
  const seen = (exchange: Exchange): void => {
    if (exchange.type === 'article.capture' && exchange.response.status === 'changed') {
      overlayAuto = exchange.response.overlay === 'auto';
    }
    tracker.observe(exchange);
  };
  const send: EvaluateDeps['send'] = async (type, request) => {
    if (type === 'site.check') tracker.begin((request as RequestOf<'site.check'>).location);
    try {
      const response = await deps.send(type, request);
      // `type`, `request` and `response` belong to one message; TypeScript cannot correlate generic parameters.
      seen({ type, request, response } as Exchange);
      return response;
    } catch (error) {
      if (type === 'article.capture') tracker.failed(error);
      throw error;
    }
  };
  return {
    ...deps,
    send,
    extract: async (doc, opts) => {
      const result = await deps.extract(doc, opts);
      if (result.ok) {
        tracker.extracted({ doc, article: result.article, place: result.place });
        // Stored as it was read ('page.parse' with `capture`): the capture's reply, as if it had been asked for.
        if (result.captured) {
          const location = opts?.url ?? tracker.status.location;
          seen({
            type: 'article.capture',
            request: { location, reading: result.reading ?? '' },
            response: result.captured,
          });
        }
      } else {
        tracker.status = { state: 'not-article', location: tracker.status.location, reason: result.reason };
      }
      return result;
    },
    mountOverlay: (input, signal) => tracker.mount(input, signal, overlayAuto, deps.mountOverlay),
  };
}

/** Answers the popup's `tab.*` messages for as long as `signal` is not aborted; other messages are left alone. */
export function listenForUi(
  runtime: Pick<Runtime.Static, 'onMessage' | 'id'>,
  tracker: TabTracker,
  signal: AbortSignal,
): void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    // Only the extension's own pages (the popup) talk to the tab; another content script never does.
    if (sender.id !== runtime.id || /^https?:/i.test(sender.url ?? '')) return undefined;
    const tabMessage = asTabMessage(message);
    if (tabMessage === null) return undefined;
    return Promise.resolve()
      .then(() => answer(tabMessage, tracker))
      .then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, error: serializeError(error) }),
      );
  };
  runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => runtime.onMessage.removeListener(listener), { once: true });
}

async function answer(message: TabMessage, tracker: TabTracker): Promise<unknown> {
  if (message.type === 'tab.status') return tracker.status;
  return { changes: await tracker.compare((message as TabMessage<'tab.compare'>).request.version) };
}

/**
 * Everything the content entry needs in one call: tracks the evaluations made with the returned dependencies
 * and answers the popup for the life of the page. `showBadge` sets the tab's toolbar count when the popup
 * changes what is marked.
 */
export function withUi(
  deps: EvaluateDeps,
  runtime: Pick<Runtime.Static, 'onMessage' | 'id'>,
  doc: Document,
  showBadge: (changes: number) => void,
): EvaluateDeps {
  const tracker = new TabTracker(doc, deps, showBadge);
  listenForUi(runtime, tracker, new AbortController().signal);
  return trackForUi(deps, tracker);
}
