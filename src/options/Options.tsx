/**
 * The options page: pause and exclude sites, how much history is kept, whether the overlay opens by itself,
 * backup (export / import) and deleting everything.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { send } from '../background/protocol';
import type { Settings, SettingsPatch } from '../background/settings';
import { ExportButton, ImportButton } from '../ui/Backup';
import { t, tn } from '../ui/i18n';
import { RecheckSettings } from '../ui/RecheckSettings';
import { SiteArticlesOffer } from '../ui/SiteArticlesOffer';
import { IgnoreRules } from './IgnoreRules';
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

  if (state.kind === 'loading') return <p class="muted">{t('loading')}</p>;
  if (state.kind === 'error') return <p class="error">{state.message}</p>;
  const settings = state.settings;

  const update = async (patch: SettingsPatch, after?: () => Promise<string | null>) => {
    try {
      const saved = await send('settings.update', patch);
      setState({ kind: 'ready', settings: saved });
      setNotice(after ? await after() : t('options_saved'));
    } catch (error) {
      setNotice(t('options_saveFailed', message(error)));
    }
  };
  const applyRetention = async (): Promise<string> => {
    const report = await send('ui.retention', null);
    if (report.articlesDeleted === 0 && report.versionsDeleted === 0) return t('options_retentionNothing');
    return t(
      'options_retentionRemoved',
      tn('count_versions', report.versionsDeleted),
      tn('count_articles', report.articlesDeleted),
    );
  };

  return (
    <div class="options">
      <h1>{t('options_title')}</h1>
      <p class="status-line" role="status" data-testid="options-status">
        {notice}
      </p>

      <section aria-labelledby="recheck-title">
        <h2 id="recheck-title">{t('recheck_section')}</h2>
        <RecheckSettings />
      </section>

      <section aria-labelledby="marks-title">
        <h2 id="marks-title">{t('options_marks_title')}</h2>
        <label class="choice">
          <input
            type="radio"
            name="overlay"
            checked={settings.overlay === 'auto'}
            onChange={() => update({ overlay: 'auto' })}
            data-testid="overlay-auto"
          />
          {t('options_overlayAuto')}
        </label>
        <label class="choice">
          <input
            type="radio"
            name="overlay"
            checked={settings.overlay === 'badge'}
            onChange={() => update({ overlay: 'badge' })}
            data-testid="overlay-badge"
          />
          {t('options_overlayBadge')}
        </label>
      </section>

      <SiteList
        title={t('options_paused_title')}
        addLabel={t('options_paused_add')}
        help={t('options_paused_help')}
        sites={settings.paused}
        testId="paused"
        onChange={(paused) => update({ paused })}
      />
      <SiteList
        title={t('options_excluded_title')}
        addLabel={t('options_excluded_add')}
        help={t('options_excluded_help')}
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
        <h2 id="choices-title">{t('options_choices_title')}</h2>
        <p class="muted">{t('options_choices_help')}</p>
        <ChoiceList
          title={t('options_keepPages')}
          items={settings.keepPages}
          testId="keep-pages"
          onChange={(keepPages) => update({ keepPages })}
        />
        <ChoiceList
          title={t('options_keepSites')}
          items={settings.keepSites}
          testId="keep-sites"
          onChange={(keepSites) => update({ keepSites })}
        />
        <ChoiceList
          title={t('options_notArticlePages')}
          items={settings.notArticlePages}
          testId="not-article-pages"
          onChange={(notArticlePages) => update({ notArticlePages })}
        />
        <ChoiceList
          title={t('options_notArticleSites')}
          items={settings.notArticleSites}
          testId="not-article-sites"
          onChange={(notArticleSites) => update({ notArticleSites })}
        />
      </section>

      <section aria-labelledby="keep-title">
        <h2 id="keep-title">{t('options_keep_title')}</h2>
        <label class="field">
          {t('options_keepVersions')}{' '}
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
          {t('options_keepDays')}{' '}
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
        <p class="muted">{t('options_keep_help')}</p>
      </section>

      <IgnoreRules />

      <StorageUsage />

      <section aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t('options_private_title')}</h2>
        <p>{t('options_private_text')}</p>
      </section>

      <section aria-labelledby="backup-title">
        <h2 id="backup-title">{t('options_backup_title')}</h2>
        <p class="muted">{t('options_backup_help')}</p>
        <ExportButton url={null} label={t('export_everything')} />
        <ImportButton />
        <p>
          <a href="history.html" target="_blank" rel="noopener">
            {t('options_openHistory')}
          </a>
        </p>
      </section>

      <DeleteEverything />
    </div>
  );
}

function SiteList(props: {
  title: string;
  /** The add field's label, "Add a site to the paused sites". */
  addLabel: string;
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
      {props.sites.length === 0 ? <p class="muted">{t('options_none')}</p> : null}
      <ul class="sites" data-testid={`${props.testId}-list`}>
        {props.sites.map((site) => (
          <li key={site}>
            <span>{site}</span>
            <button
              type="button"
              class="small"
              aria-label={t('options_removeSite', site)}
              onClick={() => props.onChange(props.sites.filter((s) => s !== site))}
            >
              {t('options_remove')}
            </button>
          </li>
        ))}
      </ul>
      <form class="toolbar" onSubmit={add}>
        <label for={id} class="visually-hidden">
          {props.addLabel}
        </label>
        <input
          id={id}
          type="text"
          value={draft}
          placeholder={t('options_sitePlaceholder')}
          onInput={(event) => setDraft(event.currentTarget.value)}
          data-testid={id}
        />
        <button type="submit">{t('options_add')}</button>
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
      {props.items.length === 0 ? <p class="muted">{t('options_none')}</p> : null}
      <ul class="sites" data-testid={`${props.testId}-list`}>
        {props.items.map((item) => (
          <li key={item}>
            <span>{item}</span>
            <button
              type="button"
              class="small"
              aria-label={t('options_undoItem', item)}
              onClick={() => props.onChange(props.items.filter((x) => x !== item))}
            >
              {t('options_undo')}
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
      setResult(tn('options_deletedAll', articles));
    } catch (error) {
      setResult(t('delete_failed', message(error)));
    }
    setStep('idle');
  };
  return (
    <section aria-labelledby="delete-title" class="danger-zone">
      <h2 id="delete-title">{t('options_delete_title')}</h2>
      <p class="muted">{t('options_delete_help')}</p>
      {step === 'confirm' ? (
        <p>
          {t('options_delete_confirm')}{' '}
          <button type="button" class="danger" onClick={remove} data-testid="delete-confirm">
            {t('options_delete_yes')}
          </button>{' '}
          <button type="button" onClick={() => setStep('idle')}>
            {t('cancel')}
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
          {t('options_delete_button')}
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
