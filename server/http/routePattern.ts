/**
 * The route pattern of a request the route table did not match, for the access log and the
 * metrics' `route` label (a matched request is labelled with its route's pattern): ids, tokens
 * and names never appear, and the label's values stay few. Query strings are never looked at
 * (links carry their token there).
 */
export function routePattern(pathname: string): string {
  if (pathname === '/' || pathname === '/sw.js') return pathname;
  if (pathname.startsWith('/api/')) return '/api/unknown';
  if (pathname.startsWith('/assets/')) return '/assets/*';
  if (pathname.startsWith('/b/')) return '/b/*';
  if (pathname.startsWith('/c/')) return '/c/*';
  return 'other';
}
