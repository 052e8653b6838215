/**
 * The reader has the last word on what is an article (see src/background/reader-choice.ts): "Keep this page
 * anyway" where Redline saw no article, "This is not an article" where it kept one. Both remember the address,
 * and the whole site when the reader ticks it; "not an article" deletes what was kept of the page, after asking.
 */
import { useState } from 'preact/hooks';
import { send } from '../background/protocol';
import { siteOf } from '../core/site';
import { t, tn } from '../ui/i18n';

interface Props {
  location: string;
  choice: 'keep' | 'not-article';
  /** The stored article "not an article" deletes, and how many versions it has. */
  deleteUrl?: string;
  versions?: number;
  /** After the choice is saved: reload the page so it is read (or skipped) accordingly. */
  onChosen: () => Promise<void>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function ReaderChoice(props: Props) {
  const site = siteOf(props.location);
  const [wholeSite, setWholeSite] = useState(false);
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [error, setError] = useState<string | null>(null);

  const choose = async () => {
    setStep('busy');
    setError(null);
    try {
      // The choice first: if the delete then fails, the page is at least not stored again.
      await send('ui.choose', { location: props.location, choice: props.choice, wholeSite });
      if (props.choice === 'not-article' && props.deleteUrl) {
        await send('history.delete', { url: props.deleteUrl });
      }
      await props.onChosen();
    } catch (caught) {
      setError(message(caught));
      setStep('idle');
    }
  };

  const siteBox =
    site === null ? null : (
      <label class="choice">
        <input
          type="checkbox"
          checked={wholeSite}
          onChange={(event) => setWholeSite(event.currentTarget.checked)}
          data-testid="choice-site"
        />{' '}
        {props.choice === 'keep' ? t('choice_keepSite', site) : t('choice_notArticleSite', site)}
      </label>
    );

  if (props.choice === 'keep') {
    return (
      <div class="reader-choice">
        <button type="button" onClick={choose} disabled={step === 'busy'} data-testid="keep-anyway">
          {t('choice_keep')}
        </button>
        {siteBox}
        {error ? (
          <p class="error" role="alert">
            {t('choice_notSaved', error)}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <div class="reader-choice">
      {step === 'idle' ? (
        <button type="button" onClick={() => setStep('confirm')} data-testid="not-article">
          {t('choice_notArticle')}
        </button>
      ) : (
        <div class="confirm">
          <p>
            {props.versions === undefined
              ? t('choice_confirm')
              : tn('choice_confirmVersions', props.versions)}
          </p>
          {siteBox}
          <button
            type="button"
            class="danger"
            onClick={choose}
            disabled={step === 'busy'}
            data-testid="not-article-confirm"
          >
            {t('choice_confirmButton')}
          </button>{' '}
          <button type="button" onClick={() => setStep('idle')} disabled={step === 'busy'}>
            {t('cancel')}
          </button>
        </div>
      )}
      {error ? (
        <p class="error" role="alert">
          {t('choice_notSaved', error)}
        </p>
      ) : null}
    </div>
  );
}
