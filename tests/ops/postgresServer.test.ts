import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SnapshotInfo } from '../../shared/api/history';
import { recordsOf } from '../../shared/doc/boardDoc';
import { CONTROL_VOTES, controlRoomName, type VoteRound } from '../../shared/doc/control';
import { FixtureBuilder } from '../../exercises/kit/fixtureBuilder';
import { manyTablesManyKnocks } from '../../exercises/many-tables-many-knocks';
import { getItemType } from '../../exercises/registry';
import { api, createTestCohort, tokenOf } from '../../server/cohorts/testing';
import { ConfigError, configFromEnv } from '../../server/config';
import { addTestBoard, createTestPartnership } from '../../server/partnerships/testing';
import type { PostgresStorage } from '../../server/storage/PostgresStorage';
import { entries } from '../helpers/boardContent';
import { allAcked, connectClient, synced, type TestClient, voterKeySocket } from '../helpers/clients';
import { eventually } from '../helpers/eventually';
import { freshDatabase, freshPostgresStorage } from '../helpers/postgres';
import { spawnServer } from '../helpers/process';
import { createTestBoard, type RunningServer, startTestServer, tempDir } from '../helpers/server';

let server: RunningServer | undefined;
let storage: PostgresStorage | undefined;
const clients: TestClient[] = [];
const sockets: { close(): void }[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.close();
  await server?.close();
  await storage?.close();
  server = undefined;
  storage = undefined;
});

/** The real server on a PostgreSQL store of its own (a fresh database). */
async function startOnPostgres(): Promise<RunningServer> {
  storage = await freshPostgresStorage();
  server = await startTestServer({ storage });
  return server;
}

const client = (...args: Parameters<typeof connectClient>) => {
  const c = connectClient(...args);
  clients.push(c);
  return c;
};

/** Writes as a client would, and waits until the server has stored it. */
async function write(c: TestClient, change: (doc: Y.Doc) => void): Promise<void> {
  change(c.doc);
  await eventually(() => expect(allAcked(c)).toBe(true));
}

describe('the server on PostgreSQL', () => {
  it('keeps what a client writes over the socket in PostgreSQL, and serves it again once the room has unloaded', async () => {
    const s = await startOnPostgres();
    const board = await createTestBoard(s, { template: 'many-tables-many-knocks', title: 'On PostgreSQL' });
    expect(await storage!.getBoard(board.id)).toMatchObject({ title: 'On PostgreSQL', templateId: 'many-tables-many-knocks' });
    const editor = client(s, board.id, board.tokens.editor, { ack: true });
    await synced(editor);
    await write(editor, (doc) => entries(doc).set('written', 'over the socket'));
    editor.destroy();
    await eventually(() => expect(s.relay.rooms.has(board.id)).toBe(false));

    const again = client(s, board.id, board.tokens.viewer);
    await synced(again);
    expect(entries(again.doc).get('written')).toBe('over the socket');
    expect(again.doc.getMap('board').get('title')).toBe('On PostgreSQL');

    const results = await api(s, 'GET', `/api/boards/${board.id}/results`, board.tokens.viewer);
    expect(results.status).toBe(200);
    for (const format of ['json', 'csv', 'md', 'html']) {
      expect((await api(s, 'GET', `/api/boards/${board.id}/export?format=${format}`, board.tokens.viewer)).status, format).toBe(200);
    }
  });

  it('rotates a link: the new token opens the board, the old one is refused as replaced', async () => {
    const s = await startOnPostgres();
    const board = await createTestBoard(s);
    const rotated = await api(s, 'POST', `/api/boards/${board.id}/links/editor/rotate`, board.tokens.facilitator);
    expect(rotated.status).toBe(200);
    const fresh = tokenOf(rotated.body.link);
    expect((await api(s, 'GET', `/api/boards/${board.id}`, fresh)).status).toBe(200);
    const old = await api(s, 'GET', `/api/boards/${board.id}`, board.tokens.editor);
    expect(old.status).toBe(401);
    expect(old.body.error.code).toBe('link_replaced');
  });

  it('creates a cohort with its team boards and reads it back with the trainer link', async () => {
    const s = await startOnPostgres();
    const c = await createTestCohort(s, { name: 'Fall cohort', template: 'journey-map', region: 'Three Rivers', count: 3 });
    expect(c.boards.map((b) => b.team)).toEqual(['Team 1', 'Team 2', 'Team 3']);
    const read = await api(s, 'GET', `/api/cohorts/${c.id}`, c.trainer);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ name: 'Fall cohort', templateId: 'journey-map' });
    const team = await api(s, 'GET', `/api/boards/${c.boards[2].id}`, c.boards[2].tokens.viewer);
    expect(team.body).toMatchObject({ title: 'Fall cohort · Team 3', region: 'Three Rivers' });
  });

  it('creates a partnership, adds a meeting board to it and reads it back with the lead link', async () => {
    const s = await startOnPostgres();
    const p = await createTestPartnership(s);
    const board = await addTestBoard(s, p, { meetingDate: '2026-05-04' });
    const read = await api(s, 'GET', `/api/partnerships/${p.id}`, p.lead);
    expect(read.status).toBe(200);
    expect(read.body.boards.map((b: { id: string }) => b.id)).toEqual([board.id]);
    expect((await api(s, 'GET', `/api/boards/${board.id}`, tokenOf(board.links.editor))).status).toBe(200);
  });

  it('saves, lists and restores a snapshot, and the open client sees the board as it was', async () => {
    const s = await startOnPostgres();
    const board = await createTestBoard(s);
    const fac = client(s, board.id, board.tokens.facilitator, { ack: true });
    await synced(fac);
    await write(fac, (doc) => entries(doc).set('card', 'before'));
    const saved = await api(s, 'POST', `/api/boards/${board.id}/snapshots`, board.tokens.facilitator, { name: 'First session', by: 'Fran' });
    expect(saved.status).toBe(201);
    const snapshot = saved.body.snapshot as SnapshotInfo;
    await write(fac, (doc) => entries(doc).set('card', 'after'));

    const listed = await api(s, 'GET', `/api/boards/${board.id}/snapshots`, board.tokens.viewer);
    expect(listed.body.snapshots.map((x: SnapshotInfo) => x.id)).toEqual([snapshot.id]);
    const restored = await api(s, 'POST', `/api/boards/${board.id}/snapshots/${snapshot.id}/restore`, board.tokens.facilitator, { by: 'Fran' });
    expect(restored.status).toBe(200);
    await eventually(() => expect(entries(fac.doc).get('card')).toBe('before'));
    const after = await api(s, 'GET', `/api/boards/${board.id}/snapshots`, board.tokens.viewer);
    // Newest first: the undo of the restore, then the saved one.
    expect(after.body.snapshots.map((x: SnapshotInfo) => x.kind)).toEqual(['pre-restore', 'manual']);
  });

  it('runs a dot vote: a round starts, ballots count, and the reveal tallies them', async () => {
    const s = await startOnPostgres();
    const board = await createTestBoard(s, { template: 'many-tables-many-knocks' });
    const f = new FixtureBuilder(manyTablesManyKnocks, getItemType);
    const knock = f.item('knock', { program: 'Veterans outreach' }, { zone: 'knocks', x: 40, y: 80 });
    const editor = client(s, board.id, board.tokens.editor, { ack: true });
    await synced(editor);
    await write(editor, (doc) => {
      const records = recordsOf(doc);
      for (const r of f.build()) if (!(r.typeName === 'shape' && r.type === 'pb-zone')) records.set(r.id as string, r as never);
    });
    const watcher = client(s, controlRoomName(board.id), board.tokens.viewer);
    await synced(watcher);

    const started = await api(s, 'POST', `/api/boards/${board.id}/votes`, board.tokens.facilitator, { stepId: 'map-knocks', perPerson: 3 });
    expect(started.status).toBe(201);
    const round = started.body.round.id as string;
    for (const voter of ['ada', 'bob']) {
      const socket = await voterKeySocket(s, board.id, board.tokens.editor, '');
      sockets.push(socket.ws);
      const put = await fetch(`${s.url}/api/boards/${board.id}/votes/${round}/ballots/${voter}?token=${board.tokens.editor}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-voter-key': socket.key! },
        body: JSON.stringify({ itemIds: [knock, knock] }),
      });
      expect(put.status, voter).toBe(200);
    }
    await eventually(() => expect((watcher.doc.getMap(CONTROL_VOTES).get(round) as VoteRound | undefined)?.voters).toBe(2));
    const revealed = await api(s, 'POST', `/api/boards/${board.id}/votes/${round}/reveal`, board.tokens.facilitator);
    expect(revealed.status).toBe(200);
    await eventually(() => expect((watcher.doc.getMap(CONTROL_VOTES).get(round) as VoteRound | undefined)?.tally).toEqual({ [knock]: 4 }));
  });
});

describe('DATABASE_URL', () => {
  it('is refused at startup unless it is a postgres:// URL', () => {
    for (const bad of ['not a url', 'mysql://boards@localhost/boards', 'http://localhost:5432/boards']) {
      expect(() => configFromEnv({ DATABASE_URL: bad }), bad).toThrow(ConfigError);
    }
    expect(configFromEnv({ DATABASE_URL: ' postgres://boards:secret@127.0.0.1:5432/boards ' }).databaseUrl).toBe('postgres://boards:secret@127.0.0.1:5432/boards');
  });

  it('makes the server process keep its boards in PostgreSQL, and say so', async () => {
    const db = await freshDatabase();
    const child = await spawnServer(tempDir(), 0, { DATABASE_URL: db.url, LOG_LEVEL: 'info' });
    try {
      expect(child.output()).toContain('(data in PostgreSQL)');
      expect(child.output()).not.toContain(db.url);
      expect(await (await fetch(`${child.url}/readyz`)).json()).toMatchObject({ ready: true, storage: 'postgres' });
      const board = await createTestBoard({ url: child.url } as RunningServer, { title: 'Served from PostgreSQL' });
      const c = client({ url: child.url } as RunningServer, board.id, board.tokens.editor, { ack: true });
      await synced(c);
      expect(c.doc.getMap('board').get('title')).toBe('Served from PostgreSQL');
      await write(c, (doc) => entries(doc).set('kept', true));
      c.destroy();
      await child.stop();
      // The board is in the database, not in DATA_DIR.
      const again = await spawnServer(tempDir(), 0, { DATABASE_URL: db.url });
      try {
        const reader = client({ url: again.url } as RunningServer, board.id, board.tokens.viewer);
        await synced(reader);
        expect(entries(reader.doc).get('kept')).toBe(true);
        reader.destroy();
      } finally {
        await again.stop();
      }
    } finally {
      await child.stop();
      await db.drop();
    }
  });
});
