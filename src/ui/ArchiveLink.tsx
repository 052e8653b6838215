/**
 * A plain link to the Internet Archive's captures of the article. Redline requests nothing from the archive;
 * `rel="noreferrer"` keeps the extension page's address out of the request the reader's click makes.
 */
import { archiveUrl } from '../core/report';
import { t } from './i18n';

export function ArchiveLink({ url }: { url: string }) {
  const href = archiveUrl(url);
  if (!href) return null;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" data-testid="archive-link">
      {t('archive_link')}
    </a>
  );
}
