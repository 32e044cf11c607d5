import type { DocKind, Role } from '../../shared/roles';
import type { SnapshotInfo } from '../../shared/history';
import type { PartnershipStore } from '../partnerships/store';
import type { AddVoterKey, VoterKeyCaps, VoterKeyRow } from './voterKeyStore';

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

// ---- Trainer cohorts (server/cohorts/) --------------------------------------------------------

/** A cohort's row: a trainer's group of team boards made together from one template. */
export interface CohortRow {
  id: string;
  name: string;
  templateId: string;
  variant: string | null;
  createdAt: string;
}

/** A team board of a cohort, in the cohort's order (position 0 first). */
export interface CohortBoardRef {
  boardId: string;
  team: string;
  position: number;
}

export interface Cohort extends CohortRow {
  boards: CohortBoardRef[];
}

/** Roles of cohort tokens; only the trainer's for now. */
export type CohortRole = 'trainer';

/**
 * What a cohort keeps so the trainer can see the team links again: per board the team tokens
 * sealed with a key derived from the trainer token (server/cohorts/sealing.ts), never in clear.
 */
export interface CohortSecrets {
  /** The per-cohort salt of the key derivation. */
  keySalt: Uint8Array;
  boards: { boardId: string; sealedTokens: Uint8Array }[];
}

/** Everything a new cohort is, stored in one transaction by `createCohort`. */
export interface NewCohort {
  cohort: CohortRow;
  /** The trainer token's hash (sha256, hex); the token itself is never stored. */
  trainerTokenHash: string;
  keySalt: Uint8Array;
  /** The team boards, in order: each is created like `createBoard` does, then listed in the cohort. */
  boards: {
    team: string;
    board: BoardRow;
    tokens: TokenRow[];
    initialState: Uint8Array;
    sealedTokens: Uint8Array;
  }[];
}

// ---- end of trainer cohorts ------------------------------------------------------------------

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
  // ---- Trainer cohorts (server/cohorts/) ----
  /**
   * Creates a cohort, its team boards (rows, hashed tokens, seeded docs), the trainer token's
   * hash and the sealed team tokens in one transaction: either all of it exists afterwards or
   * none of it.
   */
  createCohort(cohort: NewCohort): Promise<void>;
  /** A cohort with its boards in order, or undefined. */
  getCohort(id: string): Promise<Cohort | undefined>;
  /** The role of a cohort token (by hash), or undefined; board tokens are never cohort tokens. */
  cohortRoleForTokenHash(cohortId: string, hash: string): Promise<CohortRole | undefined>;
  /** The salt and the sealed team tokens of a cohort's boards (in order), or undefined. */
  getCohortSecrets(cohortId: string): Promise<CohortSecrets | undefined>;
  // ---- end of trainer cohorts ----
  // ---- Board history (server/history/snapshotStore.ts): named snapshots of a board document ----
  /**
   * Stores a snapshot (its state: `Y.encodeStateAsUpdate` of the board document) and, in the
   * same transaction, removes the board's oldest other snapshots beyond `keepAtMost`
   * (MAX_SNAPSHOTS_PER_BOARD): automatic ones first, then pre-restore ones, then saved ones.
   * Resolves with the ids removed. Rejects for an unknown board or a duplicate id.
   */
  addSnapshot(boardId: string, snapshot: SnapshotInfo, state: Uint8Array, keepAtMost?: number): Promise<string[]>;
  /** A board's snapshots, newest first (equal times: last stored first); never their states. */
  listSnapshots(boardId: string): Promise<SnapshotInfo[]>;
  getSnapshot(boardId: string, id: string): Promise<SnapshotInfo | undefined>;
  getSnapshotState(boardId: string, id: string): Promise<Uint8Array | undefined>;
  /** Resolves false when there was no such snapshot. */
  deleteSnapshot(boardId: string, id: string): Promise<boolean>;
  // ---- end of board history ----
  // ---- Board activity (server/dashboard/): the last client write, for the cohort dashboard ----
  /** The last client write to the board or its control document (ISO), or null when none is recorded. */
  getBoardActivity(boardId: string): Promise<string | null>;
  /** Records a client write time (ISO); the stored value never moves back. Rejects for an unknown board. */
  recordBoardActivity(boardId: string, at: string): Promise<void>;
  // ---- end of board activity ----
  /** Partnerships (server/partnerships/store.ts): a partnership's boards and links. */
  readonly partnerships: PartnershipStore;
  // ---- Voter keys (server/voterKeys.ts, server/voterKeyStore.ts): keys the server issued over board sockets ----
  /**
   * Records a voter key (hashes only) unless the board has already issued `caps.perLink` keys to
   * that link or `caps.perAddress` to that address (checked in the same transaction).
   */
  addVoterKey(boardId: string, key: VoterKeyRow, caps: VoterKeyCaps): Promise<AddVoterKey>;
  /** Whether the board issued a key with this hash. */
  hasVoterKey(boardId: string, keyHash: string): Promise<boolean>;
  // ---- end of voter keys ----
  // ---- Replacing links (server/links/): a link's token replaced by a new one ----
  /**
   * Replaces every token of `role` on a board by `next`, in one transaction, provided the
   * requester's token (`requesterHash`) is still a facilitator token of the board when the
   * transaction runs. The replaced hashes are remembered as revoked (`tokenRevokedAt`).
   * Resolves with them, or null (nothing changed) when the requester's token is no longer valid.
   */
  replaceTokens(boardId: string, role: Role, next: TokenRow, requesterHash: string, at: string): Promise<string[] | null>;
  /** When a token of a board or cohort (by hash) was replaced, or undefined if it never was. */
  tokenRevokedAt(ownerId: string, hash: string): Promise<string | undefined>;
  /**
   * Replaces a cohort's trainer token (`oldHash`, checked in the transaction) by `newHash` and
   * stores the new key salt and every board's tokens sealed again with the new key, all in one
   * transaction. Resolves false (nothing changed) when `oldHash` is no longer the trainer's.
   */
  replaceTrainerToken(cohortId: string, oldHash: string, newHash: string, keySalt: Uint8Array, sealed: { boardId: string; sealedTokens: Uint8Array }[], at: string): Promise<boolean>;
  /**
   * A trainer replacing a team link: `replaceTokens` on a board of the cohort, authorised by the
   * trainer token (`trainerHash`, checked in the transaction), with the board's sealed tokens
   * updated in the same transaction. Resolves with the replaced hashes, or null.
   */
  replaceCohortBoardToken(
    cohortId: string,
    trainerHash: string,
    boardId: string,
    role: Role,
    next: TokenRow,
    sealedTokens: Uint8Array,
    at: string,
  ): Promise<string[] | null>;
  // ---- end of replacing links ----
  /** Resolves when the store answers a query (GET /readyz); rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
