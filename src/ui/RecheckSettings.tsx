/**
 * "Check articles I read for later edits": the switch (popup and options page) and, on the options page, how
 * long, how often and how many checks an hour.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send } from '../background/protocol';
import { RECHECK_LIMITS, type RecheckSettings as Values } from '../background/recheck/settings';
import { t } from './i18n';
import { toggleRecheck } from './recheckToggle';

// Written out, so the catalogue test sees each key used.
const LABELS = { days: 'recheck_days', hours: 'recheck_hours', perHour: 'recheck_perHour' } as const;

export function RecheckSettings({ compact = false }: { compact?: boolean }) {
  const [values, setValues] = useState<Values | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    send('settings.get', null).then(
      (settings) => setValues(settings.recheck),
      (error: unknown) => setStatus(error instanceof Error ? error.message : String(error)),
    );
  }, []);
  if (values === null) return status ? <p class="error">{status}</p> : null;

  const save = async (next: Values): Promise<Values> =>
    (await send('settings.update', { recheck: next })).recheck;
  const onToggle = (want: boolean): void => {
    // No await before this call: the browser's prompt needs the click's user activation.
    toggleRecheck(want, values, browser.permissions, save).then(
      (outcome) => {
        setValues(outcome.settings);
        setStatus(t(outcome.refused ? 'recheck_refused' : outcome.on ? 'recheck_on' : 'recheck_off'));
      },
      (error: unknown) =>
        setStatus(t('recheck_saveFailed', error instanceof Error ? error.message : String(error))),
    );
  };
  const number = (key: 'days' | 'hours' | 'perHour') => (
    <label class="recheck-number">
      {t(LABELS[key])}{' '}
      <input
        type="number"
        min={RECHECK_LIMITS[key].min}
        max={RECHECK_LIMITS[key].max}
        value={values[key]}
        data-testid={`recheck-${key}`}
        onChange={(event) => {
          const value = Number(event.currentTarget.value);
          const { min, max } = RECHECK_LIMITS[key];
          if (!Number.isInteger(value) || value < min || value > max) return;
          save({ ...values, [key]: value }).then(setValues, () => undefined);
        }}
      />
    </label>
  );

  return (
    <div class="recheck-settings">
      <label class="choice">
        <input
          type="checkbox"
          checked={values.enabled}
          onChange={(event) => onToggle(event.currentTarget.checked)}
          data-testid="recheck-toggle"
        />{' '}
        {t('recheck_toggle')}
      </label>
      {compact ? null : <p class="muted">{t('recheck_explain')}</p>}
      {compact || !values.enabled ? null : (
        <div class="recheck-numbers">
          {number('days')}
          {number('hours')}
          {number('perHour')}
        </div>
      )}
      <p class="muted" role="status" data-testid="recheck-status">
        {status}
      </p>
    </div>
  );
}
