import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshPostgresStorage, twoPostgresNodes } from '../../tests/helpers/postgres';
import { sqliteAt, tempDir } from '../../tests/helpers/server';
import { MemoryStorage } from '../storage/MemoryStorage';
import type { BoardRow, Storage } from '../storage/Storage';
import { activityStore } from './activityStore';

const row = (id: string): BoardRow => ({ id, title: 'B', region: 'R', sector: 'S', templateId: 'blank', templateVersion: 1, variant: null, createdAt: '2026-01-01T00:00:00.000Z' });
const T = (minute: number) => new Date(Date.UTC(2026, 3, 20, 9, minute)).toISOString();

const implementations: [string, () => Storage | Promise<Storage>][] = [
  ['MemoryStorage', () => new MemoryStorage()],
  ['SqliteStorage', () => sqliteAt(path.join(tempDir(), 'db.sqlite'))],
  ['PostgresStorage', () => freshPostgresStorage()],
];

describe.each(implementations)('%s board activity', (_name, make) => {
  it('is null before any write, then keeps the latest time recorded per board', async () => {
    const s = await make();
    await s.createBoard(row('b1'), [], new Uint8Array([0, 0]));
    await s.createBoard(row('b2'), [], new Uint8Array([0, 0]));
    const activity = s.feature(activityStore);
    expect(await activity.get('b1')).toBeNull();
    await activity.record('b1', T(10));
    await activity.record('b1', T(5));
    expect(await activity.get('b1')).toBe(T(10));
    await activity.record('b1', T(12));
    expect(await activity.get('b1')).toBe(T(12));
    expect(await activity.get('b2')).toBeNull();
    expect(await activity.get('nope')).toBeNull();
    await s.close();
  });

  it('refuses activity of a board that does not exist', async () => {
    const s = await make();
    await expect(s.feature(activityStore).record('nope', T(1))).rejects.toThrow();
    await s.close();
  });
});

describe('board activity on one PostgreSQL database shared by two nodes', () => {
  it('keeps the latest time when both nodes record at once', async () => {
    const nodes = await twoPostgresNodes();
    try {
      await nodes.a.createBoard(row('b1'), [], new Uint8Array([0, 0]));
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? nodes.a : nodes.b).feature(activityStore).record('b1', T((i * 7) % 20))));
      expect(await nodes.a.feature(activityStore).get('b1')).toBe(T(19));
      expect(await nodes.b.feature(activityStore).get('b1')).toBe(T(19));
    } finally {
      await nodes.close();
    }
  });
});
