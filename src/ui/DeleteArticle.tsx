/** "Delete this article…": asks first, then forgets the article with all its versions and visits. */
import { useState } from 'preact/hooks';
import { send } from '../background/protocol';
import { t } from './i18n';

export function DeleteArticle(props: { url: string; onDeleted: () => void }) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setStep('busy');
    try {
      await send('history.delete', { url: props.url });
      props.onDeleted();
    } catch (caught) {
      setError(t('delete_failed', caught instanceof Error ? caught.message : String(caught)));
      setStep('idle');
    }
  };
  return (
    <div class="delete-article">
      {step === 'idle' ? (
        <button type="button" onClick={() => setStep('confirm')} data-testid="delete-article">
          {t('delete_article')}
        </button>
      ) : (
        <p>
          {t('delete_article_confirm')}{' '}
          <button
            type="button"
            class="danger"
            onClick={remove}
            disabled={step === 'busy'}
            data-testid="delete-article-confirm"
          >
            {t('delete')}
          </button>{' '}
          <button type="button" onClick={() => setStep('idle')} disabled={step === 'busy'}>
            {t('keep')}
          </button>
        </p>
      )}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
