import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import './postgresSetup';
import { openPostgresStorage } from '../../server/migrations';
import type { PostgresStorage } from '../../server/storage/PostgresStorage';

/** The URL of the test cluster's own database (tests/helpers/postgresSetup.ts). */
export function postgresUrl(): string {
  return inject('postgresUrl');
}

/** `url` with another database name. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  /** Drops the database, closing any connection left to it. */
  drop(): Promise<void>;
}

/** A new, empty database on the test cluster: each test gets a store of its own. */
export async function freshDatabase(): Promise<TestDatabase> {
  const admin = postgresUrl();
  const name = `boards_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  return {
    url: withDatabase(admin, name),
    name,
    drop: () => dropDatabase(admin, name),
  };
}

/**
 * Drops a test database, ending its connections. A moment when it cannot (a connection of a role
 * this one may not end, such as an autovacuum worker on an older set-up) is waited out.
 */
async function dropDatabase(admin: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '42501' || attempt === 20) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The server's PostgreSQL store (every table, migrated) on a fresh database of its own; closing
 * the store drops the database.
 */
export async function freshPostgresStorage(): Promise<PostgresStorage> {
  const db = await freshDatabase();
  const storage = await openPostgresStorage(db.url, { maxConnections: 4 });
  const close = storage.close.bind(storage);
  storage.close = async () => {
    await close();
    await db.drop();
  };
  return storage;
}

/**
 * Two of the server's PostgreSQL stores on one fresh database, as two nodes of the distributed
 * mode see it; `close()` closes both and drops the database.
 */
export async function twoPostgresNodes(): Promise<{ a: PostgresStorage; b: PostgresStorage; close(): Promise<void> }> {
  const db = await freshDatabase();
  const a = await openPostgresStorage(db.url, { maxConnections: 4 });
  const b = await openPostgresStorage(db.url, { maxConnections: 4 });
  return {
    a,
    b,
    async close() {
      await a.close();
      await b.close();
      await db.drop();
    },
  };
}
