import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';
import { describeTemplate } from '../../shared/template';
import { isBoardId } from '../../shared/ids';
import { TEMPLATES } from '../../exercises/registry';
import { authorizeBoard, boardLink, createBoard } from '../boards/boards';
import { hashToken, newToken } from '../runtime/tokens';
import { hasRole, type Role } from '../../shared/roles';
import { VOTER_ID_PATTERN, VOTER_KEY_HEADER, VOTER_KEY_PATTERN } from '../../shared/votes';
import { VoteService } from '../votes/VoteService';
import { RoomUnavailableError } from '../relay/Relay';
import type { Logger } from '../runtime/log';
import type { Storage } from '../storage/Storage';
import type { Relay } from '../relay/Relay';
import { boardInput } from '../exports/boardResults';
import { DEFAULT_EXPORT_LIMITS, ExportWorkers } from '../exports/ExportWorkers';
import { exportSchemaText } from '../exports/schema';
import { EXPORT_FORMATS, isExportFormat } from '../../shared/exportDocument';
import { HttpError } from './HttpError';
import { cacheControlFor } from './staticFiles';
import { chargeCreation, DEFAULT_CREATION_LIMIT, RateLimiter, type CreationLimit } from './rateLimit';
import { clientAddress } from '../runtime/clientAddress';
import { BallotBody, CreateBoardBody, InviteBody, parseOr400, StartVoteBody } from './schemas';
import { createCohortRoutes, isCohortPath } from '../cohorts/routes';
import { authorizeCohort } from '../cohorts/auth';
import { SummaryService } from '../dashboard/SummaryService';
import { createDashboardRoutes } from '../dashboard/routes';
import { HistoryService } from '../history/HistoryService';
import { createHistoryRoutes } from '../history/routes';
import { createPartnershipRoutes, isPartnershipPath } from '../partnerships/routes';
import type { Metrics } from '../ops/metrics';
import { isPagePath, loadIndexPage } from './indexHtml';
import { type LinkServices, parseRole, replaceBoardLink } from '../links/rotate';

const MAX_BODY_BYTES = 64 * 1024;

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
  storage: Storage;
  relay: Relay;
  logger: Logger;
  clientDir: string;
  publicUrl?: string;
  /** Board history: the session length after which an unloading board leaves an automatic snapshot. */
  autoSnapshotAfterMs?: number;
  /** Board creations allowed per client address (POST /api/boards and /api/cohorts). */
  creationLimit?: CreationLimit;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
  /** Where results, exports and cohort zips are built (worker threads, off the event loop; default: one worker). */
  exports?: ExportWorkers;
  /** GET /metrics; without it the endpoint answers 404. */
  metrics?: Metrics;
  /** When set, GET /metrics needs `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
  /** The tldraw licence key handed to the browser in the app's page (server/http/indexHtml.ts). */
  tldrawLicenseKey?: string;
  /** True once the server is stopping: /readyz answers 503. */
  isDraining?: () => boolean;
}

/** The HTTP side: JSON API, health check, and the built client with single-page fallback. */
export function createHttpApp(options: HttpAppOptions) {
  const { storage, relay, logger, clientDir, publicUrl, autoSnapshotAfterMs, metrics } = options;
  const exports = options.exports ?? new ExportWorkers(DEFAULT_EXPORT_LIMITS, logger);
  const creationLimit = options.creationLimit ?? DEFAULT_CREATION_LIMIT;
  const trustProxy = options.trustProxy ?? false;
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

  const originOf = (req: IncomingMessage) => publicUrl ?? `http://${req.headers.host ?? 'localhost'}`;
  // Anonymous creation is limited per client address (a cohort counts as its boards).
  const creations = new RateLimiter(creationLimit.burst, creationLimit.perHour);
  const chargeBoards = (req: IncomingMessage, boards: number) => chargeCreation(creations, clientAddress(req, trustProxy), boards);
  const votes = new VoteService(relay, storage, logger);
  const cohorts = createCohortRoutes({ storage, relay, logger, exports, metrics, endCohortStreams: (id) => dashboard.endStreams(id) });
  const links: LinkServices = { storage, relay, logger, metrics };
  // Cohort dashboard (server/dashboard/): live board summaries and the boards' last activity.
  const summaries = new SummaryService({ relay, storage, logger });
  const dashboard = createDashboardRoutes({ summaries, authorize: (id, token) => authorizeCohort(storage, id, token), logger });

  /** The board of `:id` and the role of the request's token: 404 / 401 / 403 (below `required`). */
  async function authorize(rawId: string, url: URL, required: Role) {
    const id = decodeURIComponent(rawId);
    if (!isBoardId(id)) throw new HttpError(404, 'board_not_found', 'This board does not exist.');
    const auth = await authorizeBoard(storage, id, url.searchParams.get('token'));
    if (!hasRole(auth.role, required)) {
      throw new HttpError(403, 'forbidden', `This needs the ${required} link${required === 'facilitator' ? '' : ' or a higher one'}.`);
    }
    return auth;
  }

  // Board history (server/history/): snapshots, the read-only view's state, restore, automatic snapshots.
  const history = new HistoryService(relay, storage, logger, { autoSnapshotAfterMs });
  const historyRoutes = createHistoryRoutes(history, { authorize, readJson, json, allow });
  // Partnerships (server/partnerships/): a partnership's meeting boards, rubric over time and action plan.
  // Replaced links close the sockets opened with the board tokens they derived (relay: LinkReplaced).
  const partnerships = createPartnershipRoutes(
    { storage, relay, summaries, logger, closeTokens: (board, hashes) => relay.closeConnectionsOfTokens(board, hashes) },
    { readJson, json, allow, originOf },
  );

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const { pathname } = url;
    if (pathname === '/healthz') {
      // Alive: the process answers (storage was opened before the server listened).
      return json(res, 200, { ok: true, storage: storage.kind });
    }
    if (pathname === '/readyz') {
      // Ready for traffic: storage answers a query, and the server is not stopping.
      allow(req, ['GET', 'HEAD']);
      if (options.isDraining?.()) return json(res, 503, { ready: false, reason: 'draining' });
      try {
        await storage.ping();
      } catch (error) {
        logger.error('readyz.storage_failed', { error });
        return json(res, 503, { ready: false, reason: 'storage' });
      }
      return json(res, 200, { ready: true, storage: storage.kind });
    }
    if (pathname === '/metrics' && metrics) {
      allow(req, ['GET', 'HEAD']);
      if (options.metricsToken && !bearerMatches(req.headers.authorization, options.metricsToken)) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        throw new HttpError(401, 'invalid_token', 'The metrics need the METRICS_TOKEN as a bearer token.');
      }
      const text = await metrics.text();
      res.writeHead(200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' });
      return void res.end(req.method === 'HEAD' ? undefined : text);
    }
    if (pathname === '/api/time') {
      // The server's clock, for clients to estimate their offset (shared/clock.ts); never cached.
      allow(req, ['GET', 'HEAD']);
      return json(res, 200, { now: Date.now() });
    }
    if (pathname === '/api/templates') {
      allow(req, ['GET', 'HEAD']);
      return json(res, 200, TEMPLATES.map(describeTemplate));
    }
    if (pathname === '/api/boards') {
      allow(req, ['POST']);
      const body = parseOr400(CreateBoardBody, await readJson(req));
      chargeBoards(req, 1);
      const created = await createBoard(storage, body, originOf(req));
      logger.info('board.create', { board: created.id, template: body.template });
      return json(res, 201, created);
    }
    const boardMatch = /^\/api\/boards\/([^/]+)$/.exec(pathname);
    if (boardMatch) {
      allow(req, ['GET', 'HEAD']);
      const id = decodeURIComponent(boardMatch[1]);
      if (!isBoardId(id)) throw new HttpError(404, 'board_not_found', 'This board does not exist.');
      const { board, role } = await authorizeBoard(storage, id, url.searchParams.get('token'));
      return json(res, 200, { ...board, variant: board.variant ?? undefined, role, lastActivity: await summaries.lastActivity(id) });
    }
    const resultsMatch = /^\/api\/boards\/([^/]+)\/results$/.exec(pathname);
    if (resultsMatch) {
      allow(req, ['GET', 'HEAD']);
      const id = decodeURIComponent(resultsMatch[1]);
      if (!isBoardId(id)) throw new HttpError(404, 'board_not_found', 'This board does not exist.');
      const { board } = await authorizeBoard(storage, id, url.searchParams.get('token'));
      // Built on an export worker (exports/exportJobs.ts), so a big board stalls no connection.
      const out = await exports.run({ type: 'results', board: await boardInput(relay, storage, board) });
      if (out.type !== 'json') throw new Error('unexpected export result');
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      return void res.end(req.method === 'HEAD' ? undefined : out.text);
    }
    const inviteMatch = /^\/api\/boards\/([^/]+)\/invites$/.exec(pathname);
    if (inviteMatch) {
      allow(req, ['POST']);
      const { board } = await authorize(inviteMatch[1], url, 'facilitator');
      const body = parseOr400(InviteBody, await readJson(req, { emptyIs: {} }));
      // A co-facilitator's link: a new facilitator token, stored hashed like every other.
      const token = newToken();
      await storage.addToken(board.id, { role: 'facilitator', hash: hashToken(token), label: body.name || null });
      logger.info('board.invite', { board: board.id, role: 'facilitator', named: Boolean(body.name) });
      return json(res, 201, { link: boardLink(originOf(req), board.id, token) });
    }
    const rotateMatch = /^\/api\/boards\/([^/]+)\/links\/([^/]+)\/rotate$/.exec(pathname);
    if (rotateMatch) {
      // "Make a new link" (server/links/rotate.ts): the role's old link is refused from now on.
      allow(req, ['POST']);
      const { board } = await authorize(rotateMatch[1], url, 'facilitator');
      const role = parseRole(decodeURIComponent(rotateMatch[2]));
      return json(res, 200, { link: await replaceBoardLink(links, board.id, role, url.searchParams.get('token')!, originOf(req)) });
    }
    const votesMatch = /^\/api\/boards\/([^/]+)\/votes$/.exec(pathname);
    if (votesMatch) {
      allow(req, ['POST']);
      const { board } = await authorize(votesMatch[1], url, 'facilitator');
      const body = parseOr400(StartVoteBody, await readJson(req));
      return json(res, 201, { round: await votes.start(board, body) });
    }
    const ballotMatch = /^\/api\/boards\/([^/]+)\/votes\/([^/]+)\/ballots\/([^/]+)$/.exec(pathname);
    if (ballotMatch) {
      allow(req, ['GET', 'HEAD', 'PUT']);
      const { board } = await authorize(ballotMatch[1], url, 'editor');
      const roundId = decodeURIComponent(ballotMatch[2]);
      const voterId = decodeURIComponent(ballotMatch[3]);
      if (!VOTER_ID_PATTERN.test(voterId)) {
        throw new HttpError(400, 'invalid_request', 'voterId must be 1 to 64 letters, digits, "-" or "_"', 'voterId');
      }
      // The ballot is the one of the voter key the server issued over this browser's board
      // socket (server/voterKeys.ts): it counts only while a connection to the board holds it.
      const key = req.headers[VOTER_KEY_HEADER];
      if (typeof key !== 'string' || !VOTER_KEY_PATTERN.test(key)) {
        throw new HttpError(400, 'invalid_request', `The ${VOTER_KEY_HEADER} header must be 16 to 128 letters, digits, "-" or "_"`, 'voterKey');
      }
      const ballotId = relay.voterKeys.ballotIdOf(board.id, key);
      if (!ballotId) {
        throw new HttpError(403, 'voter_key_unknown', 'This voting key is not connected to the board: open the board, then vote again.', 'voterKey');
      }
      if (req.method === 'PUT') {
        const body = parseOr400(BallotBody, await readJson(req));
        return json(res, 200, { itemIds: await votes.putBallot(board, roundId, ballotId, body.itemIds) });
      }
      return json(res, 200, { itemIds: await votes.ballot(board, roundId, ballotId) });
    }
    const revealMatch = /^\/api\/boards\/([^/]+)\/votes\/([^/]+)\/reveal$/.exec(pathname);
    if (revealMatch) {
      allow(req, ['POST']);
      const { board } = await authorize(revealMatch[1], url, 'facilitator');
      return json(res, 200, { round: await votes.reveal(board, decodeURIComponent(revealMatch[2])) });
    }
    // Cohort dashboard (server/dashboard/routes.ts): /api/cohorts/:id/summaries and /live (SSE).
    if (pathname.startsWith('/api/cohorts/') && (await dashboard.handle(req, res, url))) return;
    // Trainer cohorts (server/cohorts/routes.ts): /api/cohorts and /api/cohorts/:id/…
    if (isCohortPath(pathname)) {
      return cohorts({
        method: req.method ?? 'GET',
        pathname,
        token: url.searchParams.get('token'),
        origin: originOf(req),
        allow: (methods) => allow(req, methods),
        body: () => readJson(req),
        chargeBoards: (boards) => chargeBoards(req, boards),
        json: (status, body) => json(res, status, body),
        file: (headers, body) => {
          res.writeHead(200, headers);
          res.end(req.method === 'HEAD' ? undefined : body);
        },
      });
    }
    // Board history (server/history/routes.ts): /api/boards/:id/snapshots…
    if (pathname.includes('/snapshots') && (await historyRoutes(req, res, url))) return;
    if (pathname === '/api/export-schema.json') {
      allow(req, ['GET', 'HEAD']);
      res.writeHead(200, { 'Content-Type': 'application/schema+json; charset=utf-8', 'Cache-Control': 'no-cache' });
      return void res.end(req.method === 'HEAD' ? undefined : exportSchemaText());
    }
    const exportMatch = /^\/api\/boards\/([^/]+)\/export$/.exec(pathname);
    if (exportMatch) {
      allow(req, ['GET', 'HEAD']);
      const id = decodeURIComponent(exportMatch[1]);
      if (!isBoardId(id)) throw new HttpError(404, 'board_not_found', 'This board does not exist.');
      const { board } = await authorizeBoard(storage, id, url.searchParams.get('token'));
      const format = url.searchParams.get('format');
      if (!isExportFormat(format)) {
        const got = format === null ? 'it is missing' : `got "${format.slice(0, 40)}"`;
        throw new HttpError(400, 'invalid_format', `format must be one of ${EXPORT_FORMATS.join(', ')}; ${got}`, 'format');
      }
      const build = async () => {
        const job = await exports.run({ type: 'export', board: await boardInput(relay, storage, board), format, now: Date.now() });
        if (job.type !== 'rendered') throw new Error('unexpected export result');
        return job.rendered;
      };
      const out = metrics ? await metrics.timeExport(format, build) : await build();
      const headers: Record<string, string> = {
        'Content-Type': out.contentType,
        'Content-Disposition': `${out.disposition}; filename="${out.filename}"`,
        'Cache-Control': 'no-store',
      };
      if (out.csp) headers['Content-Security-Policy'] = out.csp;
      res.writeHead(200, headers);
      return void res.end(req.method === 'HEAD' ? undefined : out.body);
    }
    if (isPartnershipPath(pathname)) return partnerships.handle(req, res, url);
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

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
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

/** Compares an Authorization header with `Bearer <expected>` in constant time. */
function bearerMatches(header: string | undefined, expected: string): boolean {
  const given = Buffer.from(/^Bearer\s+(.+)$/i.exec(header ?? '')?.[1] ?? '', 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

function allow(req: IncomingMessage, methods: string[]): void {
  if (!methods.includes(req.method ?? 'GET')) {
    throw new HttpError(405, 'method_not_allowed', `Use ${methods.join(' or ')} on this endpoint.`);
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** The JSON body; `emptyIs` is the value of a request without a body (otherwise it must be JSON). */
async function readJson(req: IncomingMessage, options: { emptyIs?: unknown } = {}): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (options.emptyIs !== undefined && !type && (req.headers['content-length'] ?? '0') === '0' && !req.headers['transfer-encoding']) {
    return options.emptyIs;
  }
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'body_too_large', `The body must be at most ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON.');
  }
}
