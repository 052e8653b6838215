/**
 * Which page the popup describes. Opened from the toolbar it is the active tab of the current window. For tests
 * and for opening it in a tab, `popup.html?tab=<tabId>` names a tab and `popup.html?url=<article URL>` names a
 * stored article directly (no tab: the version list only).
 */
export type PopupTarget =
  | { kind: 'tab'; tabId: number; incognito: boolean }
  | { kind: 'url'; url: string }
  | { kind: 'none' };

export interface TabInfo {
  id?: number;
  incognito: boolean;
}

export interface TabsLookup {
  query(query: { active: true; currentWindow: true }): Promise<TabInfo[]>;
  get(tabId: number): Promise<TabInfo>;
}

/** What the query string names, before any lookup. */
export function targetFromQuery(search: string): { tabId: number } | { url: string } | null {
  const params = new URLSearchParams(search);
  const tab = params.get('tab');
  if (tab !== null && /^\d+$/.test(tab)) return { tabId: Number(tab) };
  const url = params.get('url');
  if (url !== null && /^https?:\/\//i.test(url)) return { url };
  return null;
}

export async function resolveTarget(search: string, tabs: TabsLookup): Promise<PopupTarget> {
  const named = targetFromQuery(search);
  if (named && 'url' in named) return { kind: 'url', url: named.url };
  const tab = named
    ? await tabs.get(named.tabId)
    : (await tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab || tab.id === undefined) return { kind: 'none' };
  return { kind: 'tab', tabId: tab.id, incognito: tab.incognito };
}
