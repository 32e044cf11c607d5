import type { MigrationStep } from '../storage/migrate';

/** Version 3: a board's named snapshots (snapshotStore.ts), newest listed first by the index. */
export const snapshotTables: MigrationStep = {
  owner: 'history',
  sqlite: `
CREATE TABLE IF NOT EXISTS board_snapshots (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('manual', 'auto', 'pre-restore')),
  created_at TEXT NOT NULL,
  created_by TEXT,
  state BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS board_snapshots_by_board ON board_snapshots (board_id, created_at);
`,
  postgres: `
CREATE TABLE IF NOT EXISTS board_snapshots (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('manual', 'auto', 'pre-restore')),
  created_at TEXT NOT NULL,
  created_by TEXT,
  state BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS board_snapshots_by_board ON board_snapshots (board_id, created_at);
`,
};

/**
 * Version 9: on PostgreSQL `seq` numbers snapshots in insertion order, which breaks ties of
 * created_at as SQLite's rowid does (snapshotStore.ts). SQLite needs nothing.
 */
export const snapshotOrderV9: MigrationStep = {
  owner: 'history',
  sqlite: '',
  postgres: 'ALTER TABLE board_snapshots ADD COLUMN IF NOT EXISTS seq BIGSERIAL',
};
