/**
 * Every stored article, most recently changed first, with a search over headline and site. Only the rows in view
 * are rendered (fixed row height), so 10,000 articles scroll and filter without delay.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ArticleEdits } from '../background/edit-kinds';
import { send } from '../background/protocol';
import type { StoredArticle } from '../core/history';
import { filterArticles, indexArticles, visibleRange } from '../ui/filter';
import { formatDateTime, plural } from '../ui/format';
import { byEdit, type EditFilter } from './editFilter';
import { articleHash } from './route';

const ROW_HEIGHT = 60;

export function ArticleList({ articles }: { articles: StoredArticle[] }) {
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<EditFilter>('all');
  const [edits, setEdits] = useState<Record<string, ArticleEdits> | null>(null);
  const [editsError, setEditsError] = useState<string | null>(null);
  useEffect(() => {
    // Worked out only when a filter needs it: it reads every stored version once.
    if (kind === 'all' || edits !== null) return;
    send('ui.editKinds', null).then(setEdits, (error: unknown) =>
      setEditsError(error instanceof Error ? error.message : String(error)),
    );
  }, [kind, edits]);
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
    <section class="article-list" aria-label="Stored articles">
      <div class="search">
        <label for="search">Search headlines and sites</label>
        <input
          id="search"
          type="search"
          value={query}
          placeholder="e.g. aleppo bbc.co.uk"
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setScrollTop(0);
            if (viewport.current) viewport.current.scrollTop = 0;
          }}
          data-testid="search"
        />
        <label>
          Show{' '}
          <select
            value={kind}
            onChange={(event) => {
              setKind(event.currentTarget.value as EditFilter);
              setScrollTop(0);
            }}
            data-testid="edit-filter"
          >
            <option value="all">All articles</option>
            <option value="silent">Silent edits</option>
            <option value="corrected">Corrected articles</option>
          </select>
        </label>
        <span class="muted" role="status" data-testid="article-count">
          {kind !== 'all' && edits === null
            ? (editsError ?? 'Looking through the versions…')
            : query.trim() === '' && kind === 'all'
              ? plural(articles.length, 'article', 'articles')
              : `${shown.length.toLocaleString('en')} of ${plural(articles.length, 'article', 'articles')}`}
        </span>
      </div>
      {shown.length === 0 ? (
        <p class="muted empty">
          {articles.length === 0
            ? 'No articles yet. Redline keeps each news article you read; come back here once you have read some.'
            : kind === 'silent'
              ? 'No article matches: none was edited without a notice.'
              : kind === 'corrected'
                ? 'No article matches: none came with a new correction or update notice.'
                : 'No article matches that search.'}
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
                  {article.site} · {plural(article.versionCount, 'version', 'versions')} ·{' '}
                  {article.versionCount > 1
                    ? `changed ${formatDateTime(article.lastChanged)}`
                    : `read ${formatDateTime(article.lastSeen)}`}
                  {edits?.[article.url]?.corrected ? (
                    <span class="tag tag-notice" data-testid="row-corrected">
                      Correction notice
                    </span>
                  ) : null}
                  {edits?.[article.url]?.silent ? (
                    <span class="tag tag-silent" data-testid="row-silent">
                      Silent edit
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
