/**
 * After a site is excluded: Redline reads nothing there any more, but what it kept stays until the reader says
 * otherwise. This asks, with the count, and deletes on a yes.
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../background/protocol';
import { plural } from './format';

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
          articles === 0
            ? { kind: 'done', message: `Nothing from ${site} is stored.` }
            : { kind: 'ask', articles },
        ),
      (error: unknown) =>
        setState({ kind: 'done', message: `Could not count what is stored from ${site}: ${message(error)}` }),
    );
  }, [site]);
  const remove = async () => {
    setState({ kind: 'busy' });
    try {
      const { articles } = await send('ui.deleteSite', { site });
      setState({ kind: 'done', message: `Deleted ${plural(articles, 'article', 'articles')} from ${site}.` });
    } catch (error) {
      setState({ kind: 'done', message: `Nothing was deleted: ${message(error)}` });
    }
    props.onDone?.();
  };
  const keep = () => {
    setState({ kind: 'done', message: `What was kept from ${site} stays in the history.` });
    props.onDone?.();
  };
  return (
    <div class="site-offer" role="status" data-testid="site-offer">
      {state.kind === 'counting' ? <p class="muted">Looking for articles kept from {site}…</p> : null}
      {state.kind === 'ask' ? (
        <p>
          Redline kept {plural(state.articles, 'article', 'articles')} from {site}. Delete{' '}
          {state.articles === 1 ? 'it' : 'them'} too?{' '}
          <button type="button" class="danger" onClick={remove} data-testid="site-offer-delete">
            Delete {state.articles === 1 ? 'it' : 'them'}
          </button>{' '}
          <button type="button" onClick={keep} data-testid="site-offer-keep">
            Keep {state.articles === 1 ? 'it' : 'them'}
          </button>
        </p>
      ) : null}
      {state.kind === 'busy' ? <p class="muted">Deleting…</p> : null}
      {state.kind === 'done' ? <p data-testid="site-offer-done">{state.message}</p> : null}
    </div>
  );
}
