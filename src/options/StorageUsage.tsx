/** The options page's storage section: what the history holds against its budget, and the eviction order. */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../background/protocol';
import { usageText } from './usageText';

export function StorageUsage() {
  const [text, setText] = useState('Measuring…');
  useEffect(() => {
    send('ui.usage', null).then(
      (report) => setText(usageText(report)),
      (error: unknown) =>
        setText(`Could not measure the history: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, []);
  return (
    <section aria-labelledby="usage-title">
      <h2 id="usage-title">Storage used</h2>
      <p data-testid="usage">{text}</p>
      <p class="muted">
        Past the budget, Redline forgets whole articles, the least recently read first, never the one you are
        reading. A page that moves itself (pushState) may make Redline store at most 6 new articles or
        versions a minute per tab, and a site at most 120 an hour.
      </p>
    </section>
  );
}
