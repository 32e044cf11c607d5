import type { Role } from '../../shared/roles';
import type { BoardRow, FeatureStore, TokenRow } from '../storage/Storage';

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

/** Trainer cohorts: the cohort rows, the trainer token and the team boards with their sealed tokens. */
export interface CohortStore {
  /** Stores the cohort and creates its boards, in one transaction. */
  create(cohort: NewCohort): Promise<void>;
  get(id: string): Promise<Cohort | undefined>;
  roleForTokenHash(cohortId: string, hash: string): Promise<CohortRole | undefined>;
  secrets(cohortId: string): Promise<CohortSecrets | undefined>;
  /**
   * Replaces the trainer token `oldHash` by `newHash` (the old one remembered as revoked) with
   * the team tokens sealed again under the new key, in one transaction; false when `oldHash` is
   * no longer the trainer's.
   */
  replaceTrainerToken(cohortId: string, oldHash: string, newHash: string, keySalt: Uint8Array, sealed: { boardId: string; sealedTokens: Uint8Array }[], at: string): Promise<boolean>;
  /**
   * Replaces a team board's tokens of `role` and its sealed copy, in one transaction, provided
   * `trainerHash` is still the trainer's; resolves with the replaced hashes, or null.
   */
  replaceBoardToken(cohortId: string, trainerHash: string, boardId: string, role: Role, next: TokenRow, sealedTokens: Uint8Array, at: string): Promise<string[] | null>;
}

export const cohortStore: FeatureStore<CohortStore> = {
  name: 'cohorts',
  sqlite({ db, createBoardTx, replaceRoleTx, revokeTx }) {
    const sql = {
      insertCohort: db.prepare('INSERT INTO cohorts (id, name, template_id, variant, created_at, key_salt) VALUES (?, ?, ?, ?, ?, ?)'),
      insertToken: db.prepare('INSERT INTO cohort_tokens (cohort_id, role, token_hash) VALUES (?, ?, ?)'),
      insertBoard: db.prepare('INSERT INTO cohort_boards (cohort_id, position, board_id, team, sealed_tokens) VALUES (?, ?, ?, ?, ?)'),
      getCohort: db.prepare('SELECT id, name, template_id AS templateId, variant, created_at AS createdAt FROM cohorts WHERE id = ?'),
      getSalt: db.prepare('SELECT key_salt AS keySalt FROM cohorts WHERE id = ?'),
      listBoards: db.prepare('SELECT board_id AS boardId, team, position, sealed_tokens AS sealedTokens FROM cohort_boards WHERE cohort_id = ? ORDER BY position'),
      roleForHash: db.prepare('SELECT role FROM cohort_tokens WHERE cohort_id = ? AND token_hash = ?'),
      deleteTrainer: db.prepare("DELETE FROM cohort_tokens WHERE cohort_id = ? AND token_hash = ? AND role = 'trainer'"),
      setSalt: db.prepare('UPDATE cohorts SET key_salt = ? WHERE id = ?'),
      setSealed: db.prepare('UPDATE cohort_boards SET sealed_tokens = ? WHERE cohort_id = ? AND board_id = ?'),
    };
    return {
      async create(c) {
        db.transaction(() => {
          sql.insertCohort.run(c.cohort.id, c.cohort.name, c.cohort.templateId, c.cohort.variant, c.cohort.createdAt, Buffer.from(c.keySalt));
          sql.insertToken.run(c.cohort.id, 'trainer', c.trainerTokenHash);
          c.boards.forEach((b, position) => {
            // The same writes as createBoard (nested: a savepoint inside this transaction).
            createBoardTx(b.board, b.tokens, b.initialState);
            sql.insertBoard.run(c.cohort.id, position, b.board.id, b.team, Buffer.from(b.sealedTokens));
          });
        })();
      },
      async get(id) {
        return db.transaction(() => {
          const row = sql.getCohort.get(id) as CohortRow | undefined;
          if (!row) return undefined;
          const boards = (sql.listBoards.all(id) as (CohortBoardRef & { sealedTokens: Buffer })[]).map(({ boardId, team, position }) => ({ boardId, team, position }));
          return { ...row, boards };
        })();
      },
      async roleForTokenHash(cohortId, hash) {
        const row = sql.roleForHash.get(cohortId, hash) as { role: string } | undefined;
        return row?.role === 'trainer' ? 'trainer' : undefined;
      },
      async secrets(cohortId) {
        return db.transaction(() => {
          const row = sql.getSalt.get(cohortId) as { keySalt: Buffer } | undefined;
          if (!row) return undefined;
          const boards = sql.listBoards.all(cohortId) as { boardId: string; sealedTokens: Buffer }[];
          return {
            keySalt: new Uint8Array(row.keySalt),
            boards: boards.map((b) => ({ boardId: b.boardId, sealedTokens: new Uint8Array(b.sealedTokens) })),
          };
        })();
      },
      async replaceTrainerToken(cohortId, oldHash, newHash, keySalt, sealed, at) {
        return db.transaction(() => {
          if (sql.deleteTrainer.run(cohortId, oldHash).changes === 0) return false;
          revokeTx(cohortId, oldHash, 'trainer', at);
          sql.insertToken.run(cohortId, 'trainer', newHash);
          sql.setSalt.run(Buffer.from(keySalt), cohortId);
          for (const b of sealed) sql.setSealed.run(Buffer.from(b.sealedTokens), cohortId, b.boardId);
          return true;
        })();
      },
      async replaceBoardToken(cohortId, trainerHash, boardId, role, next, sealedTokens, at) {
        return db.transaction(() => {
          if (!sql.roleForHash.get(cohortId, trainerHash)) return null;
          if (sql.setSealed.run(Buffer.from(sealedTokens), cohortId, boardId).changes === 0) return null;
          return replaceRoleTx(boardId, role, next, at);
        })();
      },
    };
  },
  postgres({ pool, transaction, createBoardTx, replaceRoleTx, revokeTx }) {
    const COHORT = 'SELECT id, name, template_id AS "templateId", variant, created_at AS "createdAt" FROM cohorts WHERE id = $1';
    const BOARDS = 'SELECT board_id AS "boardId", team, position, sealed_tokens AS "sealedTokens" FROM cohort_boards WHERE cohort_id = $1 ORDER BY position';
    const setSealed = 'UPDATE cohort_boards SET sealed_tokens = $1 WHERE cohort_id = $2 AND board_id = $3';
    return {
      create: (c) =>
        transaction(async (db) => {
          await db.query('INSERT INTO cohorts (id, name, template_id, variant, created_at, key_salt) VALUES ($1, $2, $3, $4, $5, $6)', [
            c.cohort.id,
            c.cohort.name,
            c.cohort.templateId,
            c.cohort.variant,
            c.cohort.createdAt,
            Buffer.from(c.keySalt),
          ]);
          await db.query('INSERT INTO cohort_tokens (cohort_id, role, token_hash) VALUES ($1, $2, $3)', [c.cohort.id, 'trainer', c.trainerTokenHash]);
          for (const [position, b] of c.boards.entries()) {
            await createBoardTx(db, b.board, b.tokens, b.initialState);
            await db.query('INSERT INTO cohort_boards (cohort_id, position, board_id, team, sealed_tokens) VALUES ($1, $2, $3, $4, $5)', [
              c.cohort.id,
              position,
              b.board.id,
              b.team,
              Buffer.from(b.sealedTokens),
            ]);
          }
        }),
      get: (id) =>
        // REPEATABLE READ: the cohort and its boards from one snapshot, as SQLite's transaction gives.
        transaction(async (db) => {
          await db.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
          const row = (await db.query<CohortRow>(COHORT, [id])).rows[0];
          if (!row) return undefined;
          const boards = (await db.query<CohortBoardRef>(BOARDS, [id])).rows.map(({ boardId, team, position }) => ({ boardId, team, position }));
          return { ...row, boards };
        }),
      async roleForTokenHash(cohortId, hash) {
        const { rows } = await pool.query<{ role: string }>('SELECT role FROM cohort_tokens WHERE cohort_id = $1 AND token_hash = $2', [cohortId, hash]);
        return rows[0]?.role === 'trainer' ? 'trainer' : undefined;
      },
      secrets: (cohortId) =>
        transaction(async (db) => {
          await db.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
          const row = (await db.query<{ keySalt: Buffer }>('SELECT key_salt AS "keySalt" FROM cohorts WHERE id = $1', [cohortId])).rows[0];
          if (!row) return undefined;
          const boards = (await db.query<{ boardId: string; sealedTokens: Buffer }>(BOARDS, [cohortId])).rows;
          return {
            keySalt: new Uint8Array(row.keySalt),
            boards: boards.map((b) => ({ boardId: b.boardId, sealedTokens: new Uint8Array(b.sealedTokens) })),
          };
        }),
      replaceTrainerToken: (cohortId, oldHash, newHash, keySalt, sealed, at) =>
        transaction(async (db) => {
          // The DELETE locks the trainer's row: a second rotation at once waits, then finds it gone.
          const deleted = await db.query("DELETE FROM cohort_tokens WHERE cohort_id = $1 AND token_hash = $2 AND role = 'trainer'", [cohortId, oldHash]);
          if (deleted.rowCount === 0) return false;
          await revokeTx(db, cohortId, oldHash, 'trainer', at);
          await db.query('INSERT INTO cohort_tokens (cohort_id, role, token_hash) VALUES ($1, $2, $3)', [cohortId, 'trainer', newHash]);
          await db.query('UPDATE cohorts SET key_salt = $1 WHERE id = $2', [Buffer.from(keySalt), cohortId]);
          for (const b of sealed) await db.query(setSealed, [Buffer.from(b.sealedTokens), cohortId, b.boardId]);
          return true;
        }),
      replaceBoardToken: (cohortId, trainerHash, boardId, role, next, sealedTokens, at) =>
        transaction(async (db) => {
          // FOR SHARE: a trainer rotation at once waits for this one (or this one sees the token gone).
          const trainer = await db.query('SELECT 1 FROM cohort_tokens WHERE cohort_id = $1 AND token_hash = $2 FOR SHARE', [cohortId, trainerHash]);
          if (trainer.rowCount === 0) return null;
          if ((await db.query(setSealed, [Buffer.from(sealedTokens), cohortId, boardId])).rowCount === 0) return null;
          return replaceRoleTx(db, boardId, role, next, at);
        }),
    };
  },
  memory(boards) {
    const cohorts = new Map<string, { cohort: CohortRow; trainerTokenHash: string; keySalt: Uint8Array; boards: { boardId: string; team: string; sealedTokens: Uint8Array }[] }>();
    return {
      async create(c) {
        // Checked before anything is written, so a failure leaves nothing behind (like a transaction).
        if (cohorts.has(c.cohort.id)) throw new Error(`cohort ${c.cohort.id} exists`);
        const ids = new Set(c.boards.map((b) => b.board.id));
        if (ids.size !== c.boards.length || c.boards.some((b) => boards.hasBoard(b.board.id))) throw new Error('board exists');
        for (const b of c.boards) await boards.createBoard(b.board, b.tokens, b.initialState);
        cohorts.set(c.cohort.id, {
          cohort: { ...c.cohort },
          trainerTokenHash: c.trainerTokenHash,
          keySalt: c.keySalt.slice(),
          boards: c.boards.map((b) => ({ boardId: b.board.id, team: b.team, sealedTokens: b.sealedTokens.slice() })),
        });
      },
      async get(id) {
        const e = cohorts.get(id);
        if (!e) return undefined;
        return { ...e.cohort, boards: e.boards.map((b, position) => ({ boardId: b.boardId, team: b.team, position })) };
      },
      async roleForTokenHash(cohortId, hash) {
        return cohorts.get(cohortId)?.trainerTokenHash === hash ? 'trainer' : undefined;
      },
      async secrets(cohortId) {
        const e = cohorts.get(cohortId);
        if (!e) return undefined;
        return { keySalt: e.keySalt.slice(), boards: e.boards.map((b) => ({ boardId: b.boardId, sealedTokens: b.sealedTokens.slice() })) };
      },
      async replaceTrainerToken(cohortId, oldHash, newHash, keySalt, sealed, at) {
        const c = cohorts.get(cohortId);
        if (!c || c.trainerTokenHash !== oldHash) return false;
        boards.revoke(cohortId, oldHash, at);
        c.trainerTokenHash = newHash;
        c.keySalt = keySalt.slice();
        const byBoard = new Map(sealed.map((b) => [b.boardId, b.sealedTokens]));
        for (const b of c.boards) b.sealedTokens = byBoard.get(b.boardId)?.slice() ?? b.sealedTokens;
        return true;
      },
      async replaceBoardToken(cohortId, trainerHash, boardId, role, next, sealedTokens, at) {
        const c = cohorts.get(cohortId);
        const b = c?.boards.find((x) => x.boardId === boardId);
        if (!c || c.trainerTokenHash !== trainerHash || !b) return null;
        b.sealedTokens = sealedTokens.slice();
        return boards.replaceRole(boardId, role, next, at);
      },
    };
  },
};
