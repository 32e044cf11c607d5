import type { MigrationStep } from '../storage/migrate';

/**
 * A cohort: one trainer's team boards made together (cohortStore.ts); version 1, and again in
 * version 2. key_salt salts the derivation of the key that seals the team tokens (sealing.ts);
 * tokens are stored only as hashes or sealed, never in clear.
 */
export const cohortTables: MigrationStep = {
  owner: 'cohorts',
  sqlite: `
CREATE TABLE IF NOT EXISTS cohorts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  template_id TEXT NOT NULL,
  variant TEXT,
  created_at TEXT NOT NULL,
  key_salt BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS cohort_tokens (
  cohort_id TEXT NOT NULL REFERENCES cohorts(id),
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  PRIMARY KEY (cohort_id, token_hash)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cohort_boards (
  cohort_id TEXT NOT NULL REFERENCES cohorts(id),
  position INTEGER NOT NULL,
  board_id TEXT NOT NULL UNIQUE REFERENCES boards(id),
  team TEXT NOT NULL,
  sealed_tokens BLOB NOT NULL,
  PRIMARY KEY (cohort_id, position)
) WITHOUT ROWID;
`,
  postgres: `
CREATE TABLE IF NOT EXISTS cohorts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  template_id TEXT NOT NULL,
  variant TEXT,
  created_at TEXT NOT NULL,
  key_salt BYTEA NOT NULL
);
CREATE TABLE IF NOT EXISTS cohort_tokens (
  cohort_id TEXT NOT NULL REFERENCES cohorts(id),
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  PRIMARY KEY (cohort_id, token_hash)
);
CREATE TABLE IF NOT EXISTS cohort_boards (
  cohort_id TEXT NOT NULL REFERENCES cohorts(id),
  position INTEGER NOT NULL,
  board_id TEXT NOT NULL UNIQUE REFERENCES boards(id),
  team TEXT NOT NULL,
  sealed_tokens BYTEA NOT NULL,
  PRIMARY KEY (cohort_id, position)
);
`,
};
