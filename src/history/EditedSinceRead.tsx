/**
 * The top of the history page: articles the background re-check found edited after the reader last read them,
 * each with a link to the comparison of the version they saw with the one fetched. Nothing when there are none.
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../background/protocol';
import { countsText } from '../background/recheck/judge';
import type { EditedEntry } from '../background/recheck/store';
import { formatDateTime } from '../ui/format';
import { t } from '../ui/i18n';
import { articleHash } from './route';

export function EditedSinceRead() {
  const [entries, setEntries] = useState<EditedEntry[]>([]);
  useEffect(() => {
    send('recheck.edited', null).then(setEntries, () => setEntries([]));
  }, []);
  if (entries.length === 0) return null;
  return (
    <section class="edited-since" aria-labelledby="edited-title" data-testid="edited-since">
      <h2 id="edited-title">{t('recheck_editedTitle')}</h2>
      <ul>
        {entries.map((entry) => (
          <li key={entry.url} data-testid="edited-entry">
            <a href={entry.url} target="_blank" rel="noopener noreferrer" class="row-title">
              {entry.title || entry.url}
            </a>
            <span class="muted">
              {' '}
              {[
                entry.site,
                countsText(entry.edited.counts),
                t('recheck_found', formatDateTime(entry.edited.at)),
              ]
                .map((part) => ` · ${part}`)
                .join('')}
            </span>{' '}
            {entry.seenId !== null && entry.fetchedId !== null ? (
              <a
                href={articleHash(entry.url, { from: entry.seenId, to: entry.fetchedId })}
                data-testid="edited-compare"
              >
                {t('recheck_compare')}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
