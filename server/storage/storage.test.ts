import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { MemoryStorage } from './MemoryStorage';
import type { BoardRow, Storage } from './Storage';
import { PostgresStorage } from './PostgresStorage';
import { openDatabase } from './sqliteDatabase';
import type { DocKind } from '../../shared/roles';
import { openSqliteStorage, sqliteAt, tempDir } from '../../tests/helpers/server';
import { freshPostgresStorage } from '../../tests/helpers/postgres';

const row = (id: string): BoardRow => ({
  id,
  title: 'Board',
  region: 'Region',
  sector: 'Sector',
  templateId: 'blank',
  templateVersion: 1,
  variant: null,
  createdAt: '2026-01-01T00:00:00.000Z',
});

function updateSetting(key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

function materialize(stored: { compacted: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (stored.compacted) Y.applyUpdate(doc, stored.compacted);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

/** The three stores, with the deletion of covered updates the background sweep uses. */
type AnyStore = Storage & { dropCovered(boardId: string, kind: DocKind, limit: number): Promise<number> };

const sqliteFiles = new WeakMap<Storage, string>();
const implementations: [string, () => AnyStore | Promise<AnyStore>][] = [
  ['MemoryStorage', () => new MemoryStorage()],
  [
    'SqliteStorage',
    () => {
      const file = path.join(tempDir(), 'db.sqlite');
      const s = sqliteAt(file);
      sqliteFiles.set(s, file);
      return s;
    },
  ],
  ['PostgresStorage', () => freshPostgresStorage()],
];

/** The update rows a store holds for a document, covered ones included, read beside the store. */
async function storedRows(s: Storage, boardId: string, kind: DocKind): Promise<number> {
  if (s instanceof MemoryStorage) return s.storedUpdates(boardId, kind);
  if (s instanceof PostgresStorage) {
    const { rows } = await s.pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM updates WHERE board_id = $1 AND doc = $2', [boardId, kind]);
    return Number(rows[0].n);
  }
  const raw = openDatabase(sqliteFiles.get(s)!, { readonly: true });
  try {
    return (raw.prepare('SELECT COUNT(*) AS n FROM updates WHERE board_id = ? AND doc = ?').get(boardId, kind) as { n: number }).n;
  } finally {
    raw.close();
  }
}

/** Resolves once `condition` holds, polling; fails after `ms`. */
async function until(condition: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(implementations)('%s', (_name, make) => {
  it('stores a board with hashed tokens and finds the role by hash only', async () => {
    const s = await make();
    await s.createBoard(row('b1'), [{ role: 'editor', hash: 'h-editor' }, { role: 'viewer', hash: 'h-viewer' }], updateSetting('a', 1));
    expect(await s.getBoard('b1')).toEqual(row('b1'));
    expect(await s.getBoard('nope')).toBeUndefined();
    expect(await s.roleForTokenHash('b1', 'h-editor')).toBe('editor');
    expect(await s.roleForTokenHash('b1', 'h-viewer')).toBe('viewer');
    expect(await s.roleForTokenHash('b1', 'h-unknown')).toBeUndefined();
    expect(await s.roleForTokenHash('b2', 'h-editor')).toBeUndefined();
    await s.close();
  });

  it('appends updates in order and loads them after the initial state', async () => {
    const s = await make();
    await s.createBoard(row('b1'), [], updateSetting('initial', true));
    expect(await s.appendUpdates('b1', 'board', [updateSetting('x', 1), updateSetting('y', 2)])).toBe(2);
    expect(await s.appendUpdates('b1', 'board', [updateSetting('z', 3)])).toBe(3);
    const stored = await s.loadDoc('b1', 'board');
    expect(stored.updates).toHaveLength(3);
    expect(stored.lastSeq).toBe(3);
    expect(materialize(stored).getMap('m').toJSON()).toEqual({ initial: true, x: 1, y: 2, z: 3 });
    await s.close();
  });

  it('compacts into a snapshot, keeping updates appended after the compaction point', async () => {
    const s = await make();
    await s.createBoard(row('b1'), [], updateSetting('initial', true));
    await s.appendUpdates('b1', 'board', [updateSetting('x', 1), updateSetting('y', 2)]);
    const doc = materialize(await s.loadDoc('b1', 'board'));
    await s.appendUpdates('b1', 'board', [updateSetting('late', 'after snapshot')]);
    await s.compact('b1', 'board', Y.encodeStateAsUpdate(doc), 2);
    const stored = await s.loadDoc('b1', 'board');
    expect(stored.updates).toHaveLength(1);
    expect(stored.lastSeq).toBe(3);
    expect(materialize(stored).getMap('m').toJSON()).toEqual({ initial: true, x: 1, y: 2, late: 'after snapshot' });
    // Sequence numbers keep growing after a compaction emptied the log.
    await s.compact('b1', 'board', Y.encodeStateAsUpdate(materialize(stored)), 3);
    expect(await s.appendUpdates('b1', 'board', [updateSetting('next', 1)])).toBe(4);
    await s.close();
  });

  it('never returns the updates a compacted state covers, and deletes them in the background', async () => {
    const s = await make();
    await s.createBoard(row('b1'), [], updateSetting('initial', true));
    const first = [updateSetting('a', 1), updateSetting('b', 2), updateSetting('c', 3)];
    await s.appendUpdates('b1', 'board', first);
    const coveredDoc = materialize(await s.loadDoc('b1', 'board'));
    const later = [updateSetting('d', 4), updateSetting('e', 5)];
    await s.appendUpdates('b1', 'board', later);
    await s.compact('b1', 'board', Y.encodeStateAsUpdate(coveredDoc), 3);

    // Rows 1–3 may still be stored, but are not part of the document any more.
    let stored = await s.loadDoc('b1', 'board');
    expect(stored.updates).toEqual(later);
    expect(stored.lastSeq).toBe(5);
    const f = updateSetting('f', 6);
    expect(await s.appendUpdates('b1', 'board', [f])).toBe(6);
    await until(async () => (await storedRows(s, 'b1', 'board')) === 3);
    stored = await s.loadDoc('b1', 'board');
    expect(stored.updates).toEqual([...later, f]);
    expect(materialize(stored).getMap('m').toJSON()).toEqual({ initial: true, a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 });

    // A compaction of everything: numbering goes on after it, deleted or not.
    await s.compact('b1', 'board', Y.encodeStateAsUpdate(materialize(stored)), 6);
    expect(await s.loadDoc('b1', 'board')).toMatchObject({ updates: [], lastSeq: 6 });
    const g = updateSetting('g', 7);
    expect(await s.appendUpdates('b1', 'board', [g])).toBe(7);
    await until(async () => (await storedRows(s, 'b1', 'board')) === 1);
    stored = await s.loadDoc('b1', 'board');
    expect(stored.updates).toEqual([g]);
    expect(materialize(stored).getMap('m').toJSON()).toMatchObject({ a: 1, f: 6, g: 7 });
    await s.close();
  });

  it('deletes a long covered log in the background', async () => {
    const s = await make();
    await s.createBoard(row('b1'), [], updateSetting('initial', true));
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 250; i++) doc.getMap('m').set(`k${i}`, i);
    await s.appendUpdates('b1', 'board', updates);
    await s.compact('b1', 'board', Y.encodeStateAsUpdate(doc), 250);
    await until(async () => (await storedRows(s, 'b1', 'board')) === 0);
    expect(await s.dropCovered('b1', 'board', 100)).toBe(0);
    expect(materialize(await s.loadDoc('b1', 'board')).getMap('m').size).toBe(250);
    await s.close();
  });

  it('keeps boards apart when they are written alternately', async () => {
    const s = await make();
    await s.createBoard(row('b1'), [], updateSetting('board', 1));
    await s.createBoard(row('b2'), [], updateSetting('board', 2));
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => s.appendUpdates(i % 2 ? 'b1' : 'b2', 'board', [updateSetting(`k${i}`, i)])),
    );
    expect(Object.keys(materialize(await s.loadDoc('b1', 'board')).getMap('m').toJSON())).toHaveLength(11);
    expect(Object.keys(materialize(await s.loadDoc('b2', 'board')).getMap('m').toJSON())).toHaveLength(11);
    await s.close();
  });

  it('refuses to load a board that does not exist', async () => {
    const s = await make();
    await expect(s.loadDoc('missing', 'board')).rejects.toThrow();
    await expect(s.loadDoc('missing', 'control')).rejects.toThrow();
    await s.close();
  });

  it("keeps a board's control document apart: empty until written, its own log and snapshot", async () => {
    const s = await make();
    await s.createBoard(row('b1'), [], updateSetting('initial', true));
    expect(await s.loadDoc('b1', 'control')).toEqual({ compacted: null, updates: [], lastSeq: 0 });
    expect(await s.appendUpdates('b1', 'control', [updateSetting('step', 'a'), updateSetting('timer', 1)])).toBe(2);
    expect(await s.appendUpdates('b1', 'board', [updateSetting('x', 1)])).toBe(1);
    const control = await s.loadDoc('b1', 'control');
    expect(control.lastSeq).toBe(2);
    expect(materialize(control).getMap('m').toJSON()).toEqual({ step: 'a', timer: 1 });
    expect(materialize(await s.loadDoc('b1', 'board')).getMap('m').toJSON()).toEqual({ initial: true, x: 1 });
    await s.compact('b1', 'control', Y.encodeStateAsUpdate(materialize(control)), 2);
    const compacted = await s.loadDoc('b1', 'control');
    expect(compacted.updates).toHaveLength(0);
    expect(compacted.lastSeq).toBe(2);
    expect(materialize(compacted).getMap('m').toJSON()).toEqual({ step: 'a', timer: 1 });
    // The board's log was not touched by the control document's compaction.
    expect((await s.loadDoc('b1', 'board')).updates).toHaveLength(1);
    await s.close();
  });

  it('adds a token to an existing board', async () => {
    const s = await make();
    await s.createBoard(row('b1'), [{ role: 'editor', hash: 'h-editor' }], updateSetting('i', 1));
    await s.addToken('b1', { role: 'facilitator', hash: 'h-new', label: 'Co-host' });
    expect(await s.roleForTokenHash('b1', 'h-new')).toBe('facilitator');
    expect(await s.roleForTokenHash('b1', 'h-editor')).toBe('editor');
    await expect(s.addToken('missing', { role: 'facilitator', hash: 'h-x' })).rejects.toThrow();
    await s.close();
  });
});

describe('SqliteStorage on disk', () => {
  it('deletes on the next load the updates a compaction covered before the store closed', async () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const a = sqliteAt(file);
    sqliteFiles.set(a, file);
    await a.createBoard(row('b1'), [], updateSetting('initial', true));
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 250; i++) doc.getMap('m').set(`k${i}`, i);
    await a.appendUpdates('b1', 'board', updates);
    // Closed in the turn of the compaction: what a crash between a compaction and its deletions leaves.
    await a.compact('b1', 'board', Y.encodeStateAsUpdate(doc), 250);
    await a.close();
    const b = sqliteAt(file);
    sqliteFiles.set(b, file);
    expect(await storedRows(b, 'b1', 'board')).toBe(250);
    const stored = await b.loadDoc('b1', 'board');
    expect(stored).toMatchObject({ updates: [], lastSeq: 250 });
    expect(materialize(stored).getMap('m').size).toBe(250);
    await until(async () => (await storedRows(b, 'b1', 'board')) === 0);
    expect(await b.appendUpdates('b1', 'board', [updateSetting('next', 1)])).toBe(251);
    await b.close();
  });

  it("checkpoints the write-ahead log from its own thread, not inside the server's commits", async () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const s = openSqliteStorage(file, { checkpointEveryMs: 20 });
    await s.createBoard(row('b1'), [], updateSetting('initial', true));
    const sizeBefore = fs.statSync(file).size;
    // ~400 KB of updates: far below SQLite's own automatic checkpoint (1,000 pages), so only the thread moves it.
    for (let i = 0; i < 100; i++) await s.appendUpdates('b1', 'board', [new Uint8Array(4000).fill(i)]);
    await until(() => fs.statSync(file).size > sizeBefore + 400_000);
    expect((await s.loadDoc('b1', 'board')).updates).toHaveLength(100);
    await s.close();
    const reopened = sqliteAt(file);
    expect((await reopened.loadDoc('b1', 'board')).lastSeq).toBe(100);
    await reopened.close();
  });

  it('reloads everything after reopening the file', async () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const a = sqliteAt(file);
    await a.createBoard(row('b1'), [{ role: 'facilitator', hash: 'h' }], updateSetting('initial', true));
    await a.appendUpdates('b1', 'board', [updateSetting('x', 1)]);
    await a.close();
    const b = sqliteAt(file);
    expect(await b.roleForTokenHash('b1', 'h')).toBe('facilitator');
    expect(materialize(await b.loadDoc('b1', 'board')).getMap('m').toJSON()).toEqual({ initial: true, x: 1 });
    await b.close();
  });

  it('lets two store instances on one file append to different boards without losing rows', async () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const a = sqliteAt(file);
    const b = sqliteAt(file);
    await a.createBoard(row('b1'), [], updateSetting('i', 1));
    await b.createBoard(row('b2'), [], updateSetting('i', 2));
    for (let i = 0; i < 50; i++) {
      await a.appendUpdates('b1', 'board', [updateSetting(`a${i}`, i)]);
      await b.appendUpdates('b2', 'board', [updateSetting(`b${i}`, i)]);
    }
    expect((await b.loadDoc('b1', 'board')).updates).toHaveLength(50);
    expect((await a.loadDoc('b2', 'board')).updates).toHaveLength(50);
    await a.close();
    await b.close();
  });

  it('numbers appends to one board from two store instances on one file without losing rows', async () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const a = sqliteAt(file);
    const b = sqliteAt(file);
    await a.createBoard(row('b1'), [], updateSetting('i', 1));
    expect(await a.appendUpdates('b1', 'board', [updateSetting('a', 1)])).toBe(1);
    expect(await b.appendUpdates('b1', 'board', [updateSetting('b', 1)])).toBe(2);
    expect(await a.appendUpdates('b1', 'board', [updateSetting('c', 1)])).toBe(3);
    expect(materialize(await b.loadDoc('b1', 'board')).getMap('m').toJSON()).toEqual({ i: 1, a: 1, b: 1, c: 1 });
    await a.close();
    await b.close();
  });
});
