import type { PoolClient } from 'pg';
import type { BoardRow, PostgresBoards, TokenRow } from '../storage/Storage';
import { BoardInPartnershipError } from './errors';
import type { LinkChange, LinkToken, NewPartnership, Partnership, PartnershipBoardRef, PartnershipRole, PartnershipRow, PartnershipSecrets, PartnershipStore } from './store';

/** The partnership store of PostgresStorage: the same statements as SqlitePartnerships, in the same transactions. */
export class PostgresPartnerships implements PartnershipStore {
  constructor(private readonly boards: PostgresBoards) {}

  private async addLinks(db: PoolClient, id: string, links: readonly LinkToken[]): Promise<void> {
    for (const l of links) {
      await db.query('INSERT INTO tokens (board_id, role, token_hash, label) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
        l.boardId,
        l.role,
        l.hash,
        `partnership ${l.holder}`,
      ]);
      await db.query(
        'INSERT INTO partnership_board_tokens (partnership_id, board_id, holder, role, token_hash) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [id, l.boardId, l.holder, l.role, l.hash],
      );
    }
  }

  /** Lists the board in the partnership; a board some other transaction listed first is a BoardInPartnershipError. */
  private async insertBoard(db: PoolClient, id: string, ref: PartnershipBoardRef): Promise<void> {
    try {
      await db.query('INSERT INTO partnership_boards (partnership_id, board_id, meeting_date, added_at) VALUES ($1, $2, $3, $4)', [
        id,
        ref.boardId,
        ref.meetingDate,
        ref.addedAt,
      ]);
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'partnership_boards_board_id_key') {
        throw new BoardInPartnershipError(`board ${ref.boardId} belongs to a partnership`);
      }
      throw error;
    }
  }

  async create(p: NewPartnership): Promise<void> {
    const { partnership: r, secrets } = p;
    await this.boards.transaction(async (db) => {
      await db.query(
        'INSERT INTO partnerships (id, name, region, sector, member_role, key_salt, sealed_member_token, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [r.id, r.name, r.region, r.sector, r.memberRole, Buffer.from(secrets.keySalt), Buffer.from(secrets.sealedMemberToken), r.createdAt],
      );
      await db.query('INSERT INTO partnership_tokens (partnership_id, role, token_hash) VALUES ($1, $2, $3), ($1, $4, $5)', [
        r.id,
        'lead',
        p.leadHash,
        'member',
        p.memberHash,
      ]);
    });
  }

  async get(id: string): Promise<Partnership | undefined> {
    // REPEATABLE READ: the row and its boards from one snapshot.
    return this.boards.transaction(async (db) => {
      await db.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { rows } = await db.query<PartnershipRow>(
        'SELECT id, name, region, sector, member_role AS "memberRole", created_at AS "createdAt" FROM partnerships WHERE id = $1',
        [id],
      );
      if (!rows[0]) return undefined;
      const boards = await db.query<PartnershipBoardRef>(
        `SELECT board_id AS "boardId", meeting_date AS "meetingDate", added_at AS "addedAt" FROM partnership_boards WHERE partnership_id = $1
         ORDER BY meeting_date COLLATE "C", added_at COLLATE "C", board_id COLLATE "C"`,
        [id],
      );
      return { ...rows[0], boards: boards.rows };
    });
  }

  async roleForTokenHash(id: string, hash: string): Promise<PartnershipRole | undefined> {
    const { rows } = await this.boards.pool.query<{ role: PartnershipRole }>(
      'SELECT role FROM partnership_tokens WHERE partnership_id = $1 AND token_hash = $2',
      [id, hash],
    );
    return rows[0]?.role;
  }

  async secrets(id: string): Promise<PartnershipSecrets | undefined> {
    const { rows } = await this.boards.pool.query<{ keySalt: Buffer; sealedMemberToken: Buffer }>(
      'SELECT key_salt AS "keySalt", sealed_member_token AS "sealedMemberToken" FROM partnerships WHERE id = $1',
      [id],
    );
    return rows[0] ? { keySalt: new Uint8Array(rows[0].keySalt), sealedMemberToken: new Uint8Array(rows[0].sealedMemberToken) } : undefined;
  }

  async partnershipOfBoard(boardId: string): Promise<string | undefined> {
    const { rows } = await this.boards.pool.query<{ id: string }>('SELECT partnership_id AS id FROM partnership_boards WHERE board_id = $1', [boardId]);
    return rows[0]?.id;
  }

  async addNewBoard(id: string, ref: PartnershipBoardRef, board: BoardRow, tokens: TokenRow[], initialState: Uint8Array, links: LinkToken[]): Promise<void> {
    await this.boards.transaction(async (db) => {
      await this.boards.createBoardTx(db, board, tokens, initialState);
      await this.insertBoard(db, id, ref);
      await this.addLinks(db, id, links);
    });
  }

  async attachBoard(id: string, ref: PartnershipBoardRef, links: LinkToken[]): Promise<void> {
    await this.boards.transaction(async (db) => {
      const owner = await db.query('SELECT 1 FROM partnership_boards WHERE board_id = $1', [ref.boardId]);
      if (owner.rowCount) throw new BoardInPartnershipError(`board ${ref.boardId} belongs to a partnership`);
      // Two attaches of one board at once: the second insert meets the first's unique board_id.
      await this.insertBoard(db, id, ref);
      await this.addLinks(db, id, links);
    });
  }

  async replaceLinks(id: string, requesterHash: string, change: LinkChange): Promise<LinkToken[] | null> {
    return this.boards.transaction(async (db) => {
      // FOR UPDATE: two replacements at once take turns, the second seeing the first's links.
      const lead = await db.query<{ role: string }>('SELECT role FROM partnership_tokens WHERE partnership_id = $1 AND token_hash = $2 FOR UPDATE', [
        id,
        requesterHash,
      ]);
      if (lead.rows[0]?.role !== 'lead') return null;
      const removed = (
        await db.query<LinkToken>(
          'SELECT board_id AS "boardId", holder, role, token_hash AS hash FROM partnership_board_tokens WHERE partnership_id = $1 AND holder = $2 ORDER BY board_id COLLATE "C", token_hash COLLATE "C"',
          [id, change.holder],
        )
      ).rows;
      for (const l of removed) await db.query('DELETE FROM tokens WHERE board_id = $1 AND token_hash = $2', [l.boardId, l.hash]);
      await db.query('DELETE FROM partnership_board_tokens WHERE partnership_id = $1 AND holder = $2', [id, change.holder]);
      await this.addLinks(db, id, change.add);
      if (change.nextHash !== undefined) {
        await db.query('DELETE FROM partnership_tokens WHERE partnership_id = $1 AND role = $2', [id, change.holder]);
        await db.query('INSERT INTO partnership_tokens (partnership_id, role, token_hash) VALUES ($1, $2, $3)', [id, change.holder, change.nextHash]);
      }
      if (change.secrets) {
        await db.query('UPDATE partnerships SET key_salt = $1, sealed_member_token = $2 WHERE id = $3', [
          Buffer.from(change.secrets.keySalt),
          Buffer.from(change.secrets.sealedMemberToken),
          id,
        ]);
      }
      if (change.memberRole) await db.query('UPDATE partnerships SET member_role = $1 WHERE id = $2', [change.memberRole, id]);
      return removed;
    });
  }
}
