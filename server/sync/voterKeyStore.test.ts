import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshPostgresStorage, twoPostgresNodes } from '../../tests/helpers/postgres';
import { sqliteAt, tempDir } from '../../tests/helpers/server';
import { MemoryStorage } from '../storage/MemoryStorage';
import type { BoardRow, Storage } from '../storage/Storage';
import { type VoterKeyRow, voterKeyStore } from './voterKeyStore';

const row = (id: string): BoardRow => ({ id, title: 'B', region: 'R', sector: 'S', templateId: 'blank', templateVersion: 1, variant: null, createdAt: '2026-01-01T00:00:00.000Z' });
const key = (keyHash: string, linkHash = 'link', addressHash = 'addr'): VoterKeyRow => ({ keyHash, linkHash, addressHash, issuedAt: '2026-01-01T00:00:00.000Z' });

const implementations: [string, () => Storage | Promise<Storage>][] = [
  ['MemoryStorage', () => new MemoryStorage()],
  ['SqliteStorage', () => sqliteAt(path.join(tempDir(), 'db.sqlite'))],
  ['PostgresStorage', () => freshPostgresStorage()],
];

describe.each(implementations)('%s voter keys', (_name, make) => {
  it('adds keys up to the per-link cap, then up to the per-address cap, and knows them by board', async () => {
    const s = await make();
    await s.createBoard(row('b1'), [], new Uint8Array([0, 0]));
    await s.createBoard(row('b2'), [], new Uint8Array([0, 0]));
    const keys = s.feature(voterKeyStore);
    const caps = { perLink: 2, perAddress: 3 };
    expect(await keys.add('b1', key('k1', 'L1', 'A'), caps)).toBe('added');
    expect(await keys.add('b1', key('k2', 'L1', 'A'), caps)).toBe('added');
    expect(await keys.add('b1', key('k3', 'L1', 'B'), caps)).toBe('link_full');
    expect(await keys.add('b1', key('k4', 'L2', 'A'), caps)).toBe('added');
    expect(await keys.add('b1', key('k5', 'L3', 'A'), caps)).toBe('address_full');
    // Caps count per board.
    expect(await keys.add('b2', key('k6', 'L1', 'A'), caps)).toBe('added');
    expect(await keys.has('b1', 'k1')).toBe(true);
    expect(await keys.has('b1', 'k3')).toBe(false);
    expect(await keys.has('b2', 'k1')).toBe(false);
    expect(await keys.has('b2', 'k6')).toBe(true);
    await s.close();
  });

  it('refuses a key for a board that does not exist', async () => {
    const s = await make();
    await expect(s.feature(voterKeyStore).add('nope', key('k1'), { perLink: 5, perAddress: 5 })).rejects.toThrow();
    await s.close();
  });
});

describe('voter keys on one PostgreSQL database shared by two nodes', () => {
  it('never pass the per-link cap when both nodes issue keys for one link at once', async () => {
    const nodes = await twoPostgresNodes();
    try {
      await nodes.a.createBoard(row('b1'), [], new Uint8Array([0, 0]));
      const caps = { perLink: 3, perAddress: 100 };
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? nodes.a : nodes.b).feature(voterKeyStore).add('b1', key(`k${i}`, 'L', `A${i}`), caps)),
      );
      expect(results.filter((r) => r === 'added')).toHaveLength(3);
      expect(results.filter((r) => r === 'link_full')).toHaveLength(7);
      const known = await Promise.all(Array.from({ length: 10 }, (_, i) => nodes.b.feature(voterKeyStore).has('b1', `k${i}`)));
      expect(known.filter(Boolean)).toHaveLength(3);
    } finally {
      await nodes.close();
    }
  });
});
