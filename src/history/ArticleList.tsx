/**
 * Every stored article, most recently changed first, with a search over headline and site. Only the rows in view
 * are rendered (fixed row height), so 10,000 articles scroll and filter without delay.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ArticleEdits } from '../background/edit-kinds';
import type { StoredArticle } from '../core/history';
import { filterArticles, indexArticles, visibleRange } from '../ui/filter';
import { formatDateTime } from '../ui/format';
import { formatNumber, t, tn } from '../ui/i18n';
import { byEdit, type EditFilter } from './editFilter';
import { articleHash } from './route';

const ROW_HEIGHT = 60;

/** `edits`: loaded once by the page for both the filters and the dashboard; null until it arrives. */
export function ArticleList({
  articles,
  edits,
  editsError,
}: {
  articles: StoredArticle[];
  edits: Record<string, ArticleEdits> | null;
  editsError: string | null;
}) {
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<EditFilter>('all');
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const viewport = useRef<HTMLDivElement>(null);
  const index = useMemo(() => indexArticles(articles), [articles]);
  const shown = useMemo(() => byEdit(filterArticles(index, query), kind, edits), [index, query, kind, edits]);
  const { start, end } = visibleRange(scrollTop, height, ROW_HEIGHT, shown.length);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => setHeight(element.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <section class="article-list" aria-label={t('history_listLabel')}>
      <div class="search">
        <label for="search">{t('history_search')}</label>
        <input
          id="search"
          type="search"
          value={query}
          placeholder={t('history_searchPlaceholder')}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setScrollTop(0);
            if (viewport.current) viewport.current.scrollTop = 0;
          }}
          data-testid="search"
        />
        <label>
          {t('edits_show')}{' '}
          <select
            value={kind}
            onChange={(event) => {
              setKind(event.currentTarget.value as EditFilter);
              setScrollTop(0);
            }}
            data-testid="edit-filter"
          >
            <option value="all">{t('edits_all')}</option>
            <option value="silent">{t('edits_silent')}</option>
            <option value="corrected">{t('edits_corrected')}</option>
          </select>
        </label>
        <span class="muted" role="status" data-testid="article-count">
          {kind !== 'all' && edits === null
            ? (editsError ?? t('edits_looking'))
            : query.trim() === '' && kind === 'all'
              ? tn('count_articles', articles.length)
              : t('history_matching', formatNumber(shown.length), tn('count_articles', articles.length))}
        </span>
      </div>
      {shown.length === 0 ? (
        <p class="muted empty">
          {articles.length === 0
            ? t('history_empty')
            : kind === 'silent'
              ? t('edits_noSilent')
              : kind === 'corrected'
                ? t('edits_noCorrected')
                : t('history_noMatch')}
        </p>
      ) : null}
      <div
        class="viewport"
        ref={viewport}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        data-testid="article-list"
      >
        <ul style={{ height: `${shown.length * ROW_HEIGHT}px` }}>
          {shown.slice(start, end).map((article, i) => (
            <li
              key={article.url}
              style={{ top: `${(start + i) * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` }}
              data-testid="article-row"
            >
              <a href={articleHash(article.url)}>
                <span class="row-title">{article.title || article.url}</span>
                <span class="row-meta muted">
                  {article.site} · {tn('count_versions', article.versionCount)} ·{' '}
                  {article.versionCount > 1
                    ? t('history_changed', formatDateTime(article.lastChanged))
                    : t('history_read', formatDateTime(article.lastSeen))}
                  {edits?.[article.url]?.corrected ? (
                    <span class="tag tag-notice" data-testid="row-corrected">
                      {t('edits_noticeTag')}
                    </span>
                  ) : null}
                  {edits?.[article.url]?.silent ? (
                    <span class="tag tag-silent" data-testid="row-silent">
                      {t('edits_silentTag')}
                    </span>
                  ) : null}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
