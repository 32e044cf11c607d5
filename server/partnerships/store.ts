import type Database from 'better-sqlite3';
import type { MemberRole, PartnershipRole } from '../../shared/partnership';
import type { Role } from '../../shared/roles';
import type { BoardRow, FeatureStore, MemoryBoards, TokenRow } from '../storage/Storage';
import { BoardInPartnershipError } from './errors';
import { PostgresPartnerships } from './postgresStore';

/**
 * Where partnerships are kept, on each storage implementation (read with
 * `storage.feature(partnershipStore)`, so the rules live in one place).
 *
 * A partnership lists boards; it owns none of their content. Besides its row it keeps the hashes
 * of its two link tokens, the member token sealed for the lead (secrets.ts), which boards belong
 * to it (a board belongs to at most one partnership) and which of each board's tokens were
 * derived from its links (`partnership_board_tokens`), so replacing a link can remove exactly
 * those from the board's token table.
 */

export { MEMBER_ROLES, type MemberRole, type PartnershipRole } from '../../shared/partnership';

export interface PartnershipRow {
  id: string;
  name: string;
  region: string;
  sector: string;
  /** The role a member's board links carry. */
  memberRole: MemberRole;
  createdAt: string;
}

export interface PartnershipBoardRef {
  boardId: string;
  /** The meeting the board is for (YYYY-MM-DD). */
  meetingDate: string;
  addedAt: string;
}

export interface Partnership extends PartnershipRow {
  /** In meeting order (then the order they were added). */
  boards: PartnershipBoardRef[];
}

export interface PartnershipSecrets {
  keySalt: Uint8Array;
  sealedMemberToken: Uint8Array;
}

/** A board token derived from one of the partnership's links (secrets.ts). */
export interface LinkToken {
  boardId: string;
  holder: PartnershipRole;
  role: Role;
  hash: string;
}

export interface NewPartnership {
  partnership: PartnershipRow;
  leadHash: string;
  memberHash: string;
  secrets: PartnershipSecrets;
}

/** What replacing a link changes, in one transaction (see `PartnershipStore.replaceLinks`). */
export interface LinkChange {
  /** Whose board tokens are replaced by `add`. */
  holder: PartnershipRole;
  add: LinkToken[];
  /** The new hash of the holder's partnership token (a rotation); absent when the link stays. */
  nextHash?: string;
  secrets?: PartnershipSecrets;
  memberRole?: MemberRole;
}

export { BoardInPartnershipError } from './errors';

export const partnershipStore: FeatureStore<PartnershipStore> = {
  name: 'partnerships',
  sqlite: ({ db, createBoardTx }) => new SqlitePartnerships(db, createBoardTx),
  memory: (boards) => new MemoryPartnerships(boards),
  postgres: (boards) => new PostgresPartnerships(boards),
};

export interface PartnershipStore {
  create(p: NewPartnership): Promise<void>;
  get(id: string): Promise<Partnership | undefined>;
  roleForTokenHash(id: string, hash: string): Promise<PartnershipRole | undefined>;
  secrets(id: string): Promise<PartnershipSecrets | undefined>;
  /** The partnership a board belongs to, if any. */
  partnershipOfBoard(boardId: string): Promise<string | undefined>;
  /** Creates a board (as Storage.createBoard does) and adds it to the partnership, in one transaction. */
  addNewBoard(id: string, ref: PartnershipBoardRef, board: BoardRow, tokens: TokenRow[], initialState: Uint8Array, links: LinkToken[]): Promise<void>;
  /**
   * Adds an existing board with its derived link tokens, in one transaction. Rejects with
   * BoardInPartnershipError when the board already belongs to a partnership.
   */
  attachBoard(id: string, ref: PartnershipBoardRef, links: LinkToken[]): Promise<void>;
  /**
   * Removes every board token the holder's link derived (from the boards' token tables too),
   * adds `change.add`, and applies the other changes, in one transaction, provided
   * `requesterHash` is still the lead's. Resolves with the removed tokens, or null (nothing
   * changed) when the requester's token is no longer the lead's.
   */
  replaceLinks(id: string, requesterHash: string, change: LinkChange): Promise<LinkToken[] | null>;
}


/** The partnership store of SqliteStorage, on its database. `createBoardTx` is its createBoard's writes (nestable). */
class SqlitePartnerships implements PartnershipStore {
  private readonly s;

  constructor(
    private readonly db: Database.Database,
    private readonly createBoardTx: (board: BoardRow, tokens: TokenRow[], initialState: Uint8Array) => void,
  ) {
    this.s = {
      insert: db.prepare(
        'INSERT INTO partnerships (id, name, region, sector, member_role, key_salt, sealed_member_token, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      get: db.prepare('SELECT id, name, region, sector, member_role AS memberRole, created_at AS createdAt FROM partnerships WHERE id = ?'),
      secrets: db.prepare('SELECT key_salt AS keySalt, sealed_member_token AS sealedMemberToken FROM partnerships WHERE id = ?'),
      setSecrets: db.prepare('UPDATE partnerships SET key_salt = ?, sealed_member_token = ? WHERE id = ?'),
      setMemberRole: db.prepare('UPDATE partnerships SET member_role = ? WHERE id = ?'),
      insertToken: db.prepare('INSERT INTO partnership_tokens (partnership_id, role, token_hash) VALUES (?, ?, ?)'),
      deleteTokens: db.prepare('DELETE FROM partnership_tokens WHERE partnership_id = ? AND role = ?'),
      roleForHash: db.prepare('SELECT role FROM partnership_tokens WHERE partnership_id = ? AND token_hash = ?'),
      boards: db.prepare(
        'SELECT board_id AS boardId, meeting_date AS meetingDate, added_at AS addedAt FROM partnership_boards WHERE partnership_id = ? ORDER BY meeting_date, added_at, board_id',
      ),
      ofBoard: db.prepare('SELECT partnership_id AS id FROM partnership_boards WHERE board_id = ?'),
      insertBoard: db.prepare('INSERT INTO partnership_boards (partnership_id, board_id, meeting_date, added_at) VALUES (?, ?, ?, ?)'),
      insertLink: db.prepare('INSERT OR IGNORE INTO partnership_board_tokens (partnership_id, board_id, holder, role, token_hash) VALUES (?, ?, ?, ?, ?)'),
      links: db.prepare('SELECT board_id AS boardId, holder, role, token_hash AS hash FROM partnership_board_tokens WHERE partnership_id = ? AND holder = ?'),
      deleteLinks: db.prepare('DELETE FROM partnership_board_tokens WHERE partnership_id = ? AND holder = ?'),
      insertBoardToken: db.prepare('INSERT OR IGNORE INTO tokens (board_id, role, token_hash, label) VALUES (?, ?, ?, ?)'),
      deleteBoardToken: db.prepare('DELETE FROM tokens WHERE board_id = ? AND token_hash = ?'),
    };
  }

  private addLinks(id: string, links: readonly LinkToken[]): void {
    for (const l of links) {
      this.s.insertBoardToken.run(l.boardId, l.role, l.hash, `partnership ${l.holder}`);
      this.s.insertLink.run(id, l.boardId, l.holder, l.role, l.hash);
    }
  }

  async create(p: NewPartnership): Promise<void> {
    const { partnership: r, secrets } = p;
    this.db.transaction(() => {
      this.s.insert.run(r.id, r.name, r.region, r.sector, r.memberRole, Buffer.from(secrets.keySalt), Buffer.from(secrets.sealedMemberToken), r.createdAt);
      this.s.insertToken.run(r.id, 'lead', p.leadHash);
      this.s.insertToken.run(r.id, 'member', p.memberHash);
    })();
  }

  async get(id: string): Promise<Partnership | undefined> {
    const row = this.s.get.get(id) as PartnershipRow | undefined;
    if (!row) return undefined;
    return { ...row, boards: this.s.boards.all(id) as PartnershipBoardRef[] };
  }

  async roleForTokenHash(id: string, hash: string): Promise<PartnershipRole | undefined> {
    return (this.s.roleForHash.get(id, hash) as { role: PartnershipRole } | undefined)?.role;
  }

  async secrets(id: string): Promise<PartnershipSecrets | undefined> {
    const row = this.s.secrets.get(id) as { keySalt: Buffer; sealedMemberToken: Buffer } | undefined;
    return row ? { keySalt: new Uint8Array(row.keySalt), sealedMemberToken: new Uint8Array(row.sealedMemberToken) } : undefined;
  }

  async partnershipOfBoard(boardId: string): Promise<string | undefined> {
    return (this.s.ofBoard.get(boardId) as { id: string } | undefined)?.id;
  }

  async addNewBoard(id: string, ref: PartnershipBoardRef, board: BoardRow, tokens: TokenRow[], initialState: Uint8Array, links: LinkToken[]): Promise<void> {
    this.db.transaction(() => {
      this.createBoardTx(board, tokens, initialState);
      this.s.insertBoard.run(id, ref.boardId, ref.meetingDate, ref.addedAt);
      this.addLinks(id, links);
    })();
  }

  async attachBoard(id: string, ref: PartnershipBoardRef, links: LinkToken[]): Promise<void> {
    this.db.transaction(() => {
      if (this.s.ofBoard.get(ref.boardId)) throw new BoardInPartnershipError(`board ${ref.boardId} belongs to a partnership`);
      this.s.insertBoard.run(id, ref.boardId, ref.meetingDate, ref.addedAt);
      this.addLinks(id, links);
    })();
  }

  async replaceLinks(id: string, requesterHash: string, change: LinkChange): Promise<LinkToken[] | null> {
    return this.db.transaction(() => {
      if ((this.s.roleForHash.get(id, requesterHash) as { role: string } | undefined)?.role !== 'lead') return null;
      const removed = this.s.links.all(id, change.holder) as LinkToken[];
      for (const l of removed) this.s.deleteBoardToken.run(l.boardId, l.hash);
      this.s.deleteLinks.run(id, change.holder);
      this.addLinks(id, change.add);
      if (change.nextHash !== undefined) {
        this.s.deleteTokens.run(id, change.holder);
        this.s.insertToken.run(id, change.holder, change.nextHash);
      }
      if (change.secrets) this.s.setSecrets.run(Buffer.from(change.secrets.keySalt), Buffer.from(change.secrets.sealedMemberToken), id);
      if (change.memberRole) this.s.setMemberRole.run(change.memberRole, id);
      return removed;
    })();
  }
}

/** The partnership store of MemoryStorage (tests). */
class MemoryPartnerships implements PartnershipStore {
  private readonly rows = new Map<
    string,
    { row: PartnershipRow; tokens: Map<string, PartnershipRole>; secrets: PartnershipSecrets; boards: PartnershipBoardRef[]; links: LinkToken[] }
  >();
  private readonly boardOwner = new Map<string, string>();

  constructor(private readonly boards: MemoryBoards) {}

  private entry(id: string) {
    const e = this.rows.get(id);
    if (!e) throw new Error(`partnership ${id} not found`);
    return e;
  }

  async create(p: NewPartnership): Promise<void> {
    if (this.rows.has(p.partnership.id)) throw new Error(`partnership ${p.partnership.id} exists`);
    this.rows.set(p.partnership.id, {
      row: { ...p.partnership },
      tokens: new Map([
        [p.leadHash, 'lead'],
        [p.memberHash, 'member'],
      ]),
      secrets: { keySalt: p.secrets.keySalt.slice(), sealedMemberToken: p.secrets.sealedMemberToken.slice() },
      boards: [],
      links: [],
    });
  }

  async get(id: string): Promise<Partnership | undefined> {
    const e = this.rows.get(id);
    if (!e) return undefined;
    const boards = e.boards
      .map((b) => ({ ...b }))
      .sort((a, b) => (a.meetingDate !== b.meetingDate ? (a.meetingDate < b.meetingDate ? -1 : 1) : a.addedAt !== b.addedAt ? (a.addedAt < b.addedAt ? -1 : 1) : a.boardId < b.boardId ? -1 : 1));
    return { ...e.row, boards };
  }

  async roleForTokenHash(id: string, hash: string): Promise<PartnershipRole | undefined> {
    return this.rows.get(id)?.tokens.get(hash);
  }

  async secrets(id: string): Promise<PartnershipSecrets | undefined> {
    const e = this.rows.get(id);
    return e ? { keySalt: e.secrets.keySalt.slice(), sealedMemberToken: e.secrets.sealedMemberToken.slice() } : undefined;
  }

  async partnershipOfBoard(boardId: string): Promise<string | undefined> {
    return this.boardOwner.get(boardId);
  }

  private addLinks(id: string, links: readonly LinkToken[]): void {
    const e = this.entry(id);
    for (const l of links) {
      this.boards.addToken(l.boardId, { role: l.role, hash: l.hash, label: `partnership ${l.holder}` });
      e.links.push({ ...l });
    }
  }

  async addNewBoard(id: string, ref: PartnershipBoardRef, board: BoardRow, tokens: TokenRow[], initialState: Uint8Array, links: LinkToken[]): Promise<void> {
    this.entry(id);
    await this.boards.createBoard(board, tokens, initialState);
    this.entry(id).boards.push({ ...ref });
    this.boardOwner.set(ref.boardId, id);
    this.addLinks(id, links);
  }

  async attachBoard(id: string, ref: PartnershipBoardRef, links: LinkToken[]): Promise<void> {
    const e = this.entry(id);
    if (!this.boards.hasBoard(ref.boardId)) throw new Error(`board ${ref.boardId} not found`);
    if (this.boardOwner.has(ref.boardId)) throw new BoardInPartnershipError(`board ${ref.boardId} belongs to a partnership`);
    e.boards.push({ ...ref });
    this.boardOwner.set(ref.boardId, id);
    this.addLinks(id, links);
  }

  async replaceLinks(id: string, requesterHash: string, change: LinkChange): Promise<LinkToken[] | null> {
    const e = this.entry(id);
    if (e.tokens.get(requesterHash) !== 'lead') return null;
    const removed = e.links.filter((l) => l.holder === change.holder);
    for (const l of removed) this.boards.removeToken(l.boardId, l.hash);
    e.links = e.links.filter((l) => l.holder !== change.holder);
    this.addLinks(id, change.add);
    if (change.nextHash !== undefined) {
      for (const [hash, role] of e.tokens) if (role === change.holder) e.tokens.delete(hash);
      e.tokens.set(change.nextHash, change.holder);
    }
    if (change.secrets) e.secrets = { keySalt: change.secrets.keySalt.slice(), sealedMemberToken: change.secrets.sealedMemberToken.slice() };
    if (change.memberRole) e.row.memberRole = change.memberRole;
    return removed.map((l) => ({ ...l }));
  }
}
