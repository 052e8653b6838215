/** Marks a version the background re-check fetched, which the reader has not seen on the page. */
import { t } from './i18n';

export function FetchedTag() {
  return (
    <span class="tag fetched" data-testid="fetched" title={t('recheck_fetchedHelp')}>
      {t('recheck_fetchedTag')}
    </span>
  );
}
