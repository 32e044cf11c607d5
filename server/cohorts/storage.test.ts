import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../storage/MemoryStorage';
import { openSqliteStorage } from '../../tests/helpers/server';
import type { BoardRow, Storage } from '../storage/Storage';
import type { NewCohort } from './cohortStore';
import { tempDir } from '../../tests/helpers/server';
import { newKeySalt, openTokens, sealingKey, sealTokens } from './sealing';
import { cohortStore } from './cohortStore';
import { freshPostgresStorage, twoPostgresNodes } from '../../tests/helpers/postgres';

const row = (id: string): BoardRow => ({
  id,
  title: `Cohort · ${id}`,
  region: 'Region',
  sector: '',
  templateId: 'blank',
  templateVersion: 1,
  variant: null,
  createdAt: '2026-01-01T00:00:00.000Z',
});

function cohort(id: string, boardIds: string[]): NewCohort {
  return {
    cohort: { id, name: `Cohort ${id}`, templateId: 'blank', variant: null, createdAt: '2026-01-02T00:00:00.000Z' },
    trainerTokenHash: `trainer-hash-${id}`,
    keySalt: new Uint8Array([1, 2, 3, 4]),
    boards: boardIds.map((b, i) => ({
      team: `Team ${i + 1}`,
      board: row(b),
      tokens: [
        { role: 'facilitator', hash: `f-${b}` },
        { role: 'editor', hash: `e-${b}` },
        { role: 'viewer', hash: `v-${b}` },
      ],
      initialState: new Uint8Array([0, 0]),
      sealedTokens: new Uint8Array([i, 9, 9]),
    })),
  };
}

const implementations: [string, () => Storage | Promise<Storage>][] = [
  ['MemoryStorage', () => new MemoryStorage()],
  ['SqliteStorage', () => openSqliteStorage(path.join(tempDir(), 'db.sqlite'))],
  ['PostgresStorage', () => freshPostgresStorage()],
];

describe.each(implementations)('%s cohorts', (_name, make) => {
  it('stores a cohort with its boards in order, its trainer hash and sealed tokens', async () => {
    const s = await make();
    await s.feature(cohortStore).create(cohort('c1', ['b1', 'b2', 'b3']));
    expect(await s.feature(cohortStore).get('c1')).toEqual({
      id: 'c1',
      name: 'Cohort c1',
      templateId: 'blank',
      variant: null,
      createdAt: '2026-01-02T00:00:00.000Z',
      boards: [
        { boardId: 'b1', team: 'Team 1', position: 0 },
        { boardId: 'b2', team: 'Team 2', position: 1 },
        { boardId: 'b3', team: 'Team 3', position: 2 },
      ],
    });
    expect(await s.feature(cohortStore).get('nope')).toBeUndefined();
    // The boards are ordinary boards.
    expect(await s.getBoard('b2')).toEqual(row('b2'));
    expect(await s.roleForTokenHash('b2', 'e-b2')).toBe('editor');
    expect((await s.loadDoc('b3', 'board')).compacted).toEqual(new Uint8Array([0, 0]));
    // Trainer role by hash only, and only for its own cohort; board hashes are not cohort tokens.
    expect(await s.feature(cohortStore).roleForTokenHash('c1', 'trainer-hash-c1')).toBe('trainer');
    expect(await s.feature(cohortStore).roleForTokenHash('c1', 'f-b1')).toBeUndefined();
    await s.feature(cohortStore).create(cohort('c2', ['b4']));
    expect(await s.feature(cohortStore).roleForTokenHash('c1', 'trainer-hash-c2')).toBeUndefined();
    expect(await s.feature(cohortStore).roleForTokenHash('nope', 'trainer-hash-c1')).toBeUndefined();
    expect(await s.roleForTokenHash('b1', 'trainer-hash-c1')).toBeUndefined();
    expect(await s.feature(cohortStore).secrets('c1')).toEqual({
      keySalt: new Uint8Array([1, 2, 3, 4]),
      boards: [
        { boardId: 'b1', sealedTokens: new Uint8Array([0, 9, 9]) },
        { boardId: 'b2', sealedTokens: new Uint8Array([1, 9, 9]) },
        { boardId: 'b3', sealedTokens: new Uint8Array([2, 9, 9]) },
      ],
    });
    expect(await s.feature(cohortStore).secrets('nope')).toBeUndefined();
    await s.close();
  });

  it('creates nothing when any part fails (an existing board id halfway through)', async () => {
    const s = await make();
    await s.createBoard(row('taken'), [{ role: 'viewer', hash: 'x' }], new Uint8Array([0, 0]));
    await expect(s.feature(cohortStore).create(cohort('c1', ['b1', 'taken', 'b3']))).rejects.toThrow();
    expect(await s.feature(cohortStore).get('c1')).toBeUndefined();
    expect(await s.getBoard('b1')).toBeUndefined();
    expect(await s.getBoard('b3')).toBeUndefined();
    expect(await s.feature(cohortStore).roleForTokenHash('c1', 'trainer-hash-c1')).toBeUndefined();
    // The same cohort id twice: the second creation fails whole too.
    await s.feature(cohortStore).create(cohort('c2', ['b4']));
    await expect(s.feature(cohortStore).create(cohort('c2', ['b5']))).rejects.toThrow();
    expect(await s.getBoard('b5')).toBeUndefined();
    expect((await s.feature(cohortStore).get('c2'))?.boards).toEqual([{ boardId: 'b4', team: 'Team 1', position: 0 }]);
    await s.close();
  });
});

describe.each(implementations)('%s cohort token replacement', (_name, make) => {
  it('replaces the trainer token with the team tokens sealed again, remembering the old hash, only while it is the trainer', async () => {
    const s = await make();
    const cohorts = s.feature(cohortStore);
    await cohorts.create(cohort('c1', ['b1', 'b2']));
    const resealed = [
      { boardId: 'b1', sealedTokens: new Uint8Array([7, 1]) },
      { boardId: 'b2', sealedTokens: new Uint8Array([7, 2]) },
    ];
    expect(await cohorts.replaceTrainerToken('c1', 'not-the-trainer', 'next', new Uint8Array([5]), resealed, '2026-03-01T00:00:00.000Z')).toBe(false);
    expect(await cohorts.replaceTrainerToken('c1', 'trainer-hash-c1', 'next', new Uint8Array([5]), resealed, '2026-03-01T00:00:00.000Z')).toBe(true);
    expect(await cohorts.roleForTokenHash('c1', 'trainer-hash-c1')).toBeUndefined();
    expect(await cohorts.roleForTokenHash('c1', 'next')).toBe('trainer');
    expect(await s.tokenRevokedAt('c1', 'trainer-hash-c1')).toBe('2026-03-01T00:00:00.000Z');
    expect(await cohorts.secrets('c1')).toEqual({ keySalt: new Uint8Array([5]), boards: resealed });
    // The old token cannot rotate again.
    expect(await cohorts.replaceTrainerToken('c1', 'trainer-hash-c1', 'other', new Uint8Array([6]), [], '2026-03-02T00:00:00.000Z')).toBe(false);
    await s.close();
  });

  it("replaces a team board's link and its sealed copy only for the cohort's trainer and its own boards", async () => {
    const s = await make();
    const cohorts = s.feature(cohortStore);
    await cohorts.create(cohort('c1', ['b1']));
    await cohorts.create(cohort('c2', ['b2']));
    const at = '2026-03-01T00:00:00.000Z';
    expect(await cohorts.replaceBoardToken('c1', 'trainer-hash-c2', 'b1', 'editor', { role: 'editor', hash: 'e2' }, new Uint8Array([8]), at)).toBeNull();
    expect(await cohorts.replaceBoardToken('c1', 'trainer-hash-c1', 'b2', 'editor', { role: 'editor', hash: 'e2' }, new Uint8Array([8]), at)).toBeNull();
    expect(await s.roleForTokenHash('b2', 'e-b2')).toBe('editor');
    expect(await cohorts.replaceBoardToken('c1', 'trainer-hash-c1', 'b1', 'editor', { role: 'editor', hash: 'e2' }, new Uint8Array([8]), at)).toEqual(['e-b1']);
    expect(await s.roleForTokenHash('b1', 'e-b1')).toBeUndefined();
    expect(await s.roleForTokenHash('b1', 'e2')).toBe('editor');
    expect(await s.tokenRevokedAt('b1', 'e-b1')).toBe(at);
    expect((await cohorts.secrets('c1'))?.boards).toEqual([{ boardId: 'b1', sealedTokens: new Uint8Array([8]) }]);
    await s.close();
  });
});

describe('cohorts on one PostgreSQL database shared by two nodes', () => {
  it('see each other, and let only one of two trainer rotations at once succeed', async () => {
    const nodes = await twoPostgresNodes();
    try {
      await nodes.a.feature(cohortStore).create(cohort('c1', ['b1', 'b2']));
      expect((await nodes.b.feature(cohortStore).get('c1'))?.boards.map((b) => b.boardId)).toEqual(['b1', 'b2']);
      const rotate = (node: Storage, next: string) =>
        node.feature(cohortStore).replaceTrainerToken('c1', 'trainer-hash-c1', next, new Uint8Array([1]), [], '2026-03-01T00:00:00.000Z');
      const results = await Promise.all([rotate(nodes.a, 'next-a'), rotate(nodes.b, 'next-b')]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results[0] ? 'next-a' : 'next-b';
      expect(await nodes.a.feature(cohortStore).roleForTokenHash('c1', winner)).toBe('trainer');
      expect(await nodes.a.feature(cohortStore).roleForTokenHash('c1', winner === 'next-a' ? 'next-b' : 'next-a')).toBeUndefined();
    } finally {
      await nodes.close();
    }
  });
});

describe('sealing', () => {
  const tokens = { facilitator: 'F'.repeat(43), editor: 'E'.repeat(43), viewer: 'V'.repeat(43) };

  it('opens with the trainer token only, for its own cohort and board only', () => {
    const salt = newKeySalt();
    const key = sealingKey('trainer-token', salt);
    const sealed = sealTokens(key, 'cohort', 'board', tokens);
    expect(openTokens(sealingKey('trainer-token', salt), 'cohort', 'board', sealed)).toEqual(tokens);
    expect(() => openTokens(sealingKey('other-token', salt), 'cohort', 'board', sealed)).toThrow();
    expect(() => openTokens(sealingKey('trainer-token', newKeySalt()), 'cohort', 'board', sealed)).toThrow();
    expect(() => openTokens(key, 'cohort', 'other-board', sealed)).toThrow();
    expect(() => openTokens(key, 'other-cohort', 'board', sealed)).toThrow();
    const tampered = sealed.slice();
    tampered[tampered.length - 1] ^= 1;
    expect(() => openTokens(key, 'cohort', 'board', tampered)).toThrow();
    expect(() => openTokens(key, 'cohort', 'board', new Uint8Array(10))).toThrow();
  });

  it('never holds a token in clear, and seals the same tokens differently each time', () => {
    const key = sealingKey('trainer-token', newKeySalt());
    const a = Buffer.from(sealTokens(key, 'c', 'b', tokens));
    const b = Buffer.from(sealTokens(key, 'c', 'b', tokens));
    expect(a.equals(b)).toBe(false);
    for (const t of Object.values(tokens)) expect(a.includes(Buffer.from(t))).toBe(false);
    expect(a.includes(Buffer.from('facilitator'))).toBe(false);
  });
});
