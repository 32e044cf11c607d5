import type { IncomingMessage, ServerResponse } from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';
import { RoomUnavailableError } from '../sync/Relay';
import type { Logger } from '../runtime/log';
import { HttpError } from './HttpError';
import { isPagePath, loadIndexPage } from './indexHtml';
import { type AnyRoute, type Authorizers, createRouter, json } from './router';
import { cacheControlFor } from './staticFiles';
import { routePattern } from './routePattern';

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  // Everything comes from our own origin; this also keeps a page from calling out to other hosts.
  'Content-Security-Policy': [
    "default-src 'self'",
    "connect-src 'self' data: blob:",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
  ].join('; '),
};

export interface HttpAppOptions {
  /** Every endpoint, from the feature folders (server/Server.ts lists them). */
  routes: readonly AnyRoute[];
  /** How a route's `:id` is authorised for its role (board, cohort, partnership). */
  authorizers: Authorizers;
  logger: Logger;
  clientDir: string;
  publicUrl?: string;
  /** The tldraw licence key handed to the browser in the app's page (server/http/indexHtml.ts). */
  tldrawLicenseKey?: string;
}

/** The HTTP side: the route table, security headers, errors as JSON, and the built client with single-page fallback. */
export function createHttpApp(options: HttpAppOptions) {
  const { logger, clientDir, publicUrl } = options;
  const hasClient = fs.existsSync(path.join(clientDir, 'index.html'));
  // The app's page (index.html with the run-time settings) is answered by sendPage, for its own
  // paths and every app route; sirv serves the files.
  const indexPage = hasClient ? loadIndexPage(clientDir, options.tldrawLicenseKey) : undefined;
  const serveStatic = hasClient
    ? sirv(clientDir, {
        single: false,
        etag: true,
        // The build writes .br and .gz copies (client/build/precompress.ts): sirv picks the one the
        // request accepts and sets Content-Encoding and Vary: Accept-Encoding.
        gzip: true,
        brotli: true,
        // Hashed assets kept a year; the page and the service worker (client/sw/) always revalidated.
        setHeaders: (res, pathname) => res.setHeader('Cache-Control', cacheControlFor(pathname)),
      })
    : null;
  const router = createRouter(options.routes, options.authorizers);
  const originOf = (req: IncomingMessage) => publicUrl ?? `http://${req.headers.host ?? 'localhost'}`;

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const { pathname } = url;
    if (await router.dispatch(req, res, url, originOf(req))) return;
    if (pathname.startsWith('/api/')) throw new HttpError(404, 'not_found', `No API endpoint ${pathname}.`);
    if (!serveStatic) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('The client is not built. Run `npm run build`, then start the server again.\n');
      return;
    }
    if (indexPage && (req.method === 'GET' || req.method === 'HEAD') && isPagePath(pathname)) {
      return sendPage(req, res, indexPage);
    }
    serveStatic(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return json(res, 400, new HttpError(400, 'bad_url', 'The request URL is not valid.').toJSON());
    }
    try {
      await route(req, res, url);
    } catch (error) {
      if (error instanceof HttpError) {
        for (const [k, v] of Object.entries(error.headers ?? {})) res.setHeader(k, v);
        return json(res, error.status, error.toJSON());
      }
      // A path segment with a malformed percent-encoding names nothing that exists.
      if (error instanceof URIError) return json(res, 404, new HttpError(404, 'not_found', 'Nothing exists at this address.').toJSON());
      if (error instanceof RoomUnavailableError) {
        logger.warn('http.unavailable', { method: req.method, path: url.pathname, error });
        return json(res, 503, new HttpError(503, 'unavailable', 'The board cannot be changed right now; try again.').toJSON());
      }
      logger.error('http.error', { method: req.method, path: url.pathname, error });
      json(res, 500, new HttpError(500, 'internal', 'Something went wrong on the server.').toJSON());
    }
  }

  return {
    handle,
    /** The route pattern of a request, for the access log and the metrics' `route` label (never its path or query). */
    routeOf: (req: IncomingMessage, pathname: string) => router.patternOf(req) ?? routePattern(pathname),
  };
}

/** The app's page: revalidated on every load (a new build or licence key is seen at once). */
function sendPage(req: IncomingMessage, res: ServerResponse, page: { body: Buffer; etag: string }): void {
  const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', ETag: page.etag };
  if (req.headers['if-none-match'] === page.etag) {
    res.writeHead(304, headers);
    return void res.end();
  }
  res.writeHead(200, { ...headers, 'Content-Length': page.body.length });
  res.end(req.method === 'HEAD' ? undefined : page.body);
}
