/**
 * One article: its timeline of versions (with headline changes) and any two versions compared, side by side or
 * inline; export or delete it.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { send } from '../background/protocol';
import type { ArticleDetail } from '../background/ui-history';
import { ExportButton } from '../ui/Backup';
import { Changes } from '../ui/Changes';
import { type CompareMode, CompareView } from '../ui/CompareView';
import { DeleteArticle } from '../ui/DeleteArticle';
import { FetchedTag } from '../ui/FetchedTag';
import { formatDateTime, plural } from '../ui/format';
import { Guard } from '../ui/Guard';
import { type VersionRow, versionRows } from '../ui/versions';
import { ARTICLE_LOAD_MS, withTimeout } from '../ui/withTimeout';
import { FollowStatus } from './FollowStatus';
import { pairOf } from './pair';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; detail: ArticleDetail | null }
  | { kind: 'error'; message: string };

export function ArticlePage({
  url,
  onDeleted,
  compare,
}: {
  url: string;
  onDeleted: () => void;
  compare?: { from: number; to: number } | undefined;
}) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    setState({ kind: 'loading' });
    withTimeout(send('ui.article', { url }), ARTICLE_LOAD_MS, 'The history').then(
      (detail) => setState({ kind: 'ready', detail }),
      (error: unknown) =>
        setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [url]);

  // Whatever failed, the reader keeps the way out: delete the article.
  const failed = (why: string) => (
    <section>
      <h1>This article could not be shown</h1>
      <p class="muted">{url}</p>
      <p class="error" data-testid="article-error">
        {why}
      </p>
      <DeleteArticle url={url} onDeleted={onDeleted} />
    </section>
  );
  if (state.kind === 'loading') return <p class="muted">Loading…</p>;
  if (state.kind === 'error') return failed(state.message);
  if (state.detail === null) {
    return (
      <section>
        <h1>Not in the history</h1>
        <p class="muted">Redline has no stored version of {url}.</p>
      </section>
    );
  }
  return (
    <Guard fallback={failed}>
      <ArticleDetailView detail={state.detail} onDeleted={onDeleted} compare={compare} />
    </Guard>
  );
}

function ArticleDetailView({
  detail,
  onDeleted,
  compare,
}: {
  detail: ArticleDetail;
  onDeleted: () => void;
  compare?: { from: number; to: number } | undefined;
}) {
  const { article, versions } = detail;
  const rows = useMemo(() => versionRows(versions), [versions]);
  const [pair, setPair] = useState(() =>
    pairOf(
      versions.map((v) => v.id),
      compare,
    ),
  );
  const [mode, setMode] = useState<CompareMode>('side');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const older = versions[pair.older];
  const newer = versions[pair.newer];

  const remove = async () => {
    await send('history.delete', { url: article.url });
    onDeleted();
  };

  return (
    <article class="article-page">
      <header>
        <h1 data-testid="headline">{article.title}</h1>
        <p class="muted">
          <a href={article.url} target="_blank" rel="noopener noreferrer">
            {article.url}
          </a>
        </p>
        <p class="muted">
          {article.site} · first seen {formatDateTime(article.firstSeen)} · last seen{' '}
          {formatDateTime(article.lastSeen)} · {plural(versions.length, 'version', 'versions')}
        </p>
        <FollowStatus url={article.url} />
        <div class="toolbar">
          <ExportButton url={article.url} site={article.site} label="Export this article" />
          {confirmDelete ? (
            <span>
              Delete this article and its {plural(versions.length, 'version', 'versions')}?{' '}
              <button type="button" class="danger" onClick={remove}>
                Delete
              </button>{' '}
              <button type="button" onClick={() => setConfirmDelete(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" onClick={() => setConfirmDelete(true)}>
              Delete this article…
            </button>
          )}
        </div>
      </header>

      <section class="timeline" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <ol data-testid="timeline">
          {rows.map((row, i) => (
            <li key={row.number} data-testid="timeline-version">
              <strong>Version {row.number}</strong> · {formatDateTime(row.version.firstSeen)}
              {row.version.variant ? (
                <span class="tag" data-testid="variant">
                  {' '}
                  A/B variant: the page alternates between a few texts; loads showing one are not edits
                </span>
              ) : null}
              {row.version.origin === 'fetched' ? <FetchedTag /> : null}
              {row.version.lastSeen !== row.version.firstSeen ? (
                <span class="muted"> (seen until {formatDateTime(row.version.lastSeen)})</span>
              ) : null}
              <div class="muted">
                {plural(row.words, 'word', 'words')} · {plural(row.paragraphs, 'paragraph', 'paragraphs')} ·{' '}
                <Changes counts={row.changes} />
              </div>
              {row.previousHeadline !== null ? (
                <div class="headline-change">
                  Headline changed: <del>{row.previousHeadline}</del> → <ins>{row.version.title}</ins>
                </div>
              ) : null}
              {i > 0 ? (
                <button type="button" class="small" onClick={() => setPair({ older: i - 1, newer: i })}>
                  Compare with version {row.number - 1}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section class="comparison" aria-labelledby="compare-title">
        <h2 id="compare-title">Compare</h2>
        {versions.length < 2 ? (
          <p class="muted">Only one version is stored: there is nothing to compare yet.</p>
        ) : (
          <div class="toolbar compare-controls">
            <VersionSelect
              label="Older"
              rows={rows}
              value={pair.older}
              onChange={(older) => setPair({ ...pair, older })}
              testId="compare-older"
            />
            <VersionSelect
              label="Newer"
              rows={rows}
              value={pair.newer}
              onChange={(newer) => setPair({ ...pair, newer })}
              testId="compare-newer"
            />
            <fieldset class="mode">
              <legend class="visually-hidden">Layout</legend>
              <label>
                <input type="radio" name="mode" checked={mode === 'side'} onChange={() => setMode('side')} />{' '}
                Side by side
              </label>
              <label>
                <input
                  type="radio"
                  name="mode"
                  checked={mode === 'inline'}
                  onChange={() => setMode('inline')}
                  data-testid="mode-inline"
                />{' '}
                Inline
              </label>
            </fieldset>
          </div>
        )}
        {older && newer && versions.length >= 2 ? (
          <CompareView
            older={older}
            newer={newer}
            olderNumber={pair.older + 1}
            newerNumber={pair.newer + 1}
            mode={mode}
          />
        ) : newer ? (
          <div class="single-version">
            {newer.paragraphs.map((p, i) => (
              <p key={i}>{p.text}</p>
            ))}
          </div>
        ) : null}
      </section>
    </article>
  );
}

/** One side of the comparison: picks a version by its index in `rows`. */
function VersionSelect({
  label,
  rows,
  value,
  onChange,
  testId,
}: {
  label: string;
  rows: VersionRow[];
  value: number;
  onChange: (index: number) => void;
  testId: string;
}) {
  return (
    <label>
      {label}{' '}
      <select
        value={value}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
        data-testid={testId}
      >
        {rows.map((row, i) => (
          <option key={row.number} value={i}>
            Version {row.number} · {formatDateTime(row.version.firstSeen)}
          </option>
        ))}
      </select>
    </label>
  );
}
