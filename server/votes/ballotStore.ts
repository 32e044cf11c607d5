import type { FeatureStore } from '../storage/Storage';

/** One person's dots in a vote round (server-side only; never in a document before the reveal). */
export interface BallotRow {
  voterId: string;
  /** Item ids, one per dot (an id repeated = several dots on that item). */
  itemIds: string[];
  updatedAt: string;
}

/** Ballots of dot voting, by board, round and voter (table `votes`). */
export interface BallotStore {
  get(boardId: string, roundId: string, voterId: string): Promise<BallotRow | undefined>;
  /** Replaces the voter's ballot (no item ids removes it); resolves with the round's number of voters. */
  put(boardId: string, roundId: string, voterId: string, itemIds: string[], updatedAt: string): Promise<number>;
  /** The round's ballots, by voter id. */
  list(boardId: string, roundId: string): Promise<BallotRow[]>;
}

export const ballotStore: FeatureStore<BallotStore> = {
  name: 'ballots',
  sqlite({ db }) {
    const sql = {
      get: db.prepare(
        'SELECT voter_id AS voterId, item_ids AS itemIds, updated_at AS updatedAt FROM votes WHERE board_id = ? AND round_id = ? AND voter_id = ?',
      ),
      upsert: db.prepare(
        `INSERT INTO votes (board_id, round_id, voter_id, item_ids, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(board_id, round_id, voter_id) DO UPDATE SET item_ids = excluded.item_ids, updated_at = excluded.updated_at`,
      ),
      delete: db.prepare('DELETE FROM votes WHERE board_id = ? AND round_id = ? AND voter_id = ?'),
      countVoters: db.prepare('SELECT COUNT(*) AS n FROM votes WHERE board_id = ? AND round_id = ?'),
      list: db.prepare(
        'SELECT voter_id AS voterId, item_ids AS itemIds, updated_at AS updatedAt FROM votes WHERE board_id = ? AND round_id = ? ORDER BY voter_id',
      ),
    };
    const put = db.transaction((boardId: string, roundId: string, voterId: string, itemIds: string[], updatedAt: string) => {
      if (itemIds.length === 0) sql.delete.run(boardId, roundId, voterId);
      else sql.upsert.run(boardId, roundId, voterId, JSON.stringify(itemIds), updatedAt);
      return (sql.countVoters.get(boardId, roundId) as { n: number }).n;
    });
    return {
      async get(boardId, roundId, voterId) {
        const row = sql.get.get(boardId, roundId, voterId) as StoredBallot | undefined;
        return row ? ballotOf(row) : undefined;
      },
      put: async (...args) => put(...args),
      list: async (boardId, roundId) => (sql.list.all(boardId, roundId) as StoredBallot[]).map(ballotOf),
    };
  },
  postgres({ pool, transaction }) {
    const columns = 'voter_id AS "voterId", item_ids AS "itemIds", updated_at AS "updatedAt"';
    return {
      async get(boardId, roundId, voterId) {
        const { rows } = await pool.query<StoredBallot>(`SELECT ${columns} FROM votes WHERE board_id = $1 AND round_id = $2 AND voter_id = $3`, [
          boardId,
          roundId,
          voterId,
        ]);
        return rows[0] ? ballotOf(rows[0]) : undefined;
      },
      put: (boardId, roundId, voterId, itemIds, updatedAt) =>
        transaction(async (db) => {
          // The board's row locked (without blocking the writes that only reference it): puts to
          // one board take turns across nodes, so each counts the voters after its own write.
          await db.query('SELECT 1 FROM boards WHERE id = $1 FOR NO KEY UPDATE', [boardId]);
          if (itemIds.length === 0) await db.query('DELETE FROM votes WHERE board_id = $1 AND round_id = $2 AND voter_id = $3', [boardId, roundId, voterId]);
          else
            await db.query(
              `INSERT INTO votes (board_id, round_id, voter_id, item_ids, updated_at) VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (board_id, round_id, voter_id) DO UPDATE SET item_ids = excluded.item_ids, updated_at = excluded.updated_at`,
              [boardId, roundId, voterId, JSON.stringify(itemIds), updatedAt],
            );
          const { rows } = await db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM votes WHERE board_id = $1 AND round_id = $2', [boardId, roundId]);
          return rows[0].n;
        }),
      async list(boardId, roundId) {
        const { rows } = await pool.query<StoredBallot>(
          `SELECT ${columns} FROM votes WHERE board_id = $1 AND round_id = $2 ORDER BY voter_id COLLATE "C"`,
          [boardId, roundId],
        );
        return rows.map(ballotOf);
      },
    };
  },
  memory(boards) {
    /** board id → round id → voter id → ballot. */
    const rows = new Map<string, Map<string, Map<string, BallotRow>>>();
    const roundOf = (boardId: string, roundId: string) => {
      boards.assertBoard(boardId);
      let byRound = rows.get(boardId);
      if (!byRound) rows.set(boardId, (byRound = new Map()));
      let round = byRound.get(roundId);
      if (!round) byRound.set(roundId, (round = new Map()));
      return round;
    };
    const copy = (b: BallotRow): BallotRow => ({ ...b, itemIds: [...b.itemIds] });
    return {
      async get(boardId, roundId, voterId) {
        const b = roundOf(boardId, roundId).get(voterId);
        return b ? copy(b) : undefined;
      },
      async put(boardId, roundId, voterId, itemIds, updatedAt) {
        const round = roundOf(boardId, roundId);
        if (itemIds.length === 0) round.delete(voterId);
        else round.set(voterId, { voterId, itemIds: [...itemIds], updatedAt });
        return round.size;
      },
      async list(boardId, roundId) {
        const list = [...roundOf(boardId, roundId).values()].map(copy);
        return list.sort((a, b) => (a.voterId < b.voterId ? -1 : a.voterId > b.voterId ? 1 : 0));
      },
    };
  },
};

interface StoredBallot {
  voterId: string;
  itemIds: string;
  updatedAt: string;
}

/** A stored ballot; item ids that do not read as a list of strings read as none. */
function ballotOf(row: StoredBallot): BallotRow {
  let ids: unknown;
  try {
    ids = JSON.parse(row.itemIds);
  } catch {
    ids = [];
  }
  const itemIds = Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  return { voterId: row.voterId, itemIds, updatedAt: row.updatedAt };
}
