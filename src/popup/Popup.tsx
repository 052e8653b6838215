/**
 * The toolbar popup: for the current tab's article its headline, when it was first and last seen, and every
 * stored version with its changes against the one before; picking a version marks the page against it. For a
 * page Redline does not keep (not an article, paused, excluded, private, only the start of an article behind a
 * paywall, a page storing too fast) it says so, with the action that helps.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send } from '../background/protocol';
import type { ArticleDetail } from '../background/ui-history';
import { sendToTab, type TabStatus } from '../content/tab-protocol';
import { siteOf } from '../core/site';
import { ArchiveLink } from '../ui/ArchiveLink';
import { ExportButton } from '../ui/Backup';
import { Changes } from '../ui/Changes';
import { DeleteArticle } from '../ui/DeleteArticle';
import { EditTag } from '../ui/EditTag';
import { FetchedTag } from '../ui/FetchedTag';
import { formatDateTime } from '../ui/format';
import { Guard } from '../ui/Guard';
import { t, tn } from '../ui/i18n';
import { readTwice } from '../ui/readTwice';
import { SiteArticlesOffer } from '../ui/SiteArticlesOffer';
import { versionRows } from '../ui/versions';
import { historyPageUrl } from './links';
import { ReaderChoice } from './ReaderChoice';
import type { PopupTarget } from './target';

const POLL_MS = 700;
const POLL_LIMIT = 30;

type Loaded<T> = { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'error'; message: string };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function Popup({ target }: { target: PopupTarget }) {
  if (target.kind === 'none') return <Notice title={t('popup_noPage')} />;
  if (target.kind === 'url') return <ArticlePanel url={target.url} tab={null} />;
  if (target.incognito) {
    return (
      <Notice title={t('popup_private_title')}>
        <p>{t('popup_private_text')}</p>
      </Notice>
    );
  }
  return <TabPanel tabId={target.tabId} />;
}

function TabPanel({ tabId }: { tabId: number }) {
  const [status, setStatus] = useState<Loaded<TabStatus>>({ kind: 'loading' });
  // Bumped to read the tab again after it was reloaded by a choice made here.
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(async () => {
    try {
      setStatus({ kind: 'ready', value: await sendToTab(browser.tabs, tabId, 'tab.status', null) });
    } catch (error) {
      setStatus({ kind: 'error', message: message(error) });
    }
  }, [tabId]);
  const reread = useCallback(async () => {
    setStatus({ kind: 'loading' });
    // Until the new document has loaded, the old one's content script may still answer with what it showed.
    const loaded = tabLoaded(tabId);
    await browser.tabs.reload(tabId);
    await loaded;
    setGeneration((n) => n + 1);
  }, [tabId]);

  useEffect(() => {
    let polls = 0;
    // A reloaded page is read from the start: allow it the whole settle wait and the storing on a busy machine.
    const limit = generation > 0 ? POLL_LIMIT * 2 : POLL_LIMIT;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const value = await sendToTab(browser.tabs, tabId, 'tab.status', null);
        setStatus({ kind: 'ready', value });
        // The page may still be settling; ask again until it has been read.
        if (value.state === 'reading' && ++polls < limit) timer = setTimeout(poll, POLL_MS);
      } catch (error) {
        // Just after a reload the new page's content script may not be listening yet.
        if (generation > 0 && ++polls < limit) timer = setTimeout(poll, POLL_MS);
        else setStatus({ kind: 'error', message: message(error) });
      }
    };
    void poll();
    return () => clearTimeout(timer);
  }, [tabId, generation]);

  if (status.kind === 'loading') return <p class="muted">{t('popup_looking')}</p>;
  if (status.kind === 'error') {
    return (
      <Notice title={t('popup_notRunning_title')}>
        <p>{t('popup_notRunning_text')}</p>
        <button type="button" onClick={() => browser.tabs.reload(tabId).then(() => window.close())}>
          {t('popup_reload')}
        </button>
      </Notice>
    );
  }
  const tab = status.value;
  switch (tab.state) {
    case 'reading':
      return <p class="muted">{t('popup_reading')}</p>;
    case 'private':
      return (
        <Notice title={t('popup_private_title')}>
          <p>{t('popup_private_text')}</p>
        </Notice>
      );
    case 'skipped':
      if (tab.reason === 'partial') {
        return (
          <Notice title={t('popup_partial_title')}>
            <p>{t('popup_partial_text')}</p>
          </Notice>
        );
      }
      if (tab.reason === 'rate-limited') {
        return (
          <Notice title={t('popup_rateLimited_title')}>
            <p>{t('popup_rateLimited_text')}</p>
          </Notice>
        );
      }
      if (tab.reason === 'not-article') {
        return (
          <Notice title={t('popup_saidNotArticle_title')}>
            <p>{t('popup_saidNotArticle_text')}</p>
            <ReaderChoice location={tab.location} choice="keep" onChosen={reread} />
            <SiteToggle location={tab.location} tabId={tabId} />
          </Notice>
        );
      }
      return (
        <Notice title={tab.reason === 'paused' ? t('popup_paused_title') : t('popup_excluded_title')}>
          <p>{tab.reason === 'paused' ? t('popup_paused_text') : t('popup_excluded_text')}</p>
          {tab.reason === 'paused' ? (
            <SiteToggle location={tab.location} tabId={tabId} />
          ) : (
            <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
              {t('popup_openSettings')}
            </button>
          )}
        </Notice>
      );
    case 'not-article':
      return (
        <Notice title={t('popup_notArticle_title')}>
          <p>{t('popup_notArticle_text')}</p>
          <ReaderChoice location={tab.location} choice="keep" onChosen={reread} />
          <SiteToggle location={tab.location} tabId={tabId} />
        </Notice>
      );
    case 'failed':
      return (
        <Notice title={t('popup_failed_title')}>
          <p class="error">{tab.message}</p>
        </Notice>
      );
    case 'article':
      return <ArticlePanel url={tab.url} tab={{ tabId, status: tab, refresh, reread }} />;
  }
}

/** Resolves once tab `tabId` finished loading, or after 15 s (a page that never finishes is still asked). */
function tabLoaded(tabId: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      browser.tabs.onUpdated.removeListener(listener);
      clearTimeout(timer);
      resolve();
    };
    const listener = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') done();
    };
    const timer = setTimeout(done, 15_000);
    browser.tabs.onUpdated.addListener(listener);
  });
}

function Notice(props: { title: string; children?: ComponentChildren }) {
  return (
    <section class="notice" aria-live="polite">
      <h1>{props.title}</h1>
      {props.children}
    </section>
  );
}

/** Pause or resume Redline on the site of `location`, or exclude the site (and offer to delete what it kept). */
function SiteToggle({ location, tabId }: { location: string; tabId: number | null }) {
  const site = siteOf(location);
  const [paused, setPaused] = useState<boolean | null>(null);
  const [changed, setChanged] = useState(false);
  const [excluded, setExcluded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    send('settings.get', null).then(
      (settings) => setPaused(site !== null && settings.paused.includes(site)),
      () => setPaused(null),
    );
  }, [site]);
  if (site === null || paused === null) return null;
  const toggle = async () => {
    const settings = await send('settings.get', null);
    const next = paused ? settings.paused.filter((s) => s !== site) : [...settings.paused, site];
    const saved = await send('settings.update', { paused: next });
    setPaused(saved.paused.includes(site));
    setChanged(true);
  };
  const exclude = async () => {
    try {
      const settings = await send('settings.get', null);
      await send('settings.update', { excluded: [...settings.excluded, site] });
      setExcluded(true);
      setChanged(true);
    } catch (caught) {
      setError(t('popup_excludeFailed', site, message(caught)));
    }
  };
  const reload =
    changed && tabId !== null ? (
      <button type="button" onClick={() => browser.tabs.reload(tabId).then(() => window.close())}>
        {t('popup_reload')}
      </button>
    ) : null;
  if (excluded) {
    return (
      <div class="site-toggle">
        <p>{t('popup_excludedSite', site)}</p>
        <SiteArticlesOffer site={site} />
        {reload}
      </div>
    );
  }
  return (
    <div class="site-toggle">
      <button type="button" onClick={toggle} data-testid="site-toggle">
        {paused ? t('popup_resumeOn', site) : t('popup_pauseOn', site)}
      </button>{' '}
      <button type="button" onClick={exclude} data-testid="site-exclude">
        {t('popup_exclude', site)}
      </button>
      {changed ? (
        <p class="muted">
          {paused ? t('popup_pausedDone') : t('popup_resumedDone')} {reload}
        </p>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface TabContext {
  tabId: number;
  status: Extract<TabStatus, { state: 'article' }>;
  refresh: () => Promise<void>;
  /** Reloads the tab and reads it again (after the reader's choice changed how it is read). */
  reread: () => Promise<void>;
}

function ArticlePanel({ url, tab }: { url: string; tab: TabContext | null }) {
  const [detail, setDetail] = useState<Loaded<ArticleDetail | null>>({ kind: 'loading' });
  const [deleted, setDeleted] = useState(false);
  useEffect(() => {
    readTwice('ui.article', { url }, t('timeout_history')).then(
      (value) => setDetail({ kind: 'ready', value }),
      (error: unknown) => setDetail({ kind: 'error', message: message(error) }),
    );
  }, [url]);

  if (deleted) {
    return (
      <Notice title={t('popup_deleted_title')}>
        <p>{t('popup_deleted_text')}</p>
      </Notice>
    );
  }
  // Whatever failed, the reader keeps the way out: delete the article, or look at it on the history page.
  const failed = (why: string) => (
    <Notice title={t('popup_historyFailed_title')}>
      <p class="error" data-testid="article-error">
        {why}
      </p>
      <div class="toolbar">
        <HistoryLink url={url} />
      </div>
      <DeleteArticle url={url} onDeleted={() => setDeleted(true)} />
    </Notice>
  );
  if (detail.kind === 'loading') return <p class="muted">{t('popup_loadingHistory')}</p>;
  if (detail.kind === 'error') return failed(detail.message);
  if (detail.value === null) {
    return (
      <Notice title={t('notStored_title')}>
        <p>{t('popup_notStored_text')}</p>
      </Notice>
    );
  }
  return (
    <Guard fallback={failed}>
      <ArticleView url={url} detail={detail.value} tab={tab} onDeleted={() => setDeleted(true)} />
    </Guard>
  );
}

function HistoryLink({ url }: { url: string }) {
  return (
    <a
      href={historyPageUrl(url)}
      target="_blank"
      rel="noopener"
      onClick={(event) => {
        event.preventDefault();
        void browser.tabs.create({ url: historyPageUrl(url) }).then(() => window.close());
      }}
    >
      {t('popup_fullHistory')}
    </a>
  );
}

function ArticleView({
  url,
  detail,
  tab,
  onDeleted,
}: {
  url: string;
  detail: ArticleDetail;
  tab: TabContext | null;
  onDeleted: () => void;
}) {
  const [compareError, setCompareError] = useState<string | null>(null);
  const { article, versions } = detail;
  const rows = versionRows(versions).reverse();
  const markAgainst = async (hash: string | null) => {
    if (!tab) return;
    setCompareError(null);
    const version = versions.find((v) => v.hash === hash);
    try {
      await sendToTab(browser.tabs, tab.tabId, 'tab.compare', {
        version: version
          ? {
              hash: version.hash,
              title: version.title,
              paragraphs: version.paragraphs.map((p) => p.text),
              firstSeen: version.firstSeen,
            }
          : null,
      });
      await tab.refresh();
    } catch (error) {
      setCompareError(message(error));
    }
  };

  return (
    <section class="article" aria-labelledby="headline">
      <h1 id="headline" data-testid="headline">
        {article.title}
      </h1>
      <p class="muted">
        {t('article_seen', article.site, formatDateTime(article.firstSeen), formatDateTime(article.lastSeen))}
      </p>
      <h2>
        {tn('count_versions', versions.length)}
        {tab?.status.comparedWith ? (
          <button type="button" class="small" onClick={() => markAgainst(null)}>
            {t('popup_hideMarks')}
          </button>
        ) : null}
      </h2>
      {compareError ? <p class="error">{compareError}</p> : null}
      <ol class="versions" reversed data-testid="versions">
        {rows.map((row) => {
          const onPage = tab?.status.hash === row.version.hash;
          const marked = tab?.status.comparedWith === row.version.hash;
          return (
            <li
              key={row.number}
              data-testid="version"
              data-hash={row.version.hash}
              class={marked ? 'marked' : undefined}
            >
              <div class="version-head">
                <strong>{formatDateTime(row.version.firstSeen)}</strong>
                <span class="muted">{t('popup_versionNumber', row.number)}</span>
                {onPage ? <span class="tag current">{t('popup_onThisPage')}</span> : null}
                {marked ? <span class="tag current">{t('popup_markedAgainst')}</span> : null}
                {row.version.variant ? (
                  <span class="tag" data-testid="variant" title={t('variant_help')}>
                    {t('variant_tag')}
                  </span>
                ) : null}
                {row.version.origin === 'fetched' ? <FetchedTag /> : null}
              </div>
              <div class="version-meta">
                <span data-testid="words">{tn('count_words', row.words)}</span> ·{' '}
                <span data-testid="changes">
                  <Changes counts={row.changes} />
                </span>{' '}
                <EditTag edit={row.edit} notices={row.notices} />
              </div>
              {tab && !onPage && !marked ? (
                <button type="button" class="small" onClick={() => markAgainst(row.version.hash)}>
                  {t('popup_showChangesSince')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div class="toolbar">
        <HistoryLink url={url} />
        <ExportButton url={url} site={article.site} label={t('export_article')} />
        <ArchiveLink url={url} />
      </div>
      <DeleteArticle url={url} onDeleted={onDeleted} />
      {tab ? (
        <ReaderChoice
          location={tab.status.location}
          choice="not-article"
          deleteUrl={url}
          versions={versions.length}
          onChosen={tab.reread}
        />
      ) : null}
      {tab ? <SiteToggle location={tab.status.location} tabId={tab.tabId} /> : null}
    </section>
  );
}
