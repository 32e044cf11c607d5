import type Database from 'better-sqlite3';

/**
 * Every table of the SQLite store, features' included, comes from this one numbered list. A
 * file's `PRAGMA user_version` is the number of the last migration it has; opening it runs the
 * ones after, each in the same immediate transaction (two processes opening the same old file
 * cannot both migrate it, and a failure leaves the file as it was). A file of a higher number
 * than SCHEMA_VERSION is refused before anything touches it.
 *
 * To add a table or a column: append a migration (never edit one that has shipped). Migrations
 * 2 to 6 use IF NOT EXISTS because files from before the list was complete may hold those
 * tables already (they were created on first use, or with the base tables, without a version).
 */
export interface Migration {
  /** Its number: its position in MIGRATIONS, from 1. */
  version: number;
  /** Which feature's tables (for people reading the list). */
  owner: string;
  up(db: Database.Database): void;
}

/** The tables of the first release, and those later added beside them without a version. */
const BASE_SCHEMA = `
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
CREATE TABLE IF NOT EXISTS participants (
  board_id TEXT NOT NULL REFERENCES boards(id),
  user_id TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  PRIMARY KEY (board_id, user_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS votes (
  board_id TEXT NOT NULL REFERENCES boards(id),
  round_id TEXT NOT NULL,
  voter_id TEXT NOT NULL,
  item_ids TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (board_id, round_id, voter_id)
) WITHOUT ROWID;
-- ---- Trainer cohorts (server/cohorts/) ----
-- A cohort: one trainer's team boards made together. key_salt salts the derivation of the key
-- that seals the team tokens (server/cohorts/sealing.ts); tokens are stored only as hashes or
-- sealed, never in clear.
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
-- ---- end of trainer cohorts ----
-- ---- Replacing links (server/links/) ----
-- The hashes of tokens replaced by new ones, so an old link is told it was replaced. owner_id is
-- the board id (board links) or the cohort id (trainer links).
CREATE TABLE IF NOT EXISTS revoked_tokens (
  owner_id TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  revoked_at TEXT NOT NULL,
  PRIMARY KEY (owner_id, token_hash)
) WITHOUT ROWID;
-- ---- end of replacing links ----
`;

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

const exists = (db: Database.Database, table: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    owner: 'documents, tokens, participants, votes, cohorts, replaced links',
    // 0 → 1: `snapshots` and `updates` gain a `doc` column (the document kind), part of their
    // primary keys. Existing rows are copied into new tables as `board` rows; the old tables are
    // dropped and the new ones take their names. `tokens` gains a nullable `label` (who an
    // invitation was made for).
    up(db) {
      db.exec(BASE_SCHEMA);
      if (exists(db, 'snapshots') || exists(db, 'updates')) {
        db.exec(DOC_TABLES('_v1'));
        if (exists(db, 'snapshots')) {
          db.exec(`INSERT INTO snapshots_v1 (board_id, doc, state, up_to_seq, updated_at)
                   SELECT board_id, 'board', state, up_to_seq, updated_at FROM snapshots;
                   DROP TABLE snapshots;`);
        }
        if (exists(db, 'updates')) {
          db.exec(`INSERT INTO updates_v1 (board_id, doc, seq, data) SELECT board_id, 'board', seq, data FROM updates;
                   DROP TABLE updates;`);
        }
        db.exec('ALTER TABLE snapshots_v1 RENAME TO snapshots; ALTER TABLE updates_v1 RENAME TO updates;');
      } else {
        db.exec(DOC_TABLES(''));
      }
      db.exec('ALTER TABLE tokens ADD COLUMN label TEXT');
    },
  },
  {
    version: 2,
    owner: 'participants, votes, cohorts, replaced links (added beside version 1)',
    up: (db) => db.exec(BASE_SCHEMA),
  },
  {
    version: 3,
    owner: 'history (named snapshots of a board document)',
    up: (db) =>
      db.exec(`
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
`),
  },
  {
    version: 4,
    owner: 'dashboard (last activity of a board)',
    up: (db) =>
      db.exec(`CREATE TABLE IF NOT EXISTS board_activity (
        board_id TEXT PRIMARY KEY REFERENCES boards(id),
        last_activity TEXT NOT NULL
      ) WITHOUT ROWID`),
  },
  {
    version: 5,
    owner: 'partnerships',
    up: (db) => db.exec(`
CREATE TABLE IF NOT EXISTS partnerships (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  region TEXT NOT NULL,
  sector TEXT NOT NULL,
  member_role TEXT NOT NULL CHECK (member_role IN ('editor', 'viewer')),
  key_salt BLOB NOT NULL,
  sealed_member_token BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS partnership_tokens (
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  role TEXT NOT NULL CHECK (role IN ('lead', 'member')),
  token_hash TEXT NOT NULL,
  PRIMARY KEY (partnership_id, token_hash)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS partnership_boards (
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  board_id TEXT NOT NULL UNIQUE REFERENCES boards(id),
  meeting_date TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (partnership_id, board_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS partnership_board_tokens (
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  board_id TEXT NOT NULL REFERENCES boards(id),
  holder TEXT NOT NULL CHECK (holder IN ('lead', 'member')),
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  PRIMARY KEY (board_id, token_hash)
) WITHOUT ROWID;
`),
  },
  {
    version: 6,
    owner: 'voter keys (issued over board sockets)',
    up: (db) => db.exec(`
CREATE TABLE IF NOT EXISTS voter_keys (
  key_hash TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id),
  link_hash TEXT NOT NULL,
  address_hash TEXT NOT NULL,
  issued_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS voter_keys_by_link ON voter_keys (board_id, link_hash);
CREATE INDEX IF NOT EXISTS voter_keys_by_address ON voter_keys (board_id, address_hash);
`),
  },
];

/** The number of the last migration: what a file written by this server has as user_version. */
export const SCHEMA_VERSION = MIGRATIONS.length;

export function newerStoreMessage(version: number): string {
  return `the database has schema version ${version}, newer than this server's ${SCHEMA_VERSION}`;
}

/** Runs the migrations the file lacks, in one immediate transaction. */
export function migrate(db: Database.Database): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new Error(newerStoreMessage(version));
    for (const m of MIGRATIONS) if (m.version > version) m.up(db);
    if (version !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
