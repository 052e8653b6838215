/** The history page: the article list, or one article when the address names it (see route.ts). */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ArticleEdits } from '../background/edit-kinds';
import { send } from '../background/protocol';
import type { StoredArticle } from '../core/history';
import { ExportButton, ImportButton } from '../ui/Backup';
import { t } from '../ui/i18n';
import { readTwice } from '../ui/readTwice';
import { ArticleList } from './ArticleList';
import { ArticlePage } from './ArticlePage';
import { Dashboard } from './Dashboard';
import { EditedSinceRead } from './EditedSinceRead';
import { parseRoute } from './route';

type Articles =
  | { kind: 'loading' }
  | { kind: 'ready'; list: StoredArticle[] }
  | { kind: 'error'; message: string };

export function HistoryApp() {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  const [articles, setArticles] = useState<Articles>({ kind: 'loading' });

  const [edits, setEdits] = useState<Record<string, ArticleEdits> | null>(null);
  const [editsError, setEditsError] = useState<string | null>(null);

  const load = useCallback(() => {
    // Asked again if unanswered, given up after 30 s (readTwice.ts): never "Loading…" for ever.
    readTwice('ui.articles', null, t('timeout_history')).then(
      (list) => setArticles({ kind: 'ready', list }),
      (error: unknown) =>
        setArticles({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    // After the list: it reads every stored version once, for the dashboard and the edit filters.
    setEdits(null);
    setEditsError(null);
    send('ui.editKinds', null).then(setEdits, (error: unknown) =>
      setEditsError(error instanceof Error ? error.message : String(error)),
    );
  }, []);

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    document.title = route.page === 'list' ? t('history_title') : t('history_articleTitle');
  }, [route]);

  return (
    <div class="history-app">
      <header class="app-header">
        <a href="#all" class="brand">
          {t('history_title')}
        </a>
        {route.page === 'list' ? (
          <div class="toolbar">
            <ExportButton url={null} label={t('export_everything')} />
            <ImportButton onImported={load} />
          </div>
        ) : (
          <a href="#all">{t('history_allArticles')}</a>
        )}
      </header>
      <main>
        {route.page === 'article' ? (
          <ArticlePage
            url={route.url}
            compare={route.compare}
            onDeleted={() => {
              load();
              location.hash = '';
            }}
          />
        ) : articles.kind === 'loading' ? (
          <p class="muted">{t('loading')}</p>
        ) : articles.kind === 'error' ? (
          <p class="error">{articles.message}</p>
        ) : (
          <>
            <EditedSinceRead />
            <Dashboard articles={articles.list} edits={edits} error={editsError} />
            <ArticleList articles={articles.list} edits={edits} editsError={editsError} />
          </>
        )}
      </main>
    </div>
  );
}
