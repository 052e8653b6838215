/**
 * The inline overlay: marks what changed since the reader's previous version on the live page, with a control
 * bar to step through the changes, hide the marks or dismiss them. Everything it does is journaled and undone
 * when `signal` aborts (or the reader dismisses), leaving the DOM as it was.
 *
 * Keyboard: Alt+Shift+ArrowDown / Alt+Shift+ArrowUp go to the next / previous change (ignored while typing).
 * Only the reader's own input counts: untrusted (script-made) events are ignored.
 *
 * `readable` is the test build's page contract (src/content/contract.ts); without it, old text and the control
 * bar live in closed shadow roots.
 */

import { textPatternOf } from '../../core/ignore';
import type { AlignResult } from '../../core/model';
import type { Notice } from '../../core/notices';
import { t, tn, uiLocale, useWholeNumberStyle } from '../../ui/i18n';
import type { WholeNumberStyle } from '../../ui/wholeNumbers';
import { READABLE_CONTRACT } from '../contract';
import {
  CHUNK_BUDGET_MS,
  capNote,
  MAX_MARK_JOBS,
  nearScreen,
  nextTaskOf,
  runInChunks,
  visibleFirst,
} from './chunks';
import { type ControlBar, createControlBar } from './controlBar';
import { type EditorialView, liveText, markLiveStart, markNotice, noticeLabel, readEdit } from './editorial';
import { InsertedHighlight } from './highlights';
import { DomJournal } from './journal';
import {
  ChangeNavigator,
  type Direction,
  inDocumentOrder,
  inDocumentOrderSliced,
  isEditableTarget,
  shortcutDirection,
} from './navigation';
import { ChangePlanner, type MarkJob, type PlacedChanges } from './paragraphMarks';
import { summaryText } from './since';
import { watchStaleWords } from './staleWords';
import { PageStyles } from './styles';
import { detectTheme } from './theme';
import { markTitle } from './titleMark';
import { isTrustedEvent } from './trust';

export interface OverlayInput {
  doc: Document;
  result: AlignResult;
  /** elements[i] = the page's live block element showing new paragraph i. */
  elements: (Element | null)[];
  /** The page's live headline element, when found. */
  titleElement: Element | null;
  /** Previous version, display texts. */
  old: { title: string; paragraphs: string[] };
  /** Epoch ms when the previous version was first seen. */
  since: number;
  /** `since` as the bar words it, formatted by the background; formatted here when absent (src/ui/since.ts). */
  sinceLabel?: string;
  /** How the reader's locale writes whole numbers, read by the background: counts are written without Intl. */
  numbers?: WholeNumberStyle;
  /** The editor's notices the new version brought, found by the background; looked for here when absent. */
  notices?: Notice[];
  /** The reader dismissed the marks for this version. */
  onDismiss: () => void;
  /** New version, display texts: for correction notices and live blogs (editorial.ts); absent, neither is shown. */
  paragraphs?: readonly string[];
  /** The reader asked to ignore changes like the current one on this site; `pattern` is a text rule. */
  onIgnore?: (pattern: string) => Promise<void>;
}

/**
 * Mounts the overlay. Nothing is shown when no change could be placed on the page (every changed paragraph
 * unmapped). Aborting `signal` removes everything and restores the page.
 */
export function mountOverlay(input: OverlayInput, signal: AbortSignal, readable = READABLE_CONTRACT): void {
  if (signal.aborted) return;
  const { doc } = input;
  const view = doc.defaultView;
  // Test build only: where bench/mount-browser.ts starts the clock for the first mark in view.
  if (READABLE_CONTRACT) (view?.performance ?? performance).mark?.('redline:compared');
  // Before any count is written: the first Intl object a content script makes costs the page 25-50 ms.
  if (input.numbers) useWholeNumberStyle(input.numbers);
  const edit = readEdit(input.result, input.old.paragraphs, input.paragraphs, input.notices);
  const result = edit.result;
  const journal = new DomJournal();
  const lifetime = new AbortController();
  let highlight: InsertedHighlight | null = null;
  const staleWords = watchStaleWords(doc, (ranges) => highlight?.drop(ranges));
  lifetime.signal.addEventListener(
    'abort',
    () => {
      // First: taking the marks out must not read as the page changing its text.
      staleWords.disconnect();
      highlight?.hide();
      journal.undoAll();
    },
    { once: true },
  );
  signal.addEventListener('abort', () => lifetime.abort(), { once: true, signal: lifetime.signal });

  try {
    // A single-page app may have re-rendered between extraction and now; detached elements show nothing.
    const live = (element: Element | null) => (element?.isConnected ? element : null);
    const elements = input.elements.map(live);
    const titleElement = live(input.titleElement);
    // Read before anything is written, so the page is not laid out again for it.
    const near = nearScreen(elements, view);
    const firstMapped = elements.find((element) => element !== null) ?? titleElement;
    const theme = detectTheme(doc, firstMapped);
    const styles = new PageStyles(doc, theme, journal);

    const slices = {
      signal: lifetime.signal,
      now: () => (view?.performance ?? performance).now(),
      nextTask: nextTaskOf(view),
    };
    const started = slices.now();
    // The changes on screen are planned first, and the rest within this task's budget or in later slices: the
    // plan of a 20,000-paragraph page (22,000 jobs) held the first task on its own (issue 8).
    const planner = new ChangePlanner(
      doc,
      result,
      elements,
      titleElement,
      input.old.paragraphs,
      journal,
      readable,
    );
    const isNear = (at: number): boolean => near?.has(at) ?? true;
    const nearJobs = [...planner.plan(isNear)];
    const restPlan = planner.plan((at) => !isNear(at));
    const rest: MarkJob[] = [];
    const planned = planSlice(restPlan, rest, slices.now, started + CHUNK_BUDGET_MS);

    const titleChanged = result.title.changed && titleElement !== null;
    const liveBanner = edit.live
      ? markLiveStart(elements[edit.live.first] ?? null, edit.live.entries, journal)
      : null;
    const noticeElements = edit.notices.map((notice) => markNotice(elements[notice.index] ?? null, journal));
    const nothingToShow = (): boolean => planner.items + (titleChanged ? 1 : 0) === 0 && liveBanner === null;
    if (planned && nothingToShow()) {
      lifetime.abort();
      return;
    }

    const placed: PlacedChanges = {
      items: [],
      insertedRanges: [],
      onWords: (element, ranges) => staleWords.watch(element, ranges),
    };
    if (liveBanner && edit.live)
      placed.items.push({ element: liveBanner, description: liveText(edit.live.entries) });
    if (titleChanged && titleElement) {
      const ranges = markTitle(titleElement, result.title, journal, readable);
      placed.insertedRanges.push(...ranges);
      staleWords.watch(titleElement, ranges);
      placed.items.push({ element: titleElement, description: t('mark_headline') });
    }
    highlight = new InsertedHighlight(doc);
    highlight.show();
    const reducedMotion = view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const changes = new ChangeNavigator([], journal, !reducedMotion);

    // While the marks are hidden there is nothing to show; the shortcut then leaves the key to the page.
    let bar: ControlBar | null = null;
    const go = (direction: Direction): boolean => {
      if (!styles.visible) return false;
      const item = changes.go(direction);
      if (item) bar?.setPosition(changes.position, changes.items.length, item.description);
      current = item ?? null;
      return true;
    };
    // For "Ignore changes like this": the new paragraph a marked element shows (looked up when asked: a map of
    // every element was 16 ms of the first task on a 20,000-paragraph page).
    let current: { element: Element } | null = null;
    const textOf = (element: Element): string | undefined => {
      const index = elements.indexOf(element);
      return index < 0 ? undefined : input.paragraphs?.[index];
    };
    const locale = uiLocale(view?.navigator.languages ?? []);
    // Once everything is planned: the summary counts the changes.
    const showBar = (): ControlBar =>
      createControlBar(
        doc,
        theme,
        barSummary(planner.items + (titleChanged ? 1 : 0), edit, input, locale, noticeElements) +
          capNote(planner.jobs, planner.items),
        {
          onPrevious: () => go('previous'),
          onNext: () => go('next'),
          onToggleMarks: () => {
            const visible = !styles.visible;
            styles.setVisible(visible);
            if (visible) highlight?.show();
            else {
              highlight?.hide();
              changes.clear();
            }
            bar?.setMarksVisible(visible);
          },
          onDismiss: () => {
            try {
              input.onDismiss();
            } finally {
              lifetime.abort();
            }
          },
          onIgnore: input.onIgnore
            ? () => {
                const text = current ? textOf(current.element) : undefined;
                if (text === undefined) return t('bar_ignoreFirst');
                const pattern = textPatternOf(text);
                input
                  .onIgnore?.(pattern)
                  .catch((error: unknown) => console.warn('Redline: could not keep the ignore rule', error));
                return t('bar_ignored', pattern.slice(0, 60));
              }
            : undefined,
        },
        lifetime.signal,
        journal,
        readable,
      );
    if (planned) bar = showBar();

    // Capture on the window: a page handler that stops propagation on the document cannot swallow it.
    (view ?? doc).addEventListener(
      'keydown',
      (event: Event) => {
        // A page's synthetic keydown must not move the reader through the changes.
        if (!isTrustedEvent(event)) return;
        const direction = shortcutDirection(event as KeyboardEvent);
        if (!direction || isEditableTarget(event)) return;
        if (go(direction)) event.preventDefault();
      },
      { capture: true, signal: lifetime.signal },
    );

    let highlighted = 0;
    let sorted = false;
    // The reader scrolled while marks are still going in: those near the new viewport next. Read in an animation
    // frame, where the page is laid out for the frame anyway; reading after our writes anywhere else would lay out
    // the whole page again for it.
    const scrolling = new AbortController();
    lifetime.signal.addEventListener('abort', () => scrolling.abort(), {
      once: true,
      signal: scrolling.signal,
    });
    let nearView: Set<number> | null = null;
    let frameAsked = false;
    let promoted = false;
    if (view && (nearJobs.length > 0 || rest.length > 0 || !planned)) {
      view.addEventListener(
        'scroll',
        () => {
          if (frameAsked) return;
          frameAsked = true;
          view.requestAnimationFrame(() => {
            frameAsked = false;
            if (!scrolling.signal.aborted) nearView = nearScreen(elements, view);
          });
        },
        { passive: true, signal: scrolling.signal },
      );
    }
    /** After each chunk; `last`: every job of the mount has run. */
    const onChunk = (last: boolean): void => {
      // The first chunk's words (those on screen) at once, all others once the last chunk is in: Chromium
      // re-validates every range of a registered highlight in each frame after a DOM change, so ranges added
      // chunk by chunk made every later frame of the mount slower, quadratic in the marks (issue 8).
      // Words scrolled to are painted with their chunk too; only a reader's scroll costs that.
      if (!sorted || last || promoted) {
        highlight?.add(placed.insertedRanges.slice(highlighted));
        highlighted = placed.insertedRanges.length;
        promoted = false;
      }
      if (last) scrolling.abort();
      // One chunk placed everything: sorted at once. Otherwise the first chunk's items go in reading order as
      // placed, and all of them are sorted once placed, by a walk of the page in slices (one walk of a
      // 20,000-paragraph page was a 430 ms task).
      if (!sorted && last) changes.setItems(inDocumentOrder(placed.items));
      else if (!sorted) changes.setItems([...placed.items]);
      else if (last) {
        const all = [...placed.items];
        inDocumentOrderSliced(all, slices).then(
          (ordered) => {
            if (!lifetime.signal.aborted) changes.setItems(ordered);
          },
          () => undefined,
        );
      }
      sorted = true;
    };
    const takeNearView = (): Set<number> | null => {
      const near = nearView;
      nearView = null;
      return near;
    };
    const prioritise = {
      pending: () => nearView !== null,
      apply: (remaining: readonly MarkJob[]) => {
        promoted = true;
        return visibleFirst(remaining, takeNearView());
      },
    };
    // The last run (all jobs planned) reorders its jobs when the reader scrolls; before it, a scroll is left for
    // the planning loop, which plans and places the changes scrolled to.
    // Each run's first chunk goes in the task that asked for it (the mount's first, or one of the planning
    // loop's): its budget counts from that task's start.
    let taskStart = started;
    const runJobs = (jobs: readonly MarkJob[], lastOfMount: boolean): Promise<void> =>
      runInChunks(jobs, (job) => job.run(placed), {
        ...slices,
        startedAt: taskStart,
        ...(lastOfMount ? { prioritise } : {}),
        onChunk: (done) => onChunk(lastOfMount && done === jobs.length),
      });

    let mounting: Promise<void>;
    if (planned) {
      // Visible changes first, a chunk per task; the first chunk is placed before this returns.
      const jobs = nearJobs.concat(rest).slice(0, MAX_MARK_JOBS);
      // A live blog's banner may be all there is to show, with no job to run.
      if (jobs.length === 0) changes.setItems(inDocumentOrder(placed.items));
      mounting = runJobs(jobs, true);
    } else {
      mounting = (async () => {
        // The marks on screen first (placed before this returns), then the plan of the rest in slices.
        await runJobs(nearJobs.slice(0, MAX_MARK_JOBS), false);
        let ran = nearJobs.length;
        while (!planSlice(restPlan, rest, slices.now, slices.now() + CHUNK_BUDGET_MS)) {
          await slices.nextTask();
          if (lifetime.signal.aborted) return;
          taskStart = slices.now();
          // Scrolled to while the rest is planned: the changes there are planned and placed now.
          const scrolledTo = ran < MAX_MARK_JOBS ? takeNearView() : null;
          if (scrolledTo !== null) {
            promoted = true;
            const jobs = [...planner.plan((at) => scrolledTo.has(at))].slice(0, MAX_MARK_JOBS - ran);
            ran += jobs.length;
            await runJobs(jobs, false);
          }
        }
        if (nothingToShow()) {
          lifetime.abort();
          return;
        }
        bar = showBar();
        const jobs = rest.slice(0, Math.max(0, MAX_MARK_JOBS - ran));
        if (jobs.length === 0) onChunk(true);
        else await runJobs(jobs, true);
      })();
    }
    mounting.catch((error: unknown) => {
      scrolling.abort();
      lifetime.abort();
      console.warn('Redline: could not mark the page', error);
    });
  } catch (error) {
    // A half-built overlay is worse than none: take back what was placed, and let the caller log the error.
    lifetime.abort();
    throw error;
  }
}

/**
 * Takes jobs from `plan` into `into` until it ends (true) or `deadline` passes (false); the clock is read every
 * few jobs, each job's plan being a few microseconds.
 */
function planSlice(plan: Iterator<MarkJob>, into: MarkJob[], now: () => number, deadline: number): boolean {
  for (let i = 1; ; i++) {
    const next = plan.next();
    if (next.done) return true;
    into.push(next.value);
    if (i % 64 === 0 && now() >= deadline) return false;
  }
}

/** "3 changes since yesterday", "12 new entries since you read · 1 change", with "· Correction notice". */
function barSummary(
  total: number,
  edit: EditorialView,
  { since, sinceLabel }: Pick<OverlayInput, 'since' | 'sinceLabel'>,
  locale: string,
  notices: readonly (Element | null)[],
): string {
  const parts: string[] = [];
  if (edit.live) {
    parts.push(liveText(edit.live.entries));
    if (total > 0) parts.push(tn('count_changes', total));
  } else {
    parts.push(summaryText(total, since, Date.now(), locale, sinceLabel));
  }
  if (notices.some((element) => element !== null)) parts.push(noticeLabel());
  return parts.join(' · ');
}
