/**
 * The route pattern of a request path, for the access log and the metrics' `route` label: ids,
 * tokens and names never appear, and the label's values stay few. Query strings are never looked
 * at (links carry their token there).
 */
const PATTERNS: [RegExp, string][] = [
  [/^\/api\/boards\/[^/]+$/, '/api/boards/:id'],
  [/^\/api\/boards\/[^/]+\/(results|export|invites|votes|snapshots)$/, '/api/boards/:id/$1'],
  [/^\/api\/boards\/[^/]+\/links\/[^/]+\/rotate$/, '/api/boards/:id/links/:role/rotate'],
  [/^\/api\/boards\/[^/]+\/votes\/[^/]+\/ballots\/[^/]+$/, '/api/boards/:id/votes/:round/ballots/:voter'],
  [/^\/api\/boards\/[^/]+\/votes\/[^/]+\/reveal$/, '/api/boards/:id/votes/:round/reveal'],
  [/^\/api\/boards\/[^/]+\/snapshots\/[^/]+\/(state|restore)$/, '/api/boards/:id/snapshots/:snapshot/$1'],
  [/^\/api\/cohorts\/[^/]+$/, '/api/cohorts/:id'],
  [/^\/api\/cohorts\/[^/]+\/(broadcast|comparison|export|summaries|live)$/, '/api/cohorts/:id/$1'],
  [/^\/api\/cohorts\/[^/]+\/links\/[^/]+\/rotate$/, '/api/cohorts/:id/links/:role/rotate'],
  [/^\/api\/cohorts\/[^/]+\/boards\/[^/]+\/links\/[^/]+\/rotate$/, '/api/cohorts/:id/boards/:board/links/:role/rotate'],
];

const FIXED = new Set(['/healthz', '/readyz', '/metrics', '/api/time', '/api/templates', '/api/boards', '/api/cohorts', '/api/export-schema.json', '/sw.js', '/']);

export function routePattern(pathname: string): string {
  if (FIXED.has(pathname)) return pathname;
  if (pathname.startsWith('/api/')) {
    for (const [re, pattern] of PATTERNS) {
      const m = re.exec(pathname);
      if (m) return pattern.replace('$1', m[1] ?? '');
    }
    return '/api/unknown';
  }
  if (pathname.startsWith('/assets/')) return '/assets/*';
  if (pathname.startsWith('/b/')) return '/b/*';
  if (pathname.startsWith('/c/')) return '/c/*';
  return 'other';
}
