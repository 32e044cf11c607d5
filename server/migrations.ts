import { activityTables } from './dashboard/tables';
import { ballotTables } from './votes/tables';
import { cohortTables } from './cohorts/tables';
import { snapshotOrderV9, snapshotTables } from './history/tables';
import { participantTables } from './participants/tables';
import { partnershipTables } from './partnerships/tables';
import { boardTables, compactionTablesV7, documentTablesV1, leaseTablesV8, revokedTokenTables, voterKeyTables } from './storage/coreTables';
import type { Schema } from './storage/migrate';
import { PostgresStorage, type PostgresOptions } from './storage/PostgresStorage';
import { SqliteStorage, type SqliteOptions } from './storage/SqliteStorage';

/**
 * Every table of the store, the features' included, comes from this one numbered list; each
 * step lives in the folder that owns its tables. This file only says in which order they
 * shipped (storage/migrate.ts runs them). To add a table or a column: append a migration whose
 * step sits in the feature's `tables.ts`; never edit one that has shipped.
 *
 * Versions 2 to 6 use IF NOT EXISTS because files from before the list was complete may hold
 * those tables already (they were created on first use, or with the base tables, without a
 * version): version 2 makes again what version 1 made beside the documents.
 */
export const MIGRATIONS: Schema = [
  { version: 1, steps: [boardTables, participantTables, ballotTables, cohortTables, revokedTokenTables, documentTablesV1] },
  { version: 2, steps: [boardTables, participantTables, ballotTables, cohortTables, revokedTokenTables] },
  { version: 3, steps: [snapshotTables] },
  { version: 4, steps: [activityTables] },
  { version: 5, steps: [partnershipTables] },
  { version: 6, steps: [voterKeyTables] },
  { version: 7, steps: [compactionTablesV7] },
  { version: 8, steps: [leaseTablesV8] },
  { version: 9, steps: [snapshotOrderV9] },
];

/** The number of the last migration: what a file written by this server has as user_version. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The SQLite store with every table of this server. */
export function openSqliteStorage(file: string, options: SqliteOptions = {}): SqliteStorage {
  return new SqliteStorage(file, MIGRATIONS, options);
}

/** The PostgreSQL store (DATABASE_URL) with every table of this server, migrated under the advisory lock. */
export function openPostgresStorage(url: string, options: PostgresOptions = {}): Promise<PostgresStorage> {
  return PostgresStorage.open(url, MIGRATIONS, options);
}
