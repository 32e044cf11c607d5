import type { MigrationStep } from '../storage/migrate';

/** Version 4: the last client write to each board (activityStore.ts). */
export const activityTables: MigrationStep = {
  owner: 'dashboard',
  sqlite: `CREATE TABLE IF NOT EXISTS board_activity (
        board_id TEXT PRIMARY KEY REFERENCES boards(id),
        last_activity TEXT NOT NULL
      ) WITHOUT ROWID`,
  postgres: `CREATE TABLE IF NOT EXISTS board_activity (
        board_id TEXT PRIMARY KEY REFERENCES boards(id),
        last_activity TEXT NOT NULL
      )`,
};
