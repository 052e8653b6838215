/**
 * The options page: pause and exclude sites, how much history is kept, whether the overlay opens by itself,
 * backup (export / import) and deleting everything.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { send } from '../background/protocol';
import type { Settings, SettingsPatch } from '../background/settings';
import { ExportButton, ImportButton } from '../ui/Backup';
import { plural } from '../ui/format';
import { RecheckSettings } from '../ui/RecheckSettings';
import { SiteArticlesOffer } from '../ui/SiteArticlesOffer';
import { StorageUsage } from './StorageUsage';
import { DAY_CHOICES, daysLabel, readSiteInput, VERSION_CHOICES, versionsLabel } from './siteInput';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'ready'; settings: Settings }
  | { kind: 'error'; message: string };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function Options() {
  const [state, setState] = useState<Loaded>({ kind: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);
  // The site just added to the excluded list: its stored articles are offered for deletion.
  const [justExcluded, setJustExcluded] = useState<string | null>(null);
  useEffect(() => {
    send('settings.get', null).then(
      (settings) => setState({ kind: 'ready', settings }),
      (error: unknown) => setState({ kind: 'error', message: message(error) }),
    );
  }, []);

  if (state.kind === 'loading') return <p class="muted">Loading…</p>;
  if (state.kind === 'error') return <p class="error">{state.message}</p>;
  const settings = state.settings;

  const update = async (patch: SettingsPatch, after?: () => Promise<string | null>) => {
    try {
      const saved = await send('settings.update', patch);
      setState({ kind: 'ready', settings: saved });
      setNotice(after ? await after() : 'Saved.');
    } catch (error) {
      setNotice(`Could not save: ${message(error)}`);
    }
  };
  const applyRetention = async (): Promise<string> => {
    const report = await send('ui.retention', null);
    if (report.articlesDeleted === 0 && report.versionsDeleted === 0)
      return 'Saved. Nothing needed to be removed.';
    return `Saved. Removed ${plural(report.versionsDeleted, 'version', 'versions')} and ${plural(
      report.articlesDeleted,
      'article',
      'articles',
    )}.`;
  };

  return (
    <div class="options">
      <h1>Redline settings</h1>
      <p class="status-line" role="status" data-testid="options-status">
        {notice}
      </p>

      <section aria-labelledby="recheck-title">
        <h2 id="recheck-title">Later edits</h2>
        <RecheckSettings />
      </section>

      <section aria-labelledby="marks-title">
        <h2 id="marks-title">When an article changed</h2>
        <label class="choice">
          <input
            type="radio"
            name="overlay"
            checked={settings.overlay === 'auto'}
            onChange={() => update({ overlay: 'auto' })}
            data-testid="overlay-auto"
          />
          Mark the changes on the page by itself
        </label>
        <label class="choice">
          <input
            type="radio"
            name="overlay"
            checked={settings.overlay === 'badge'}
            onChange={() => update({ overlay: 'badge' })}
            data-testid="overlay-badge"
          />
          Only show the number of changes on the toolbar button; open the popup to see them on the page
        </label>
      </section>

      <SiteList
        title="Paused sites"
        help="Redline reads and keeps nothing on these sites until you resume it. What was kept stays."
        sites={settings.paused}
        testId="paused"
        onChange={(paused) => update({ paused })}
      />
      <SiteList
        title="Excluded sites"
        help="Never read or kept. Subdomains are included: bbc.co.uk covers news.bbc.co.uk."
        sites={settings.excluded}
        testId="excluded"
        onChange={async (excluded) => {
          const added = excluded.find((site) => !settings.excluded.includes(site)) ?? null;
          await update({ excluded });
          setJustExcluded(added);
        }}
      >
        {justExcluded !== null && settings.excluded.includes(justExcluded) ? (
          <SiteArticlesOffer key={justExcluded} site={justExcluded} />
        ) : null}
      </SiteList>

      <section aria-labelledby="choices-title">
        <h2 id="choices-title">What is an article</h2>
        <p class="muted">
          Your answers to "Keep this page anyway" and "This is not an article" in the popup. An answer for a
          page wins over one for its site. Undo one to let Redline decide again.
        </p>
        <ChoiceList
          title="Pages kept anyway"
          items={settings.keepPages}
          testId="keep-pages"
          onChange={(keepPages) => update({ keepPages })}
        />
        <ChoiceList
          title="Sites whose every page is kept"
          items={settings.keepSites}
          testId="keep-sites"
          onChange={(keepSites) => update({ keepSites })}
        />
        <ChoiceList
          title="Pages that are not articles"
          items={settings.notArticlePages}
          testId="not-article-pages"
          onChange={(notArticlePages) => update({ notArticlePages })}
        />
        <ChoiceList
          title="Sites without articles"
          items={settings.notArticleSites}
          testId="not-article-sites"
          onChange={(notArticleSites) => update({ notArticleSites })}
        />
      </section>

      <section aria-labelledby="keep-title">
        <h2 id="keep-title">How much history is kept</h2>
        <label class="field">
          Versions kept per article{' '}
          <select
            value={String(settings.keepVersions)}
            onChange={(event) => {
              const value = event.currentTarget.value;
              void update({ keepVersions: value === 'null' ? null : Number(value) }, applyRetention);
            }}
            data-testid="keep-versions"
          >
            {VERSION_CHOICES.map((choice) => (
              <option key={String(choice)} value={String(choice)}>
                {versionsLabel(choice)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          Forget articles not read for{' '}
          <select
            value={String(settings.keepDays)}
            onChange={(event) => {
              const value = event.currentTarget.value;
              void update({ keepDays: value === 'null' ? null : Number(value) }, applyRetention);
            }}
            data-testid="keep-days"
          >
            {DAY_CHOICES.map((choice) => (
              <option key={String(choice)} value={String(choice)}>
                {daysLabel(choice)}
              </option>
            ))}
          </select>
        </label>
        <p class="muted">The oldest versions go first; an article always keeps its newest version.</p>
      </section>

      <StorageUsage />

      <section aria-labelledby="privacy-title">
        <h2 id="privacy-title">Private windows</h2>
        <p>Nothing is ever read or kept from private (incognito) windows.</p>
      </section>

      <section aria-labelledby="backup-title">
        <h2 id="backup-title">Backup and moving to a new computer</h2>
        <p class="muted">
          Export everything as one JSON file, and import it in Redline on the other computer. Importing adds
          what is missing and never duplicates versions.
        </p>
        <ExportButton url={null} label="Export everything" />
        <ImportButton />
        <p>
          <a href="history.html" target="_blank" rel="noopener">
            Open the history
          </a>
        </p>
      </section>

      <DeleteEverything />
    </div>
  );
}

function SiteList(props: {
  title: string;
  help: string;
  sites: string[];
  testId: string;
  onChange: (sites: string[]) => Promise<void>;
  children?: ComponentChildren;
}) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (event: Event) => {
    event.preventDefault();
    const read = readSiteInput(draft, props.sites);
    if (!read.ok) {
      setError(read.message);
      return;
    }
    setError(null);
    setDraft('');
    await props.onChange([...props.sites, read.site]);
  };
  const id = `${props.testId}-input`;
  return (
    <section aria-labelledby={`${props.testId}-title`}>
      <h2 id={`${props.testId}-title`}>{props.title}</h2>
      <p class="muted">{props.help}</p>
      {props.sites.length === 0 ? <p class="muted">None.</p> : null}
      <ul class="sites" data-testid={`${props.testId}-list`}>
        {props.sites.map((site) => (
          <li key={site}>
            <span>{site}</span>
            <button
              type="button"
              class="small"
              aria-label={`Remove ${site}`}
              onClick={() => props.onChange(props.sites.filter((s) => s !== site))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form class="toolbar" onSubmit={add}>
        <label for={id} class="visually-hidden">
          Add a site to {props.title.toLowerCase()}
        </label>
        <input
          id={id}
          type="text"
          value={draft}
          placeholder="example.com"
          onInput={(event) => setDraft(event.currentTarget.value)}
          data-testid={id}
        />
        <button type="submit">Add</button>
      </form>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {props.children}
    </section>
  );
}

/** One list of the reader's choices; removing an entry undoes that choice. */
function ChoiceList(props: {
  title: string;
  items: string[];
  testId: string;
  onChange: (items: string[]) => Promise<void>;
}) {
  return (
    <div class="choice-list">
      <h3>{props.title}</h3>
      {props.items.length === 0 ? <p class="muted">None.</p> : null}
      <ul class="sites" data-testid={`${props.testId}-list`}>
        {props.items.map((item) => (
          <li key={item}>
            <span>{item}</span>
            <button
              type="button"
              class="small"
              aria-label={`Undo: ${item}`}
              onClick={() => props.onChange(props.items.filter((x) => x !== item))}
            >
              Undo
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function DeleteEverything() {
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [result, setResult] = useState<string | null>(null);
  const remove = async () => {
    setStep('busy');
    try {
      const { articles } = await send('ui.deleteAll', null);
      setResult(`Deleted ${plural(articles, 'article', 'articles')} with all their versions.`);
    } catch (error) {
      setResult(`Nothing was deleted: ${message(error)}`);
    }
    setStep('idle');
  };
  return (
    <section aria-labelledby="delete-title" class="danger-zone">
      <h2 id="delete-title">Delete everything</h2>
      <p class="muted">
        Removes every article, version and visit Redline kept. This cannot be undone; export first.
      </p>
      {step === 'confirm' ? (
        <p>
          Delete the whole history?{' '}
          <button type="button" class="danger" onClick={remove} data-testid="delete-confirm">
            Yes, delete everything
          </button>{' '}
          <button type="button" onClick={() => setStep('idle')}>
            Cancel
          </button>
        </p>
      ) : (
        <button
          type="button"
          class="danger"
          onClick={() => setStep('confirm')}
          disabled={step === 'busy'}
          data-testid="delete-all"
        >
          Delete everything…
        </button>
      )}
      {result ? (
        <p role="status" data-testid="delete-status">
          {result}
        </p>
      ) : null}
    </section>
  );
}
