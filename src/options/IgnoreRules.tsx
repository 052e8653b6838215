/**
 * The options page's list of ignore rules (issue 11): every rule by site, each with Delete, and a form to add
 * one. Rules made from a mark on a page or from the history page appear here too.
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../background/protocol';
import type { IgnoreRule } from '../core/ignore';
import { t } from '../ui/i18n';
import { RuleForm } from '../ui/RuleForm';

const KIND_KEYS: Record<IgnoreRule['kind'], string> = {
  text: 'rules_kind_text',
  regex: 'rules_kind_regex',
  selector: 'rules_kind_selector',
};

export function IgnoreRules() {
  const [rules, setRules] = useState<IgnoreRule[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const load = () => {
    send('rules.list', null).then(setRules, (failure: unknown) =>
      setError(failure instanceof Error ? failure.message : String(failure)),
    );
  };
  useEffect(load, []);
  const remove = async (id: number | undefined) => {
    if (id === undefined) return;
    await send('rules.delete', { id });
    load();
  };
  const sorted = [...(rules ?? [])].sort((a, b) => a.site.localeCompare(b.site) || (a.id ?? 0) - (b.id ?? 0));
  return (
    <section aria-labelledby="rules-title">
      <h2 id="rules-title">{t('rules_title')}</h2>
      <p class="muted">{t('rules_intro')}</p>
      {error ? <p class="error">{error}</p> : null}
      {rules === null && !error ? <p class="muted">{t('loading')}</p> : null}
      {rules !== null && rules.length === 0 ? <p class="muted">{t('rules_none')}</p> : null}
      {sorted.length > 0 ? (
        <table class="rules" data-testid="rules">
          <thead>
            <tr>
              <th scope="col">{t('rules_site')}</th>
              <th scope="col">{t('rules_kind')}</th>
              <th scope="col">{t('rules_pattern')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('rules_actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((rule) => (
              <tr key={rule.id} data-testid="rule">
                <td>{rule.site}</td>
                <td>{t(KIND_KEYS[rule.kind])}</td>
                <td>
                  <code>{rule.pattern}</code>
                </td>
                <td>
                  <button
                    type="button"
                    class="small"
                    onClick={() => remove(rule.id)}
                    data-testid="rule-delete"
                  >
                    {t('delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {adding ? (
        <RuleForm
          initial={{ site: '', kind: 'text', pattern: '' }}
          onSaved={() => {
            setAdding(false);
            load();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)} data-testid="rule-add">
          {t('rules_add')}
        </button>
      )}
    </section>
  );
}
