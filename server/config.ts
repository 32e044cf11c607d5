import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CREATION_LIMIT, type CreationLimit } from './http/rateLimit';
import { DEFAULT_VOTER_KEY_CAPS } from './sync/voterKeys';
import { DEFAULT_EXPORT_LIMITS, type ExportLimits } from './exports/ExportWorkers';
import type { VoterKeyCaps } from './sync/voterKeyStore';
import type { LogLevel } from './runtime/log';
import { DEFAULT_LIMITS, type RelayLimits } from './sync/relayLimits';

/** Every tunable of the server, with its default. Read once from the environment at start. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Directory of the built client (index.html and assets). */
  clientDir: string;
  /** Public origin used in links; defaults to the request's own Host. */
  publicUrl?: string;
  sqliteSynchronous: 'NORMAL' | 'FULL';
  limits: RelayLimits;
  /**
   * Board history: a board that people wrote to for at least this long (ms, from the first write
   * since it was loaded) leaves an automatic snapshot when it unloads. AUTO_SNAPSHOT_AFTER_MINUTES,
   * default 30 minutes (server/history/HistoryService.ts).
   */
  autoSnapshotAfterMs?: number;
  /**
   * Board creations per client address: CREATE_BOARDS_BURST at once (default 60), refilled at
   * CREATE_BOARDS_PER_HOUR (default 120); a cohort counts as its teams (server/http/rateLimit.ts).
   */
  creationLimit?: CreationLimit;
  /** TRUST_PROXY=1: the client address is the last one of X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
  /**
   * Voter keys a board issues at most per link (VOTER_KEYS_PER_LINK, default 150) and per client
   * address (VOTER_KEYS_PER_ADDRESS, default 60): how many ballots one link or one network can
   * cast in a vote (server/voterKeys.ts).
   */
  voterKeyCaps?: VoterKeyCaps;
  /**
   * Results, exports and cohort zips run on EXPORT_WORKERS worker threads (default 1), each job
   * stopped after EXPORT_TIMEOUT_SECONDS (default 120), at most EXPORT_QUEUE jobs waiting
   * (default 20; beyond, 503 with Retry-After) (server/exports/ExportWorkers.ts).
   */
  exportLimits?: ExportLimits;
  /** LOG_LEVEL: the least severe level written (default info). */
  logLevel?: LogLevel;
  /** SHUTDOWN_TIMEOUT_MS: how long a graceful stop may take before the process exits anyway. */
  shutdownTimeoutMs?: number;
  /** TLDRAW_LICENSE_KEY: handed to the browser at run time (server/http/indexHtml.ts). */
  tldrawLicenseKey?: string;
  /** METRICS_TOKEN: when set, GET /metrics needs `Authorization: Bearer <it>`. */
  metricsToken?: string;
  /**
   * DATABASE_URL (postgres://…): every table in this PostgreSQL database instead of the SQLite
   * file in DATA_DIR; several nodes may share it (the distributed mode). Never logged: it may
   * hold a password.
   */
  databaseUrl?: string;
  /** NODE_URL: this node's address as the other nodes reach it (distributed mode; default http://HOST:PORT). */
  nodeUrl?: string;
  /**
   * CLUSTER_SECRET: the key nodes sign the client address of a request they pass on with
   * (server/cluster/forwarding.ts); default derived from DATABASE_URL. Never logged.
   */
  clusterSecret?: string;
  /**
   * Board leases (distributed mode): LEASE_TTL_MS (default 10000) and LEASE_RENEW_MS (default
   * 3000); a dead node's boards are served elsewhere after at most the TTL.
   */
  leases?: { ttlMs: number; renewEveryMs: number };
}

/** A setting that makes no sense: the server does not start, and says why in one line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? '(0 or more)' : `from 0 to ${max}`;
    throw new ConfigError(`${name} must be a whole number ${range}, got "${raw}"`);
  }
  return n;
}

/** PUBLIC_URL: an http(s) origin, e.g. https://boards.example.org (a trailing slash is dropped). */
function publicUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an address like https://boards.example.org, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`PUBLIC_URL must start with https:// or http://, got "${raw}"`);
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(`PUBLIC_URL must be an origin without a path (the app is served at the root of its host), got "${raw}"`);
  }
  return url.origin;
}

function logLevel(raw: string | undefined): LogLevel {
  const level = (raw || 'info').toLowerCase();
  if (!(LOG_LEVELS as string[]).includes(level)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return level as LogLevel;
}

/** DATA_DIR as an absolute path (default ./data from the working directory). */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(process.cwd(), env.DATA_DIR || 'data');
}

/** DATABASE_URL: a postgres:// or postgresql:// URL, or nothing (the embedded SQLite store). */
function databaseUrl(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigError('DATABASE_URL must be a URL like postgres://user:password@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  return value.trim();
}

/** NODE_URL: an http(s) origin the other nodes can reach. */
function nodeUrl(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigError(`NODE_URL must be a URL like http://10.0.0.5:8080, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`NODE_URL must be http:// or https://, got "${value}"`);
  return url.origin;
}

/** LEASE_TTL_MS and LEASE_RENEW_MS: a lease must be renewed at least three times within its TTL. */
function leaseTimings(env: NodeJS.ProcessEnv): { ttlMs: number; renewEveryMs: number } {
  const ttlMs = int(env, 'LEASE_TTL_MS', 10_000);
  const renewEveryMs = int(env, 'LEASE_RENEW_MS', 3_000);
  if (ttlMs < 1000) throw new ConfigError(`LEASE_TTL_MS must be at least 1000, got "${env.LEASE_TTL_MS}"`);
  if (renewEveryMs < 100 || renewEveryMs * 3 > ttlMs) {
    throw new ConfigError(`LEASE_RENEW_MS must be from 100 to a third of LEASE_TTL_MS (${Math.floor(ttlMs / 3)}), got "${env.LEASE_RENEW_MS}"`);
  }
  return { ttlMs, renewEveryMs };
}

/** Reads every setting from the environment; throws ConfigError naming the first bad one. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const root = process.cwd();
  const sync = (env.SQLITE_SYNCHRONOUS ?? 'NORMAL').toUpperCase();
  if (sync !== 'NORMAL' && sync !== 'FULL') throw new ConfigError(`SQLITE_SYNCHRONOUS must be NORMAL or FULL, got "${env.SQLITE_SYNCHRONOUS}"`);
  return {
    port: int(env, 'PORT', 8080, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: dataDirFromEnv(env),
    clientDir: path.resolve(root, env.CLIENT_DIR || 'dist/client'),
    publicUrl: publicUrl(env.PUBLIC_URL),
    sqliteSynchronous: sync,
    autoSnapshotAfterMs: int(env, 'AUTO_SNAPSHOT_AFTER_MINUTES', 30) * 60_000,
    creationLimit: {
      burst: int(env, 'CREATE_BOARDS_BURST', DEFAULT_CREATION_LIMIT.burst),
      perHour: int(env, 'CREATE_BOARDS_PER_HOUR', DEFAULT_CREATION_LIMIT.perHour),
    },
    trustProxy: ['1', 'true', 'yes'].includes((env.TRUST_PROXY ?? '').toLowerCase()),
    voterKeyCaps: {
      perLink: int(env, 'VOTER_KEYS_PER_LINK', DEFAULT_VOTER_KEY_CAPS.perLink),
      perAddress: int(env, 'VOTER_KEYS_PER_ADDRESS', DEFAULT_VOTER_KEY_CAPS.perAddress),
    },
    exportLimits: {
      workers: Math.max(1, int(env, 'EXPORT_WORKERS', DEFAULT_EXPORT_LIMITS.workers)),
      timeoutMs: Math.max(1, int(env, 'EXPORT_TIMEOUT_SECONDS', DEFAULT_EXPORT_LIMITS.timeoutMs / 1000)) * 1000,
      maxQueued: int(env, 'EXPORT_QUEUE', DEFAULT_EXPORT_LIMITS.maxQueued),
    },
    logLevel: logLevel(env.LOG_LEVEL),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', DEFAULT_SHUTDOWN_TIMEOUT_MS),
    tldrawLicenseKey: env.TLDRAW_LICENSE_KEY?.trim() || undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
    databaseUrl: databaseUrl(env.DATABASE_URL),
    nodeUrl: nodeUrl(env.NODE_URL),
    clusterSecret: env.CLUSTER_SECRET || undefined,
    leases: leaseTimings(env),
    limits: {
      maxPayloadBytes: int(env, 'MAX_PAYLOAD_BYTES', DEFAULT_LIMITS.maxPayloadBytes),
      messagesPerSecond: int(env, 'MAX_MESSAGES_PER_SECOND', DEFAULT_LIMITS.messagesPerSecond),
      messageBurst: int(env, 'MAX_MESSAGE_BURST', DEFAULT_LIMITS.messageBurst),
      preAuthDeadlineMs: int(env, 'PRE_AUTH_DEADLINE_MS', DEFAULT_LIMITS.preAuthDeadlineMs),
      maxBufferedBytes: int(env, 'MAX_BUFFERED_BYTES', DEFAULT_LIMITS.maxBufferedBytes),
      pingIntervalMs: int(env, 'PING_INTERVAL_MS', DEFAULT_LIMITS.pingIntervalMs),
      unloadGraceMs: int(env, 'UNLOAD_GRACE_MS', DEFAULT_LIMITS.unloadGraceMs),
      compactAfterUpdates: int(env, 'COMPACT_AFTER_UPDATES', DEFAULT_LIMITS.compactAfterUpdates),
      compactIdleMs: int(env, 'COMPACT_IDLE_MS', DEFAULT_LIMITS.compactIdleMs),
      maxPresencesPerConnection: int(env, 'MAX_PRESENCES_PER_CONNECTION', DEFAULT_LIMITS.maxPresencesPerConnection),
      maxPresenceBytes: int(env, 'MAX_PRESENCE_BYTES', DEFAULT_LIMITS.maxPresenceBytes),
      presenceQueryIntervalMs: int(env, 'PRESENCE_QUERY_INTERVAL_MS', DEFAULT_LIMITS.presenceQueryIntervalMs),
    },
  };
}

/**
 * Makes sure DATA_DIR exists and the server can write there (by writing and removing a small
 * file, which also catches read-only file systems), before anything is opened in it.
 */
export function prepareDataDir(dataDir: string): void {
  const probe = path.join(dataDir, `.write-test-${process.pid}`);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(`DATA_DIR "${dataDir}" is not a directory this server can write to (${reason})`);
  }
}
