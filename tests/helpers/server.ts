import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ServerConfig } from '../../server/config';
import { DEFAULT_LIMITS, type RelayLimits } from '../../server/sync/relayLimits';
import { createLogger, silentLogger, type Logger } from '../../server/runtime/log';
import { startServer, type RunningServer } from '../../server/Server';
import { MemoryStorage } from '../../server/storage/MemoryStorage';
import { openSqliteStorage } from '../../server/migrations';
import type { SqliteStorage } from '../../server/storage/SqliteStorage';
import type { Storage } from '../../server/storage/Storage';
import type { BoardPlacement } from '../../server/sync/boardPlacement';

// The composition root as tests reach it: feature folders' tests import it from here, so no
// feature folder imports the server root (which imports every feature).
export { createApp, startServer, type RunningServer } from '../../server/Server';
export type { ServerConfig } from '../../server/config';
export { MIGRATIONS, openPostgresStorage, openSqliteStorage, SCHEMA_VERSION } from '../../server/migrations';

export interface TestServerOptions {
  storage?: Storage;
  limits?: Partial<RelayLimits>;
  logger?: Logger;
  port?: number;
  /** Other settings (creation limits, trusting a proxy, …). */
  config?: Partial<ServerConfig>;
  /** Which node owns each board (several nodes on one PostgreSQL database). */
  placement?: BoardPlacement;
}

/** Starts the real server on a free port (or the given one) with test-friendly limits. */
export async function startTestServer(options: TestServerOptions = {}): Promise<RunningServer> {
  const config: ServerConfig = {
    port: options.port ?? 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    clientDir: '/nonexistent',
    sqliteSynchronous: 'NORMAL',
    limits: { ...DEFAULT_LIMITS, unloadGraceMs: 50, ...options.limits },
    ...options.config,
  };
  return startServer(config, options.logger ?? silentLogger, options.storage ?? new MemoryStorage(), { placement: options.placement });
}

export function tempDir(prefix = 'boards-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function sqliteIn(dir: string): SqliteStorage {
  return sqliteAt(path.join(dir, 'boards.sqlite'));
}

/** The server's SQLite store (every table, as the server opens it) in this file. */
export function sqliteAt(file: string): SqliteStorage {
  return openSqliteStorage(file);
}

/** A logger that keeps its lines, to assert on what was logged. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger((l) => lines.push(l), 'debug'), lines };
}

export interface TestBoard {
  id: string;
  tokens: { facilitator: string; editor: string; viewer: string };
  links: { facilitator: string; editor: string; viewer: string };
}

export async function createTestBoard(server: RunningServer, body: Record<string, unknown> = {}): Promise<TestBoard> {
  const res = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: 'blank', title: 'Test board', region: 'Lake County', sector: 'Healthcare', ...body }),
  });
  if (res.status !== 201) throw new Error(`board creation failed: ${res.status} ${await res.text()}`);
  const json = (await res.json()) as { id: string; links: TestBoard['links'] };
  const token = (link: string) => new URL(link).searchParams.get('token')!;
  return {
    id: json.id,
    links: json.links,
    tokens: { facilitator: token(json.links.facilitator), editor: token(json.links.editor), viewer: token(json.links.viewer) },
  };
}
