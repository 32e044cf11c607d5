import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteAt, tempDir } from '../../tests/helpers/server';
import { MemoryStorage } from '../storage/MemoryStorage';
import type { BoardRow, Storage } from '../storage/Storage';
import { freshPostgresStorage, twoPostgresNodes } from '../../tests/helpers/postgres';
import { MAX_PARTICIPANTS_PER_BOARD, participantStore } from './participantStore';

const row = (id: string): BoardRow => ({ id, title: 'B', region: 'R', sector: 'S', templateId: 'blank', templateVersion: 1, variant: null, createdAt: '2026-01-01T00:00:00.000Z' });
const T = (h: number) => `2026-04-20T${String(h).padStart(2, '0')}:00:00.000Z`;

const implementations: [string, () => Storage | Promise<Storage>][] = [
  ['MemoryStorage', () => new MemoryStorage()],
  ['SqliteStorage', () => sqliteAt(path.join(tempDir(), 'db.sqlite'))],
  ['PostgresStorage', () => freshPostgresStorage()],
];

describe.each(implementations)('%s participants', (_name, make) => {
  it('upserts by user id: first seen stays, name and role follow the latest, last seen never moves back', async () => {
    const s = await make();
    await s.createBoard(row('b1'), [], new Uint8Array([0, 0]));
    expect(await s.feature(participantStore).record('b1', { userId: 'u1', name: 'Maria', role: 'viewer' }, T(9))).toBe(true);
    await s.feature(participantStore).record('b1', { userId: 'u1', name: 'Maria G.', role: 'editor' }, T(11));
    await s.feature(participantStore).record('b1', { userId: 'u1', name: 'Maria G.', role: 'editor' }, T(10));
    await s.feature(participantStore).record('b1', { userId: 'u0', name: 'Lee', role: 'facilitator' }, T(10));
    expect(await s.feature(participantStore).list('b1')).toEqual([
      { userId: 'u1', name: 'Maria G.', role: 'editor', firstSeen: T(9), lastSeen: T(11) },
      { userId: 'u0', name: 'Lee', role: 'facilitator', firstSeen: T(10), lastSeen: T(10) },
    ]);
    await s.close();
  });

  it('keeps boards apart and lists nobody for a board without participants', async () => {
    const s = await make();
    await s.createBoard(row('b1'), [], new Uint8Array([0, 0]));
    await s.createBoard(row('b2'), [], new Uint8Array([0, 0]));
    await s.feature(participantStore).record('b1', { userId: 'u1', name: 'Maria', role: 'editor' }, T(9));
    expect(await s.feature(participantStore).list('b2')).toEqual([]);
    expect(await s.feature(participantStore).list('nope')).toEqual([]);
    await s.close();
  });

  it('stops adding people at the per-board limit but still updates the ones it has', async () => {
    const s = await make();
    await s.createBoard(row('b1'), [], new Uint8Array([0, 0]));
    for (let i = 0; i < MAX_PARTICIPANTS_PER_BOARD; i++) await s.feature(participantStore).record('b1', { userId: `u${i}`, name: `P${i}`, role: 'viewer' }, T(9));
    expect(await s.feature(participantStore).record('b1', { userId: 'extra', name: 'Extra', role: 'viewer' }, T(10))).toBe(false);
    expect(await s.feature(participantStore).record('b1', { userId: 'u0', name: 'P0 renamed', role: 'viewer' }, T(10))).toBe(true);
    const list = await s.feature(participantStore).list('b1');
    expect(list).toHaveLength(MAX_PARTICIPANTS_PER_BOARD);
    expect(list.find((p) => p.userId === 'u0')?.name).toBe('P0 renamed');
    expect(list.some((p) => p.userId === 'extra')).toBe(false);
    await s.close();
  });

  it('refuses a participant of a board that does not exist', async () => {
    const s = await make();
    await expect(s.feature(participantStore).record('nope', { userId: 'u1', name: 'Maria', role: 'editor' }, T(9))).rejects.toThrow();
    await s.close();
  });
});

describe('SqliteStorage participants on disk', () => {
  it('survive reopening the file', async () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const a = sqliteAt(file);
    await a.createBoard(row('b1'), [], new Uint8Array([0, 0]));
    await a.feature(participantStore).record('b1', { userId: 'u1', name: 'Maria', role: 'editor' }, T(9));
    await a.close();
    const b = sqliteAt(file);
    expect(await b.feature(participantStore).list('b1')).toEqual([{ userId: 'u1', name: 'Maria', role: 'editor', firstSeen: T(9), lastSeen: T(9) }]);
    await b.close();
  });
});

describe('participants on one PostgreSQL database shared by two nodes', () => {
  it('never pass the per-board limit when newcomers arrive on both nodes at once', async () => {
    const nodes = await twoPostgresNodes();
    try {
      await nodes.a.createBoard(row('b1'), [], new Uint8Array([0, 0]));
      const store = (i: number) => (i % 2 ? nodes.a : nodes.b).feature(participantStore);
      await Promise.all(
        Array.from({ length: MAX_PARTICIPANTS_PER_BOARD - 2 }, (_, i) => store(i).record('b1', { userId: `u${i}`, name: `P${i}`, role: 'viewer' }, T(9))),
      );
      // Ten newcomers race for the last two places.
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => store(i).record('b1', { userId: `late${i}`, name: `L${i}`, role: 'viewer' }, T(10))),
      );
      expect(results.filter(Boolean)).toHaveLength(2);
      expect(await nodes.b.feature(participantStore).list('b1')).toHaveLength(MAX_PARTICIPANTS_PER_BOARD);
    } finally {
      await nodes.close();
    }
  });
});
