/**
 * What kind of edit a version was: "Correction notice" (an editor's note came with it, quoted) or "Silent edit"
 * (the words changed with no note). Words, not colour, say which.
 */
import type { EditKind, Notice } from '../core/notices';
import { t } from './i18n';

export function EditTag({ edit, notices }: { edit: EditKind | null; notices: readonly Notice[] }) {
  if (edit === 'silent') {
    return (
      <span class="tag tag-silent" data-testid="edit-silent" title={t('edits_silentTitle')}>
        {t('edits_silentTag')}
      </span>
    );
  }
  if (notices.length === 0) return null;
  return (
    <span class="edit-notices">
      {notices.map((notice) => (
        <span key={notice.index} class="notice-quote" data-testid="edit-notice">
          <span class="tag tag-notice">{t('edits_noticeTag')}</span> <q>{notice.text}</q>
        </span>
      ))}
    </span>
  );
}
