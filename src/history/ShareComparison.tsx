/**
 * "Save this comparison" (one self-contained .html file, src/core/report) and "Copy summary" (Markdown that
 * reads as plain text), both from the comparison the page shows.
 */
import { useState } from 'preact/hooks';
import type { StoredArticle, StoredVersion } from '../core/history';
import { markdownSummary, renderReport, reportFileName } from '../core/report';
import { downloadBlob } from '../ui/exportFile';
import { formatDateTime } from '../ui/format';
import { t } from '../ui/i18n';
import type { Comparison } from './comparison';

export interface ShareProps {
  article: StoredArticle;
  older: StoredVersion;
  newer: StoredVersion;
  olderNumber: number;
  newerNumber: number;
  comparison: Comparison;
}

export function reportHtml(
  { article, older, newer, olderNumber, newerNumber, comparison }: ShareProps,
  now: number,
) {
  return renderReport({
    url: article.url,
    site: article.site,
    older: { number: olderNumber, date: formatDateTime(older.firstSeen), title: older.title },
    newer: { number: newerNumber, date: formatDateTime(newer.firstSeen), title: newer.title },
    result: comparison.result,
    rows: comparison.rows,
    notices: comparison.notices,
    silent: comparison.silent,
    made: formatDateTime(now),
  });
}

export function summaryOf({
  article,
  older,
  newer,
  olderNumber,
  newerNumber,
  comparison,
}: ShareProps): string {
  return markdownSummary({
    title: newer.title,
    url: article.url,
    site: article.site,
    older: { number: olderNumber, date: formatDateTime(older.firstSeen) },
    newer: { number: newerNumber, date: formatDateTime(newer.firstSeen) },
    result: comparison.result,
    notices: comparison.notices,
    silent: comparison.silent,
  });
}

export function ShareComparison(props: ShareProps) {
  const [status, setStatus] = useState('');
  const save = () => {
    const now = Date.now();
    const blob = new Blob([reportHtml(props, now)], { type: 'text/html' });
    downloadBlob(document, blob, reportFileName(props.article.site, now));
    setStatus(t('share_saved'));
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(summaryOf(props));
      setStatus(t('share_copied'));
    } catch (error) {
      setStatus(t('share_copyFailed', error instanceof Error ? error.message : String(error)));
    }
  };
  return (
    <div class="toolbar share">
      <button type="button" onClick={save} data-testid="save-report">
        {t('share_save')}
      </button>
      <button type="button" onClick={copy} data-testid="copy-summary">
        {t('share_copy')}
      </button>
      <span class="status" role="status">
        {status}
      </span>
    </div>
  );
}
