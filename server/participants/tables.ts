import type { MigrationStep } from '../storage/migrate';

/** Who was seen on each board (participantStore.ts); version 1, and again in version 2. */
export const participantTables: MigrationStep = {
  owner: 'participants',
  sqlite: `
CREATE TABLE IF NOT EXISTS participants (
  board_id TEXT NOT NULL REFERENCES boards(id),
  user_id TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  PRIMARY KEY (board_id, user_id)
) WITHOUT ROWID;
`,
  postgres: `
CREATE TABLE IF NOT EXISTS participants (
  board_id TEXT NOT NULL REFERENCES boards(id),
  user_id TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  PRIMARY KEY (board_id, user_id)
);
`,
};
