import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../storage/MemoryStorage';
import type { Storage } from '../storage/Storage';
import { SCHEMA_VERSION } from '../../tests/helpers/server';
import { sqliteIn, tempDir } from '../../tests/helpers/server';
import { BoardInPartnershipError } from './store';
import { partnershipStore } from './store';

const opened: Storage[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

const implementations: [string, () => Storage][] = [
  ['memory', () => new MemoryStorage()],
  ['sqlite', () => sqliteIn(tempDir())],
];

const row = (id: string) => ({ id, name: 'P', region: 'R', sector: 'S', memberRole: 'editor' as const, createdAt: '2026-01-01T00:00:00.000Z' });
const secrets = { keySalt: new Uint8Array(16), sealedMemberToken: new Uint8Array([1, 2, 3]) };
const board = (id: string) => ({ id, title: 'B', region: 'R', sector: 'S', templateId: 'blank', templateVersion: 1, variant: null, createdAt: '2026-01-01T00:00:00.000Z' });

describe.each(implementations)('the partnership store (%s)', (_name, open) => {
  function storage(): Storage {
    const s = open();
    opened.push(s);
    return s;
  }

  it('creates a board inside a partnership with its link tokens, and answers token roles', async () => {
    const s = storage();
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
    const s = storage();
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
    const s = storage();
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
