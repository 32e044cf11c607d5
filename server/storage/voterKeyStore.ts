import type Database from 'better-sqlite3';

/**
 * Where issued voter keys are kept (server/voterKeys.ts), for both storage implementations
 * (SqliteStorage and MemoryStorage delegate here, so the rules live in one place). Only hashes
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

export const VOTER_KEY_TABLES = `
CREATE TABLE IF NOT EXISTS voter_keys (
  key_hash TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id),
  link_hash TEXT NOT NULL,
  address_hash TEXT NOT NULL,
  issued_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS voter_keys_by_link ON voter_keys (board_id, link_hash);
CREATE INDEX IF NOT EXISTS voter_keys_by_address ON voter_keys (board_id, address_hash);
`;

export class SqliteVoterKeys {
  private readonly stmts;

  constructor(private readonly db: Database.Database) {
    db.exec(VOTER_KEY_TABLES);
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

export class MemoryVoterKeys {
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
