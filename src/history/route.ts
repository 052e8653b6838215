/**
 * The history page's address: `history.html` lists every article, `history.html#article=<URL>` shows one.
 * The hash keeps the browser's back button and bookmarks working without any server.
 */
export type Route =
  | { page: 'list' }
  /** `compare`: the ids of two stored versions to compare first (the "Edited since you read it" links). */
  | { page: 'article'; url: string; compare?: { from: number; to: number } };

function versionId(value: string | null): number | null {
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

export function parseRoute(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const url = params.get('article');
  if (!url) return { page: 'list' };
  const from = versionId(params.get('from'));
  const to = versionId(params.get('to'));
  return from !== null && to !== null
    ? { page: 'article', url, compare: { from, to } }
    : { page: 'article', url };
}

export function articleHash(url: string, compare?: { from: number; to: number }): string {
  const params = new URLSearchParams({ article: url });
  if (compare) {
    params.set('from', String(compare.from));
    params.set('to', String(compare.to));
  }
  return `#${params.toString()}`;
}
