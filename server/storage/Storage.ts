import type Database from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';
import type { DocKind, Role } from '../../shared/roles';

/** A board's row: what the server knows about a board without loading its document. */
export interface BoardRow {
  id: string;
  title: string;
  region: string;
  sector: string;
  templateId: string;
  templateVersion: number;
  variant: string | null;
  createdAt: string;
}

export interface TokenRow {
  role: Role;
  /** sha256 of the token, hex. Tokens themselves are never stored. */
  hash: string;
  /** Who the token was made for, when known (an invitation's name); never needed to open a board. */
  label?: string | null;
}

/** What is stored of a board's document: its compacted state and the updates appended since. */
export interface StoredDoc {
  /** The document as of the last compaction (a Yjs update), or null before the first. */
  compacted: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the last stored update (0 when none); compaction goes up to it. */
  lastSeq: number;
}

/**
 * The lease a node holds on a board in the distributed mode (cluster/): an append or a
 * compaction carrying it commits only while the board's lease row still names this node with
 * this epoch, checked inside the write's own transaction. A store without leases (SQLite,
 * memory: one process) ignores it.
 */
export interface Fence {
  nodeId: string;
  epoch: number;
}

/** A write refused because its fence no longer matches the board's lease: another node owns the board now. */
export class FencedError extends Error {
  readonly code = 'fenced';
  constructor(boardId: string, fence: Fence) {
    super(`board ${boardId} is no longer leased to node ${fence.nodeId} at epoch ${fence.epoch}`);
    this.name = 'FencedError';
  }
}

/**
 * Where boards live. Implementations: SqliteStorage (the embedded default), PostgresStorage
 * (the distributed mode, DATABASE_URL) and MemoryStorage (tests).
 *
 * Contract:
 *  - `appendUpdates` is durable when its promise resolves: the relay acknowledges an update to
 *    its sender only after that.
 *  - `compact` replaces the compacted state and its `upToSeq` in one transaction, so a crash
 *    leaves either the old or the new state, never a mix. From that commit on, the updates with
 *    seq <= upToSeq are no longer part of the document: `loadDoc` never returns them, and the
 *    store deletes them afterwards in the background, a batch per turn of the event loop
 *    (coveredUpdates.ts), so a compaction costs one small write, not the deletion of the log.
 *  - Calls for one document are never issued concurrently by the relay (it queues them per room);
 *    the store's own deletion of covered updates may run beside them (it touches no other row).
 *  - Documents are keyed by board id and kind (`board` or `control`). Every board has a board
 *    document from its creation; its control document has no rows until the first write, and
 *    loading it then yields an empty doc. Loading any document of a board that does not exist
 *    rejects.
 *  - A replaced token's hash is remembered (`tokenRevokedAt`), per owner: a board id, or the id
 *    of whatever else hands out links (a cohort's trainer link).
 *
 * Each feature keeps its own tables behind a small store of its own (`feature(store)`, e.g.
 * votes/ballotStore.ts); every table, the features' included, is created by the one numbered
 * migration list (server/migrations.ts), each feature's steps in its own `tables.ts`.
 */
export interface Storage {
  readonly kind: string;
  /** Stores a new board: its row, its tokens (hashed) and the initial state of its board document, in one transaction. */
  createBoard(board: BoardRow, tokens: TokenRow[], initialState: Uint8Array): Promise<void>;
  getBoard(id: string): Promise<BoardRow | undefined>;
  roleForTokenHash(boardId: string, hash: string): Promise<Role | undefined>;
  addToken(boardId: string, token: TokenRow): Promise<void>;
  /**
   * Replaces every token of `role` by `next`, provided `requesterHash` is still a facilitator
   * token of the board, in one transaction; the old hashes are remembered as revoked. Resolves
   * with the replaced hashes, or null (nothing changed) when the requester's token is gone.
   */
  replaceTokens(boardId: string, role: Role, next: TokenRow, requesterHash: string, at: string): Promise<string[] | null>;
  /** When the token with this hash was replaced (ISO), for the owner (a board or a cohort id); undefined if never. */
  tokenRevokedAt(ownerId: string, hash: string): Promise<string | undefined>;
  loadDoc(boardId: string, doc: DocKind): Promise<StoredDoc>;
  /** Appends updates and resolves with the sequence number of the last one once they are durable. */
  appendUpdates(boardId: string, doc: DocKind, updates: Uint8Array[], fence?: Fence): Promise<number>;
  /**
   * Replaces the compacted state and its `upToSeq` in one transaction (compaction): the updates up
   * to `upToSeq` stop counting at once; the store deletes them later, in the background.
   */
  compact(boardId: string, doc: DocKind, compacted: Uint8Array, upToSeq: number, fence?: Fence): Promise<void>;
  /** The store of a feature, on this storage (made on first use, then the same object). */
  feature<T>(store: FeatureStore<T>): T;
  /** Resolves when the store answers a query (/readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * How a feature's store is made on each implementation. A feature folder declares one (e.g.
 * `ballotStore` in votes/ballotStore.ts) and reads it with `storage.feature(ballotStore)`.
 * All three are required, so no feature can leave a back end without its tables' store.
 */
export interface FeatureStore<T> {
  readonly name: string;
  sqlite(boards: SqliteBoards): T;
  memory(boards: MemoryBoards): T;
  postgres(boards: PostgresBoards): T;
}

/**
 * What a feature store on PostgreSQL may use: the pool, one-transaction work on one connection,
 * and the board writes it may nest in its own transactions (the same rules as SqliteBoards).
 * Queries name their parameters $1, $2, …; BYTEA columns come back as Buffers, BIGINT as strings.
 */
export interface PostgresBoards {
  readonly pool: Pool;
  /** Runs `fn` in one transaction on one connection: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(fn: (db: PoolClient) => Promise<T>): Promise<T>;
  createBoardTx(db: PoolClient, board: BoardRow, tokens: TokenRow[], initialState: Uint8Array): Promise<void>;
  replaceRoleTx(db: PoolClient, boardId: string, role: Role, next: TokenRow, at: string): Promise<string[]>;
  revokeTx(db: PoolClient, ownerId: string, hash: string, role: string, at: string): Promise<void>;
}

/** What a feature store on SQLite may use: the database, and the board writes it may nest in its own transactions. */
export interface SqliteBoards {
  readonly db: Database.Database;
  /** createBoard's writes, inside the caller's transaction. */
  createBoardTx(board: BoardRow, tokens: TokenRow[], initialState: Uint8Array): void;
  /** Replaces the tokens of a role, remembering the old ones as revoked; inside the caller's transaction. Returns the old hashes. */
  replaceRoleTx(boardId: string, role: Role, next: TokenRow, at: string): string[];
  /** Remembers a token hash of an owner (board or cohort) as replaced at `at`. */
  revokeTx(ownerId: string, hash: string, role: string, at: string): void;
}

/** What a feature store in memory may use of the boards (the same rules as SqliteBoards). */
export interface MemoryBoards {
  createBoard(board: BoardRow, tokens: TokenRow[], initialState: Uint8Array): Promise<void>;
  hasBoard(boardId: string): boolean;
  /** Throws for a board that does not exist (as a foreign key would). */
  assertBoard(boardId: string): void;
  /** Adds a token unless the board has it already. */
  addToken(boardId: string, token: TokenRow): void;
  removeToken(boardId: string, hash: string): void;
  replaceRole(boardId: string, role: Role, next: TokenRow, at: string): string[];
  revoke(ownerId: string, hash: string, at: string): void;
}
