import type { MigrationStep } from './migrate';
import { hasTable } from './migrate';

/**
 * The store's own tables, as steps of the numbered list (server/migrations.ts): boards, their
 * tokens, replaced tokens and the two tables of a document (its compacted state and the updates
 * appended since). Never edit a step that has shipped; add one.
 */

/** Boards and their links' token hashes (version 1; again, harmlessly, in version 2). */
export const boardTables: MigrationStep = {
  owner: 'storage',
  sqlite: `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  region TEXT NOT NULL,
  sector TEXT NOT NULL,
  template_id TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  variant TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  board_id TEXT NOT NULL REFERENCES boards(id),
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  PRIMARY KEY (board_id, token_hash)
);
`,
  postgres: `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  region TEXT NOT NULL,
  sector TEXT NOT NULL,
  template_id TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  variant TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  board_id TEXT NOT NULL REFERENCES boards(id),
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  PRIMARY KEY (board_id, token_hash)
);
`,
};

/**
 * The hashes of tokens replaced by new ones, so an old link is told it was replaced (links/).
 * owner_id is the board id (board links) or the cohort id (trainer links).
 */
export const revokedTokenTables: MigrationStep = {
  owner: 'storage',
  sqlite: `
CREATE TABLE IF NOT EXISTS revoked_tokens (
  owner_id TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  revoked_at TEXT NOT NULL,
  PRIMARY KEY (owner_id, token_hash)
) WITHOUT ROWID;
`,
  postgres: `
CREATE TABLE IF NOT EXISTS revoked_tokens (
  owner_id TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  revoked_at TEXT NOT NULL,
  PRIMARY KEY (owner_id, token_hash)
);
`,
};

/** The document tables of version 1: one board has one row set per document kind. */
const DOC_TABLES = (suffix: string) => `
CREATE TABLE snapshots${suffix} (
  board_id TEXT NOT NULL REFERENCES boards(id),
  doc TEXT NOT NULL DEFAULT 'board' CHECK (doc IN ('board', 'control')),
  state BLOB NOT NULL,
  up_to_seq INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (board_id, doc)
);
CREATE TABLE updates${suffix} (
  board_id TEXT NOT NULL REFERENCES boards(id),
  doc TEXT NOT NULL DEFAULT 'board' CHECK (doc IN ('board', 'control')),
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (board_id, doc, seq)
) WITHOUT ROWID;
`;

/**
 * Version 1 (from 0): a document's compacted state (then named `snapshots`) and its `updates`
 * gain a `doc` column (the document kind), part of their primary keys. Existing rows are copied
 * into new tables as `board` rows; the old tables are dropped and the new ones take their
 * names. `tokens` gains a nullable `label` (who an invitation was made for).
 */
export const documentTablesV1: MigrationStep = {
  owner: 'storage',
  sqlite(db) {
    if (hasTable(db, 'snapshots') || hasTable(db, 'updates')) {
      db.exec(DOC_TABLES('_v1'));
      if (hasTable(db, 'snapshots')) {
        db.exec(`INSERT INTO snapshots_v1 (board_id, doc, state, up_to_seq, updated_at)
                 SELECT board_id, 'board', state, up_to_seq, updated_at FROM snapshots;
                 DROP TABLE snapshots;`);
      }
      if (hasTable(db, 'updates')) {
        db.exec(`INSERT INTO updates_v1 (board_id, doc, seq, data) SELECT board_id, 'board', seq, data FROM updates;
                 DROP TABLE updates;`);
      }
      db.exec('ALTER TABLE snapshots_v1 RENAME TO snapshots; ALTER TABLE updates_v1 RENAME TO updates;');
    } else {
      db.exec(DOC_TABLES(''));
    }
    db.exec('ALTER TABLE tokens ADD COLUMN label TEXT');
  },
  postgres: `
CREATE TABLE snapshots (
  board_id TEXT NOT NULL REFERENCES boards(id),
  doc TEXT NOT NULL DEFAULT 'board' CHECK (doc IN ('board', 'control')),
  state BYTEA NOT NULL,
  up_to_seq BIGINT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (board_id, doc)
);
CREATE TABLE updates (
  board_id TEXT NOT NULL REFERENCES boards(id),
  doc TEXT NOT NULL DEFAULT 'board' CHECK (doc IN ('board', 'control')),
  seq BIGINT NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (board_id, doc, seq)
);
ALTER TABLE tokens ADD COLUMN label TEXT;
`,
};

/**
 * Version 7: a document's compacted state is a "compaction", not a snapshot (history's named
 * snapshots are `board_snapshots`). The table is renamed in place: no row is copied.
 */
export const compactionTablesV7: MigrationStep = {
  owner: 'storage',
  sqlite: 'ALTER TABLE snapshots RENAME TO compactions;',
  postgres: 'ALTER TABLE snapshots RENAME TO compactions;',
};

/**
 * Version 8: which node owns each board in the distributed mode (cluster/), and since when:
 * `epoch` grows by one each time the lease changes hands and fences every append and
 * compaction (Storage.ts `Fence`); `expires_at` is the database's clock, so nodes' clocks need
 * not agree. One process owns every board of an SQLite store: there, the step makes nothing.
 */
export const leaseTablesV8: MigrationStep = {
  owner: 'storage',
  sqlite: '-- one process: no leases',
  postgres: `
CREATE TABLE board_leases (
  board_id TEXT PRIMARY KEY REFERENCES boards(id),
  node_id TEXT NOT NULL,
  node_url TEXT NOT NULL,
  epoch BIGINT NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX board_leases_by_node ON board_leases (node_id);
`,
};

/**
 * Version 6: the voter keys the relay issues over board sockets (sync/voterKeyStore.ts). Its
 * step sits here, beside the store's tables, because the relay folder holds no SQL.
 */
export const voterKeyTables: MigrationStep = {
  owner: 'sync',
  sqlite: `
CREATE TABLE IF NOT EXISTS voter_keys (
  key_hash TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id),
  link_hash TEXT NOT NULL,
  address_hash TEXT NOT NULL,
  issued_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS voter_keys_by_link ON voter_keys (board_id, link_hash);
CREATE INDEX IF NOT EXISTS voter_keys_by_address ON voter_keys (board_id, address_hash);
`,
  postgres: `
CREATE TABLE IF NOT EXISTS voter_keys (
  key_hash TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id),
  link_hash TEXT NOT NULL,
  address_hash TEXT NOT NULL,
  issued_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS voter_keys_by_link ON voter_keys (board_id, link_hash);
CREATE INDEX IF NOT EXISTS voter_keys_by_address ON voter_keys (board_id, address_hash);
`,
};
