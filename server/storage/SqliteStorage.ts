import type Database from 'better-sqlite3';
import { openDatabase } from './sqliteDatabase';
import type { SnapshotInfo } from '../../shared/history';
import { SqliteSnapshots } from '../history/snapshotStore';
import { SqlitePartnerships } from '../partnerships/store';
import { SqliteVoterKeys, type AddVoterKey, type VoterKeyCaps, type VoterKeyRow } from './voterKeyStore';
import fs from 'node:fs';
import path from 'node:path';
import type { DocKind, Role } from '../../shared/roles';
import {
  MAX_PARTICIPANTS_PER_BOARD,
  type BallotRow,
  type BoardRow,
  type Cohort,
  type CohortBoardRef,
  type CohortRole,
  type CohortRow,
  type CohortSecrets,
  type NewCohort,
  type ParticipantRow,
  type Storage,
  type StoredDoc,
  type TokenRow,
} from './Storage';

/**
 * The schema as of SCHEMA_VERSION (kept in `PRAGMA user_version`). Version 0 is the first
 * layout, whose `snapshots` and `updates` were keyed by board id only; `migrate` brings a file
 * of any older version up to date when it is opened.
 */
export const SCHEMA_VERSION = 1;

const BASE_SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  region TEXT NOT NULL,
  sector TEXT NOT NULL,
  template_id TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  variant TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  board_id TEXT NOT NULL REFERENCES boards(id),
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  PRIMARY KEY (board_id, token_hash)
);
CREATE TABLE IF NOT EXISTS participants (
  board_id TEXT NOT NULL REFERENCES boards(id),
  user_id TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  PRIMARY KEY (board_id, user_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS votes (
  board_id TEXT NOT NULL REFERENCES boards(id),
  round_id TEXT NOT NULL,
  voter_id TEXT NOT NULL,
  item_ids TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (board_id, round_id, voter_id)
) WITHOUT ROWID;
-- ---- Trainer cohorts (server/cohorts/) ----
-- A cohort: one trainer's team boards made together. key_salt salts the derivation of the key
-- that seals the team tokens (server/cohorts/sealing.ts); tokens are stored only as hashes or
-- sealed, never in clear.
CREATE TABLE IF NOT EXISTS cohorts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  template_id TEXT NOT NULL,
  variant TEXT,
  created_at TEXT NOT NULL,
  key_salt BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS cohort_tokens (
  cohort_id TEXT NOT NULL REFERENCES cohorts(id),
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  PRIMARY KEY (cohort_id, token_hash)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cohort_boards (
  cohort_id TEXT NOT NULL REFERENCES cohorts(id),
  position INTEGER NOT NULL,
  board_id TEXT NOT NULL UNIQUE REFERENCES boards(id),
  team TEXT NOT NULL,
  sealed_tokens BLOB NOT NULL,
  PRIMARY KEY (cohort_id, position)
) WITHOUT ROWID;
-- ---- end of trainer cohorts ----
-- ---- Replacing links (server/links/) ----
-- The hashes of tokens replaced by new ones, so an old link is told it was replaced. owner_id is
-- the board id (board links) or the cohort id (trainer links).
CREATE TABLE IF NOT EXISTS revoked_tokens (
  owner_id TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  revoked_at TEXT NOT NULL,
  PRIMARY KEY (owner_id, token_hash)
) WITHOUT ROWID;
-- ---- end of replacing links ----
`;

/** The document tables of version 1: one board has one row set per document kind. */
const DOC_TABLES = (suffix: string) => `
CREATE TABLE snapshots${suffix} (
  board_id TEXT NOT NULL REFERENCES boards(id),
  doc TEXT NOT NULL DEFAULT 'board' CHECK (doc IN ('board', 'control')),
  state BLOB NOT NULL,
  up_to_seq INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (board_id, doc)
);
CREATE TABLE updates${suffix} (
  board_id TEXT NOT NULL REFERENCES boards(id),
  doc TEXT NOT NULL DEFAULT 'board' CHECK (doc IN ('board', 'control')),
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (board_id, doc, seq)
) WITHOUT ROWID;
`;

/**
 * Brings the file to SCHEMA_VERSION in one immediate transaction (so two processes opening the
 * same old file cannot both migrate it, and a failure leaves the old layout untouched).
 *
 * 0 → 1: `snapshots` and `updates` gain a `doc` column (the document kind), part of their
 * primary keys. Existing rows are copied into new tables as `board` rows; the old tables are
 * dropped and the new ones take their names. `tokens` gains a nullable `label` (who an
 * invitation was made for); `votes` is new (created by BASE_SCHEMA).
 */
function newerStoreMessage(version: number): string {
  return `the database has schema version ${version}, newer than this server's ${SCHEMA_VERSION}`;
}

function migrate(db: Database.Database): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(newerStoreMessage(version));
    }
    db.exec(BASE_SCHEMA);
    if (version < 1) {
      const exists = (table: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
      if (exists('snapshots') || exists('updates')) {
        db.exec(DOC_TABLES('_v1'));
        if (exists('snapshots')) {
          db.exec(`INSERT INTO snapshots_v1 (board_id, doc, state, up_to_seq, updated_at)
                   SELECT board_id, 'board', state, up_to_seq, updated_at FROM snapshots;
                   DROP TABLE snapshots;`);
        }
        if (exists('updates')) {
          db.exec(`INSERT INTO updates_v1 (board_id, doc, seq, data) SELECT board_id, 'board', seq, data FROM updates;
                   DROP TABLE updates;`);
        }
        db.exec('ALTER TABLE snapshots_v1 RENAME TO snapshots; ALTER TABLE updates_v1 RENAME TO updates;');
      } else {
        db.exec(DOC_TABLES(''));
      }
      db.exec('ALTER TABLE tokens ADD COLUMN label TEXT');
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

export interface SqliteOptions {
  /** 'NORMAL' (default) survives a process crash; 'FULL' also survives power loss, slower. */
  synchronous?: 'NORMAL' | 'FULL';
}

/**
 * The embedded default store: one SQLite file in WAL mode.
 *
 * Durability: an append returns after its transaction commits. In WAL mode with
 * synchronous=NORMAL a committed transaction survives the process being killed (the WAL is in
 * the OS page cache and is replayed on open); with synchronous=FULL it also survives power loss.
 */
export class SqliteStorage implements Storage {
  readonly kind = 'sqlite';
  private db: Database.Database;
  private stmts;

  constructor(file: string, options: SqliteOptions = {}) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = openDatabase(file);
    // A store of a newer version is refused before anything here touches it (not even its journal mode).
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      this.db.close();
      throw new Error(newerStoreMessage(version));
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    try {
      migrate(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
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
      getSnapshot: db.prepare('SELECT state, up_to_seq AS upToSeq FROM snapshots WHERE board_id = ? AND doc = ?'),
      getUpdates: db.prepare('SELECT seq, data FROM updates WHERE board_id = ? AND doc = ? ORDER BY seq'),
      lastSeq: db.prepare('SELECT MAX(seq) AS seq FROM updates WHERE board_id = ? AND doc = ?'),
      insertUpdate: db.prepare('INSERT INTO updates (board_id, doc, seq, data) VALUES (?, ?, ?, ?)'),
      upsertSnapshot: db.prepare(
        `INSERT INTO snapshots (board_id, doc, state, up_to_seq, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(board_id, doc) DO UPDATE SET state = excluded.state, up_to_seq = excluded.up_to_seq,
         updated_at = excluded.updated_at`,
      ),
      deleteUpdates: db.prepare('DELETE FROM updates WHERE board_id = ? AND doc = ? AND seq <= ?'),
      getBallot: db.prepare(
        'SELECT voter_id AS voterId, item_ids AS itemIds, updated_at AS updatedAt FROM votes WHERE board_id = ? AND round_id = ? AND voter_id = ?',
      ),
      upsertBallot: db.prepare(
        `INSERT INTO votes (board_id, round_id, voter_id, item_ids, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(board_id, round_id, voter_id) DO UPDATE SET item_ids = excluded.item_ids, updated_at = excluded.updated_at`,
      ),
      deleteBallot: db.prepare('DELETE FROM votes WHERE board_id = ? AND round_id = ? AND voter_id = ?'),
      countVoters: db.prepare('SELECT COUNT(*) AS n FROM votes WHERE board_id = ? AND round_id = ?'),
      listBallots: db.prepare(
        'SELECT voter_id AS voterId, item_ids AS itemIds, updated_at AS updatedAt FROM votes WHERE board_id = ? AND round_id = ? ORDER BY voter_id',
      ),
      hasParticipant: db.prepare('SELECT 1 FROM participants WHERE board_id = ? AND user_id = ?'),
      countParticipants: db.prepare('SELECT COUNT(*) AS n FROM participants WHERE board_id = ?'),
      upsertParticipant: db.prepare(
        `INSERT INTO participants (board_id, user_id, name, role, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(board_id, user_id) DO UPDATE SET name = excluded.name, role = excluded.role,
         last_seen = MAX(last_seen, excluded.last_seen)`,
      ),
      listParticipants: db.prepare(
        `SELECT user_id AS userId, name, role, first_seen AS firstSeen, last_seen AS lastSeen
         FROM participants WHERE board_id = ? ORDER BY first_seen, user_id`,
      ),
    };
  }

  private seqOf(boardId: string, kind: DocKind): number {
    const row = this.stmts.lastSeq.get(boardId, kind) as { seq: number | null };
    if (row.seq !== null) return row.seq;
    const snap = this.stmts.getSnapshot.get(boardId, kind) as { upToSeq: number } | undefined;
    return snap?.upToSeq ?? 0;
  }

  private readonly createTx = (board: BoardRow, tokens: TokenRow[], initialState: Uint8Array) =>
    this.db.transaction(() => {
      this.stmts.insertBoard.run(board);
      for (const t of tokens) this.stmts.insertToken.run(board.id, t.role, t.hash, t.label ?? null);
      this.stmts.upsertSnapshot.run(board.id, 'board', Buffer.from(initialState), 0, board.createdAt);
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
      const snap = this.stmts.getSnapshot.get(boardId, kind) as { state: Buffer; upToSeq: number } | undefined;
      const rows = this.stmts.getUpdates.all(boardId, kind) as { seq: number; data: Buffer }[];
      const lastSeq = rows.length ? rows[rows.length - 1].seq : (snap?.upToSeq ?? 0);
      return {
        snapshot: snap ? new Uint8Array(snap.state) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastSeq,
      };
    })();
  }

  async appendUpdates(boardId: string, kind: DocKind, updates: Uint8Array[]): Promise<number> {
    return this.db.transaction(() => {
      let seq = this.seqOf(boardId, kind);
      for (const u of updates) this.stmts.insertUpdate.run(boardId, kind, ++seq, Buffer.from(u.buffer, u.byteOffset, u.byteLength));
      return seq;
    })();
  }

  async compact(boardId: string, kind: DocKind, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.stmts.upsertSnapshot.run(boardId, kind, Buffer.from(snapshot), upToSeq, new Date().toISOString());
      this.stmts.deleteUpdates.run(boardId, kind, upToSeq);
    })();
  }

  async getBallot(boardId: string, roundId: string, voterId: string): Promise<BallotRow | undefined> {
    const row = this.stmts.getBallot.get(boardId, roundId, voterId) as StoredBallot | undefined;
    return row ? ballotOf(row) : undefined;
  }

  async putBallot(boardId: string, roundId: string, voterId: string, itemIds: string[], updatedAt: string): Promise<number> {
    return this.db.transaction(() => {
      if (itemIds.length === 0) this.stmts.deleteBallot.run(boardId, roundId, voterId);
      else this.stmts.upsertBallot.run(boardId, roundId, voterId, JSON.stringify(itemIds), updatedAt);
      return (this.stmts.countVoters.get(boardId, roundId) as { n: number }).n;
    })();
  }

  async listBallots(boardId: string, roundId: string): Promise<BallotRow[]> {
    return (this.stmts.listBallots.all(boardId, roundId) as StoredBallot[]).map(ballotOf);
  }

  async recordParticipant(boardId: string, p: { userId: string; name: string; role: Role }, seenAt: string): Promise<boolean> {
    return this.db.transaction(() => {
      if (!this.stmts.hasParticipant.get(boardId, p.userId)) {
        const { n } = this.stmts.countParticipants.get(boardId) as { n: number };
        if (n >= MAX_PARTICIPANTS_PER_BOARD) return false;
      }
      this.stmts.upsertParticipant.run(boardId, p.userId, p.name, p.role, seenAt, seenAt);
      return true;
    })();
  }

  async listParticipants(boardId: string): Promise<ParticipantRow[]> {
    return this.stmts.listParticipants.all(boardId) as ParticipantRow[];
  }

  // ---- Trainer cohorts (server/cohorts/) ----
  private cohortStatements?: ReturnType<SqliteStorage['prepareCohortStatements']>;

  private prepareCohortStatements() {
    const db = this.db;
    return {
      insertCohort: db.prepare('INSERT INTO cohorts (id, name, template_id, variant, created_at, key_salt) VALUES (?, ?, ?, ?, ?, ?)'),
      insertToken: db.prepare('INSERT INTO cohort_tokens (cohort_id, role, token_hash) VALUES (?, ?, ?)'),
      insertBoard: db.prepare('INSERT INTO cohort_boards (cohort_id, position, board_id, team, sealed_tokens) VALUES (?, ?, ?, ?, ?)'),
      getCohort: db.prepare('SELECT id, name, template_id AS templateId, variant, created_at AS createdAt FROM cohorts WHERE id = ?'),
      getSalt: db.prepare('SELECT key_salt AS keySalt FROM cohorts WHERE id = ?'),
      listBoards: db.prepare('SELECT board_id AS boardId, team, position, sealed_tokens AS sealedTokens FROM cohort_boards WHERE cohort_id = ? ORDER BY position'),
      roleForHash: db.prepare('SELECT role FROM cohort_tokens WHERE cohort_id = ? AND token_hash = ?'),
    };
  }

  private get cohortSql() {
    return (this.cohortStatements ??= this.prepareCohortStatements());
  }

  async createCohort(c: NewCohort): Promise<void> {
    const sql = this.cohortSql;
    this.db.transaction(() => {
      sql.insertCohort.run(c.cohort.id, c.cohort.name, c.cohort.templateId, c.cohort.variant, c.cohort.createdAt, Buffer.from(c.keySalt));
      sql.insertToken.run(c.cohort.id, 'trainer', c.trainerTokenHash);
      c.boards.forEach((b, position) => {
        // The same writes as createBoard (nested: a savepoint inside this transaction).
        this.createTx(b.board, b.tokens, b.initialState);
        sql.insertBoard.run(c.cohort.id, position, b.board.id, b.team, Buffer.from(b.sealedTokens));
      });
    })();
  }

  async getCohort(id: string): Promise<Cohort | undefined> {
    const sql = this.cohortSql;
    return this.db.transaction(() => {
      const row = sql.getCohort.get(id) as CohortRow | undefined;
      if (!row) return undefined;
      const boards = (sql.listBoards.all(id) as (CohortBoardRef & { sealedTokens: Buffer })[]).map(({ boardId, team, position }) => ({ boardId, team, position }));
      return { ...row, boards };
    })();
  }

  async cohortRoleForTokenHash(cohortId: string, hash: string): Promise<CohortRole | undefined> {
    const row = this.cohortSql.roleForHash.get(cohortId, hash) as { role: string } | undefined;
    return row?.role === 'trainer' ? 'trainer' : undefined;
  }

  async getCohortSecrets(cohortId: string): Promise<CohortSecrets | undefined> {
    const sql = this.cohortSql;
    return this.db.transaction(() => {
      const row = sql.getSalt.get(cohortId) as { keySalt: Buffer } | undefined;
      if (!row) return undefined;
      const boards = sql.listBoards.all(cohortId) as { boardId: string; sealedTokens: Buffer }[];
      return {
        keySalt: new Uint8Array(row.keySalt),
        boards: boards.map((b) => ({ boardId: b.boardId, sealedTokens: new Uint8Array(b.sealedTokens) })),
      };
    })();
  }
  // ---- end of trainer cohorts ----

  // ---- Board history (server/history/snapshotStore.ts) ----
  /** Creates its table (IF NOT EXISTS) on first use; it belongs to no schema version. */
  private snapshotStore?: SqliteSnapshots;

  private get snapshots(): SqliteSnapshots {
    return (this.snapshotStore ??= new SqliteSnapshots(this.db));
  }

  async addSnapshot(boardId: string, snapshot: SnapshotInfo, state: Uint8Array, keepAtMost?: number): Promise<string[]> {
    return this.snapshots.add(boardId, snapshot, state, keepAtMost);
  }

  async listSnapshots(boardId: string): Promise<SnapshotInfo[]> {
    return this.snapshots.list(boardId);
  }

  async getSnapshot(boardId: string, id: string): Promise<SnapshotInfo | undefined> {
    return this.snapshots.get(boardId, id);
  }

  async getSnapshotState(boardId: string, id: string): Promise<Uint8Array | undefined> {
    return this.snapshots.state(boardId, id);
  }

  async deleteSnapshot(boardId: string, id: string): Promise<boolean> {
    return this.snapshots.delete(boardId, id);
  }
  // ---- end of board history ----

  // ---- Board activity (server/dashboard/) ----
  /** Its table is created (IF NOT EXISTS) on first use; it belongs to no schema version. */
  private activityStatements?: ReturnType<SqliteStorage['prepareActivityStatements']>;

  private prepareActivityStatements() {
    this.db.exec(`CREATE TABLE IF NOT EXISTS board_activity (
      board_id TEXT PRIMARY KEY REFERENCES boards(id),
      last_activity TEXT NOT NULL
    ) WITHOUT ROWID`);
    return {
      get: this.db.prepare('SELECT last_activity AS at FROM board_activity WHERE board_id = ?'),
      upsert: this.db.prepare(
        `INSERT INTO board_activity (board_id, last_activity) VALUES (?, ?)
         ON CONFLICT(board_id) DO UPDATE SET last_activity = MAX(last_activity, excluded.last_activity)`,
      ),
    };
  }

  private get activitySql() {
    return (this.activityStatements ??= this.prepareActivityStatements());
  }

  async getBoardActivity(boardId: string): Promise<string | null> {
    const row = this.activitySql.get.get(boardId) as { at: string } | undefined;
    return row?.at ?? null;
  }

  async recordBoardActivity(boardId: string, at: string): Promise<void> {
    this.activitySql.upsert.run(boardId, at);
  }
  // ---- end of board activity ----

  /** Partnerships (server/partnerships/store.ts); their tables are created on first use. */
  private partnershipStore?: SqlitePartnerships;
  get partnerships(): SqlitePartnerships {
    return (this.partnershipStore ??= new SqlitePartnerships(this.db, (b, t, s) => this.createTx(b, t, s)));
  }

  // ---- Voter keys (server/voterKeyStore.ts) ----
  private voterKeyStore?: SqliteVoterKeys;
  private get voterKeys(): SqliteVoterKeys {
    return (this.voterKeyStore ??= new SqliteVoterKeys(this.db));
  }

  async addVoterKey(boardId: string, key: VoterKeyRow, caps: VoterKeyCaps): Promise<AddVoterKey> {
    return this.voterKeys.add(boardId, key, caps);
  }

  async hasVoterKey(boardId: string, keyHash: string): Promise<boolean> {
    return this.voterKeys.has(boardId, keyHash);
  }
  // ---- end of voter keys ----
  // ---- Replacing links (server/links/) ----
  private linkStatements?: ReturnType<SqliteStorage['prepareLinkStatements']>;

  private prepareLinkStatements() {
    const db = this.db;
    return {
      hashesOfRole: db.prepare('SELECT token_hash AS hash FROM tokens WHERE board_id = ? AND role = ?'),
      deleteRole: db.prepare('DELETE FROM tokens WHERE board_id = ? AND role = ?'),
      revoke: db.prepare('INSERT OR REPLACE INTO revoked_tokens (owner_id, token_hash, role, revoked_at) VALUES (?, ?, ?, ?)'),
      revokedAt: db.prepare('SELECT revoked_at AS at FROM revoked_tokens WHERE owner_id = ? AND token_hash = ?'),
      deleteTrainer: db.prepare("DELETE FROM cohort_tokens WHERE cohort_id = ? AND token_hash = ? AND role = 'trainer'"),
      setSalt: db.prepare('UPDATE cohorts SET key_salt = ? WHERE id = ?'),
      setSealed: db.prepare('UPDATE cohort_boards SET sealed_tokens = ? WHERE cohort_id = ? AND board_id = ?'),
    };
  }

  private get linkSql() {
    return (this.linkStatements ??= this.prepareLinkStatements());
  }

  /** The body of replaceTokens, inside the caller's transaction. */
  private replaceRole(boardId: string, role: Role, next: TokenRow, at: string): string[] {
    const sql = this.linkSql;
    const hashes = (sql.hashesOfRole.all(boardId, role) as { hash: string }[]).map((r) => r.hash);
    sql.deleteRole.run(boardId, role);
    for (const hash of hashes) sql.revoke.run(boardId, hash, role, at);
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
    return (this.linkSql.revokedAt.get(ownerId, hash) as { at: string } | undefined)?.at;
  }

  async replaceTrainerToken(
    cohortId: string,
    oldHash: string,
    newHash: string,
    keySalt: Uint8Array,
    sealed: { boardId: string; sealedTokens: Uint8Array }[],
    at: string,
  ): Promise<boolean> {
    const sql = this.linkSql;
    return this.db.transaction(() => {
      if (sql.deleteTrainer.run(cohortId, oldHash).changes === 0) return false;
      sql.revoke.run(cohortId, oldHash, 'trainer', at);
      this.cohortSql.insertToken.run(cohortId, 'trainer', newHash);
      sql.setSalt.run(Buffer.from(keySalt), cohortId);
      for (const b of sealed) sql.setSealed.run(Buffer.from(b.sealedTokens), cohortId, b.boardId);
      return true;
    })();
  }

  async replaceCohortBoardToken(
    cohortId: string,
    trainerHash: string,
    boardId: string,
    role: Role,
    next: TokenRow,
    sealedTokens: Uint8Array,
    at: string,
  ): Promise<string[] | null> {
    const sql = this.linkSql;
    return this.db.transaction(() => {
      if (!this.cohortSql.roleForHash.get(cohortId, trainerHash)) return null;
      if (sql.setSealed.run(Buffer.from(sealedTokens), cohortId, boardId).changes === 0) return null;
      return this.replaceRole(boardId, role, next, at);
    })();
  }
  // ---- end of replacing links ----

  private pingStatement?: Database.Statement;

  async ping(): Promise<void> {
    (this.pingStatement ??= this.db.prepare('SELECT 1 FROM boards LIMIT 1')).get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

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
