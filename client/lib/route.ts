export type Route =
  | { name: 'home' }
  | { name: 'board'; boardId: string; token: string | null }
  | { name: 'not-found'; path: string };

/** Tiny path router: `/` and `/b/<boardId>?token=<token>`. Navigation is by plain links. */
export function parseRoute(location: Pick<Location, 'pathname' | 'search'>): Route {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/index.html') return { name: 'home' };
  const m = /^\/b\/([^/]+)$/.exec(path);
  if (m) {
    let boardId: string;
    try {
      boardId = decodeURIComponent(m[1]);
    } catch {
      return { name: 'not-found', path };
    }
    const token = new URLSearchParams(location.search).get('token');
    return { name: 'board', boardId, token: token?.trim() ? token.trim() : null };
  }
  return { name: 'not-found', path };
}
