import type { MigrationStep } from '../storage/migrate';

/**
 * Version 5: partnerships, their lead and member token hashes, their meeting boards and the
 * board tokens each holder was given (store.ts). The member token is kept sealed for the lead.
 */
export const partnershipTables: MigrationStep = {
  owner: 'partnerships',
  sqlite: `
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
`,
  postgres: `
CREATE TABLE IF NOT EXISTS partnerships (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  region TEXT NOT NULL,
  sector TEXT NOT NULL,
  member_role TEXT NOT NULL CHECK (member_role IN ('editor', 'viewer')),
  key_salt BYTEA NOT NULL,
  sealed_member_token BYTEA NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS partnership_tokens (
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  role TEXT NOT NULL CHECK (role IN ('lead', 'member')),
  token_hash TEXT NOT NULL,
  PRIMARY KEY (partnership_id, token_hash)
);
CREATE TABLE IF NOT EXISTS partnership_boards (
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  board_id TEXT NOT NULL UNIQUE REFERENCES boards(id),
  meeting_date TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (partnership_id, board_id)
);
CREATE TABLE IF NOT EXISTS partnership_board_tokens (
  partnership_id TEXT NOT NULL REFERENCES partnerships(id),
  board_id TEXT NOT NULL REFERENCES boards(id),
  holder TEXT NOT NULL CHECK (holder IN ('lead', 'member')),
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  PRIMARY KEY (board_id, token_hash)
);
`,
};
