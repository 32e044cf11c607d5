import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDatabase } from './storage/sqliteDatabase';
import * as Y from 'yjs';
import { MIGRATIONS, openSqliteStorage, SCHEMA_VERSION } from './migrations';
import { migrate, migratePostgres } from './storage/migrate';
import pg from 'pg';
import { freshDatabase } from '../tests/helpers/postgres';
import { openPostgresStorage } from './migrations';
import { tempDir } from '../tests/helpers/server';
import { participantStore } from './participants/participantStore';
import { activityStore } from './dashboard/activityStore';
import { snapshotStore } from './history/snapshotStore';
import { partnershipStore } from './partnerships/store';
import { voterKeyStore } from './sync/voterKeyStore';

/** The schema of version 0, as the server wrote it before documents had a kind. */
const V0_SCHEMA = `
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

function update(key: string, value: unknown): Buffer {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, value);
  return Buffer.from(Y.encodeStateAsUpdate(doc));
}

/** A version-0 file holding one board with a snapshot, two logged updates, a token and a participant. */
function oldFile(): string {
  const file = path.join(tempDir(), 'boards.sqlite');
  const db = openDatabase(file);
  db.pragma('journal_mode = WAL');
  db.exec(V0_SCHEMA);
  db.prepare(
    `INSERT INTO boards (id, title, region, sector, template_id, template_version, variant, created_at)
     VALUES ('old-board-000001', 'Old', 'North', 'Care', 'blank', 1, NULL, '2025-01-01T00:00:00.000Z')`,
  ).run();
  db.prepare("INSERT INTO tokens (board_id, role, token_hash) VALUES ('old-board-000001', 'editor', 'h-editor')").run();
  db.prepare("INSERT INTO snapshots (board_id, state, up_to_seq, updated_at) VALUES ('old-board-000001', ?, 3, '2025-01-01T00:00:00.000Z')").run(
    update('snap', 'shot'),
  );
  const insert = db.prepare("INSERT INTO updates (board_id, seq, data) VALUES ('old-board-000001', ?, ?)");
  insert.run(4, update('a', 1));
  insert.run(5, update('b', 2));
  db.prepare(
    "INSERT INTO participants VALUES ('old-board-000001', 'u1', 'Ada', 'editor', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')",
  ).run();
  expect(db.pragma('user_version', { simple: true })).toBe(0);
  db.close();
  return file;
}

function materialize(stored: { compacted: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (stored.compacted) Y.applyUpdate(doc, stored.compacted);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

describe('SqliteStorage schema migration', () => {
  it('opens a file of the first schema and reads its board document', async () => {
    const file = oldFile();
    const s = openSqliteStorage(file);
    const stored = await s.loadDoc('old-board-000001', 'board');
    expect(stored.lastSeq).toBe(5);
    expect(stored.updates).toHaveLength(2);
    expect(materialize(stored).getMap('m').toJSON()).toEqual({ snap: 'shot', a: 1, b: 2 });
    expect(await s.loadDoc('old-board-000001', 'control')).toEqual({ compacted: null, updates: [], lastSeq: 0 });
    expect(await s.roleForTokenHash('old-board-000001', 'h-editor')).toBe('editor');
    expect(await s.feature(participantStore).list('old-board-000001')).toHaveLength(1);
    // It keeps working: sequence numbers continue, the control document is separate.
    expect(await s.appendUpdates('old-board-000001', 'board', [update('c', 3)])).toBe(6);
    expect(await s.appendUpdates('old-board-000001', 'control', [update('step', 'x')])).toBe(1);
    await s.close();

    const db = openDatabase(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; pk: number }[]).filter((c) => c.pk > 0).map((c) => c.name);
    expect(columns('compactions')).toEqual(['board_id', 'doc']);
    expect(columns('updates')).toEqual(['board_id', 'doc', 'seq']);
    const fks = db.prepare('PRAGMA foreign_key_list(updates)').all() as { table: string; from: string }[];
    expect(fks).toEqual([expect.objectContaining({ table: 'boards', from: 'board_id' })]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%_v1'").all()).toEqual([]);
    db.close();

    // Opening again is a no-op.
    const again = openSqliteStorage(file);
    expect(materialize(await again.loadDoc('old-board-000001', 'board')).getMap('m').toJSON()).toEqual({ snap: 'shot', a: 1, b: 2, c: 3 });
    await again.close();
  });

  it('leaves an old file untouched when the migration fails', async () => {
    const file = oldFile();
    const db = openDatabase(file);
    // An orphan row (written with foreign keys off) makes copying into the new tables fail.
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO updates (board_id, seq, data) VALUES ('no-such-board', 1, x'00')").run();
    db.close();
    expect(() => openSqliteStorage(file)).toThrow();
    const after = openDatabase(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(0);
    expect((after.prepare('SELECT COUNT(*) AS n FROM updates').get() as { n: number }).n).toBe(3);
    expect(after.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%_v1'").all()).toEqual([]);
    after.close();
  });

  it('brings a version-1 file whose later tables were never made up to date, keeping a table it already has', async () => {
    const file = oldFile();
    const db = openDatabase(file);
    // A version-1 file as servers wrote it before every table went through the numbered list:
    // the tables made on first use may be missing, or present (here: the activity one).
    migrate(db, MIGRATIONS.slice(0, 1));
    db.exec('CREATE TABLE board_activity (board_id TEXT PRIMARY KEY REFERENCES boards(id), last_activity TEXT NOT NULL) WITHOUT ROWID');
    db.prepare("INSERT INTO board_activity VALUES ('old-board-000001', '2025-02-02T00:00:00.000Z')").run();
    db.pragma('user_version = 1');
    db.close();

    const s = openSqliteStorage(file);
    expect(await s.feature(activityStore).get('old-board-000001')).toBe('2025-02-02T00:00:00.000Z');
    expect(await s.feature(snapshotStore).list('old-board-000001')).toEqual([]);
    expect(await s.feature(voterKeyStore).has('old-board-000001', 'k')).toBe(false);
    expect(await s.feature(partnershipStore).partnershipOfBoard('old-board-000001')).toBeUndefined();
    await s.close();
    const after = openDatabase(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    after.close();
  });

  it('renames the compacted state in place when it opens a version-6 file: every document loads as before', async () => {
    const file = path.join(tempDir(), 'boards.sqlite');
    const v6 = openDatabase(file);
    v6.pragma('journal_mode = WAL');
    migrate(v6, MIGRATIONS.slice(0, 6));
    expect(v6.pragma('user_version', { simple: true })).toBe(6);
    v6.prepare(
      `INSERT INTO boards (id, title, region, sector, template_id, template_version, variant, created_at)
       VALUES ('v6-board-0000001', 'Six', 'North', 'Care', 'blank', 1, NULL, '2026-01-01T00:00:00.000Z')`,
    ).run();
    const compacted = { board: update('base', 'board'), control: update('step', 'two') };
    const putCompacted = v6.prepare("INSERT INTO snapshots (board_id, doc, state, up_to_seq, updated_at) VALUES ('v6-board-0000001', ?, ?, ?, '2026-01-02T00:00:00.000Z')");
    putCompacted.run('board', compacted.board, 7);
    putCompacted.run('control', compacted.control, 2);
    const logged = [update('a', 1), update('b', 2)];
    const putUpdate = v6.prepare("INSERT INTO updates (board_id, doc, seq, data) VALUES ('v6-board-0000001', 'board', ?, ?)");
    putUpdate.run(8, logged[0]);
    putUpdate.run(9, logged[1]);
    v6.prepare(
      "INSERT INTO board_snapshots (id, board_id, name, kind, created_at, created_by, state) VALUES ('saved-000000001', 'v6-board-0000001', 'Saved', 'manual', '2026-01-02T00:00:00.000Z', NULL, ?)",
    ).run(update('saved', true));
    const rootPage = (db: ReturnType<typeof openDatabase>, table: string) => (db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(table) as { rootpage: number }).rootpage;
    const pageBefore = rootPage(v6, 'snapshots');
    v6.close();

    const s = openSqliteStorage(file);
    const board = await s.loadDoc('v6-board-0000001', 'board');
    expect(board).toEqual({ compacted: new Uint8Array(compacted.board), updates: logged.map((u) => new Uint8Array(u)), lastSeq: 9 });
    expect(await s.loadDoc('v6-board-0000001', 'control')).toEqual({ compacted: new Uint8Array(compacted.control), updates: [], lastSeq: 2 });
    expect(materialize(board).getMap('m').toJSON()).toEqual({ base: 'board', a: 1, b: 2 });
    expect(await s.feature(snapshotStore).list('v6-board-0000001')).toEqual([expect.objectContaining({ id: 'saved-000000001', name: 'Saved' })]);
    // Compaction writes to the renamed table and the log goes on from where it was.
    expect(await s.appendUpdates('v6-board-0000001', 'board', [update('c', 3)])).toBe(10);
    const whole = update('all', 'of it');
    await s.compact('v6-board-0000001', 'board', whole, 10);
    expect(await s.loadDoc('v6-board-0000001', 'board')).toEqual({ compacted: new Uint8Array(whole), updates: [], lastSeq: 10 });
    await s.close();

    const after = openDatabase(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // Renamed, not copied: the table keeps its pages.
    expect(rootPage(after, 'compactions')).toBe(pageBefore);
    expect(after.prepare("SELECT name FROM sqlite_master WHERE name = 'snapshots'").all()).toEqual([]);
    after.close();
  });

  it('numbers its migrations by their place in the list', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_m, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(9);
  });

  it('refuses a file of a newer schema', () => {
    const file = path.join(tempDir(), 'boards.sqlite');
    const db = openDatabase(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openSqliteStorage(file)).toThrow(/newer/);
  });
});

describe('PostgreSQL schema migration', () => {
  /** Table → its columns, in order, as the database describes them. */
  async function pgTables(url: string): Promise<Record<string, string[]>> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ table: string; column: string }>(
        `SELECT table_name AS table, column_name AS column FROM information_schema.columns
         WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
      );
      const tables: Record<string, string[]> = {};
      for (const r of rows) (tables[r.table] ??= []).push(r.column);
      return tables;
    } finally {
      await client.end();
    }
  }

  function sqliteTables(): Record<string, string[]> {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS);
    const tables: Record<string, string[]> = {};
    for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]) {
      tables[name] = (db.pragma(`table_info(${name})`) as { name: string }[]).map((c) => c.name);
    }
    db.close();
    return tables;
  }

  it('makes the same tables and columns as SQLite, plus the leases of the distributed mode and the order of snapshots', async () => {
    const db = await freshDatabase();
    try {
      const storage = await openPostgresStorage(db.url);
      await storage.close();
      const { board_leases, schema_version, ...tables } = await pgTables(db.url);
      // Snapshots number their rows on PostgreSQL: SQLite's rowid, which orders ties of created_at.
      expect(tables.board_snapshots).toContain('seq');
      tables.board_snapshots = tables.board_snapshots.filter((c) => c !== 'seq');
      expect(tables).toEqual(sqliteTables());
      expect(board_leases).toEqual(['board_id', 'node_id', 'node_url', 'epoch', 'expires_at']);
      expect(schema_version).toEqual(['version']);
    } finally {
      await db.drop();
    }
  });

  it('migrates once when several nodes start together, under the advisory lock', async () => {
    const db = await freshDatabase();
    try {
      // Five stores opening at once: without the lock, two would run CREATE TABLE boards and one would fail.
      const stores = await Promise.all(Array.from({ length: 5 }, () => openPostgresStorage(db.url, { maxConnections: 1 })));
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query('SELECT version FROM schema_version');
      await client.end();
      expect(rows).toEqual([{ version: SCHEMA_VERSION }]);
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await db.drop();
    }
  });

  it('refuses a database of a newer schema and leaves it untouched', async () => {
    const db = await freshDatabase();
    try {
      await (await openPostgresStorage(db.url)).close();
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query('UPDATE schema_version SET version = $1', [SCHEMA_VERSION + 1]);
      await expect(openPostgresStorage(db.url)).rejects.toThrow(`newer than this server's ${SCHEMA_VERSION}`);
      expect((await client.query('SELECT version FROM schema_version')).rows).toEqual([{ version: SCHEMA_VERSION + 1 }]);
      await client.end();
    } finally {
      await db.drop();
    }
  });

  it('runs the whole list again on nothing: a migration that fails leaves the database as it was', async () => {
    const db = await freshDatabase();
    try {
      const pool = new pg.Pool({ connectionString: db.url });
      const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, steps: [{ owner: 'test', sqlite: '', postgres: 'SELECT * FROM no_such_table' }] }];
      await expect(migratePostgres(pool, broken)).rejects.toThrow('no_such_table');
      const { rows } = await pool.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'");
      expect(rows[0].n).toBe(0);
      await pool.end();
    } finally {
      await db.drop();
    }
  });
});
