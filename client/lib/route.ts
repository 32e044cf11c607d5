export type Route =
  | { name: 'home' }
  | { name: 'board'; boardId: string; token: string | null }
  | { name: 'cohort'; cohortId: string; token: string | null }
  /** Board history: one snapshot of a board, read only (client/board/history/SnapshotPage.tsx). */
  | { name: 'snapshot'; boardId: string; snapshotId: string; token: string | null }
  /** A partnership's home (client/partnership/PartnershipPage.tsx). */
  | { name: 'partnership'; partnershipId: string; token: string | null }
  | { name: 'not-found'; path: string };

/** Tiny path router: `/`, `/b/<boardId>?token=<token>`, `/b/<boardId>/history/<snapshotId>?token=<token>` and `/c/<cohortId>?token=<trainer token>`. Navigation is by plain links. */
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
  const h = /^\/b\/([^/]+)\/history\/([^/]+)$/.exec(path);
  if (h) {
    let boardId: string;
    let snapshotId: string;
    try {
      boardId = decodeURIComponent(h[1]);
      snapshotId = decodeURIComponent(h[2]);
    } catch {
      return { name: 'not-found', path };
    }
    const token = new URLSearchParams(location.search).get('token');
    return { name: 'snapshot', boardId, snapshotId, token: token?.trim() ? token.trim() : null };
  }
  const c = /^\/c\/([^/]+)$/.exec(path);
  if (c) {
    let cohortId: string;
    try {
      cohortId = decodeURIComponent(c[1]);
    } catch {
      return { name: 'not-found', path };
    }
    const token = new URLSearchParams(location.search).get('token');
    return { name: 'cohort', cohortId, token: token?.trim() ? token.trim() : null };
  }
  const p = /^\/p\/([^/]+)$/.exec(path);
  if (p) {
    let partnershipId: string;
    try {
      partnershipId = decodeURIComponent(p[1]);
    } catch {
      return { name: 'not-found', path };
    }
    const token = new URLSearchParams(location.search).get('token');
    return { name: 'partnership', partnershipId, token: token?.trim() ? token.trim() : null };
  }
  return { name: 'not-found', path };
}
