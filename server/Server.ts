import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config';
import { createHttpApp } from './http/HttpApp';
import { DEFAULT_EXPORT_LIMITS, ExportWorkers } from './exports/ExportWorkers';
import { summarizeRepeats, type Logger } from './runtime/log';
import { Relay } from './relay/Relay';
import type { Storage } from './storage/Storage';
import { SqliteStorage } from './storage/SqliteStorage';
import { Metrics } from './ops/metrics';
import { routePattern } from './ops/routePattern';

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
  /** True from the start of close(): /readyz answers 503 and new WebSockets are refused. */
  readonly draining: boolean;
  /** Closes connections (clients reconnect elsewhere or later), flushes every board, closes storage. */
  close(): Promise<void>;
}

export function openStorage(config: ServerConfig): Storage {
  return new SqliteStorage(path.join(config.dataDir, 'boards.sqlite'), { synchronous: config.sqliteSynchronous });
}

/** Starts HTTP and WebSocket on one port. */
export async function startServer(config: ServerConfig, logger: Logger, storage: Storage = openStorage(config)): Promise<RunningServer> {
  const metrics = new Metrics();
  // Events a client can cause at will are summarised per interval, so no connection floods the log.
  const relayLogger = summarizeRepeats(logger, CLIENT_CAUSED_EVENTS);
  const relay = new Relay(metrics.meterStorage(storage), config.limits, relayLogger, { trustProxy: config.trustProxy, voterKeyCaps: config.voterKeyCaps });
  metrics.watchRelay(relay);
  // Results, exports and cohort zips are built on worker threads, never on the event loop; what
  // libraries print there comes back as 'console' events, summarised like the relay's.
  const exportLogger = summarizeRepeats(logger, ['console']);
  const exports = new ExportWorkers(config.exportLimits ?? DEFAULT_EXPORT_LIMITS, exportLogger);
  let draining = false;
  const app = createHttpApp({
    exports,
    storage,
    relay,
    logger,
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
      const route = routePattern(pathname);
      const ms = performance.now() - started;
      // A response cut off before it was complete (client gone) is counted as 499, as nginx does.
      const status = res.writableFinished ? res.statusCode : 499;
      metrics.observeRequest(req.method ?? 'GET', route, status, ms / 1000);
      const level = route === '/healthz' || route === '/readyz' || route === '/metrics' ? 'debug' : 'info';
      logger.log(level, 'http.request', { method: req.method, route, status, ms: Math.round(ms) });
    });
    void app(req, res);
  };
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
    relay.handleUpgrade(req, socket, head).catch((error) => {
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
  logger.info('server.start', { url, storage: storage.kind });
  let closing: Promise<void> | null = null;
  return {
    port,
    url,
    relay,
    storage,
    metrics,
    get draining() {
      return draining;
    },
    close: () =>
      (closing ??= (async () => {
        draining = true;
        server.close();
        await relay.close();
        await exports.close();
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
