import type Database from 'better-sqlite3';

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
