import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '../../shared/roles';
import { MAX_PARTICIPANTS_PER_BOARD, type BoardRow, type ParticipantRow, type Storage, type StoredDoc, type TokenRow } from './Storage';

const SCHEMA = `
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
CREATE TABLE IF NOT EXISTS snapshots (
  board_id TEXT PRIMARY KEY REFERENCES boards(id),
  state BLOB NOT NULL,
  up_to_seq INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  board_id TEXT NOT NULL REFERENCES boards(id),
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (board_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS participants (
  board_id TEXT NOT NULL REFERENCES boards(id),
  user_id TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  PRIMARY KEY (board_id, user_id)
) WITHOUT ROWID;
`;

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
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    const db = this.db;
    this.stmts = {
      insertBoard: db.prepare(
        `INSERT INTO boards (id, title, region, sector, template_id, template_version, variant, created_at)
         VALUES (@id, @title, @region, @sector, @templateId, @templateVersion, @variant, @createdAt)`,
      ),
      insertToken: db.prepare('INSERT INTO tokens (board_id, role, token_hash) VALUES (?, ?, ?)'),
      getBoard: db.prepare(
        `SELECT id, title, region, sector, template_id AS templateId, template_version AS templateVersion,
                variant, created_at AS createdAt FROM boards WHERE id = ?`,
      ),
      roleForHash: db.prepare('SELECT role FROM tokens WHERE board_id = ? AND token_hash = ?'),
      getSnapshot: db.prepare('SELECT state, up_to_seq AS upToSeq FROM snapshots WHERE board_id = ?'),
      getUpdates: db.prepare('SELECT seq, data FROM updates WHERE board_id = ? ORDER BY seq'),
      lastSeq: db.prepare('SELECT MAX(seq) AS seq FROM updates WHERE board_id = ?'),
      insertUpdate: db.prepare('INSERT INTO updates (board_id, seq, data) VALUES (?, ?, ?)'),
      upsertSnapshot: db.prepare(
        `INSERT INTO snapshots (board_id, state, up_to_seq, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(board_id) DO UPDATE SET state = excluded.state, up_to_seq = excluded.up_to_seq,
         updated_at = excluded.updated_at`,
      ),
      deleteUpdates: db.prepare('DELETE FROM updates WHERE board_id = ? AND seq <= ?'),
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

  private seqOf(boardId: string): number {
    const row = this.stmts.lastSeq.get(boardId) as { seq: number | null };
    if (row.seq !== null) return row.seq;
    const snap = this.stmts.getSnapshot.get(boardId) as { upToSeq: number } | undefined;
    return snap?.upToSeq ?? 0;
  }

  private readonly createTx = (board: BoardRow, tokens: TokenRow[], initialState: Uint8Array) =>
    this.db.transaction(() => {
      this.stmts.insertBoard.run(board);
      for (const t of tokens) this.stmts.insertToken.run(board.id, t.role, t.hash);
      this.stmts.upsertSnapshot.run(board.id, Buffer.from(initialState), 0, board.createdAt);
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

  async loadDoc(boardId: string): Promise<StoredDoc> {
    return this.db.transaction(() => {
      if (!this.stmts.getBoard.get(boardId)) throw new Error(`board ${boardId} not found`);
      const snap = this.stmts.getSnapshot.get(boardId) as { state: Buffer; upToSeq: number } | undefined;
      const rows = this.stmts.getUpdates.all(boardId) as { seq: number; data: Buffer }[];
      const lastSeq = rows.length ? rows[rows.length - 1].seq : (snap?.upToSeq ?? 0);
      return {
        snapshot: snap ? new Uint8Array(snap.state) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastSeq,
      };
    })();
  }

  async appendUpdates(boardId: string, updates: Uint8Array[]): Promise<number> {
    return this.db.transaction(() => {
      let seq = this.seqOf(boardId);
      for (const u of updates) this.stmts.insertUpdate.run(boardId, ++seq, Buffer.from(u.buffer, u.byteOffset, u.byteLength));
      return seq;
    })();
  }

  async compact(boardId: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.stmts.upsertSnapshot.run(boardId, Buffer.from(snapshot), upToSeq, new Date().toISOString());
      this.stmts.deleteUpdates.run(boardId, upToSeq);
    })();
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

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
