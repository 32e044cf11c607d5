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

/** What is stored of a board's document: the last snapshot and the updates appended since. */
export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the last stored update (0 when none); compaction goes up to it. */
  lastSeq: number;
}

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

/** One person's dots in a vote round (server-side only; never in a document before the reveal). */
export interface BallotRow {
  voterId: string;
  /** Item ids, one per dot (an id repeated = several dots on that item). */
  itemIds: string[];
  updatedAt: string;
}

/**
 * Where boards live. Implementations: SqliteStorage (the embedded default) and MemoryStorage
 * (tests). A distributed backend implements the same interface.
 *
 * Contract:
 *  - `appendUpdates` is durable when its promise resolves: the relay acknowledges an update to
 *    its sender only after that.
 *  - `compact` replaces the snapshot and deletes the updates with seq <= upToSeq in one
 *    transaction, so a crash leaves either the old or the new state, never a mix.
 *  - Calls for one document are never issued concurrently by the relay (it queues them per room).
 *  - Documents are keyed by board id and kind (`board` or `control`). Every board has a board
 *    document from its creation; its control document has no rows until the first write, and
 *    loading it then yields an empty doc. Loading any document of a board that does not exist
 *    rejects.
 */
export interface Storage {
  readonly kind: string;
  createBoard(board: BoardRow, tokens: TokenRow[], initialState: Uint8Array): Promise<void>;
  getBoard(id: string): Promise<BoardRow | undefined>;
  roleForTokenHash(boardId: string, hash: string): Promise<Role | undefined>;
  /** Adds a token to an existing board (e.g. a co-facilitator's invitation); only its hash is given. */
  addToken(boardId: string, token: TokenRow): Promise<void>;
  loadDoc(boardId: string, doc: DocKind): Promise<StoredDoc>;
  /** Appends updates in order, in one transaction; resolves with the last sequence number. */
  appendUpdates(boardId: string, doc: DocKind, updates: Uint8Array[]): Promise<number>;
  compact(boardId: string, doc: DocKind, snapshot: Uint8Array, upToSeq: number): Promise<void>;
  /** A voter's ballot in a round, or undefined when they have none. */
  getBallot(boardId: string, roundId: string, voterId: string): Promise<BallotRow | undefined>;
  /**
   * Replaces a voter's ballot (an empty list deletes it) and resolves with the number of voters
   * of the round who have at least one dot, read in the same transaction.
   */
  putBallot(boardId: string, roundId: string, voterId: string, itemIds: string[], updatedAt: string): Promise<number>;
  /** Every ballot of a round, by voter id. */
  listBallots(boardId: string, roundId: string): Promise<BallotRow[]>;
  /**
   * Upserts a participant of a board: first seen is kept, name, role and last seen are replaced
   * (last seen never moves back). Resolves false when the board already has
   * MAX_PARTICIPANTS_PER_BOARD others.
   */
  recordParticipant(boardId: string, participant: { userId: string; name: string; role: Role }, seenAt: string): Promise<boolean>;
  /** Everyone seen on a board, first seen first (ties by user id). */
  listParticipants(boardId: string): Promise<ParticipantRow[]>;
  close(): Promise<void>;
}
