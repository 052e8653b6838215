/**
 * "+2 ~1 −3" with a spoken description: the change counts of one version against the one before. The counts
 * are also data attributes, which the browser tests read.
 */
import { type ChangeCounts, changeDescription } from './format';
import { t } from './i18n';

export function Changes({ counts }: { counts: ChangeCounts | null }) {
  if (counts === null) return <span class="changes muted">{t('changes_first')}</span>;
  const none = !counts.headline && counts.added + counts.reworded + counts.removed + counts.moved === 0;
  const description = changeDescription(counts);
  return (
    <span
      class="changes"
      title={description}
      data-added={counts.added}
      data-reworded={counts.reworded}
      data-removed={counts.removed}
      data-moved={counts.moved}
      data-headline={counts.headline}
    >
      <span aria-hidden="true">
        {none ? <span class="muted">{t('changes_none')}</span> : null}
        {counts.headline ? <span class="c-rew">{`${t('changes_headline')} `}</span> : null}
        {counts.added > 0 ? <span class="c-add">+{counts.added} </span> : null}
        {counts.reworded > 0 ? <span class="c-rew">~{counts.reworded} </span> : null}
        {counts.removed > 0 ? <span class="c-rem">{`\u2212${counts.removed} `}</span> : null}
        {counts.moved > 0 ? <span class="c-rew">{`\u2195${counts.moved}`}</span> : null}
      </span>
      <span class="visually-hidden">{description}</span>
    </span>
  );
}
