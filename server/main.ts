import path from 'node:path';
import { ConfigError, configFromEnv, DEFAULT_SHUTDOWN_TIMEOUT_MS, prepareDataDir, type ServerConfig } from './config';
import { createLogger, routeConsoleToLogger, summarizeRepeats } from './runtime/log';
import { openStorage, startServer, type RunningServer } from './Server';
import type { Storage } from './storage/Storage';

/** Exit status of a start refused for its configuration (sysexits' EX_CONFIG; the systemd unit does not restart on it). */
export const EXIT_CONFIG = 78;

/** Stops the start with one clear line on stderr. */
function refuse(message: string, status: number): never {
  process.stderr.write(`Cannot start: ${message}\n`);
  process.exit(status);
}

async function main() {
  let config: ServerConfig;
  try {
    config = configFromEnv();
    prepareDataDir(config.dataDir);
  } catch (error) {
    if (error instanceof ConfigError) refuse(error.message, EXIT_CONFIG);
    throw error;
  }
  const logger = createLogger(undefined, config.logLevel);
  // Libraries print with console.* (tldraw: "Error migrating store"): JSON lines too, repeats summarised.
  routeConsoleToLogger(summarizeRepeats(logger, ['console']));
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    logger.warn('node.unsupported', { node: process.versions.node, supported: '22.12 or later (22 and 24 LTS)' });
  }

  let storage: Storage;
  // Never the URL itself: it may hold a password.
  const where = config.databaseUrl ? 'the PostgreSQL database of DATABASE_URL' : path.join(config.dataDir, 'boards.sqlite');
  try {
    storage = await openStorage(config, logger);
  } catch (error) {
    // A store of a newer version (refused by the migration), a file that is not a database,
    // a database that cannot be reached, …
    refuse(`the store ${where} cannot be opened: ${(error as Error).message}`, EXIT_CONFIG);
  }

  let server: RunningServer;
  try {
    server = await startServer(config, logger, storage);
  } catch (error) {
    await storage.close();
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${config.host}:${config.port}`;
    if (code === 'EADDRINUSE') refuse(`${where} is already in use (another server on PORT ${config.port}?)`, EXIT_CONFIG);
    if (code === 'EACCES') refuse(`not allowed to listen on ${where} (ports below 1024 need privileges; use a higher PORT behind a proxy)`, EXIT_CONFIG);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') refuse(`HOST "${config.host}" is not an address of this machine`, EXIT_CONFIG);
    throw error;
  }
  process.stdout.write(`Boards are served on ${server.url} (data in ${config.databaseUrl ? 'PostgreSQL' : config.dataDir})\n`);

  // Graceful stop: refuse new work, close every connection (clients reconnect later), store and
  // unload every board, close the store. Past SHUTDOWN_TIMEOUT_MS, or on a second signal, the
  // process exits anyway: every acknowledged change is already on disk, and clients keep and
  // resend what was not acknowledged.
  const timeoutMs = config.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn('server.stop_forced', { signal });
      process.exit(1);
    }
    stopping = true;
    logger.info('server.signal', { signal, timeoutMs });
    const timer = setTimeout(() => {
      logger.error('server.stop_timeout', { timeoutMs });
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    server.close().then(
      () => process.exit(0),
      (error) => {
        logger.error('server.stop_failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(`Cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
