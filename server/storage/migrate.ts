import type Database from 'better-sqlite3';
import type { Pool } from 'pg';

/**
 * How the numbered migration list (server/migrations.ts) is run on SQLite. A file's
 * `PRAGMA user_version` is the number of the last migration it has; opening it runs the ones
 * after, each in the same immediate transaction (two processes opening the same old file cannot
 * both migrate it, and a failure leaves the file as it was). A file of a higher number than the
 * list's length is refused before anything touches it.
 *
 * A migration is made of steps, each owned by the folder whose tables it makes or changes
 * (`storage/` for boards, tokens and documents; a feature folder for its own). A step holds one
 * SQL text per dialect; a second back end adds its own text beside `sqlite`.
 */
export interface MigrationStep {
  /** The folder whose tables these are (for people reading the list). */
  readonly owner: string;
  /** SQLite: SQL to execute, or a function for what SQL alone cannot say (e.g. "if this table exists"). */
  readonly sqlite: string | ((db: Database.Database) => void);
  /** PostgreSQL: SQL to execute (a PostgreSQL store always starts from version 0, so no step needs to look first). */
  readonly postgres: string;
}

export interface Migration {
  /** Its number: its position in the list, from 1. */
  readonly version: number;
  /** Run in this order, in the migration's transaction. */
  readonly steps: readonly MigrationStep[];
}

/** An ordered list of migrations: every table of a store goes through one. */
export type Schema = readonly Migration[];

export function newerStoreMessage(version: number, schema: Schema): string {
  return `the database has schema version ${version}, newer than this server's ${schema.length}`;
}

/** Runs the migrations the file lacks, in one immediate transaction. */
export function migrate(db: Database.Database, schema: Schema): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > schema.length) throw new Error(newerStoreMessage(version, schema));
    for (const m of schema) {
      if (m.version <= version) continue;
      for (const step of m.steps) {
        if (typeof step.sqlite === 'string') db.exec(step.sqlite);
        else step.sqlite(db);
      }
    }
    if (version !== schema.length) db.pragma(`user_version = ${schema.length}`);
  }).immediate();
}

/** True when the file has this table (for steps that depend on what an old file holds). */
export const hasTable = (db: Database.Database, table: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;

/**
 * The advisory lock every node takes before migrating a PostgreSQL store, so that nodes starting
 * together run the list once: the others wait, then find nothing left to do. (A constant: the
 * first 8 bytes of sha256("partnership-boards migrations") as a signed bigint.)
 */
export const MIGRATION_LOCK = '8373823302878173593';

/**
 * Runs the migrations a PostgreSQL store lacks, in one transaction under MIGRATION_LOCK. The
 * store's version is the one row of `schema_version`; a store of a higher version than the
 * list's length is refused and left untouched.
 */
export async function migratePostgres(pool: Pool, schema: Schema): Promise<void> {
  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    await db.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK]);
    await db.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = (await db.query<{ version: number }>('SELECT version FROM schema_version')).rows[0];
    const version = row?.version ?? 0;
    if (version > schema.length) throw new Error(newerStoreMessage(version, schema));
    for (const m of schema) {
      if (m.version <= version) continue;
      for (const step of m.steps) await db.query(step.postgres);
    }
    if (!row) await db.query('INSERT INTO schema_version (version) VALUES ($1)', [schema.length]);
    else if (version !== schema.length) await db.query('UPDATE schema_version SET version = $1', [schema.length]);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    db.release();
  }
}
