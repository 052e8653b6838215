/** The re-check's user-visible strings, from the catalogues (extension/_locales, keys `recheck_*`). */
import { t, tn } from './i18n';

/** Why checking an article stopped, or what the last check found, for the history page. */
export function followText(state: {
  stopped: 'removed' | 'moved' | 'failures' | null;
  lastOutcome: string | null;
  movedTo: string | null;
  failures: number;
}): string | null {
  if (state.stopped === 'removed') return t('recheck_stoppedRemoved');
  if (state.stopped === 'moved') return t('recheck_stoppedMoved', state.movedTo ?? t('recheck_anotherPage'));
  if (state.stopped === 'failures')
    return tn('recheck_paused', state.failures, reasonText(state.lastOutcome));
  if (
    state.lastOutcome === 'could-not-check' ||
    state.lastOutcome === 'server-error' ||
    state.lastOutcome === 'failed'
  )
    return t('recheck_lastCheck', reasonText(state.lastOutcome));
  return null;
}

function reasonText(outcome: string | null): string {
  switch (outcome) {
    case 'could-not-check':
      return t('recheck_reason_couldNotCheck');
    case 'server-error':
      return t('recheck_reason_serverError');
    case 'rate-limited':
      return t('recheck_reason_rateLimited');
    default:
      return t('recheck_reason_failed');
  }
}
