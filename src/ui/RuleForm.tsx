/**
 * Making an ignore rule: a site, a kind (text with # for any number, a regular expression, a CSS selector) and
 * the pattern. Checked here for a quick answer and again by the background, which keeps it.
 */
import { useState } from 'preact/hooks';
import { send } from '../background/protocol';
import { compileSafeRegex, type IgnoreRule, type RuleKind } from '../core/ignore';
import { t } from './i18n';

export interface RuleDraftInput {
  site: string;
  kind: RuleKind;
  pattern: string;
}

/** Why the draft cannot be saved, as far as the page can tell; null when it looks sound. */
export function draftProblem(draft: RuleDraftInput, doc: Document = document): string | null {
  if (draft.pattern.trim() === '') return t('rules_empty');
  if (draft.kind === 'regex') {
    const check = compileSafeRegex(draft.pattern);
    return check.ok ? null : check.reason;
  }
  if (draft.kind === 'selector') {
    try {
      doc.createDocumentFragment().querySelector(draft.pattern);
    } catch {
      return t('rules_badSelector');
    }
  }
  return null;
}

const KIND_HELP: Record<RuleKind, string> = {
  text: 'rules_help_text',
  regex: 'rules_help_regex',
  selector: 'rules_help_selector',
};

export function RuleForm({
  initial,
  onSaved,
  onCancel,
}: {
  initial: RuleDraftInput;
  onSaved: (rule: IgnoreRule) => void;
  onCancel?: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const save = async (event: Event) => {
    event.preventDefault();
    const problem = draftProblem(draft);
    if (problem) {
      setError(problem);
      return;
    }
    try {
      onSaved(
        await send('rules.add', {
          site: draft.site.trim().toLowerCase(),
          kind: draft.kind,
          pattern: draft.pattern,
        }),
      );
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <form class="rule-form" onSubmit={save} data-testid="rule-form">
      <label>
        {t('rules_site')}{' '}
        <input
          value={draft.site}
          onInput={(e) => setDraft({ ...draft, site: e.currentTarget.value })}
          data-testid="rule-site"
          required
        />
      </label>
      <label>
        {t('rules_kind')}{' '}
        <select
          value={draft.kind}
          onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value as RuleKind })}
          data-testid="rule-kind"
        >
          <option value="text">{t('rules_kind_text')}</option>
          <option value="regex">{t('rules_kind_regex')}</option>
          <option value="selector">{t('rules_kind_selector')}</option>
        </select>
      </label>
      <label class="rule-pattern">
        {t('rules_pattern')}{' '}
        <input
          value={draft.pattern}
          onInput={(e) => setDraft({ ...draft, pattern: e.currentTarget.value })}
          data-testid="rule-pattern"
          aria-describedby="rule-help"
        />
      </label>
      <p class="muted" id="rule-help">
        {t(KIND_HELP[draft.kind])}
      </p>
      {error ? (
        <p class="error" role="alert" data-testid="rule-error">
          {error}
        </p>
      ) : null}
      <div class="toolbar">
        <button type="submit" class="primary" data-testid="rule-save">
          {t('rules_save')}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
