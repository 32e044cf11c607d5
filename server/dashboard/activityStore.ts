import type { FeatureStore } from '../storage/Storage';

/** The last client write to each board (table `board_activity`), for the cohort dashboard. */
export interface ActivityStore {
  /** ISO time, or null when none was recorded. */
  get(boardId: string): Promise<string | null>;
  /** Keeps the later of the stored time and `at`. */
  record(boardId: string, at: string): Promise<void>;
}

export const activityStore: FeatureStore<ActivityStore> = {
  name: 'activity',
  sqlite({ db }) {
    const sql = {
      get: db.prepare('SELECT last_activity AS at FROM board_activity WHERE board_id = ?'),
      upsert: db.prepare(
        `INSERT INTO board_activity (board_id, last_activity) VALUES (?, ?)
         ON CONFLICT(board_id) DO UPDATE SET last_activity = MAX(last_activity, excluded.last_activity)`,
      ),
    };
    return {
      get: async (boardId) => (sql.get.get(boardId) as { at: string } | undefined)?.at ?? null,
      record: async (boardId, at) => void sql.upsert.run(boardId, at),
    };
  },
  postgres({ pool }) {
    return {
      async get(boardId) {
        const { rows } = await pool.query<{ at: string }>('SELECT last_activity AS at FROM board_activity WHERE board_id = $1', [boardId]);
        return rows[0]?.at ?? null;
      },
      async record(boardId, at) {
        // One statement: two nodes recording at once keep the later time.
        await pool.query(
          `INSERT INTO board_activity (board_id, last_activity) VALUES ($1, $2)
           ON CONFLICT (board_id) DO UPDATE SET last_activity = GREATEST(board_activity.last_activity COLLATE "C", excluded.last_activity COLLATE "C")`,
          [boardId, at],
        );
      },
    };
  },
  memory(boards) {
    const activity = new Map<string, string>();
    return {
      get: async (boardId) => activity.get(boardId) ?? null,
      async record(boardId, at) {
        boards.assertBoard(boardId);
        const known = activity.get(boardId);
        if (!known || at > known) activity.set(boardId, at);
      },
    };
  },
};
