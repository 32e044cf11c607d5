import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDatabase } from '../storage/sqliteDatabase';
import * as Y from 'yjs';
import type { SnapshotInfo, SnapshotKind } from '../../shared/api/history';
import { MemoryStorage } from '../storage/MemoryStorage';
import { openSqliteStorage, SCHEMA_VERSION } from '../../tests/helpers/server';
import type { BoardRow, Storage } from '../storage/Storage';
import { tempDir } from '../../tests/helpers/server';
import { snapshotsToPrune } from './snapshotStore';
import { snapshotStore } from './snapshotStore';
import { freshPostgresStorage, twoPostgresNodes } from '../../tests/helpers/postgres';

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

function state(value: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set('v', value);
  return Y.encodeStateAsUpdate(doc);
}

function storedValue(update: Uint8Array | undefined): unknown {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update!);
  return doc.getMap('m').get('v');
}

let n = 0;
const snap = (kind: SnapshotKind, createdAt: string, name = `${kind} ${++n}`): SnapshotInfo => ({
  id: `snap${String(++n).padStart(6, '0')}`,
  name,
  kind,
  createdAt,
  createdBy: kind === 'manual' ? 'Fran' : null,
});

const implementations: [string, () => { storage: Storage; file?: string } | Promise<{ storage: Storage; file?: string }>][] = [
  ['MemoryStorage', () => ({ storage: new MemoryStorage() })],
  [
    'SqliteStorage',
    () => {
      const file = path.join(tempDir(), 'db.sqlite');
      return { storage: openSqliteStorage(file), file };
    },
  ],
  ['PostgresStorage', async () => ({ storage: await freshPostgresStorage() })],
];

describe.each(implementations)('%s snapshots', (_name, make) => {
  it('stores, lists newest first without states, reads one and its state, and deletes', async () => {
    const { storage: s } = await make();
    await s.createBoard(row('b1'), [], state('seed'));
    await s.createBoard(row('b2'), [], state('seed'));
    const a = snap('manual', '2026-05-01T10:00:00.000Z', 'First');
    const b = snap('auto', '2026-05-01T11:00:00.000Z', 'Session ended');
    const c = snap('pre-restore', '2026-05-01T11:00:00.000Z', 'Before restoring “First”'); // same time as b, stored after
    expect(await s.feature(snapshotStore).add('b1', a, state('a'))).toEqual([]);
    await s.feature(snapshotStore).add('b1', b, state('b'));
    await s.feature(snapshotStore).add('b1', c, state('c'));
    await s.feature(snapshotStore).add('b2', snap('manual', '2026-05-02T00:00:00.000Z'), state('other board'));

    const listed = await s.feature(snapshotStore).list('b1');
    expect(listed).toEqual([c, b, a]);
    expect(listed[0]).not.toHaveProperty('state');
    expect(await s.feature(snapshotStore).get('b1', a.id)).toEqual(a);
    expect(await s.feature(snapshotStore).get('b2', a.id)).toBeUndefined(); // another board's id is unknown here
    expect(storedValue(await s.feature(snapshotStore).state('b1', b.id))).toBe('b');
    expect(await s.feature(snapshotStore).state('b1', 'nope0000')).toBeUndefined();
    expect(await s.feature(snapshotStore).state('b2', b.id)).toBeUndefined();
    expect(await s.feature(snapshotStore).list('unknown')).toEqual([]);

    expect(await s.feature(snapshotStore).delete('b2', b.id)).toBe(false);
    expect(await s.feature(snapshotStore).delete('b1', b.id)).toBe(true);
    expect(await s.feature(snapshotStore).delete('b1', b.id)).toBe(false);
    expect((await s.feature(snapshotStore).list('b1')).map((x) => x.id)).toEqual([c.id, a.id]);
    await s.close();
  });

  it('refuses a snapshot of an unknown board and a duplicate id', async () => {
    const { storage: s } = await make();
    await s.createBoard(row('b1'), [], state('seed'));
    await expect(s.feature(snapshotStore).add('nope', snap('manual', '2026-05-01T10:00:00.000Z'), state('x'))).rejects.toThrow();
    const a = snap('manual', '2026-05-01T10:00:00.000Z');
    await s.feature(snapshotStore).add('b1', a, state('x'));
    await expect(s.feature(snapshotStore).add('b1', a, state('y'))).rejects.toThrow();
    expect(storedValue(await s.feature(snapshotStore).state('b1', a.id))).toBe('x');
    await s.close();
  });

  it('keeps at most the cap per board: oldest automatic first, then pre-restore, then saved; the new one and the newest pre-restore always stay', async () => {
    const { storage: s } = await make();
    await s.createBoard(row('b1'), [], state('seed'));
    await s.createBoard(row('b2'), [], state('seed'));
    const at = (minute: number) => new Date(Date.UTC(2026, 4, 1, 10, minute)).toISOString();
    const m1 = snap('manual', at(0));
    const a1 = snap('auto', at(1));
    const p1 = snap('pre-restore', at(2));
    const a2 = snap('auto', at(3));
    for (const x of [m1, a1, p1, a2]) await s.feature(snapshotStore).add('b1', x, state(x.id), 4);
    await s.feature(snapshotStore).add('b2', snap('auto', at(0)), state('b2'), 4);

    const m2 = snap('manual', at(4));
    expect(await s.feature(snapshotStore).add('b1', m2, state(m2.id), 4)).toEqual([a1.id]);
    const m3 = snap('manual', at(5));
    expect(await s.feature(snapshotStore).add('b1', m3, state(m3.id), 4)).toEqual([a2.id]);
    // The one pre-restore snapshot left is the undo of the last restore: it stays, a saved one goes.
    const m4 = snap('manual', at(6));
    expect(await s.feature(snapshotStore).add('b1', m4, state(m4.id), 4)).toEqual([m1.id]);
    const a3 = snap('auto', at(7));
    expect(await s.feature(snapshotStore).add('b1', a3, state(a3.id), 4)).toEqual([m2.id]);
    // A newer pre-restore snapshot takes over: the older one may go now.
    const p2 = snap('pre-restore', at(8));
    expect(await s.feature(snapshotStore).add('b1', p2, state(p2.id), 4)).toEqual([a3.id]);
    const m5 = snap('manual', at(9));
    expect(await s.feature(snapshotStore).add('b1', m5, state(m5.id), 4)).toEqual([p1.id]);
    expect((await s.feature(snapshotStore).list('b1')).map((x) => x.id)).toEqual([m5.id, p2.id, m4.id, m3.id]);
    expect(storedValue(await s.feature(snapshotStore).state('b1', m3.id))).toBe(m3.id);
    // Other boards are untouched.
    expect(await s.feature(snapshotStore).list('b2')).toHaveLength(1);
    await s.close();
  });

  it('keeps snapshots across a restart (SQLite) in their own table, at the schema version of the store', async () => {
    const { storage: s, file } = await make();
    await s.createBoard(row('b1'), [], state('seed'));
    const a = snap('manual', '2026-05-01T10:00:00.000Z');
    await s.feature(snapshotStore).add('b1', a, state('kept'));
    await s.close();
    if (!file) return;
    const db = openDatabase(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'board_snapshots'").get()).toBeTruthy();
    db.close();
    const again = openSqliteStorage(file);
    expect(await again.feature(snapshotStore).list('b1')).toEqual([a]);
    expect(storedValue(await again.feature(snapshotStore).state('b1', a.id))).toBe('kept');
    await again.close();
  });
});

describe('snapshots on one PostgreSQL database shared by two nodes', () => {
  it('keep the cap when both nodes add snapshots of one board at once, and list them alike', async () => {
    const nodes = await twoPostgresNodes();
    try {
      await nodes.a.createBoard(row('b1'), [], state('seed'));
      const added = Array.from({ length: 10 }, (_, i) => snap('manual', new Date(Date.UTC(2026, 4, 1, 10, i)).toISOString()));
      await Promise.all(added.map((x, i) => (i % 2 ? nodes.a : nodes.b).feature(snapshotStore).add('b1', x, state(x.id), 4)));
      const listed = await nodes.a.feature(snapshotStore).list('b1');
      expect(listed).toHaveLength(4);
      expect(await nodes.b.feature(snapshotStore).list('b1')).toEqual(listed);
    } finally {
      await nodes.close();
    }
  });
});

describe('snapshotsToPrune', () => {
  const rows = (kinds: SnapshotKind[]) => kinds.map((kind, i) => ({ id: `s${i}`, kind }));
  it('removes nothing up to the cap and never the newest', () => {
    expect(snapshotsToPrune(rows(['auto', 'auto']), 2)).toEqual([]);
    expect(snapshotsToPrune(rows(['manual', 'manual', 'auto']), 2)).toEqual(['s0']);
    expect(snapshotsToPrune(rows(['auto', 'manual', 'auto', 'pre-restore', 'auto']), 2)).toEqual(['s0', 's2', 's1']);
  });

  it('never removes the undo of the last restore: two restores at the cap keep both "Before restoring" snapshots', () => {
    // Four saved ones at the cap; a restore adds s4, the next restore s5.
    expect(snapshotsToPrune(rows(['manual', 'manual', 'manual', 'manual', 'pre-restore']), 4)).toEqual(['s0']);
    expect(snapshotsToPrune(rows(['manual', 'manual', 'manual', 'pre-restore', 'pre-restore']), 4)).toEqual(['s0']);
    // Only the newest earlier one is kept besides the new one; older ones go as usual.
    expect(snapshotsToPrune(rows(['pre-restore', 'manual', 'pre-restore', 'pre-restore']), 3)).toEqual(['s0']);
    // Nothing else to remove: the cap is passed by one rather than lose it.
    expect(snapshotsToPrune(rows(['pre-restore', 'pre-restore']), 1)).toEqual([]);
  });
});
