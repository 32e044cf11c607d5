import type pg from 'pg';

/** A board's owner as the lease table names it. */
export interface LeaseOwner {
  nodeId: string;
  nodeUrl: string;
  epoch: number;
  /** Milliseconds until the lease runs out, by the database's clock (negative: expired). */
  expiresInMs: number;
}

/** What taking a lease gave: this node's epoch, or the node that holds it. */
export type TakeResult = { taken: true; epoch: number } | { taken: false; owner: LeaseOwner };

/** The lease table's operations (PostgreSQL below; a memory version for unit tests). */
export interface LeaseStore {
  /**
   * Takes or renews the lease of a board for `node`: succeeds when the board has no lease, when
   * it has expired, when this node holds it, or when it names this node's URL under another node
   * id (this node's previous process, dead). The epoch grows by one whenever the lease changes
   * hands. A board that does not exist gives `null`.
   */
  take(boardId: string, node: { id: string; url: string }, ttlMs: number): Promise<TakeResult | null>;
  /** Renews every lease in `boardIds` this node still holds, in one statement; returns those it holds. */
  renew(nodeId: string, boardIds: readonly string[], ttlMs: number): Promise<Map<string, number>>;
  /** Ends this node's lease of a board (at that epoch) at once, so another node may take it. */
  release(boardId: string, nodeId: string, epoch: number): Promise<void>;
  /** The live owner of a board (lease not expired), or null. */
  owner(boardId: string): Promise<LeaseOwner | null>;
}

const OWNER_COLUMNS = `node_id AS "nodeId", node_url AS "nodeUrl", epoch,
  (EXTRACT(EPOCH FROM (expires_at - now())) * 1000)::float8 AS "expiresInMs"`;

interface OwnerRow {
  nodeId: string;
  nodeUrl: string;
  epoch: string;
  expiresInMs: number;
}

function ownerOf(row: OwnerRow): LeaseOwner {
  return { nodeId: row.nodeId, nodeUrl: row.nodeUrl, epoch: Number(row.epoch), expiresInMs: row.expiresInMs };
}

/**
 * The leases in table `board_leases` (migration 8). Every expiry is computed and compared with
 * the database's `now()`, never a node's clock, so nodes whose clocks drift agree on who owns
 * a board.
 */
export class PostgresLeases implements LeaseStore {
  constructor(private readonly pool: pg.Pool) {}

  async take(boardId: string, node: { id: string; url: string }, ttlMs: number): Promise<TakeResult | null> {
    try {
      const { rows } = await this.pool.query<{ epoch: string }>(
        `INSERT INTO board_leases AS l (board_id, node_id, node_url, epoch, expires_at)
         VALUES ($1, $2, $3, 1, now() + $4 * interval '1 millisecond')
         ON CONFLICT (board_id) DO UPDATE SET
           node_id = excluded.node_id,
           node_url = excluded.node_url,
           epoch = CASE WHEN l.node_id = excluded.node_id THEN l.epoch ELSE l.epoch + 1 END,
           expires_at = excluded.expires_at
         WHERE l.node_id = excluded.node_id OR l.node_url = excluded.node_url OR l.expires_at <= now()
         RETURNING epoch`,
        [boardId, node.id, node.url, ttlMs],
      );
      if (rows[0]) return { taken: true, epoch: Number(rows[0].epoch) };
    } catch (error) {
      // foreign_key_violation: no such board.
      if ((error as { code?: string }).code === '23503') return null;
      throw error;
    }
    const { rows } = await this.pool.query<OwnerRow>(`SELECT ${OWNER_COLUMNS} FROM board_leases WHERE board_id = $1`, [boardId]);
    // Gone between the two statements (cannot happen: rows are never deleted); try again later.
    if (!rows[0]) return { taken: false, owner: { nodeId: '', nodeUrl: '', epoch: 0, expiresInMs: 0 } };
    return { taken: false, owner: ownerOf(rows[0]) };
  }

  async renew(nodeId: string, boardIds: readonly string[], ttlMs: number): Promise<Map<string, number>> {
    if (boardIds.length === 0) return new Map();
    const { rows } = await this.pool.query<{ boardId: string; epoch: string }>(
      `UPDATE board_leases SET expires_at = now() + $3 * interval '1 millisecond'
       WHERE node_id = $1 AND board_id = ANY($2::text[]) RETURNING board_id AS "boardId", epoch`,
      [nodeId, boardIds, ttlMs],
    );
    return new Map(rows.map((r) => [r.boardId, Number(r.epoch)]));
  }

  async release(boardId: string, nodeId: string, epoch: number): Promise<void> {
    // Expired, not deleted: the epoch keeps growing, so an old fence never matches again.
    await this.pool.query(`UPDATE board_leases SET expires_at = now() - interval '1 millisecond' WHERE board_id = $1 AND node_id = $2 AND epoch = $3`, [
      boardId,
      nodeId,
      epoch,
    ]);
  }

  async owner(boardId: string): Promise<LeaseOwner | null> {
    const { rows } = await this.pool.query<OwnerRow>(`SELECT ${OWNER_COLUMNS} FROM board_leases WHERE board_id = $1 AND expires_at > now()`, [boardId]);
    return rows[0] ? ownerOf(rows[0]) : null;
  }
}
