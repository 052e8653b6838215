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
import { FetchedTag } from '../ui/FetchedTag';
import { formatDateTime } from '../ui/format';
import { Guard } from '../ui/Guard';
import { t, tn } from '../ui/i18n';
import { RuleForm } from '../ui/RuleForm';
import { readTwice } from '../ui/readTwice';
import { type VersionRow, versionRows } from '../ui/versions';
import { comparisonOf } from './comparison';
import { FollowStatus } from './FollowStatus';
import { pairOf } from './pair';
import { ShareComparison } from './ShareComparison';

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
    readTwice('ui.article', { url }, t('timeout_history')).then(
      (detail) => setState({ kind: 'ready', detail }),
      (error: unknown) =>
        setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [url]);

  // Whatever failed, the reader keeps the way out: delete the article.
  const failed = (why: string) => (
    <section>
      <h1>{t('history_failed_title')}</h1>
      <p class="muted">{url}</p>
      <p class="error" data-testid="article-error">
        {why}
      </p>
      <DeleteArticle url={url} onDeleted={onDeleted} />
    </section>
  );
  if (state.kind === 'loading') return <p class="muted">{t('loading')}</p>;
  if (state.kind === 'error') return failed(state.message);
  if (state.detail === null) {
    return (
      <section>
        <h1>{t('notStored_title')}</h1>
        <p class="muted">{t('history_notStored_text', url)}</p>
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
          {t(
            'article_seen',
            article.site,
            formatDateTime(article.firstSeen),
            formatDateTime(article.lastSeen),
          )}{' '}
          · {tn('count_versions', versions.length)}
        </p>
        <FollowStatus url={article.url} />
        <div class="toolbar">
          <ExportButton url={article.url} site={article.site} label={t('export_article')} />
          {confirmDelete ? (
            <span>
              {tn('history_deleteConfirm', versions.length)}{' '}
              <button type="button" class="danger" onClick={remove}>
                {t('delete')}
              </button>{' '}
              <button type="button" onClick={() => setConfirmDelete(false)}>
                {t('keep')}
              </button>
            </span>
          ) : (
            <button type="button" onClick={() => setConfirmDelete(true)}>
              {t('delete_article')}
            </button>
          )}
        </div>
      </header>

      <section class="timeline" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('history_timeline')}</h2>
        <ol data-testid="timeline">
          {rows.map((row, i) => (
            <li key={row.number} data-testid="timeline-version">
              <strong>{t('history_version', row.number)}</strong> · {formatDateTime(row.version.firstSeen)}
              {row.version.variant ? (
                <span class="tag" data-testid="variant">
                  {` ${t('history_variant')}`}
                </span>
              ) : null}
              {row.version.origin === 'fetched' ? <FetchedTag /> : null}
              {row.version.lastSeen !== row.version.firstSeen ? (
                <span class="muted">{` ${t('history_seenUntil', formatDateTime(row.version.lastSeen))}`}</span>
              ) : null}
              <div class="muted">
                {tn('count_words', row.words)} · {tn('count_paragraphs', row.paragraphs)} ·{' '}
                <Changes counts={row.changes} />
              </div>
              <EditTag edit={row.edit} notices={row.notices} />
              {row.previousHeadline !== null ? (
                <div class="headline-change">
                  {t('history_headlineChanged')} <del>{row.previousHeadline}</del> →{' '}
                  <ins>{row.version.title}</ins>
                </div>
              ) : null}
              {i > 0 ? (
                <button type="button" class="small" onClick={() => setPair({ older: i - 1, newer: i })}>
                  {t('history_compareWith', row.number - 1)}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section class="comparison" aria-labelledby="compare-title">
        <h2 id="compare-title">{t('history_compare')}</h2>
        {versions.length < 2 ? (
          <p class="muted">{t('history_oneVersion')}</p>
        ) : (
          <div class="toolbar compare-controls">
            <VersionSelect
              label={t('history_older')}
              rows={rows}
              value={pair.older}
              onChange={(older) => setPair({ ...pair, older })}
              testId="compare-older"
            />
            <VersionSelect
              label={t('history_newer')}
              rows={rows}
              value={pair.newer}
              onChange={(newer) => setPair({ ...pair, newer })}
              testId="compare-newer"
            />
            <fieldset class="mode">
              <legend class="visually-hidden">{t('history_layout')}</legend>
              <label>
                <input type="radio" name="mode" checked={mode === 'side'} onChange={() => setMode('side')} />{' '}
                {t('history_sideBySide')}
              </label>
              <label>
                <input
                  type="radio"
                  name="mode"
                  checked={mode === 'inline'}
                  onChange={() => setMode('inline')}
                  data-testid="mode-inline"
                />{' '}
                {t('history_inline')}
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
                <span class="tag tag-notice">{t('edits_noticeTag')}</span> <q>{notice.text}</q>
              </p>
            ))}
            {comparison.silent ? (
              <p data-testid="compare-silent">
                <span class="tag tag-silent">{t('edits_silentTag')}</span> {t('edits_silentTitle')}
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
                {tn('rules_apply', rules.length, article.site)}
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
            {t('version_dated', row.number, formatDateTime(row.version.firstSeen))}
          </option>
        ))}
      </select>
    </label>
  );
}
