import pg from 'pg';
import type { DocKind, Role } from '../../shared/roles';
import { migratePostgres, type Schema } from './migrate';
import {
  type BoardRow,
  type Fence,
  FencedError,
  type FeatureStore,
  type PostgresBoards,
  type Storage,
  type StoredDoc,
  type TokenRow,
} from './Storage';
import { CoveredUpdates } from './coveredUpdates';

export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  maxConnections?: number;
  /** Called with errors of idle connections (the database restarting, a network cut); the pool replaces them. */
  onIdleError?: (error: Error) => void;
  /** Told when deleting the updates a compaction covered failed (retried on the document's next load). */
  onBackgroundProblem?: (message: string) => void;
}

const BOARD_COLUMNS = `id, title, region, sector, template_id AS "templateId", template_version AS "templateVersion",
  variant, created_at AS "createdAt"`;

/**
 * The distributed mode's store: every table in one PostgreSQL database (DATABASE_URL), shared by
 * every node. Made with `PostgresStorage.open`, which migrates the database first under an
 * advisory lock (storage/migrate.ts), so nodes starting together migrate it once.
 *
 * Durability: an append resolves after its transaction commits (synchronous_commit as the
 * database is configured; on by default, so a commit is on disk).
 *
 * Fencing: an append or compaction given a `Fence` first takes a shared lock on the board's
 * lease row and checks it still names that node and epoch, all inside its own transaction; a
 * node taking the lease over updates that row, so it waits for writes in flight and every
 * later write of the old owner fails with FencedError.
 */
export class PostgresStorage implements Storage {
  readonly kind = 'postgres';

  private constructor(
    readonly pool: pg.Pool,
    private readonly onBackgroundProblem: (message: string) => void = () => {},
  ) {}

  static async open(url: string, schema: Schema, options: PostgresOptions = {}): Promise<PostgresStorage> {
    const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
    // Without a listener an idle connection's error (the server restarting) would crash the process.
    pool.on('error', (error) => options.onIdleError?.(error));
    try {
      await migratePostgres(pool, schema);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStorage(pool, options.onBackgroundProblem);
  }

  /** Runs `fn` in one transaction on one connection. */
  async transaction<T>(fn: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    const db = await this.pool.connect();
    // A connection lost while checked out (the database restarting) emits 'error' on its client:
    // without a listener that would crash the process. The query in flight rejects anyway; the
    // connection is thrown away instead of going back to the pool.
    let lost = false;
    const onError = () => {
      lost = true;
    };
    db.on('error', onError);
    try {
      await db.query('BEGIN');
      const result = await fn(db);
      await db.query('COMMIT');
      return result;
    } catch (error) {
      if (!lost) await db.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      db.off('error', onError);
      db.release(lost);
    }
  }

  private async createBoardTx(db: pg.PoolClient, board: BoardRow, tokens: TokenRow[], initialState: Uint8Array): Promise<void> {
    await db.query(
      `INSERT INTO boards (id, title, region, sector, template_id, template_version, variant, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [board.id, board.title, board.region, board.sector, board.templateId, board.templateVersion, board.variant, board.createdAt],
    );
    for (const t of tokens) {
      await db.query('INSERT INTO tokens (board_id, role, token_hash, label) VALUES ($1, $2, $3, $4)', [board.id, t.role, t.hash, t.label ?? null]);
    }
    await db.query(`INSERT INTO compactions (board_id, doc, state, up_to_seq, updated_at) VALUES ($1, 'board', $2, 0, $3)`, [
      board.id,
      bytes(initialState),
      board.createdAt,
    ]);
  }

  async createBoard(board: BoardRow, tokens: TokenRow[], initialState: Uint8Array): Promise<void> {
    await this.transaction((db) => this.createBoardTx(db, board, tokens, initialState));
  }

  async getBoard(id: string): Promise<BoardRow | undefined> {
    const { rows } = await this.pool.query<BoardRow>(`SELECT ${BOARD_COLUMNS} FROM boards WHERE id = $1`, [id]);
    return rows[0];
  }

  async roleForTokenHash(boardId: string, hash: string): Promise<Role | undefined> {
    const { rows } = await this.pool.query<{ role: Role }>('SELECT role FROM tokens WHERE board_id = $1 AND token_hash = $2', [boardId, hash]);
    return rows[0]?.role;
  }

  async addToken(boardId: string, token: TokenRow): Promise<void> {
    await this.pool.query('INSERT INTO tokens (board_id, role, token_hash, label) VALUES ($1, $2, $3, $4)', [
      boardId,
      token.role,
      token.hash,
      token.label ?? null,
    ]);
  }

  async loadDoc(boardId: string, kind: DocKind): Promise<StoredDoc> {
    // REPEATABLE READ: the compacted state and the updates come from one snapshot of the database.
    return this.transaction(async (db) => {
      await db.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const exists = await db.query('SELECT 1 FROM boards WHERE id = $1', [boardId]);
      if (exists.rowCount === 0) throw new Error(`board ${boardId} not found`);
      const base = (
        await db.query<{ state: Buffer; upToSeq: string }>('SELECT state, up_to_seq AS "upToSeq" FROM compactions WHERE board_id = $1 AND doc = $2', [
          boardId,
          kind,
        ])
      ).rows[0];
      // Only the updates after the compacted state: those it covers may still be stored (CoveredUpdates).
      const upToSeq = Number(base?.upToSeq ?? 0);
      const covered = await db.query('SELECT 1 FROM updates WHERE board_id = $1 AND doc = $2 AND seq <= $3 LIMIT 1', [boardId, kind, upToSeq]);
      if (base && covered.rowCount) this.covered.sweep(boardId, kind);
      const { rows } = await db.query<{ seq: string; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE board_id = $1 AND doc = $2 AND seq > $3 ORDER BY seq',
        [boardId, kind, upToSeq],
      );
      const lastSeq = rows.length ? Number(rows[rows.length - 1].seq) : upToSeq;
      this.lastSeqs.set(`${kind}:${boardId}`, lastSeq);
      return {
        compacted: base ? new Uint8Array(base.state) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastSeq,
      };
    });
  }

  /**
   * The last sequence number of each document this store loaded or appended to, so an append
   * needs no `MAX(seq)` query (one node owns a board's writes). When another writer got there
   * first the insert collides and the append is retried once with the number read from the
   * database.
   */
  private readonly lastSeqs = new Map<string, number>();

  private async checkFence(db: pg.PoolClient, boardId: string, fence: Fence | undefined): Promise<void> {
    if (!fence) return;
    const { rows } = await db.query<{ node: string; epoch: string }>(
      'SELECT node_id AS node, epoch FROM board_leases WHERE board_id = $1 FOR SHARE',
      [boardId],
    );
    if (rows[0]?.node !== fence.nodeId || Number(rows[0].epoch) !== fence.epoch) throw new FencedError(boardId, fence);
  }

  private async seqOf(db: pg.PoolClient, boardId: string, kind: DocKind): Promise<number> {
    const { rows } = await db.query<{ seq: string | null }>(
      `SELECT GREATEST((SELECT MAX(seq) FROM updates WHERE board_id = $1 AND doc = $2),
                       (SELECT up_to_seq FROM compactions WHERE board_id = $1 AND doc = $2)) AS seq`,
      [boardId, kind],
    );
    return Number(rows[0]?.seq ?? 0);
  }

  private appendTx(boardId: string, kind: DocKind, updates: Uint8Array[], from: number | undefined, fence: Fence | undefined): Promise<number> {
    return this.transaction(async (db) => {
      await this.checkFence(db, boardId, fence);
      let seq = from ?? (await this.seqOf(db, boardId, kind));
      // One statement for the whole group: the tick's updates are one round trip.
      const params: unknown[] = [boardId, kind];
      const values: string[] = [];
      for (const u of updates) {
        params.push(++seq, bytes(u));
        values.push(`($1, $2, $${params.length - 1}, $${params.length})`);
      }
      if (values.length) await db.query(`INSERT INTO updates (board_id, doc, seq, data) VALUES ${values.join(', ')}`, params);
      return seq;
    });
  }

  /**
   * Writes to one document run one after the other (the relay queues them per room already; this
   * keeps the numbering right for any other caller), on a chain per document.
   */
  private readonly writing = new Map<string, Promise<unknown>>();

  private inTurn<T>(key: string, write: () => Promise<T>): Promise<T> {
    const previous = this.writing.get(key) ?? Promise.resolve();
    const next = previous.then(write, write);
    const settled = next.catch(() => {});
    this.writing.set(key, settled);
    void settled.then(() => {
      if (this.writing.get(key) === settled) this.writing.delete(key);
    });
    return next;
  }

  appendUpdates(boardId: string, kind: DocKind, updates: Uint8Array[], fence?: Fence): Promise<number> {
    return this.inTurn(`${kind}:${boardId}`, () => this.append(boardId, kind, updates, fence));
  }

  private async append(boardId: string, kind: DocKind, updates: Uint8Array[], fence?: Fence): Promise<number> {
    const key = `${kind}:${boardId}`;
    const known = this.lastSeqs.get(key);
    let seq: number;
    try {
      seq = await this.appendTx(boardId, kind, updates, known, fence);
    } catch (error) {
      this.lastSeqs.delete(key);
      if (known === undefined || (error as { code?: string }).code !== '23505') throw error;
      seq = await this.appendTx(boardId, kind, updates, undefined, fence);
    }
    this.lastSeqs.set(key, seq);
    return seq;
  }

  compact(boardId: string, kind: DocKind, compacted: Uint8Array, upToSeq: number, fence?: Fence): Promise<void> {
    return this.inTurn(`${kind}:${boardId}`, () => this.compactNow(boardId, kind, compacted, upToSeq, fence));
  }

  private async compactNow(boardId: string, kind: DocKind, compacted: Uint8Array, upToSeq: number, fence?: Fence): Promise<void> {
    await this.transaction(async (db) => {
      await this.checkFence(db, boardId, fence);
      await db.query(
        `INSERT INTO compactions (board_id, doc, state, up_to_seq, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (board_id, doc) DO UPDATE SET state = excluded.state, up_to_seq = excluded.up_to_seq, updated_at = excluded.updated_at`,
        [boardId, kind, bytes(compacted), upToSeq, new Date().toISOString()],
      );
    });
    this.covered.sweep(boardId, kind);
  }

  /** Deletes the updates compactions covered, in the background. */
  private readonly covered = new CoveredUpdates(
    (boardId, kind, limit) => this.dropCovered(boardId, kind, limit),
    (error) => this.onBackgroundProblem(`deleting compacted updates failed: ${error instanceof Error ? error.message : String(error)}`),
  );

  /**
   * Deletes at most `limit` stored updates that the document's compacted state covers (seq <= its
   * up_to_seq, read in the same statement) and says how many it deleted: fewer than `limit` means
   * none are left. The background sweep (coveredUpdates.ts) calls it; needs no fence: what a
   * compacted state covers is garbage to every node.
   */
  async dropCovered(boardId: string, kind: DocKind, limit: number): Promise<number> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM updates WHERE board_id = $1 AND doc = $2 AND seq IN (
         SELECT seq FROM updates WHERE board_id = $1 AND doc = $2
           AND seq <= (SELECT up_to_seq FROM compactions WHERE board_id = $1 AND doc = $2)
         ORDER BY seq LIMIT $3)`,
      [boardId, kind, limit],
    );
    return rowCount ?? 0;
  }

  /** The body of replaceTokens, inside the caller's transaction. */
  private async replaceRoleTx(db: pg.PoolClient, boardId: string, role: Role, next: TokenRow, at: string): Promise<string[]> {
    const { rows } = await db.query<{ hash: string }>('DELETE FROM tokens WHERE board_id = $1 AND role = $2 RETURNING token_hash AS hash', [boardId, role]);
    const hashes = rows.map((r) => r.hash).sort();
    for (const hash of hashes) await this.revokeTx(db, boardId, hash, role, at);
    await db.query('INSERT INTO tokens (board_id, role, token_hash, label) VALUES ($1, $2, $3, $4)', [boardId, role, next.hash, next.label ?? null]);
    return hashes;
  }

  private async revokeTx(db: pg.PoolClient, ownerId: string, hash: string, role: string, at: string): Promise<void> {
    await db.query(
      `INSERT INTO revoked_tokens (owner_id, token_hash, role, revoked_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (owner_id, token_hash) DO UPDATE SET role = excluded.role, revoked_at = excluded.revoked_at`,
      [ownerId, hash, role, at],
    );
  }

  async replaceTokens(boardId: string, role: Role, next: TokenRow, requesterHash: string, at: string): Promise<string[] | null> {
    return this.transaction(async (db) => {
      // FOR UPDATE: two rotations at once take turns, and the second sees the first's tokens.
      const { rows } = await db.query<{ role: Role }>('SELECT role FROM tokens WHERE board_id = $1 AND token_hash = $2 FOR UPDATE', [
        boardId,
        requesterHash,
      ]);
      if (rows[0]?.role !== 'facilitator') return null;
      return this.replaceRoleTx(db, boardId, role, next, at);
    });
  }

  async tokenRevokedAt(ownerId: string, hash: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ at: string }>('SELECT revoked_at AS at FROM revoked_tokens WHERE owner_id = $1 AND token_hash = $2', [
      ownerId,
      hash,
    ]);
    return rows[0]?.at;
  }

  private boards?: PostgresBoards;
  private readonly features = new Map<FeatureStore<unknown>, unknown>();

  feature<T>(store: FeatureStore<T>): T {
    let made = this.features.get(store) as T | undefined;
    if (made === undefined) {
      this.boards ??= {
        pool: this.pool,
        transaction: (fn) => this.transaction(fn),
        createBoardTx: (db, board, tokens, state) => this.createBoardTx(db, board, tokens, state),
        replaceRoleTx: (db, boardId, role, next, at) => this.replaceRoleTx(db, boardId, role, next, at),
        revokeTx: (db, ownerId, hash, role, at) => this.revokeTx(db, ownerId, hash, role, at),
      };
      this.features.set(store, (made = store.postgres(this.boards)));
    }
    return made;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.covered.close();
    await this.pool.end();
  }
}

/** A Uint8Array as a Buffer over the same memory (what pg sends as BYTEA). */
function bytes(u: Uint8Array): Buffer {
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}
