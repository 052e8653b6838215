/** Marks a version the background re-check fetched, which the reader has not seen on the page. */
import { RECHECK_TEXT } from './recheckText';

export function FetchedTag() {
  return (
    <span class="tag fetched" data-testid="fetched" title={RECHECK_TEXT.fetchedHelp}>
      {RECHECK_TEXT.fetchedTag}
    </span>
  );
}
