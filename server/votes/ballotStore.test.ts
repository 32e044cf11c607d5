import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { MemoryStorage } from '../storage/MemoryStorage';
import type { BoardRow, Storage } from '../storage/Storage';
import { sqliteAt, tempDir } from '../../tests/helpers/server';
import { freshPostgresStorage, twoPostgresNodes } from '../../tests/helpers/postgres';
import { ballotStore } from './ballotStore';

const row = (id: string): BoardRow => ({ id, title: 'Board', region: 'Region', sector: 'Sector', templateId: 'blank', templateVersion: 1, variant: null, createdAt: '2026-01-01T00:00:00.000Z' });

/** An empty Yjs document. */
const EMPTY_DOC = new Uint8Array([0, 0]);

const implementations: [string, () => Storage | Promise<Storage>][] = [
  ['MemoryStorage', () => new MemoryStorage()],
  ['SqliteStorage', () => sqliteAt(path.join(tempDir(), 'db.sqlite'))],
  ['PostgresStorage', () => freshPostgresStorage()],
];

describe.each(implementations)('%s', (_name, make) => {
  it('stores ballots per board, round and voter, and counts voters with dots', async () => {
    const s = await make();
    await s.createBoard(row('b1'), [], EMPTY_DOC);
    await s.createBoard(row('b2'), [], EMPTY_DOC);
    expect(await s.feature(ballotStore).get('b1', 'r1', 'alice')).toBeUndefined();
    expect(await s.feature(ballotStore).put('b1', 'r1', 'alice', ['x', 'x', 'y'], '2026-01-01T00:00:00.000Z')).toBe(1);
    expect(await s.feature(ballotStore).put('b1', 'r1', 'bob', ['y'], '2026-01-01T00:00:01.000Z')).toBe(2);
    expect(await s.feature(ballotStore).put('b1', 'r2', 'bob', ['z'], '2026-01-01T00:00:01.000Z')).toBe(1);
    expect(await s.feature(ballotStore).put('b2', 'r1', 'carol', ['q'], '2026-01-01T00:00:01.000Z')).toBe(1);
    expect(await s.feature(ballotStore).put('b1', 'r1', 'alice', ['y'], '2026-01-01T00:00:02.000Z')).toBe(2);
    expect(await s.feature(ballotStore).get('b1', 'r1', 'alice')).toEqual({ voterId: 'alice', itemIds: ['y'], updatedAt: '2026-01-01T00:00:02.000Z' });
    expect(await s.feature(ballotStore).put('b1', 'r1', 'bob', [], '2026-01-01T00:00:03.000Z')).toBe(1);
    expect(await s.feature(ballotStore).get('b1', 'r1', 'bob')).toBeUndefined();
    expect((await s.feature(ballotStore).list('b1', 'r1')).map((b) => [b.voterId, b.itemIds])).toEqual([['alice', ['y']]]);
    expect(await s.feature(ballotStore).list('b1', 'nope')).toEqual([]);
    await expect(s.feature(ballotStore).put('missing', 'r1', 'alice', ['x'], '2026-01-01T00:00:00.000Z')).rejects.toThrow();
    await s.close();
  });
});

describe('ballots on one PostgreSQL database shared by two nodes', () => {
  it('count every voter when two nodes store ballots of one round at once', async () => {
    const nodes = await twoPostgresNodes();
    try {
      await nodes.a.createBoard(row('b1'), [], EMPTY_DOC);
      const voters = Array.from({ length: 12 }, (_, i) => `v${String(i).padStart(2, '0')}`);
      const counts = await Promise.all(
        voters.map((v, i) => (i % 2 ? nodes.a : nodes.b).feature(ballotStore).put('b1', 'r1', v, ['x'], '2026-01-01T00:00:00.000Z')),
      );
      // Each put counts the voters after its own write, in turn: every count from 1 to 12 once.
      expect([...counts].sort((x, y) => x - y)).toEqual(voters.map((_, i) => i + 1));
      expect((await nodes.b.feature(ballotStore).list('b1', 'r1')).map((b) => b.voterId)).toEqual(voters);
    } finally {
      await nodes.close();
    }
  });
});
