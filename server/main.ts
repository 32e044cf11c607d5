import { configFromEnv } from './config';
import { createLogger, routeConsoleToLogger, summarizeRepeats } from './log';
import { startServer } from './Server';

const logger = createLogger();
// Libraries print with console.* (tldraw: "Error migrating store"): JSON lines too, repeats summarised.
routeConsoleToLogger(summarizeRepeats(logger, ['console']));

async function main() {
  const config = configFromEnv();
  const server = await startServer(config, logger);
  process.stdout.write(`Boards are served on ${server.url} (data in ${config.dataDir})\n`);
  const stop = (signal: string) => {
    logger.info('server.signal', { signal });
    server.close().then(
      () => process.exit(0),
      (error) => {
        logger.error('server.stop_failed', { error });
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error) => {
  logger.error('server.start_failed', { error });
  process.exit(1);
});
