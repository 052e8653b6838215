/** The options page's storage section: what the history holds against its budget, and the eviction order. */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../background/protocol';
import { t } from '../ui/i18n';
import { usageText } from './usageText';

export function StorageUsage() {
  const [text, setText] = useState(() => t('usage_measuring'));
  useEffect(() => {
    send('ui.usage', null).then(
      (report) => setText(usageText(report)),
      (error: unknown) => setText(t('usage_failed', error instanceof Error ? error.message : String(error))),
    );
  }, []);
  return (
    <section aria-labelledby="usage-title">
      <h2 id="usage-title">{t('usage_title')}</h2>
      <p data-testid="usage">{text}</p>
      <p class="muted">{t('usage_help')}</p>
    </section>
  );
}
