/**
 * The history page's address: `history.html` lists every article, `history.html#article=<URL>` shows one.
 * The hash keeps the browser's back button and bookmarks working without any server.
 */
export type Route = { page: 'list' } | { page: 'article'; url: string };

export function parseRoute(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const url = params.get('article');
  return url ? { page: 'article', url } : { page: 'list' };
}

export function articleHash(url: string): string {
  return `#${new URLSearchParams({ article: url }).toString()}`;
}
