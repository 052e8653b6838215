/** The background's answers to `RulesProtocol` (rules-protocol.ts); spread into `createHandlers`. */

import { siteOf } from '../core/site';
import type { HistoryDb } from './db';
import { editKindsOf } from './edit-kinds';
import { addRule, deleteRule, listRules, RuleRefused, rulesForSite } from './ignore-rules';
import type { Handlers } from './protocol';
import type { RulesMessageType } from './rules-protocol';

export function createRulesHandlers({
  db,
  now,
}: {
  db: () => Promise<HistoryDb>;
  now: () => number;
}): Pick<Handlers, RulesMessageType> {
  const pageSite = (url: string): string => {
    const site = siteOf(url);
    if (!site) throw new RuleRefused('This page has no site a rule could name.');
    return site;
  };
  return {
    'rules.forPage': async (_request, sender) => {
      const site = siteOf(sender.url);
      return site ? rulesForSite(await db(), site) : [];
    },
    'rules.addFromPage': async ({ kind, pattern }, sender) =>
      addRule(await db(), { site: pageSite(sender.url), kind, pattern }, now()),
    'rules.list': async () => listRules(await db()),
    'rules.add': async (draft) => addRule(await db(), draft, now()),
    'rules.delete': async ({ id }) => deleteRule(await db(), id),
    'ui.editKinds': async () => editKindsOf(await db()),
  };
}
