/**
 * One article: its timeline of versions (with headline changes) and any two versions compared, side by side or
 * inline; export or delete it.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { send } from '../background/protocol';
import type { ArticleDetail } from '../background/ui-history';
import type { IgnoreRule } from '../core/ignore';
import { ruleCoversSite, textPatternOf } from '../core/ignore';
import { ArchiveLink } from '../ui/ArchiveLink';
import { ExportButton } from '../ui/Backup';
import { Changes } from '../ui/Changes';
import { type CompareMode, CompareView } from '../ui/CompareView';
import { DeleteArticle } from '../ui/DeleteArticle';
import { EditTag } from '../ui/EditTag';
import { formatDateTime, plural } from '../ui/format';
import { Guard } from '../ui/Guard';
import { RuleForm } from '../ui/RuleForm';
import { type VersionRow, versionRows } from '../ui/versions';
import { ARTICLE_LOAD_MS, withTimeout } from '../ui/withTimeout';
import { comparisonOf } from './comparison';
import { defaultPair } from './pair';
import { ShareComparison } from './ShareComparison';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; detail: ArticleDetail | null }
  | { kind: 'error'; message: string };

export function ArticlePage({ url, onDeleted }: { url: string; onDeleted: () => void }) {
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
      <ArticleDetailView detail={state.detail} onDeleted={onDeleted} />
    </Guard>
  );
}

function ArticleDetailView({ detail, onDeleted }: { detail: ArticleDetail; onDeleted: () => void }) {
  const { article, versions } = detail;
  const rows = useMemo(() => versionRows(versions), [versions]);
  const [pair, setPair] = useState(() => defaultPair(versions.length));
  const [mode, setMode] = useState<CompareMode>('side');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [rules, setRules] = useState<IgnoreRule[]>([]);
  const [ruleDraft, setRuleDraft] = useState<string | null>(null);
  const older = versions[pair.older];
  const newer = versions[pair.newer];
  const loadRules = () => {
    send('rules.list', null).then(
      (all) => setRules(all.filter((rule) => ruleCoversSite(rule, article.site))),
      (error: unknown) => console.warn('Redline: could not read the ignore rules', error),
    );
  };
  useEffect(loadRules, [article.site]);
  const comparison = useMemo(
    () => (older && newer && versions.length >= 2 ? comparisonOf(older, newer, rules) : null),
    [older, newer, versions.length, rules],
  );

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
          </a>{' '}
          · <ArchiveLink url={article.url} />
        </p>
        <p class="muted">
          {article.site} · first seen {formatDateTime(article.firstSeen)} · last seen{' '}
          {formatDateTime(article.lastSeen)} · {plural(versions.length, 'version', 'versions')}
        </p>
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
              {row.version.lastSeen !== row.version.firstSeen ? (
                <span class="muted"> (seen until {formatDateTime(row.version.lastSeen)})</span>
              ) : null}
              <div class="muted">
                {plural(row.words, 'word', 'words')} · {plural(row.paragraphs, 'paragraph', 'paragraphs')} ·{' '}
                <Changes counts={row.changes} />
              </div>
              <EditTag edit={row.edit} notices={row.notices} />
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
        {older && newer && comparison ? (
          <>
            <ShareComparison
              article={article}
              older={older}
              newer={newer}
              olderNumber={pair.older + 1}
              newerNumber={pair.newer + 1}
              comparison={comparison}
            />
            {comparison.notices.map((notice) => (
              <p key={notice.index} class="notice-quote" data-testid="compare-notice">
                <span class="tag tag-notice">Correction notice</span> <q>{notice.text}</q>
              </p>
            ))}
            {comparison.silent ? (
              <p data-testid="compare-silent">
                <span class="tag tag-silent">Silent edit</span> the words changed with no correction or update
                notice.
              </p>
            ) : null}
            {ruleDraft !== null ? (
              <RuleForm
                initial={{ site: article.site, kind: 'text', pattern: textPatternOf(ruleDraft) }}
                onSaved={() => {
                  setRuleDraft(null);
                  loadRules();
                }}
                onCancel={() => setRuleDraft(null)}
              />
            ) : null}
            {rules.length > 0 ? (
              <p class="muted" data-testid="rules-note">
                {plural(rules.length, 'ignore rule', 'ignore rules')} for {article.site} apply: changes they
                cover are shown muted and not counted (manage them on the options page).
              </p>
            ) : null}
            <CompareView
              older={older}
              newer={newer}
              olderNumber={pair.older + 1}
              newerNumber={pair.newer + 1}
              mode={mode}
              computed={comparison}
              onIgnore={setRuleDraft}
            />
          </>
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
