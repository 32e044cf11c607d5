import type { MigrationStep } from '../storage/migrate';

/** Dot-voting ballots: one voter's dots in a round (ballotStore.ts); version 1, and again in version 2. */
export const ballotTables: MigrationStep = {
  owner: 'votes',
  sqlite: `
CREATE TABLE IF NOT EXISTS votes (
  board_id TEXT NOT NULL REFERENCES boards(id),
  round_id TEXT NOT NULL,
  voter_id TEXT NOT NULL,
  item_ids TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (board_id, round_id, voter_id)
) WITHOUT ROWID;
`,
  postgres: `
CREATE TABLE IF NOT EXISTS votes (
  board_id TEXT NOT NULL REFERENCES boards(id),
  round_id TEXT NOT NULL,
  voter_id TEXT NOT NULL,
  item_ids TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (board_id, round_id, voter_id)
);
`,
};
