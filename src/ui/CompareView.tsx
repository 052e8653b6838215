/**
 * Two stored versions compared: side by side (old left, new right, one row per paired paragraph) or inline
 * (the newer text with insertions and deletions marked in place, as the overlay shows it on the page).
 */
import { useMemo } from 'preact/hooks';
import type { StoredVersion } from '../core/history';
import { type CompareRow, compareRows, sides } from './compareRows';
import { formatDateTime } from './format';
import { t, tn } from './i18n';
import { compareVersions } from './versions';
import { Words } from './Words';

export type CompareMode = 'side' | 'inline';

const LABELS: Record<CompareRow['kind'], string> = {
  unchanged: '',
  moved: 'compare_moved',
  reworded: 'compare_reworded',
  added: 'compare_added',
  removed: 'compare_removed',
};

function rowLabel(row: CompareRow): string {
  if (row.kind === 'unchanged') return '';
  return t(row.kind === 'reworded' && row.moved ? 'compare_rewordedMoved' : LABELS[row.kind]);
}

export function CompareView(props: {
  older: StoredVersion;
  newer: StoredVersion;
  olderNumber: number;
  newerNumber: number;
  mode: CompareMode;
}) {
  const { older, newer, mode } = props;
  const result = useMemo(() => compareVersions(older, newer), [older, newer]);
  const rows = useMemo(
    () =>
      compareRows(
        result,
        older.paragraphs.map((p) => p.text),
        newer.paragraphs.map((p) => p.text),
      ),
    [result, older, newer],
  );
  const title = sides(result.title.words);
  const changed = rows.filter((row) => row.kind !== 'unchanged').length + (result.title.changed ? 1 : 0);

  return (
    <section class="compare" aria-label={t('compare_label')}>
      <p class="compare-summary">
        {changed === 0 ? t('compare_same') : tn('count_changes', changed)}
        {result.capped ? ` ${t('compare_capped')}` : ''}
      </p>
      {mode === 'side' ? (
        <table class="compare-table" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col" class="compare-kind">
                <span class="visually-hidden">{t('compare_change')}</span>
              </th>
              <th scope="col">{t('version_dated', props.olderNumber, formatDateTime(older.firstSeen))}</th>
              <th scope="col">{t('version_dated', props.newerNumber, formatDateTime(newer.firstSeen))}</th>
            </tr>
          </thead>
          <tbody>
            <tr class={result.title.changed ? 'row-reworded row-title' : 'row-title'}>
              <td class="compare-kind">{result.title.changed ? t('compare_headline') : ''}</td>
              <td>
                <Words runs={result.title.changed ? title.old : [{ op: 'equal', text: older.title }]} />
              </td>
              <td>
                <Words runs={result.title.changed ? title.new : [{ op: 'equal', text: newer.title }]} />
              </td>
            </tr>
            {rows.map((row) => (
              <tr key={`${row.oldIndex}-${row.newIndex}`} class={`row-${row.kind}`} data-kind={row.kind}>
                <td class="compare-kind">{rowLabel(row)}</td>
                <td>{row.old ? <Words runs={row.old} /> : null}</td>
                <td>{row.new ? <Words runs={row.new} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <article class="compare-inline" data-testid="compare-inline">
          <h2 class={result.title.changed ? 'row-reworded' : undefined}>
            <Words runs={result.title.changed ? result.title.words : [{ op: 'equal', text: newer.title }]} />
          </h2>
          {rows.map((row) => (
            <p key={`${row.oldIndex}-${row.newIndex}`} class={`row-${row.kind}`} data-kind={row.kind}>
              {row.kind !== 'unchanged' ? <span class="inline-label">{rowLabel(row)}</span> : null}
              {row.kind === 'removed' ? (
                <del>{row.old?.map((run) => run.text).join('')}</del>
              ) : row.kind === 'added' ? (
                <ins>{row.new?.map((run) => run.text).join('')}</ins>
              ) : row.kind === 'reworded' ? (
                <Words runs={row.words ?? []} />
              ) : (
                <Words runs={row.new ?? []} />
              )}
            </p>
          ))}
        </article>
      )}
    </section>
  );
}
