import type Database from 'better-sqlite3';
import type { FeatureStore, PostgresBoards } from '../storage/Storage';
import { MAX_SNAPSHOTS_PER_BOARD, PRUNE_ORDER, type SnapshotInfo, type SnapshotKind } from '../../shared/api/history';

/**
 * Where board snapshots are kept, on each storage implementation (the rules live here once).
 *
 * Rules:
 *  - A board keeps at most `keepAtMost` snapshots (MAX_SNAPSHOTS_PER_BOARD by default). Adding one
 *    beyond it removes, in the same transaction, the oldest of the others in PRUNE_ORDER: automatic
 *    ones first, then pre-restore ones, then saved ones. The snapshot just added is always kept,
 *    and so is the newest pre-restore snapshot before it (the undo of the last restore): the cap
 *    can be passed by one for it.
 *  - Listing is newest first (created_at, then insertion order); it never reads a state.
 */

/** Which of a board's snapshots (oldest first, the new one last) to remove to keep at most `keepAtMost`. */
export function snapshotsToPrune(oldestFirst: readonly { id: string; kind: SnapshotKind }[], keepAtMost: number): string[] {
  let excess = oldestFirst.length - Math.max(1, keepAtMost);
  if (excess <= 0) return [];
  // The newest pre-restore snapshot besides the one just added is kept too: it undoes the last
  // restore, which the next save (another restore's, say) must not make impossible.
  const others = oldestFirst.slice(0, -1);
  const lastPreRestore = others.findLast((row) => row.kind === 'pre-restore');
  const candidates = others.filter((row) => row !== lastPreRestore);
  const out: string[] = [];
  for (const kind of PRUNE_ORDER) {
    for (const row of candidates) {
      if (excess === 0) return out;
      if (row.kind === kind) {
        out.push(row.id);
        excess--;
      }
    }
  }
  return out;
}

const COLUMNS = 'id, name, kind, created_at AS createdAt, created_by AS createdBy';

/** Named snapshots of board documents (table `board_snapshots`). */
export interface SnapshotStore {
  /** Adds one and prunes past `keepAtMost`; resolves with the ids removed. */
  add(boardId: string, snapshot: SnapshotInfo, state: Uint8Array, keepAtMost?: number): Promise<string[]>;
  /** Newest first. */
  list(boardId: string): Promise<SnapshotInfo[]>;
  get(boardId: string, id: string): Promise<SnapshotInfo | undefined>;
  state(boardId: string, id: string): Promise<Uint8Array | undefined>;
  delete(boardId: string, id: string): Promise<boolean>;
}

export const snapshotStore: FeatureStore<SnapshotStore> = {
  name: 'history',
  sqlite: ({ db }) => asynchronous(new SqliteSnapshots(db)),
  memory: (boards) => asynchronous(new MemorySnapshots((boardId) => boards.assertBoard(boardId))),
  postgres: (boards) => postgresSnapshots(boards),
};

/** On PostgreSQL: `seq` stands for SQLite's rowid (insertion order). */
function postgresSnapshots({ pool, transaction }: PostgresBoards): SnapshotStore {
  const columns = 'id, name, kind, created_at AS "createdAt", created_by AS "createdBy"';
  const remove = 'DELETE FROM board_snapshots WHERE board_id = $1 AND id = $2';
  return {
    add: (boardId, s, state, keepAtMost = MAX_SNAPSHOTS_PER_BOARD) =>
      transaction(async (db) => {
        // The board's row locked (not blocking writes that only reference it): adds to one board
        // take turns across nodes, so each prunes with every other add in view.
        await db.query('SELECT 1 FROM boards WHERE id = $1 FOR NO KEY UPDATE', [boardId]);
        await db.query('INSERT INTO board_snapshots (id, board_id, name, kind, created_at, created_by, state) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          s.id,
          boardId,
          s.name,
          s.kind,
          s.createdAt,
          s.createdBy,
          Buffer.from(state.buffer, state.byteOffset, state.byteLength),
        ]);
        const { rows } = await db.query<{ id: string; kind: SnapshotKind }>(
          'SELECT id, kind FROM board_snapshots WHERE board_id = $1 ORDER BY created_at COLLATE "C", seq',
          [boardId],
        );
        const others = rows.filter((r) => r.id !== s.id);
        const pruned = snapshotsToPrune([...others, { id: s.id, kind: s.kind }], keepAtMost);
        for (const id of pruned) await db.query(remove, [boardId, id]);
        return pruned;
      }),
    async list(boardId) {
      const { rows } = await pool.query<SnapshotInfo>(
        `SELECT ${columns} FROM board_snapshots WHERE board_id = $1 ORDER BY created_at COLLATE "C" DESC, seq DESC`,
        [boardId],
      );
      return rows;
    },
    async get(boardId, id) {
      const { rows } = await pool.query<SnapshotInfo>(`SELECT ${columns} FROM board_snapshots WHERE board_id = $1 AND id = $2`, [boardId, id]);
      return rows[0];
    },
    async state(boardId, id) {
      const { rows } = await pool.query<{ state: Buffer }>('SELECT state FROM board_snapshots WHERE board_id = $1 AND id = $2', [boardId, id]);
      return rows[0] ? new Uint8Array(rows[0].state) : undefined;
    },
    async delete(boardId, id) {
      return ((await pool.query(remove, [boardId, id])).rowCount ?? 0) > 0;
    },
  };
}

function asynchronous(s: SqliteSnapshots | MemorySnapshots): SnapshotStore {
  return {
    add: async (boardId, snapshot, state, keepAtMost) => s.add(boardId, snapshot, state, keepAtMost),
    list: async (boardId) => s.list(boardId),
    get: async (boardId, id) => s.get(boardId, id),
    state: async (boardId, id) => s.state(boardId, id),
    delete: async (boardId, id) => s.delete(boardId, id),
  };
}

/** On SQLite. */
class SqliteSnapshots {
  private readonly stmts;

  constructor(private readonly db: Database.Database) {
    this.stmts = {
      insert: db.prepare(
        'INSERT INTO board_snapshots (id, board_id, name, kind, created_at, created_by, state) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      kindsOldestFirst: db.prepare('SELECT id, kind FROM board_snapshots WHERE board_id = ? ORDER BY created_at, rowid'),
      list: db.prepare(`SELECT ${COLUMNS} FROM board_snapshots WHERE board_id = ? ORDER BY created_at DESC, rowid DESC`),
      get: db.prepare(`SELECT ${COLUMNS} FROM board_snapshots WHERE board_id = ? AND id = ?`),
      state: db.prepare('SELECT state FROM board_snapshots WHERE board_id = ? AND id = ?'),
      delete: db.prepare('DELETE FROM board_snapshots WHERE board_id = ? AND id = ?'),
    };
  }

  add(boardId: string, s: SnapshotInfo, state: Uint8Array, keepAtMost = MAX_SNAPSHOTS_PER_BOARD): string[] {
    return this.db.transaction(() => {
      this.stmts.insert.run(s.id, boardId, s.name, s.kind, s.createdAt, s.createdBy, Buffer.from(state.buffer, state.byteOffset, state.byteLength));
      const rows = this.stmts.kindsOldestFirst.all(boardId) as { id: string; kind: SnapshotKind }[];
      // The new row is the last one unless an older created_at was given; keep it either way.
      const others = rows.filter((r) => r.id !== s.id);
      const pruned = snapshotsToPrune([...others, { id: s.id, kind: s.kind }], keepAtMost);
      for (const id of pruned) this.stmts.delete.run(boardId, id);
      return pruned;
    })();
  }

  list(boardId: string): SnapshotInfo[] {
    return this.stmts.list.all(boardId) as SnapshotInfo[];
  }

  get(boardId: string, id: string): SnapshotInfo | undefined {
    return this.stmts.get.get(boardId, id) as SnapshotInfo | undefined;
  }

  state(boardId: string, id: string): Uint8Array | undefined {
    const row = this.stmts.state.get(boardId, id) as { state: Buffer } | undefined;
    return row ? new Uint8Array(row.state) : undefined;
  }

  delete(boardId: string, id: string): boolean {
    return this.stmts.delete.run(boardId, id).changes > 0;
  }
}

/** In memory (copies every buffer). `check` throws for an unknown board. */
class MemorySnapshots {
  /** board id → snapshots in insertion order. */
  private readonly boards = new Map<string, { info: SnapshotInfo; state: Uint8Array }[]>();
  private readonly ids = new Set<string>();

  constructor(private readonly check: (boardId: string) => void) {}

  private of(boardId: string) {
    return this.boards.get(boardId) ?? [];
  }

  private oldestFirst(boardId: string) {
    // Stable: equal times keep insertion order, like SQLite's rowid.
    return [...this.of(boardId)].sort((a, b) => (a.info.createdAt < b.info.createdAt ? -1 : a.info.createdAt > b.info.createdAt ? 1 : 0));
  }

  add(boardId: string, s: SnapshotInfo, state: Uint8Array, keepAtMost = MAX_SNAPSHOTS_PER_BOARD): string[] {
    this.check(boardId);
    let list = this.boards.get(boardId);
    if (!list) this.boards.set(boardId, (list = []));
    if (this.ids.has(s.id)) throw new Error(`snapshot ${s.id} exists`);
    list.push({ info: { ...s }, state: state.slice() });
    this.ids.add(s.id);
    const others = this.oldestFirst(boardId).filter((e) => e.info.id !== s.id);
    const pruned = snapshotsToPrune([...others.map((e) => e.info), s], keepAtMost);
    for (const id of pruned) this.delete(boardId, id);
    return pruned;
  }

  list(boardId: string): SnapshotInfo[] {
    return this.oldestFirst(boardId)
      .reverse()
      .map((e) => ({ ...e.info }));
  }

  get(boardId: string, id: string): SnapshotInfo | undefined {
    const e = this.of(boardId).find((x) => x.info.id === id);
    return e ? { ...e.info } : undefined;
  }

  state(boardId: string, id: string): Uint8Array | undefined {
    return this.of(boardId)
      .find((x) => x.info.id === id)
      ?.state.slice();
  }

  delete(boardId: string, id: string): boolean {
    const list = this.of(boardId);
    const i = list.findIndex((x) => x.info.id === id);
    if (i < 0) return false;
    list.splice(i, 1);
    this.ids.delete(id);
    return true;
  }
}
