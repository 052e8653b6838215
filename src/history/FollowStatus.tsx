/** On an article's history page: why the re-check stopped or failed for it, when it did. */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../background/protocol';
import { followText } from '../ui/recheckText';

export function FollowStatus({ url }: { url: string }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    send('recheck.follow', { url }).then(
      (state) => setText(state ? followText(state) : null),
      () => setText(null),
    );
  }, [url]);
  return text === null ? null : (
    <p class="follow-status" data-testid="follow-status">
      {text}
    </p>
  );
}
