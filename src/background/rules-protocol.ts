/**
 * Messages about ignore rules and kinds of edit (issue 11), merged into `Protocol` in protocol.ts. The content script asks for
 * its page's rules and adds one from a mark, always for the site of the page it runs in (the background takes
 * the site from the sender's address, never from the request); the extension pages list, add and delete any.
 */
import type { IgnoreRule } from '../core/ignore';
import { isRuleKind, MAX_PATTERN_CHARS, type RuleKind } from '../core/ignore';
import type { ArticleEdits } from './edit-kinds';
import { isRuleDraft, type RuleDraft } from './ignore-rules';

export interface RulesProtocol {
  /** The rules covering the site of the sender's page. */
  'rules.forPage': { from: 'content'; request: null; response: IgnoreRule[] };
  /** A rule for the sender's page's site, made from a mark by the reader. */
  'rules.addFromPage': {
    from: 'content';
    request: { kind: RuleKind; pattern: string };
    response: IgnoreRule;
  };
  'rules.list': { from: 'page'; request: null; response: IgnoreRule[] };
  'rules.add': { from: 'page'; request: RuleDraft; response: IgnoreRule };
  'rules.delete': { from: 'page'; request: { id: number }; response: { deleted: boolean } };
  /** For the history list's filters: articles with a silent edit and with a corrected one (edit-kinds.ts). */
  'ui.editKinds': { from: 'page'; request: null; response: Record<string, ArticleEdits> };
}

export type RulesMessageType = keyof RulesProtocol;

export const RULES_SENDER_KINDS: { [K in RulesMessageType]: RulesProtocol[K]['from'] } = {
  'rules.forPage': 'content',
  'rules.addFromPage': 'content',
  'rules.list': 'page',
  'rules.add': 'page',
  'rules.delete': 'page',
  'ui.editKinds': 'page',
};

type Request<K extends RulesMessageType> = RulesProtocol[K]['request'];

export const RULES_REQUEST_CHECKS: { [K in RulesMessageType]: (request: unknown) => request is Request<K> } =
  {
    'rules.forPage': (r): r is null => r === null,
    'rules.addFromPage': (r): r is Request<'rules.addFromPage'> =>
      typeof r === 'object' &&
      r !== null &&
      isRuleKind((r as Record<string, unknown>).kind) &&
      typeof (r as Record<string, unknown>).pattern === 'string' &&
      ((r as Record<string, unknown>).pattern as string).length <= MAX_PATTERN_CHARS,
    'rules.list': (r): r is null => r === null,
    'rules.add': isRuleDraft,
    'rules.delete': (r): r is Request<'rules.delete'> =>
      typeof r === 'object' && r !== null && Number.isInteger((r as Record<string, unknown>).id),
    'ui.editKinds': (r): r is null => r === null,
  };
