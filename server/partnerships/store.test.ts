import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../storage/MemoryStorage';
import type { Storage } from '../storage/Storage';
import { SCHEMA_VERSION } from '../../tests/helpers/server';
import { sqliteIn, tempDir } from '../../tests/helpers/server';
import { BoardInPartnershipError } from './store';
import { partnershipStore } from './store';
import { freshPostgresStorage, twoPostgresNodes } from '../../tests/helpers/postgres';

const opened: Storage[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

const implementations: [string, () => Storage | Promise<Storage>][] = [
  ['memory', () => new MemoryStorage()],
  ['sqlite', () => sqliteIn(tempDir())],
  ['postgres', () => freshPostgresStorage()],
];

const row = (id: string) => ({ id, name: 'P', region: 'R', sector: 'S', memberRole: 'editor' as const, createdAt: '2026-01-01T00:00:00.000Z' });
const secrets = { keySalt: new Uint8Array(16), sealedMemberToken: new Uint8Array([1, 2, 3]) };
const board = (id: string) => ({ id, title: 'B', region: 'R', sector: 'S', templateId: 'blank', templateVersion: 1, variant: null, createdAt: '2026-01-01T00:00:00.000Z' });

describe.each(implementations)('the partnership store (%s)', (_name, open) => {
  async function storage(): Promise<Storage> {
    const s = await open();
    opened.push(s);
    return s;
  }

  it('creates a board inside a partnership with its link tokens, and answers token roles', async () => {
    const s = await storage();
    await s.feature(partnershipStore).create({ partnership: row('p1'), leadHash: 'lead', memberHash: 'member', secrets });
    await s.feature(partnershipStore).addNewBoard('p1', { boardId: 'b1', meetingDate: '2026-02-01', addedAt: 'x' }, board('b1'), [{ role: 'facilitator', hash: 'f' }], new Uint8Array([0, 0]), [
      { boardId: 'b1', holder: 'member', role: 'editor', hash: 'm-b1' },
    ]);
    expect(await s.feature(partnershipStore).roleForTokenHash('p1', 'lead')).toBe('lead');
    expect(await s.feature(partnershipStore).roleForTokenHash('p1', 'member')).toBe('member');
    expect(await s.feature(partnershipStore).roleForTokenHash('p1', 'f')).toBeUndefined();
    expect(await s.roleForTokenHash('b1', 'm-b1')).toBe('editor');
    expect(await s.feature(partnershipStore).partnershipOfBoard('b1')).toBe('p1');
    expect((await s.feature(partnershipStore).get('p1'))?.boards).toEqual([{ boardId: 'b1', meetingDate: '2026-02-01', addedAt: 'x' }]);
    expect(await s.feature(partnershipStore).secrets('p1')).toEqual(secrets);
  });

  it('refuses a board already in a partnership and adds nothing', async () => {
    const s = await storage();
    await s.feature(partnershipStore).create({ partnership: row('p1'), leadHash: 'l1', memberHash: 'm1', secrets });
    await s.feature(partnershipStore).create({ partnership: row('p2'), leadHash: 'l2', memberHash: 'm2', secrets });
    await s.createBoard(board('b1'), [{ role: 'facilitator', hash: 'f' }], new Uint8Array([0, 0]));
    await s.feature(partnershipStore).attachBoard('p1', { boardId: 'b1', meetingDate: '2026-01-01', addedAt: 'x' }, [{ boardId: 'b1', holder: 'lead', role: 'facilitator', hash: 'l1-b1' }]);
    await expect(
      s.feature(partnershipStore).attachBoard('p2', { boardId: 'b1', meetingDate: '2026-01-01', addedAt: 'x' }, [{ boardId: 'b1', holder: 'lead', role: 'facilitator', hash: 'l2-b1' }]),
    ).rejects.toBeInstanceOf(BoardInPartnershipError);
    expect(await s.roleForTokenHash('b1', 'l2-b1')).toBeUndefined();
    expect((await s.feature(partnershipStore).get('p2'))?.boards).toEqual([]);
  });

  it('replaces a holder’s link tokens only while the requester is still the lead', async () => {
    const s = await storage();
    await s.feature(partnershipStore).create({ partnership: row('p1'), leadHash: 'lead', memberHash: 'member', secrets });
    await s.createBoard(board('b1'), [{ role: 'facilitator', hash: 'f' }], new Uint8Array([0, 0]));
    await s.feature(partnershipStore).attachBoard('p1', { boardId: 'b1', meetingDate: '2026-01-01', addedAt: 'x' }, [
      { boardId: 'b1', holder: 'lead', role: 'facilitator', hash: 'lead-b1' },
      { boardId: 'b1', holder: 'member', role: 'editor', hash: 'member-b1' },
    ]);
    expect(await s.feature(partnershipStore).replaceLinks('p1', 'member', { holder: 'member', add: [] })).toBeNull();
    const removed = await s.feature(partnershipStore).replaceLinks('p1', 'lead', {
      holder: 'member',
      add: [{ boardId: 'b1', holder: 'member', role: 'viewer', hash: 'member2-b1' }],
      nextHash: 'member2',
      memberRole: 'viewer',
    });
    expect(removed).toEqual([{ boardId: 'b1', holder: 'member', role: 'editor', hash: 'member-b1' }]);
    expect(await s.roleForTokenHash('b1', 'member-b1')).toBeUndefined();
    expect(await s.roleForTokenHash('b1', 'member2-b1')).toBe('viewer');
    expect(await s.roleForTokenHash('b1', 'lead-b1')).toBe('facilitator');
    expect(await s.roleForTokenHash('b1', 'f')).toBe('facilitator');
    expect(await s.feature(partnershipStore).roleForTokenHash('p1', 'member')).toBeUndefined();
    expect(await s.feature(partnershipStore).roleForTokenHash('p1', 'member2')).toBe('member');
    expect((await s.feature(partnershipStore).get('p1'))?.memberRole).toBe('viewer');
  });

  it('lists its boards in meeting order, then the order they were added, then by id', async () => {
    const s = await storage();
    const store = s.feature(partnershipStore);
    await store.create({ partnership: row('p1'), leadHash: 'lead', memberHash: 'member', secrets });
    const add = (id: string, meetingDate: string, addedAt: string) =>
      store.addNewBoard('p1', { boardId: id, meetingDate, addedAt }, board(id), [], new Uint8Array([0, 0]), []);
    await add('Zb', '2026-03-01', '2026-01-01T00:00:00.000Z');
    await add('b2', '2026-02-01', '2026-01-02T00:00:00.000Z');
    await add('a1', '2026-02-01', '2026-01-02T00:00:00.000Z');
    await add('c0', '2026-02-01', '2026-01-01T00:00:00.000Z');
    await add('B9', '2026-02-01', '2026-01-02T00:00:00.000Z');
    expect((await store.get('p1'))?.boards.map((b) => b.boardId)).toEqual(['c0', 'B9', 'a1', 'b2', 'Zb']);
  });
});

describe('partnerships on one PostgreSQL database shared by two nodes', () => {
  it('let only one of two partnerships take a board when both nodes attach it at once', async () => {
    const nodes = await twoPostgresNodes();
    try {
      await nodes.a.feature(partnershipStore).create({ partnership: row('p1'), leadHash: 'l1', memberHash: 'm1', secrets });
      await nodes.b.feature(partnershipStore).create({ partnership: row('p2'), leadHash: 'l2', memberHash: 'm2', secrets });
      await nodes.a.createBoard(board('b1'), [{ role: 'facilitator', hash: 'f' }], new Uint8Array([0, 0]));
      const attach = (node: Storage, id: string) =>
        node.feature(partnershipStore).attachBoard(id, { boardId: 'b1', meetingDate: '2026-01-01', addedAt: 'x' }, [
          { boardId: 'b1', holder: 'lead', role: 'facilitator', hash: `${id}-b1` },
        ]);
      const results = await Promise.allSettled([attach(nodes.a, 'p1'), attach(nodes.b, 'p2')]);
      const refused = results.filter((r) => r.status === 'rejected');
      expect(refused).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(BoardInPartnershipError);
      const owner = await nodes.b.feature(partnershipStore).partnershipOfBoard('b1');
      const loser = owner === 'p1' ? 'p2' : 'p1';
      expect(await nodes.a.roleForTokenHash('b1', `${owner}-b1`)).toBe('facilitator');
      expect(await nodes.a.roleForTokenHash('b1', `${loser}-b1`)).toBeUndefined();
      expect((await nodes.a.feature(partnershipStore).get(loser))?.boards).toEqual([]);
    } finally {
      await nodes.close();
    }
  });
});

it('creates its tables in an existing database file on first use, leaving the schema version alone', async () => {
  const dir = tempDir();
  const s = sqliteIn(dir);
  opened.push(s);
  await s.feature(partnershipStore).create({ partnership: row('p1'), leadHash: 'l', memberHash: 'm', secrets });
  const db = new Database(`${dir}/boards.sqlite`, { readonly: true });
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'partnership%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(['partnership_board_tokens', 'partnership_boards', 'partnership_tokens', 'partnerships']);
  } finally {
    db.close();
  }
});
