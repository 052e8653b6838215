/**
 * What kind of edit a version was: "Correction notice" (an editor's note came with it, quoted) or "Silent edit"
 * (the words changed with no note). Words, not colour, say which.
 */
import type { EditKind, Notice } from '../core/notices';

export function EditTag({ edit, notices }: { edit: EditKind | null; notices: readonly Notice[] }) {
  if (edit === 'silent') {
    return (
      <span
        class="tag tag-silent"
        data-testid="edit-silent"
        title="The words changed with no correction or update notice"
      >
        Silent edit
      </span>
    );
  }
  if (notices.length === 0) return null;
  return (
    <span class="edit-notices">
      {notices.map((notice) => (
        <span key={notice.index} class="notice-quote" data-testid="edit-notice">
          <span class="tag tag-notice">Correction notice</span> <q>{notice.text}</q>
        </span>
      ))}
    </span>
  );
}
