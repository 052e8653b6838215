/**
 * After a site is excluded: Redline reads nothing there any more, but what it kept stays until the reader says
 * otherwise. This asks, with the count, and deletes on a yes.
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../background/protocol';
import { t, tn } from './i18n';

type State =
  | { kind: 'counting' }
  | { kind: 'ask'; articles: number }
  | { kind: 'busy' }
  | { kind: 'done'; message: string };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function SiteArticlesOffer(props: { site: string; onDone?: () => void }) {
  const { site } = props;
  const [state, setState] = useState<State>({ kind: 'counting' });
  useEffect(() => {
    setState({ kind: 'counting' });
    send('ui.siteArticles', { site }).then(
      ({ articles }) =>
        setState(
          articles === 0 ? { kind: 'done', message: t('siteOffer_none', site) } : { kind: 'ask', articles },
        ),
      (error: unknown) =>
        setState({ kind: 'done', message: t('siteOffer_countFailed', site, message(error)) }),
    );
  }, [site]);
  const remove = async () => {
    setState({ kind: 'busy' });
    try {
      const { articles } = await send('ui.deleteSite', { site });
      setState({ kind: 'done', message: tn('siteOffer_deleted', articles, site) });
    } catch (error) {
      setState({ kind: 'done', message: t('delete_failed', message(error)) });
    }
    props.onDone?.();
  };
  const keep = () => {
    setState({ kind: 'done', message: t('siteOffer_kept', site) });
    props.onDone?.();
  };
  return (
    <div class="site-offer" role="status" data-testid="site-offer">
      {state.kind === 'counting' ? <p class="muted">{t('siteOffer_counting', site)}</p> : null}
      {state.kind === 'ask' ? (
        <p>
          {tn('siteOffer_ask', state.articles, site)}{' '}
          <button type="button" class="danger" onClick={remove} data-testid="site-offer-delete">
            {tn('siteOffer_delete', state.articles)}
          </button>{' '}
          <button type="button" onClick={keep} data-testid="site-offer-keep">
            {tn('siteOffer_keep', state.articles)}
          </button>
        </p>
      ) : null}
      {state.kind === 'busy' ? <p class="muted">{t('deleting')}</p> : null}
      {state.kind === 'done' ? <p data-testid="site-offer-done">{state.message}</p> : null}
    </div>
  );
}
