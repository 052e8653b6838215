/** The re-check's user-visible strings, in one place for translation (issue 12's catalogues). */
export const RECHECK_TEXT = {
  toggle: 'Check articles I read for later edits',
  explain:
    'Redline fetches each article you read again now and then, from your browser, without your cookies or logins, and tells you when the newsroom edits it. Turning this on asks your browser to let Redline read all sites and show notifications.',
  refused: 'Redline was not given access to the sites, so nothing changed.',
  on: 'On: Redline checks the articles you read for later edits.',
  off: 'Off: Redline fetches nothing.',
  days: 'Follow an article for this many days after reading it',
  hours: 'Check it every this many hours (less often while nothing changes)',
  perHour: 'At most this many checks an hour, all articles together',
  editedTitle: 'Edited since you read it',
  compare: 'Compare',
  fetchedTag: 'fetched in the background',
  fetchedHelp: 'Redline fetched this version; you have not seen it on the page yet.',
} as const;

/** Why checking an article stopped, or what the last check found, for the history page. */
export function followText(state: {
  stopped: 'removed' | 'moved' | 'failures' | null;
  lastOutcome: string | null;
  movedTo: string | null;
  failures: number;
}): string | null {
  if (state.stopped === 'removed')
    return 'Removed from the site (the address answers 404 or 410). No longer checked.';
  if (state.stopped === 'moved')
    return `Moved or replaced: the address now leads to ${state.movedTo ?? 'another page'}. No longer checked.`;
  if (state.stopped === 'failures') {
    const why =
      state.lastOutcome === 'could-not-check' ? reasonText('could-not-check') : reasonText(state.lastOutcome);
    return `Checking paused after ${state.failures} failed checks in a row: ${why}. Reading the article again starts it afresh.`;
  }
  if (
    state.lastOutcome === 'could-not-check' ||
    state.lastOutcome === 'server-error' ||
    state.lastOutcome === 'failed'
  )
    return `Last check: ${reasonText(state.lastOutcome)}. Redline will try again later.`;
  return null;
}

function reasonText(outcome: string | null): string {
  switch (outcome) {
    case 'could-not-check':
      return 'could not check (a paywall, consent page or teaser stood where the article was)';
    case 'server-error':
      return 'the site answered with a server error';
    case 'rate-limited':
      return 'the site asked Redline to wait';
    default:
      return 'the page could not be fetched';
  }
}
