import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { isBoardId } from '../shared/ids';
import type { ServerConfig } from './config';
import { authorizeBoard } from './boards/boardLinks';
import { boardRoutes } from './boards/routes';
import { authorizeCohort } from './cohorts/auth';
import { cohortRoutes } from './cohorts/routes';
import { createDashboardRoutes } from './dashboard/routes';
import { SummaryService } from './dashboard/SummaryService';
import { DEFAULT_EXPORT_LIMITS, ExportWorkers } from './exports/ExportWorkers';
import { exportRoutes } from './exports/routes';
import { HistoryService } from './history/HistoryService';
import { historyRoutes } from './history/routes';
import { createHttpApp } from './http/HttpApp';
import { HttpError } from './http/HttpError';
import { chargeCreation, type CreationLimit, DEFAULT_CREATION_LIMIT, RateLimiter } from './http/rateLimit';
import type { AnyRoute, Authorizers } from './http/router';
import { linkRoutes } from './links/routes';
import { Metrics } from './ops/metrics';
import { opsRoutes } from './ops/routes';
import { authorizePartnership } from './partnerships/partnerships';
import { createPartnershipRoutes } from './partnerships/routes';
import { Relay } from './sync/Relay';
import type { RoomExtension } from './sync/Room';
import { controlGuardExtension } from './sync/ControlGuard';
import { lockGuardExtension } from './sync/LockGuard';
import { participantsExtension } from './participants/ParticipantRecorder';
import { clientAddress } from './runtime/clientAddress';
import { summarizeRepeats, type Logger } from './runtime/log';
import { openPostgresStorage, openSqliteStorage } from './migrations';
import type { Storage } from './storage/Storage';
import { PostgresStorage } from './storage/PostgresStorage';
import type { EventBus } from './events/EventBus';
import { LocalEventBus } from './events/LocalEventBus';
import { PostgresEventBus } from './events/PostgresEventBus';
import { tokensReplaced, trainerLinkReplaced } from './links/linkEvents';
import { type BoardPlacement, ONE_NODE } from './sync/boardPlacement';
import { RemoteBroadcasts } from './cohorts/remoteBroadcast';
import { voteRoutes } from './votes/routes';
import { ClusterNode, leaseTimings } from './cluster/ClusterNode';
import { clusterKey } from './cluster/forwarding';
import { clusterRouting } from './cluster/routing';
import { PostgresLeases } from './cluster/Leases';
import { VoteService } from './votes/VoteService';

/** Relay log events a client can trigger as often as it likes (written as summaries when repeated). */
export const CLIENT_CAUSED_EVENTS = [
  'conn.malformed',
  'conn.refused',
  'conn.error',
  'board.write_refused',
  'board.lock_refused',
  'control.write_refused',
  'presence.dropped',
  'voter_key.refused',
] as const;

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  readonly relay: Relay;
  readonly storage: Storage;
  readonly metrics: Metrics;
  /** Distributed mode (PostgreSQL): this node, its id and the leases of the boards it serves. */
  readonly cluster?: ClusterNode;
  /** What this node tells the other nodes and hears from them (no other node on SQLite). */
  readonly events: EventBus;
  /** True from the start of close(): /readyz answers 503 and new WebSockets are refused. */
  readonly draining: boolean;
  /** Closes connections (clients reconnect elsewhere or later), flushes every board, closes storage. */
  close(): Promise<void>;
}

/** How often the SQLite store's own thread checkpoints the write-ahead log (SqliteStorage). */
const WAL_CHECKPOINT_EVERY_MS = 250;

export async function openStorage(config: ServerConfig, logger?: Logger): Promise<Storage> {
  if (config.databaseUrl) {
    return openPostgresStorage(config.databaseUrl, {
      onIdleError: (error) => logger?.warn('postgres.connection_lost', { error: error.message }),
      onBackgroundProblem: (message) => logger?.warn('storage.background_problem', { message }),
    });
  }
  return openSqliteStorage(path.join(config.dataDir, 'boards.sqlite'), {
    synchronous: config.sqliteSynchronous,
    checkpointEveryMs: WAL_CHECKPOINT_EVERY_MS,
    onBackgroundProblem: (message) => logger?.warn('storage.background_problem', { message }),
  });
}

/**
 * The event bus that goes with the store: PostgreSQL LISTEN/NOTIFY on the PostgreSQL store
 * (several nodes share it), the in-process bus (nobody else to tell) on SQLite and in memory.
 */
export async function openEventBus(storage: Storage, logger: Logger): Promise<EventBus> {
  if (!(storage instanceof PostgresStorage)) return new LocalEventBus(logger);
  const bus = new PostgresEventBus({ pool: storage.pool, connection: storage.pool.options, logger });
  // The store answered a moment ago, so this is quick; should it not be, the node starts anyway
  // and the bus keeps trying (its consumers resync once it listens).
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), 10_000)));
  if ((await Promise.race([bus.ready(), late])) === 'late') logger.warn('events.not_listening_yet', {});
  clearTimeout(timer);
  return bus;
}

/** What the features are built on, and the settings of the HTTP side. */
export interface AppOptions {
  storage: Storage;
  relay: Relay;
  /** Events to and from the other nodes (default: none, one node). */
  events?: EventBus;
  /** Which node owns each board (default: this one, every board). */
  placement?: BoardPlacement;
  logger: Logger;
  /** Where the room extensions (guards, participants' record) log; default: logger. */
  relayLogger?: Logger;
  clientDir: string;
  publicUrl?: string;
  /** Where results, exports and cohort zips are built (worker threads; default: built here, one worker). */
  exports?: ExportWorkers;
  /** GET /metrics and the request metrics; without it /metrics does not exist. */
  metrics?: Metrics;
  /** When set, GET /metrics needs `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
  /** Board history: the session length after which an unloading board leaves an automatic snapshot. */
  autoSnapshotAfterMs?: number;
  /** Board creations allowed per client address (POST /api/boards and /api/cohorts). */
  creationLimit?: CreationLimit;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
  /** The tldraw licence key handed to the browser in the app's page. */
  tldrawLicenseKey?: string;
  /** True once the server is stopping: /readyz answers 503. */
  isDraining?: () => boolean;
}

export interface App {
  /** Answers one HTTP request. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  /** The route pattern of a request (its route's, for the access log and metrics; never its path or query). */
  routeOf(req: http.IncomingMessage, pathname: string): string;
  /** Takes its room extensions off the relay and stops every service built here (after the relay has unloaded its rooms: their hooks ran). */
  close(): Promise<void>;
}

/**
 * The composition root: builds every feature's service over the relay and the store, hands the
 * relay every room extension and the HTTP app the routes of each feature folder, and takes them
 * off and closes the services again. A new feature
 * is its folder plus its line(s) here.
 */
export function createApp(options: AppOptions): App {
  const { storage, relay, logger, metrics } = options;
  const events = options.events ?? new LocalEventBus(logger);
  if (metrics) metrics.watchRelay(relay);
  const exports = options.exports ?? new ExportWorkers(DEFAULT_EXPORT_LIMITS, logger);
  // Anonymous creation is limited per client address (a cohort counts as its boards).
  const creationLimit = options.creationLimit ?? DEFAULT_CREATION_LIMIT;
  const creations = new RateLimiter(creationLimit.burst, creationLimit.perHour);
  const chargeBoards = (req: http.IncomingMessage, boards: number) => chargeCreation(creations, clientAddress(req, options.trustProxy ?? false), boards);

  // Cohort dashboard: live board summaries and the boards' last activity.
  const summaries = new SummaryService({ relay, storage, logger, events });
  const dashboard = createDashboardRoutes({ summaries, logger });
  // Board history: snapshots, the read-only view's state, restore, automatic snapshots.
  const history = new HistoryService(relay, storage, logger, { autoSnapshotAfterMs: options.autoSnapshotAfterMs });
  const votes = new VoteService(relay, storage, logger);
  // Partnerships: a partnership's meeting boards, rubric over time and action plan. Replaced
  // links close the sockets opened with the board tokens they derived (relay: LinkReplaced).
  // Replaced tokens close their sockets here and on the node serving the board; a replaced
  // trainer link ends that cohort's dashboard streams on every node.
  const announceTokens = (board: string, hashes: string[]) => events.publish(tokensReplaced, { boardId: board, hashes });
  const closeTokens = (board: string, hashes: string[]) => {
    relay.closeConnectionsOfTokens(board, hashes);
    announceTokens(board, hashes);
  };
  const endCohortStreams = (id: string) => {
    dashboard.endStreams(id);
    events.publish(trainerLinkReplaced, { cohortId: id });
  };
  const detachEvents = [
    events.subscribe(tokensReplaced, (e) => relay.closeConnectionsOfTokens(e.boardId, e.hashes)),
    events.subscribe(trainerLinkReplaced, (e) => dashboard.endStreams(e.cohortId)),
  ];
  const partnerships = createPartnershipRoutes({ storage, relay, summaries, logger, exports, events, closeTokens });
  // A cohort broadcast's boards that other nodes own are written by those nodes.
  const remoteBroadcasts = new RemoteBroadcasts(events, options.placement ?? ONE_NODE, relay, logger);

  // What every room does besides syncing, in this order: the guards undo what a link may not do
  // before anything else sees a write; then the participants' record, the metrics, the
  // dashboard, board history and the partnership pages. Features never register themselves.
  const relayLogger = options.relayLogger ?? logger;
  const roomExtensions: RoomExtension[] = [
    lockGuardExtension(relayLogger),
    controlGuardExtension(relayLogger),
    participantsExtension(storage, relayLogger),
    ...(metrics ? [metrics.roomExtension] : []),
    summaries.roomExtension,
    history.roomExtension,
    partnerships.roomExtension,
  ];
  const detachExtensions = roomExtensions.map((extension) => relay.extend(extension));

  const routes: AnyRoute[] = [
    ...opsRoutes({ storage, logger, metrics, metricsToken: options.metricsToken, isDraining: options.isDraining }),
    ...boardRoutes({ storage, logger, chargeBoards, lastActivity: (id) => summaries.lastActivity(id) }),
    ...voteRoutes(votes, relay.voterKeys),
    ...exportRoutes({ relay, storage, exports, metrics }),
    ...historyRoutes(history),
    ...linkRoutes({ storage, relay, logger, metrics, endCohortStreams, tokensReplaced: announceTokens }),
    ...cohortRoutes({ storage, relay, logger, exports, metrics, chargeBoards, remoteBroadcasts }),
    ...dashboard.routes,
    ...partnerships.routes,
  ];
  const authorizers: Authorizers = {
    board: (id, token) => {
      if (!isBoardId(id)) throw new HttpError(404, 'board_not_found', 'This board does not exist.');
      return authorizeBoard(storage, id, token);
    },
    cohort: (id, token) => authorizeCohort(storage, id, token),
    partnership: (id, token) => authorizePartnership(storage, id, token),
  };
  const app = createHttpApp({ routes, authorizers, logger, clientDir: options.clientDir, publicUrl: options.publicUrl, tldrawLicenseKey: options.tldrawLicenseKey });
  return {
    handle: app.handle,
    routeOf: app.routeOf,
    async close() {
      for (const detach of detachExtensions) detach();
      for (const detach of detachEvents) detach();
      remoteBroadcasts.close();
      partnerships.close();
      await summaries.close();
      if (!options.exports) await exports.close();
    },
  };
}

/** What a node is given besides its configuration: which node owns each board (distributed mode). */
export interface NodeOptions {
  placement?: BoardPlacement;
}

/** Starts HTTP and WebSocket on one port. */
export async function startServer(config: ServerConfig, logger: Logger, given?: Storage, node: NodeOptions = {}): Promise<RunningServer> {
  const storage = given ?? (await openStorage(config, logger));
  const events = await openEventBus(storage, logger);
  const metrics = new Metrics();
  // Events a client can cause at will are summarised per interval, so no connection floods the log.
  const relayLogger = summarizeRepeats(logger, CLIENT_CAUSED_EVENTS);
  // Distributed mode: one owner node per board, by lease (server/cluster/CONTEXT.md).
  let nodeUrl = config.nodeUrl ?? '';
  const cluster =
    storage.kind === 'postgres'
      ? new ClusterNode(new PostgresLeases((storage as PostgresStorage).pool), () => nodeUrl, logger, leaseTimings(config.leases))
      : undefined;
  const key = cluster ? clusterKey(config.clusterSecret, config.databaseUrl ?? '') : null;
  // The relay's room extensions (guards, participants, metrics, features) are handed in by createApp.
  const relay = new Relay(metrics.meterStorage(storage), config.limits, relayLogger, {
    trustProxy: config.trustProxy,
    voterKeyCaps: config.voterKeyCaps,
    ownership: cluster,
  });
  // Results, exports and cohort zips are built on worker threads, never on the event loop; what
  // libraries print there comes back as 'console' events, summarised like the relay's.
  const exportLogger = summarizeRepeats(logger, ['console']);
  const exports = new ExportWorkers(config.exportLimits ?? DEFAULT_EXPORT_LIMITS, exportLogger);
  let draining = false;
  const app = createApp({
    exports,
    storage,
    events,
    // Which node writes a board that a cohort broadcast reaches: its lease holder (cluster/).
    placement: node.placement ?? cluster,
    relay,
    logger,
    relayLogger,
    metrics,
    clientDir: config.clientDir,
    publicUrl: config.publicUrl,
    autoSnapshotAfterMs: config.autoSnapshotAfterMs,
    creationLimit: config.creationLimit,
    trustProxy: config.trustProxy,
    tldrawLicenseKey: config.tldrawLicenseKey,
    metricsToken: config.metricsToken,
    isDraining: () => draining,
  });
  // The access log and the request metrics: one line per request with its route pattern, never
  // its path or query string (links carry tokens). Probes and scrapes are logged at debug level.
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = performance.now();
    res.once('close', () => {
      const pathname = pathOf(req.url);
      const route = app.routeOf(req, pathname);
      const ms = performance.now() - started;
      // A response cut off before it was complete (client gone) is counted as 499, as nginx does.
      const status = res.writableFinished ? res.statusCode : 499;
      metrics.observeRequest(req.method ?? 'GET', route, status, ms / 1000);
      const level = route === '/healthz' || route === '/readyz' || route === '/metrics' ? 'debug' : 'info';
      logger.log(level, 'http.request', { method: req.method, route, status, ms: Math.round(ms) });
    });
    if (cluster && key) void routeRequest(cluster, key, req, res);
    else void app.handle(req, res);
  };
  const { routeRequest, routeUpgrade } = clusterRouting({ cluster, key, app, relay, logger, trustProxy: config.trustProxy ?? false, isDraining: () => draining });
  // A client that has not sent its (upgrade) request headers by the pre-auth deadline is dropped;
  // the token is checked as soon as they arrive.
  const server = http.createServer(
    {
      headersTimeout: config.limits.preAuthDeadlineMs,
      requestTimeout: Math.max(config.limits.preAuthDeadlineMs, 30_000),
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(config.limits.preAuthDeadlineMs / 4))),
    },
    handle,
  );
  server.on('upgrade', (req, socket, head) =>
    routeUpgrade(req, socket, head).catch((error) => {
      // Never let one bad upgrade take the process down.
      logger.error('conn.upgrade_failed', { error });
      socket.destroy();
    }),
  );
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${port}`;
  nodeUrl ||= `http://${shownHost === 'localhost' ? '127.0.0.1' : shownHost}:${port}`;
  logger.info('server.start', { url, storage: storage.kind, ...(cluster ? { node: cluster.nodeId, nodeUrl } : {}) });
  // Other machines cannot reach a node by 127.0.0.1: the distributed mode needs NODE_URL there.
  if (cluster && !config.nodeUrl) logger.warn('cluster.node_url_unset', { nodeUrl, hint: 'set NODE_URL to the address other nodes reach this one at' });
  let closing: Promise<void> | null = null;
  return {
    port,
    url,
    relay,
    storage,
    metrics,
    cluster,
    events,
    get draining() {
      return draining;
    },
    close: () =>
      (closing ??= (async () => {
        draining = true;
        server.close();
        await relay.close();
        await app.close();
        await events.close();
        await exports.close();
        // Every room is unloaded: its lease is given up, so another node serves the board at once.
        await cluster?.close();
        relayLogger.flush();
        exportLogger.flush();
        server.closeAllConnections();
        await storage.close();
        logger.info('server.stop', {});
      })()),
  };
}


/** The path of a request target, without its query string; '/' when it cannot be read. */
function pathOf(target: string | undefined): string {
  const raw = (target ?? '/').split('?', 1)[0];
  return raw.startsWith('/') ? raw : '/';
}
