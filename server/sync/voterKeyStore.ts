import type Database from 'better-sqlite3';
import type { FeatureStore } from '../storage/Storage';

/**
 * Where issued voter keys are kept (sync/voterKeys.ts), on each storage implementation
 * (the rules live here once). Only hashes
 * are stored: of the key, of the link's token (already how tokens are stored) and of the
 * client's address.
 *
 * `add` counts the keys a board has already issued to the same link and to the same address and
 * refuses past the caps, in the same transaction as the insert, so two connections at once can
 * never both take the last place.
 */
export interface VoterKeyRow {
  keyHash: string;
  linkHash: string;
  addressHash: string;
  issuedAt: string;
}

export interface VoterKeyCaps {
  perLink: number;
  perAddress: number;
}

export type AddVoterKey = 'added' | 'link_full' | 'address_full';

function verdict(byLink: number, byAddress: number, caps: VoterKeyCaps): AddVoterKey {
  if (byLink >= caps.perLink) return 'link_full';
  if (byAddress >= caps.perAddress) return 'address_full';
  return 'added';
}

/** Voter keys issued over board sockets (table `voter_keys`). */
export interface VoterKeyStore {
  add(boardId: string, key: VoterKeyRow, caps: VoterKeyCaps): Promise<AddVoterKey>;
  has(boardId: string, keyHash: string): Promise<boolean>;
}

export const voterKeyStore: FeatureStore<VoterKeyStore> = {
  name: 'voterKeys',
  sqlite({ db }) {
    const keys = new SqliteVoterKeys(db);
    return { add: async (boardId, key, caps) => keys.add(boardId, key, caps), has: async (boardId, hash) => keys.has(boardId, hash) };
  },
  postgres({ pool, transaction }) {
    return {
      add: (boardId, row, caps) =>
        transaction(async (db) => {
          // The board's row locked (not blocking writes that only reference it): keys of one board
          // are issued in turn across nodes, so the counts below stay true until the insert.
          await db.query('SELECT 1 FROM boards WHERE id = $1 FOR NO KEY UPDATE', [boardId]);
          const { rows } = await db.query<{ byLink: number; byAddress: number }>(
            `SELECT COUNT(*) FILTER (WHERE link_hash = $2)::int AS "byLink", COUNT(*) FILTER (WHERE address_hash = $3)::int AS "byAddress"
             FROM voter_keys WHERE board_id = $1 AND (link_hash = $2 OR address_hash = $3)`,
            [boardId, row.linkHash, row.addressHash],
          );
          const result = verdict(rows[0].byLink, rows[0].byAddress, caps);
          if (result === 'added')
            await db.query('INSERT INTO voter_keys (key_hash, board_id, link_hash, address_hash, issued_at) VALUES ($1, $2, $3, $4, $5)', [
              row.keyHash,
              boardId,
              row.linkHash,
              row.addressHash,
              row.issuedAt,
            ]);
          return result;
        }),
      async has(boardId, keyHash) {
        const { rowCount } = await pool.query('SELECT 1 FROM voter_keys WHERE board_id = $1 AND key_hash = $2', [boardId, keyHash]);
        return (rowCount ?? 0) > 0;
      },
    };
  },
  memory(boards) {
    const keys = new MemoryVoterKeys((boardId) => boards.assertBoard(boardId));
    return { add: async (boardId, key, caps) => keys.add(boardId, key, caps), has: async (boardId, hash) => keys.has(boardId, hash) };
  },
};

class SqliteVoterKeys {
  private readonly stmts;

  constructor(private readonly db: Database.Database) {
    this.stmts = {
      byLink: db.prepare('SELECT COUNT(*) AS n FROM voter_keys WHERE board_id = ? AND link_hash = ?'),
      byAddress: db.prepare('SELECT COUNT(*) AS n FROM voter_keys WHERE board_id = ? AND address_hash = ?'),
      insert: db.prepare('INSERT INTO voter_keys (key_hash, board_id, link_hash, address_hash, issued_at) VALUES (?, ?, ?, ?, ?)'),
      has: db.prepare('SELECT 1 FROM voter_keys WHERE board_id = ? AND key_hash = ?'),
    };
  }

  add(boardId: string, row: VoterKeyRow, caps: VoterKeyCaps): AddVoterKey {
    return this.db.transaction(() => {
      const byLink = (this.stmts.byLink.get(boardId, row.linkHash) as { n: number }).n;
      const byAddress = (this.stmts.byAddress.get(boardId, row.addressHash) as { n: number }).n;
      const result = verdict(byLink, byAddress, caps);
      if (result === 'added') this.stmts.insert.run(row.keyHash, boardId, row.linkHash, row.addressHash, row.issuedAt);
      return result;
    })();
  }

  has(boardId: string, keyHash: string): boolean {
    return this.stmts.has.get(boardId, keyHash) !== undefined;
  }
}

class MemoryVoterKeys {
  private readonly keys = new Map<string, VoterKeyRow & { boardId: string }>();

  constructor(private readonly assertBoard: (boardId: string) => void) {}

  add(boardId: string, row: VoterKeyRow, caps: VoterKeyCaps): AddVoterKey {
    this.assertBoard(boardId);
    let byLink = 0;
    let byAddress = 0;
    for (const k of this.keys.values()) {
      if (k.boardId !== boardId) continue;
      if (k.linkHash === row.linkHash) byLink++;
      if (k.addressHash === row.addressHash) byAddress++;
    }
    const result = verdict(byLink, byAddress, caps);
    if (result === 'added') this.keys.set(row.keyHash, { ...row, boardId });
    return result;
  }

  has(boardId: string, keyHash: string): boolean {
    return this.keys.get(keyHash)?.boardId === boardId;
  }
}
