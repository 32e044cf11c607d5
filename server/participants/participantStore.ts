import type { Role } from '../../shared/roles';
import type { FeatureStore } from '../storage/Storage';

/** Someone seen on a board: the name and role they had when last seen (never more). */
export interface ParticipantRow {
  /** The random id the person's browser chose (not a credential). */
  userId: string;
  name: string;
  /** The role of the link they connected with, as checked by the server. */
  role: Role;
  firstSeen: string;
  lastSeen: string;
}

/** A board keeps at most this many participants; people beyond it are not recorded. */
export const MAX_PARTICIPANTS_PER_BOARD = 500;

/** Who was seen on each board (table `participants`). */
export interface ParticipantStore {
  /** Records (or refreshes) a participant; resolves false when the board is full (MAX_PARTICIPANTS_PER_BOARD) and they are new. */
  record(boardId: string, participant: { userId: string; name: string; role: Role }, seenAt: string): Promise<boolean>;
  /** In order of first appearance. */
  list(boardId: string): Promise<ParticipantRow[]>;
}

export const participantStore: FeatureStore<ParticipantStore> = {
  name: 'participants',
  sqlite({ db }) {
    const sql = {
      has: db.prepare('SELECT 1 FROM participants WHERE board_id = ? AND user_id = ?'),
      count: db.prepare('SELECT COUNT(*) AS n FROM participants WHERE board_id = ?'),
      upsert: db.prepare(
        `INSERT INTO participants (board_id, user_id, name, role, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(board_id, user_id) DO UPDATE SET name = excluded.name, role = excluded.role,
         last_seen = MAX(last_seen, excluded.last_seen)`,
      ),
      list: db.prepare(
        `SELECT user_id AS userId, name, role, first_seen AS firstSeen, last_seen AS lastSeen
         FROM participants WHERE board_id = ? ORDER BY first_seen, user_id`,
      ),
    };
    const record = db.transaction((boardId: string, p: { userId: string; name: string; role: Role }, seenAt: string) => {
      if (!sql.has.get(boardId, p.userId)) {
        const { n } = sql.count.get(boardId) as { n: number };
        if (n >= MAX_PARTICIPANTS_PER_BOARD) return false;
      }
      sql.upsert.run(boardId, p.userId, p.name, p.role, seenAt, seenAt);
      return true;
    });
    return {
      record: async (boardId, p, seenAt) => record(boardId, p, seenAt),
      list: async (boardId) => sql.list.all(boardId) as ParticipantRow[],
    };
  },
  postgres({ pool, transaction }) {
    return {
      record: (boardId, p, seenAt) =>
        transaction(async (db) => {
          // The board's row locked (not blocking writes that only reference it): records on one
          // board take turns across nodes, so two newcomers can never both take the last place.
          await db.query('SELECT 1 FROM boards WHERE id = $1 FOR NO KEY UPDATE', [boardId]);
          const known = await db.query('SELECT 1 FROM participants WHERE board_id = $1 AND user_id = $2', [boardId, p.userId]);
          if (known.rowCount === 0) {
            const { rows } = await db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM participants WHERE board_id = $1', [boardId]);
            if (rows[0].n >= MAX_PARTICIPANTS_PER_BOARD) return false;
          }
          await db.query(
            `INSERT INTO participants (board_id, user_id, name, role, first_seen, last_seen) VALUES ($1, $2, $3, $4, $5, $5)
             ON CONFLICT (board_id, user_id) DO UPDATE SET name = excluded.name, role = excluded.role,
             last_seen = GREATEST(participants.last_seen COLLATE "C", excluded.last_seen COLLATE "C")`,
            [boardId, p.userId, p.name, p.role, seenAt],
          );
          return true;
        }),
      async list(boardId) {
        const { rows } = await pool.query<ParticipantRow>(
          `SELECT user_id AS "userId", name, role, first_seen AS "firstSeen", last_seen AS "lastSeen"
           FROM participants WHERE board_id = $1 ORDER BY first_seen COLLATE "C", user_id COLLATE "C"`,
          [boardId],
        );
        return rows;
      },
    };
  },
  memory(boards) {
    const byBoard = new Map<string, Map<string, ParticipantRow>>();
    return {
      async record(boardId, p, seenAt) {
        boards.assertBoard(boardId);
        let rows = byBoard.get(boardId);
        if (!rows) byBoard.set(boardId, (rows = new Map()));
        const known = rows.get(p.userId);
        if (!known && rows.size >= MAX_PARTICIPANTS_PER_BOARD) return false;
        rows.set(p.userId, {
          userId: p.userId,
          name: p.name,
          role: p.role,
          firstSeen: known?.firstSeen ?? seenAt,
          lastSeen: known && known.lastSeen > seenAt ? known.lastSeen : seenAt,
        });
        return true;
      },
      async list(boardId) {
        const rows = [...(byBoard.get(boardId)?.values() ?? [])].map((p) => ({ ...p }));
        return rows.sort((a, b) => (a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : a.userId < b.userId ? -1 : 1));
      },
    };
  },
};
