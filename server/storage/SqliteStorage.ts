import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { DocKind, Role } from '../../shared/roles';
import { migrate, newerStoreMessage, type Schema } from './migrate';
import { openDatabase } from './sqliteDatabase';
import { WalCheckpointer } from './walCheckpointer';
import { CoveredUpdates } from './coveredUpdates';
import type { BoardRow, Fence, FeatureStore, SqliteBoards, Storage, StoredDoc, TokenRow } from './Storage';

export interface SqliteOptions {
  /** 'NORMAL' (default) survives a process crash; 'FULL' also survives power loss, slower. */
  synchronous?: 'NORMAL' | 'FULL';
  /**
   * Checkpoint the write-ahead log from a thread of its own this often, in ms
   * (walCheckpointer.ts), instead of inside whichever commit fills it. The server does; unset or
   * 0 (tools, tests): SQLite's automatic checkpoint.
   */
  checkpointEveryMs?: number;
  /**
   * Told about a problem of the store's background work: the checkpoint thread (it then falls back
   * to SQLite's automatic checkpoint) or the deletion of covered updates (retried on the next load).
   */
  onBackgroundProblem?: (message: string) => void;
}

/**
 * While the checkpoint thread runs, the server's connection checkpoints only if the log ever
 * grows this large (pages of 4 KB: 64 MB), a backstop should the thread fall far behind.
 */
const BACKSTOP_CHECKPOINT_PAGES = 16384;
/** SQLite's own default. */
const AUTO_CHECKPOINT_PAGES = 1000;

/**
 * The embedded default store: one SQLite file in WAL mode.
 *
 * Durability: an append returns after its transaction commits. In WAL mode with
 * synchronous=NORMAL a committed transaction survives the process being killed (the WAL is in
 * the OS page cache and is replayed on open); with synchronous=FULL it also survives power loss.
 *
 * Its tables come from `schema`, the numbered migration list (server/migrations.ts
 * `openSqliteStorage` hands in the server's, features' tables included).
 */
export class SqliteStorage implements Storage {
  readonly kind = 'sqlite';
  private db: Database.Database;
  private stmts;

  constructor(file: string, schema: Schema, options: SqliteOptions = {}) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = openDatabase(file);
    // A store of a newer version is refused before anything here touches it (not even its journal mode).
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > schema.length) {
      this.db.close();
      throw new Error(newerStoreMessage(version, schema));
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    try {
      migrate(this.db, schema);
    } catch (error) {
      this.db.close();
      throw error;
    }
    const onProblem = options.onBackgroundProblem ?? (() => {});
    if (options.checkpointEveryMs && file !== ':memory:') this.startCheckpointer(file, options.checkpointEveryMs, onProblem);
    this.covered = new CoveredUpdates(
      (boardId, kind, limit) => this.dropCovered(boardId, kind, limit),
      (error) => onProblem(`deleting compacted updates failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    const db = this.db;
    this.stmts = {
      insertBoard: db.prepare(
        `INSERT INTO boards (id, title, region, sector, template_id, template_version, variant, created_at)
         VALUES (@id, @title, @region, @sector, @templateId, @templateVersion, @variant, @createdAt)`,
      ),
      insertToken: db.prepare('INSERT INTO tokens (board_id, role, token_hash, label) VALUES (?, ?, ?, ?)'),
      hasBoard: db.prepare('SELECT 1 FROM boards WHERE id = ?'),
      getBoard: db.prepare(
        `SELECT id, title, region, sector, template_id AS templateId, template_version AS templateVersion,
                variant, created_at AS createdAt FROM boards WHERE id = ?`,
      ),
      roleForHash: db.prepare('SELECT role FROM tokens WHERE board_id = ? AND token_hash = ?'),
      getCompacted: db.prepare('SELECT state, up_to_seq AS upToSeq FROM compactions WHERE board_id = ? AND doc = ?'),
      // Only the updates after the compacted state: those it covers may still be stored (CoveredUpdates).
      hasCovered: db.prepare('SELECT 1 FROM updates WHERE board_id = ? AND doc = ? AND seq <= ? LIMIT 1'),
      getUpdates: db.prepare('SELECT seq, data FROM updates WHERE board_id = ? AND doc = ? AND seq > ? ORDER BY seq'),
      lastSeq: db.prepare('SELECT MAX(seq) AS seq FROM updates WHERE board_id = ? AND doc = ?'),
      insertUpdate: db.prepare('INSERT INTO updates (board_id, doc, seq, data) VALUES (?, ?, ?, ?)'),
      upsertCompacted: db.prepare(
        `INSERT INTO compactions (board_id, doc, state, up_to_seq, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(board_id, doc) DO UPDATE SET state = excluded.state, up_to_seq = excluded.up_to_seq,
         updated_at = excluded.updated_at`,
      ),
      dropCompacted: db.prepare(
        `DELETE FROM updates WHERE board_id = @boardId AND doc = @kind AND seq IN (
           SELECT seq FROM updates WHERE board_id = @boardId AND doc = @kind
             AND seq <= (SELECT up_to_seq FROM compactions WHERE board_id = @boardId AND doc = @kind)
           ORDER BY seq LIMIT @limit)`,
      ),
      hashesOfRole: db.prepare('SELECT token_hash AS hash FROM tokens WHERE board_id = ? AND role = ?'),
      deleteRole: db.prepare('DELETE FROM tokens WHERE board_id = ? AND role = ?'),
      revoke: db.prepare('INSERT OR REPLACE INTO revoked_tokens (owner_id, token_hash, role, revoked_at) VALUES (?, ?, ?, ?)'),
      revokedAt: db.prepare('SELECT revoked_at AS at FROM revoked_tokens WHERE owner_id = ? AND token_hash = ?'),
      ping: db.prepare('SELECT 1 FROM boards LIMIT 1'),
    };
  }

  private checkpointer: WalCheckpointer | null = null;

  /** Deletes the updates compactions covered, in the background. */
  private readonly covered: CoveredUpdates;

  private startCheckpointer(file: string, everyMs: number, onProblem: (message: string) => void): void {
    this.db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
    this.checkpointer = new WalCheckpointer(
      file,
      everyMs,
      (error) => {
        this.checkpointer = null;
        if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
        onProblem(`the WAL checkpoint thread stopped (${error instanceof Error ? error.message : String(error)}); checkpointing inline`);
      },
      (message) => onProblem(`WAL checkpoint failed: ${message}`),
    );
  }

  private seqOf(boardId: string, kind: DocKind): number {
    const row = this.stmts.lastSeq.get(boardId, kind) as { seq: number | null };
    const base = this.stmts.getCompacted.get(boardId, kind) as { upToSeq: number } | undefined;
    return Math.max(row.seq ?? 0, base?.upToSeq ?? 0);
  }

  private readonly createTx = (board: BoardRow, tokens: TokenRow[], initialState: Uint8Array) =>
    this.db.transaction(() => {
      this.stmts.insertBoard.run(board);
      for (const t of tokens) this.stmts.insertToken.run(board.id, t.role, t.hash, t.label ?? null);
      this.stmts.upsertCompacted.run(board.id, 'board', Buffer.from(initialState), 0, board.createdAt);
    })();

  async createBoard(board: BoardRow, tokens: TokenRow[], initialState: Uint8Array): Promise<void> {
    this.createTx(board, tokens, initialState);
  }

  async getBoard(id: string): Promise<BoardRow | undefined> {
    return this.stmts.getBoard.get(id) as BoardRow | undefined;
  }

  async roleForTokenHash(boardId: string, hash: string): Promise<Role | undefined> {
    const row = this.stmts.roleForHash.get(boardId, hash) as { role: Role } | undefined;
    return row?.role;
  }

  async addToken(boardId: string, token: TokenRow): Promise<void> {
    this.stmts.insertToken.run(boardId, token.role, token.hash, token.label ?? null);
  }

  async loadDoc(boardId: string, kind: DocKind): Promise<StoredDoc> {
    return this.db.transaction(() => {
      if (!this.stmts.hasBoard.get(boardId)) throw new Error(`board ${boardId} not found`);
      const base = this.stmts.getCompacted.get(boardId, kind) as { state: Buffer; upToSeq: number } | undefined;
      const rows = this.stmts.getUpdates.all(boardId, kind, base?.upToSeq ?? 0) as { seq: number; data: Buffer }[];
      if (base && this.stmts.hasCovered.get(boardId, kind, base.upToSeq)) this.covered.sweep(boardId, kind);
      const lastSeq = rows.length ? rows[rows.length - 1].seq : (base?.upToSeq ?? 0);
      this.lastSeqs.set(`${kind}:${boardId}`, lastSeq);
      return {
        compacted: base ? new Uint8Array(base.state) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastSeq,
      };
    })();
  }

  /**
   * The last sequence number of each document this store loaded or appended to, so an append
   * needs no `MAX(seq)` query. Compaction keeps it (the snapshot's up_to_seq is the last seq).
   * Another store on the same file appending to the same document makes an insert collide: the
   * append is then retried once with the number read from the file.
   */
  private readonly lastSeqs = new Map<string, number>();

  /** Made once: every write of every board goes through it (better-sqlite3 builds a wrapper per `transaction()` call). */
  private appendTxOnce: ((boardId: string, kind: DocKind, updates: Uint8Array[], from: number | undefined) => number) | null = null;
  private get appendTx() {
    this.appendTxOnce ??= this.db.transaction((boardId: string, kind: DocKind, updates: Uint8Array[], from: number | undefined) => {
      let seq = from ?? this.seqOf(boardId, kind);
      for (const u of updates) this.stmts.insertUpdate.run(boardId, kind, ++seq, Buffer.from(u.buffer, u.byteOffset, u.byteLength));
      return seq;
    });
    return this.appendTxOnce;
  }

  async appendUpdates(boardId: string, kind: DocKind, updates: Uint8Array[], _fence?: Fence): Promise<number> {
    const key = `${kind}:${boardId}`;
    const known = this.lastSeqs.get(key);
    let seq: number;
    try {
      seq = this.appendTx(boardId, kind, updates, known);
    } catch (error) {
      this.lastSeqs.delete(key);
      if (known === undefined || (error as { code?: string }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error;
      seq = this.appendTx(boardId, kind, updates, undefined);
    }
    this.lastSeqs.set(key, seq);
    return seq;
  }

  async compact(boardId: string, kind: DocKind, compacted: Uint8Array, upToSeq: number, _fence?: Fence): Promise<void> {
    // One statement, so one implicit transaction; the covered updates go later, in the background.
    this.stmts.upsertCompacted.run(boardId, kind, Buffer.from(compacted), upToSeq, new Date().toISOString());
    this.covered.sweep(boardId, kind);
  }

  /**
   * Deletes at most `limit` stored updates that the document's compacted state covers (seq <= its
   * up_to_seq, read in the same statement) and says how many it deleted: fewer than `limit` means
   * none are left. The background sweep (coveredUpdates.ts) calls it; needs no fence: what a
   * compacted state covers is garbage to every node.
   */
  async dropCovered(boardId: string, kind: DocKind, limit: number): Promise<number> {
    return this.stmts.dropCompacted.run({ boardId, kind, limit }).changes;
  }

  /** The body of replaceTokens, inside the caller's transaction. */
  private replaceRole(boardId: string, role: Role, next: TokenRow, at: string): string[] {
    const hashes = (this.stmts.hashesOfRole.all(boardId, role) as { hash: string }[]).map((r) => r.hash);
    this.stmts.deleteRole.run(boardId, role);
    for (const hash of hashes) this.stmts.revoke.run(boardId, hash, role, at);
    this.stmts.insertToken.run(boardId, role, next.hash, next.label ?? null);
    return hashes;
  }

  async replaceTokens(boardId: string, role: Role, next: TokenRow, requesterHash: string, at: string): Promise<string[] | null> {
    return this.db.transaction(() => {
      if ((this.stmts.roleForHash.get(boardId, requesterHash) as { role: Role } | undefined)?.role !== 'facilitator') return null;
      return this.replaceRole(boardId, role, next, at);
    })();
  }

  async tokenRevokedAt(ownerId: string, hash: string): Promise<string | undefined> {
    return (this.stmts.revokedAt.get(ownerId, hash) as { at: string } | undefined)?.at;
  }

  /** What feature stores may use: the database and the board writes they nest in their transactions. */
  private boards?: SqliteBoards;
  private readonly features = new Map<FeatureStore<unknown>, unknown>();

  feature<T>(store: FeatureStore<T>): T {
    let made = this.features.get(store) as T | undefined;
    if (made === undefined) {
      this.boards ??= {
        db: this.db,
        createBoardTx: (board, tokens, state) => this.createTx(board, tokens, state),
        replaceRoleTx: (boardId, role, next, at) => this.replaceRole(boardId, role, next, at),
        revokeTx: (ownerId, hash, role, at) => void this.stmts.revoke.run(ownerId, hash, role, at),
      };
      this.features.set(store, (made = store.sqlite(this.boards)));
    }
    return made;
  }

  async ping(): Promise<void> {
    this.stmts.ping.get();
  }

  async close(): Promise<void> {
    await this.covered.close();
    const checkpointer = this.checkpointer;
    this.checkpointer = null;
    await checkpointer?.close();
    if (this.db.open) this.db.close();
  }
}
