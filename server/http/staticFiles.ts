/**
 * How the built client's files are cached by browsers (and proxies):
 * - `/assets/…` names carry a hash of their content, so a name never changes meaning: kept a year
 *   and never revalidated (`immutable`).
 * - Everything else (the app's page, `/sw.js`, anything not hashed) is revalidated on every use
 *   (`no-cache` + ETag), so a new build reaches browsers at once; the service worker in
 *   particular must never be served stale.
 */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE_CONTROL = 'no-cache';

export function cacheControlFor(pathname: string): string {
  return pathname.startsWith('/assets/') ? IMMUTABLE_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL;
}
