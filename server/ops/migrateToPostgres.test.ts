import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../tests/helpers/postgres';
import { runToExit } from '../../tests/helpers/process';
import { MIGRATIONS, openPostgresStorage, SCHEMA_VERSION, sqliteIn, startTestServer, tempDir } from '../../tests/helpers/server';
import { boardState, busyBoardRecords, createTestCohort } from '../dashboard/testing';
import type { BoardRow } from '../storage/Storage';
import { copySqliteToPostgres, MigrationRefused, redactUrl } from './migrateToPostgres';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

async function database(): Promise<TestDatabase> {
  const db = await freshDatabase();
  cleanups.push(() => db.drop());
  return db;
}

const row = (id: string, title: string): BoardRow => ({
  id,
  title,
  region: 'Lake County',
  sector: 'Healthcare',
  templateId: 'many-tables-many-knocks',
  templateVersion: 1,
  variant: null,
  createdAt: '2026-03-01T10:00:00.000Z',
});

/** An edit to a board document, as a Yjs update. */
function edit(state: Uint8Array, key: string, value: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  doc.getMap('notes').set(key, value);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

/**
 * A SQLite deployment with a row in every table: a cohort made through the API, boards with
 * compacted documents and update logs after them, a replaced link, and rows of every feature.
 */
async function seededDeployment(): Promise<{ dataDir: string; boards: string[] }> {
  const dataDir = tempDir();
  cleanups.push(() => import('node:fs').then((fs) => fs.rmSync(dataDir, { recursive: true, force: true })));
  const server = await startTestServer({ storage: sqliteIn(dataDir) });
  const cohort = await createTestCohort(server.url);
  await server.close();

  const storage = sqliteIn(dataDir);
  const a = row('aaaaaaaaaaaaaaaaaaaaaa', 'Busy board');
  const stateA = boardState(a, busyBoardRecords(30).records);
  await storage.createBoard(a, [{ role: 'facilitator', hash: 'f'.repeat(64) }, { role: 'editor', hash: 'e'.repeat(64), label: 'Ana' }], stateA);
  const first = [edit(stateA, 'one', 'first'), edit(stateA, 'two', 'second')];
  const seq = await storage.appendUpdates(a.id, 'board', first);
  const docA = new Y.Doc();
  Y.applyUpdate(docA, stateA);
  for (const u of first) Y.applyUpdate(docA, u);
  await storage.compact(a.id, 'board', Y.encodeStateAsUpdate(docA), seq);
  await storage.appendUpdates(a.id, 'board', [edit(Y.encodeStateAsUpdate(docA), 'three', 'after the compaction')]);
  const control = new Y.Doc();
  control.getMap('control').set('banner', 'Break until 11');
  await storage.appendUpdates(a.id, 'control', [Y.encodeStateAsUpdate(control)]);
  await storage.replaceTokens(a.id, 'editor', { role: 'editor', hash: 'd'.repeat(64) }, 'f'.repeat(64), '2026-03-02T09:00:00.000Z');
  await storage.close();

  const db = new Database(path.join(dataDir, 'boards.sqlite'));
  const boardId = cohort.boards[0].id;
  db.prepare(`INSERT INTO votes VALUES (?, 'round-1', 'voter-1', '["shape:a","shape:b"]', '2026-03-02T10:00:00.000Z')`).run(a.id);
  db.prepare(`INSERT INTO board_snapshots VALUES ('snap-1', ?, 'Before lunch', 'manual', '2026-03-02T11:00:00.000Z', 'Ana', ?)`).run(a.id, Buffer.from(stateA));
  db.prepare(`INSERT INTO board_snapshots VALUES ('snap-0', ?, 'Same moment', 'auto', '2026-03-02T11:00:00.000Z', NULL, ?)`).run(a.id, Buffer.from(stateA));
  db.prepare(`INSERT INTO participants VALUES (?, 'user-1', 'Ana', 'editor', '2026-03-02T09:00:00.000Z', '2026-03-02T12:00:00.000Z')`).run(boardId);
  db.prepare(`INSERT INTO board_activity VALUES (?, '2026-03-02T12:00:00.000Z')`).run(boardId);
  db.prepare(`INSERT INTO voter_keys VALUES (?, ?, ?, ?, '2026-03-02T10:00:00.000Z')`).run('k'.repeat(64), a.id, 'l'.repeat(64), 'm'.repeat(64));
  db.prepare(`INSERT INTO partnerships VALUES ('p-1', 'Lake County Care', 'Lake County', 'Healthcare', 'editor', ?, ?, '2026-03-01T08:00:00.000Z')`).run(
    Buffer.from([1, 2, 3]),
    Buffer.from([4, 5, 6, 0, 255]),
  );
  db.prepare(`INSERT INTO partnership_tokens VALUES ('p-1', 'lead', ?)`).run('p'.repeat(64));
  db.prepare(`INSERT INTO partnership_boards VALUES ('p-1', ?, '2026-03-01', '2026-03-01T08:00:00.000Z')`).run(a.id);
  db.prepare(`INSERT INTO partnership_board_tokens VALUES ('p-1', ?, 'member', 'editor', ?)`).run(a.id, 'q'.repeat(64));
  db.close();
  return { dataDir, boards: [a.id, ...cohort.boards.map((b) => b.id)] };
}

/** The SQLite file's tables and their columns. */
function sqliteColumns(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    return Object.fromEntries(tables.map((t) => [t, (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name)]));
  } finally {
    db.close();
  }
}

/** Every row of every table of the SQLite file, by table, as comparable text (bytes as hex), sorted. */
function sqliteRows(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      Object.entries(sqliteColumns(file)).map(([t, columns]) => [t, (db.prepare(`SELECT ${columns.join(', ')} FROM ${t}`).all() as Record<string, unknown>[]).map(comparable).sort()]),
    );
  } finally {
    db.close();
  }
}

/** The same columns' rows in PostgreSQL (its own extra columns, such as serials, left out). */
async function postgresRows(url: string, columns: Record<string, string[]>): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, string[]> = {};
    for (const [t, names] of Object.entries(columns)) out[t] = (await client.query(`SELECT ${names.join(', ')} FROM ${t}`)).rows.map(comparable).sort();
    return out;
  } finally {
    await client.end();
  }
}

async function postgresOrder(url: string, query: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ id: string }>(query)).rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

function comparable(r: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(r)
      .sort()
      .map((k) => [k, Buffer.isBuffer(r[k]) ? `hex:${(r[k] as Buffer).toString('hex')}` : r[k] === null ? null : String(r[k])]),
  );
}

describe('copying a SQLite deployment to PostgreSQL (npm run migrate-to-postgres)', () => {
  it('copies every table and row, and every board loads the same document byte for byte', async () => {
    const { dataDir, boards } = await seededDeployment();
    const file = path.join(dataDir, 'boards.sqlite');
    const target = await database();
    const lines: string[] = [];
    const result = await copySqliteToPostgres(file, target.url, MIGRATIONS, (l) => lines.push(l));

    const before = sqliteRows(file);
    for (const [table, rows] of Object.entries(before)) expect(rows.length, `rows of ${table} in the seeded file`).toBeGreaterThan(0);
    expect(Object.fromEntries(result.tables.map((t) => [t.table, t.rows]))).toEqual(Object.fromEntries(Object.entries(before).map(([t, r]) => [t, r.length])));
    expect(await postgresRows(target.url, sqliteColumns(file))).toEqual(before);
    // Snapshots made in the same millisecond keep their order (SQLite's rowid, PostgreSQL's seq).
    expect(await postgresOrder(target.url, 'SELECT id FROM board_snapshots ORDER BY created_at, seq')).toEqual(['snap-1', 'snap-0']);
    expect(result.schemaVersion).toBe(SCHEMA_VERSION);
    expect(lines.some((l) => /updates: \d+ rows/.test(l))).toBe(true);

    const sqlite = sqliteIn(dataDir);
    const postgres = await openPostgresStorage(target.url, { maxConnections: 2 });
    cleanups.push(() => postgres.close());
    cleanups.push(() => sqlite.close());
    for (const id of boards) {
      expect(await postgres.getBoard(id)).toEqual(await sqlite.getBoard(id));
      for (const kind of ['board', 'control'] as const) {
        const [from, to] = [await sqlite.loadDoc(id, kind), await postgres.loadDoc(id, kind)];
        expect(to.lastSeq).toBe(from.lastSeq);
        expect(to.compacted && Buffer.from(to.compacted).equals(Buffer.from(from.compacted!))).toBe(from.compacted ? true : null);
        expect(to.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(from.updates.map((u) => Buffer.from(u).toString('hex')));
      }
    }
    // The copied store goes on where the file stopped: the next append follows the last number.
    expect(await postgres.appendUpdates(boards[0], 'board', [new Uint8Array([0])])).toBe((await sqlite.loadDoc(boards[0], 'board')).lastSeq + 1);
    expect(await postgres.tokenRevokedAt(boards[0], 'e'.repeat(64))).toBe('2026-03-02T09:00:00.000Z');
  });

  it('refuses a target that holds rows, and one migrated to another schema version, copying nothing', async () => {
    const { dataDir } = await seededDeployment();
    const file = path.join(dataDir, 'boards.sqlite');
    const target = await database();
    await copySqliteToPostgres(file, target.url, MIGRATIONS, () => {});
    await expect(copySqliteToPostgres(file, target.url, MIGRATIONS, () => {})).rejects.toThrow(/not empty \(table \w+ has \d+ rows\)/);

    const older = await database();
    const store = await openPostgresStorage(older.url, { maxConnections: 1 });
    await store.pool.query('UPDATE schema_version SET version = $1', [SCHEMA_VERSION - 1]);
    await store.close();
    const refusal = copySqliteToPostgres(file, older.url, MIGRATIONS, () => {});
    await expect(refusal).rejects.toThrow(MigrationRefused);
    await expect(refusal).rejects.toThrow(`has schema version ${SCHEMA_VERSION - 1}`);
    expect(await postgresRows(older.url, { boards: ['id'] })).toEqual({ boards: [] });
  });

  it('refuses a SQLite store of an older or newer schema version, saying what to do', async () => {
    const { dataDir } = await seededDeployment();
    const file = path.join(dataDir, 'boards.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    db.close();
    const target = await database();
    await expect(copySqliteToPostgres(file, target.url, MIGRATIONS, () => {})).rejects.toThrow(/older than this server's .*start this version of the server on it once/);
    const newer = new Database(file);
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    await expect(copySqliteToPostgres(file, target.url, MIGRATIONS, () => {})).rejects.toThrow(/newer than this server's/);
  });

  it('never shows the password of the URL', () => {
    expect(redactUrl('postgres://boards:s3cret@db.example:5432/boards')).toBe('postgres://boards:***@db.example:5432/boards');
    expect(redactUrl('postgres://db.example/boards')).toBe('postgres://db.example/boards');
  });

  it('as a command: progress on stderr, rows per table on stdout, no password; a second run is refused with exit 1', async () => {
    const { dataDir } = await seededDeployment();
    const target = await database();
    const withPassword = new URL(target.url);
    expect(withPassword.password).not.toBe('');
    const secret = `:${withPassword.password}@`;
    const run = () => runToExit(['--import', 'tsx', 'server/migrateCli.ts', target.url], { DATA_DIR: dataDir }, 60_000);
    const first = await run();
    expect(first.stderr).toContain('Reading ');
    expect(first.stderr).toMatch(/boards: \d+ rows/);
    expect(first.stdout).toMatch(/^updates\s+\d+$/m);
    expect(first.stdout).toMatch(/^Copied \d+ rows in \d+ tables/m);
    expect(first.status).toBe(0);
    const second = await run();
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/Nothing copied: the PostgreSQL database is not empty/);
    for (const out of [first.stdout, first.stderr, second.stdout, second.stderr]) expect(out).not.toContain(secret);
    const usage = await runToExit(['--import', 'tsx', 'server/migrateCli.ts'], { DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: npm run migrate-to-postgres');
  });
});
