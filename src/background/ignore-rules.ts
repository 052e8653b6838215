/**
 * The reader's ignore rules in the history database (store `ignoreRules`, upgrade step 4). Rules are checked
 * here as well as where they are made: a content script or a file is not trusted to send a sound one.
 */
import {
  compileSafeRegex,
  type IgnoreRule,
  isRuleKind,
  MAX_PATTERN_CHARS,
  type RuleKind,
} from '../core/ignore';
import { normaliseSite } from '../core/site';
import type { HistoryDb } from './db';

export interface RuleDraft {
  site: string;
  kind: RuleKind;
  pattern: string;
}

/** Why a rule cannot be kept, or null when it can. Selectors are checked by the page that makes them. */
export function ruleProblem(draft: RuleDraft): string | null {
  // A bare top-level name ("com") would silence a change on every site under it.
  if (normaliseSite(draft.site) !== draft.site || !draft.site.includes('.')) {
    return 'The rule needs a site such as example.com.';
  }
  if (!isRuleKind(draft.kind)) return 'Unknown kind of rule.';
  if (draft.pattern.trim() === '') return 'The rule is empty.';
  if (draft.pattern.length > MAX_PATTERN_CHARS)
    return `A rule holds at most ${MAX_PATTERN_CHARS} characters.`;
  if (draft.kind === 'regex') {
    const check = compileSafeRegex(draft.pattern);
    if (!check.ok) return check.reason;
  }
  return null;
}

export function isRuleDraft(value: unknown): value is RuleDraft {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.site === 'string' && isRuleKind(r.kind) && typeof r.pattern === 'string';
}

export class RuleRefused extends Error {
  override readonly name = 'RuleRefused';
}

/** Every rule, oldest first. */
export function listRules(db: HistoryDb): Promise<IgnoreRule[]> {
  return db.getAll('ignoreRules');
}

/** The rules covering `site`: its own and those of every domain above it. */
export async function rulesForSite(db: HistoryDb, site: string): Promise<IgnoreRule[]> {
  const labels = site.split('.');
  const tx = db.transaction('ignoreRules');
  const lists = await Promise.all(
    labels.map((_, i) => tx.store.index('site').getAll(IDBKeyRange.only(labels.slice(i).join('.')))),
  );
  return lists.flat().sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
}

/** Stores the rule (once: the same rule again returns the one kept) and returns it with its id. */
export async function addRule(db: HistoryDb, draft: RuleDraft, now: number): Promise<IgnoreRule> {
  const problem = ruleProblem(draft);
  if (problem) throw new RuleRefused(problem);
  const tx = db.transaction('ignoreRules', 'readwrite');
  const existing = (await tx.store.index('site').getAll(IDBKeyRange.only(draft.site))).find(
    (rule) => rule.kind === draft.kind && rule.pattern === draft.pattern,
  );
  if (existing) {
    await tx.done;
    return existing;
  }
  const rule: IgnoreRule = { site: draft.site, kind: draft.kind, pattern: draft.pattern, created: now };
  const id = await tx.store.add(rule);
  await tx.done;
  return { ...rule, id };
}

export async function deleteRule(db: HistoryDb, id: number): Promise<{ deleted: boolean }> {
  const tx = db.transaction('ignoreRules', 'readwrite');
  const found = (await tx.store.get(id)) !== undefined;
  if (found) await tx.store.delete(id);
  await tx.done;
  return { deleted: found };
}
