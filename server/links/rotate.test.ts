import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCodes } from '../../shared/closeCodes';
import { controlRoomName } from '../../shared/doc/control';
import type { RunningServer } from '../../tests/helpers/server';
import { api, createTestCohort, tokenOf } from '../cohorts/testing';
import { openSse } from '../dashboard/testing';
import { MemoryStorage } from '../storage/MemoryStorage';
import type { Storage } from '../storage/Storage';
import { connectClient, synced, type TestClient } from '../../tests/helpers/clients';
import { eventually } from '../../tests/helpers/eventually';
import { createTestBoard, sqliteIn, startTestServer, tempDir, type TestBoard } from '../../tests/helpers/server';
import { entries } from '../../tests/helpers/boardContent';

let server: RunningServer | null = null;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
  server = null;
});

function connect(boardId: string, token: string, room = boardId): TestClient {
  const c = connectClient(server!, room, token, { ack: true });
  clients.push(c);
  return c;
}

function rotate(board: { id: string }, role: string, token: string | null) {
  return api(server!, 'POST', `/api/boards/${board.id}/links/${role}/rotate`, token);
}

/** The HTTP status a WebSocket upgrade to `path` is answered with (101 when accepted). */
function upgradeStatus(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(server!.url.replace(/^http/, 'ws') + path);
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

describe('POST /api/boards/:id/links/:role/rotate', () => {
  it('gives a facilitator a new editor link; the old one is refused over HTTP and WebSocket at once', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const oldEditor = connect(board.id, board.tokens.editor);
    const oldEditorControl = connect(board.id, board.tokens.editor, controlRoomName(board.id));
    const viewer = connect(board.id, board.tokens.viewer);
    await Promise.all([synced(oldEditor), synced(oldEditorControl), synced(viewer)]);

    const res = await rotate(board, 'editor', board.tokens.facilitator);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['link']);
    const link = res.body.link as string;
    expect(link).toMatch(new RegExp(`^${server.url}/b/${board.id}\\?token=[A-Za-z0-9_-]{43}$`));
    const newToken = tokenOf(link);
    expect(newToken).not.toBe(board.tokens.editor);

    // Open sockets of the old link, on both documents, are closed with "link replaced".
    const replaced = { code: CloseCodes.LinkReplaced.code, reason: CloseCodes.LinkReplaced.reason };
    await eventually(() => expect(oldEditor.closes).toContainEqual(replaced));
    await eventually(() => expect(oldEditorControl.closes).toContainEqual(replaced));
    // Other links are untouched.
    expect(viewer.closes).toEqual([]);
    expect(viewer.provider.wsconnected).toBe(true);

    const refused = await api(server, 'GET', `/api/boards/${board.id}`, board.tokens.editor);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('link_replaced');
    expect(refused.body.error.message).toMatch(/replaced by a new one/);
    expect(await upgradeStatus(`/ws/${board.id}?token=${board.tokens.editor}`)).toBe(401);
    expect(await upgradeStatus(`/ws/${board.id}/control?token=${board.tokens.editor}`)).toBe(401);

    // The new link works, with the same role.
    const opened = await api(server, 'GET', `/api/boards/${board.id}`, newToken);
    expect(opened.status).toBe(200);
    expect(opened.body.role).toBe('editor');
    const newEditor = connect(board.id, newToken);
    await synced(newEditor);
    entries(newEditor.doc).set('after', 'rotation');
    await eventually(() => expect(entries(viewer.doc).get('after')).toBe('rotation'));
  });

  it('replaces the viewer link the same way', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const res = await rotate(board, 'viewer', board.tokens.facilitator);
    expect(res.status).toBe(200);
    expect((await api(server, 'GET', `/api/boards/${board.id}`, board.tokens.viewer)).status).toBe(401);
    expect((await api(server, 'GET', `/api/boards/${board.id}`, tokenOf(res.body.link))).body.role).toBe('viewer');
    expect((await api(server, 'GET', `/api/boards/${board.id}`, board.tokens.editor)).body.role).toBe('editor');
  });

  it('answers 403 to editor and viewer links and 401 without a valid one, changing nothing', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    for (const token of [board.tokens.editor, board.tokens.viewer]) {
      for (const role of ['editor', 'viewer', 'facilitator']) {
        const res = await rotate(board, role, token);
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
    }
    expect((await rotate(board, 'viewer', null)).status).toBe(401);
    expect((await rotate(board, 'viewer', 'not-a-token')).status).toBe(401);
    for (const [role, token] of Object.entries(board.tokens)) {
      expect((await api(server, 'GET', `/api/boards/${board.id}`, token)).body.role).toBe(role);
    }
  });

  it('answers 400 naming the role for an unknown role, 405 for GET, 404 for an unknown board', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const bad = await rotate(board, 'trainer', board.tokens.facilitator);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_role', field: 'role' });
    expect((await api(server, 'GET', `/api/boards/${board.id}/links/editor/rotate`, board.tokens.facilitator)).status).toBe(405);
    expect((await api(server, 'POST', '/api/boards/AAAAAAAAAAAAAAAA/links/editor/rotate', board.tokens.facilitator)).status).toBe(404);
  });

  it('replaces every facilitator link, co-facilitators’ too, and closes the requester’s own sockets', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const invite = await api(server, 'POST', `/api/boards/${board.id}/invites`, board.tokens.facilitator, { name: 'Dana' });
    const coFacilitator = tokenOf(invite.body.link);
    const mine = connect(board.id, board.tokens.facilitator);
    await synced(mine);

    const res = await rotate(board, 'facilitator', board.tokens.facilitator);
    expect(res.status).toBe(200);
    await eventually(() => expect(mine.closes.map((c) => c.code)).toContain(CloseCodes.LinkReplaced.code));
    for (const token of [board.tokens.facilitator, coFacilitator]) {
      expect((await api(server, 'GET', `/api/boards/${board.id}`, token)).body.error.code).toBe('link_replaced');
    }
    expect((await api(server, 'GET', `/api/boards/${board.id}`, tokenOf(res.body.link))).body.role).toBe('facilitator');
    // A request still made with the replaced link changes nothing.
    const late = await rotate(board, 'editor', board.tokens.facilitator);
    expect(late.status).toBe(401);
    expect((await api(server, 'GET', `/api/boards/${board.id}`, board.tokens.editor)).body.role).toBe('editor');
  });

  it('keeps the replacement across a restart of a server on SQLite', async () => {
    const dir = tempDir();
    server = await startTestServer({ storage: sqliteIn(dir) });
    const board = await createTestBoard(server);
    const res = await rotate(board, 'editor', board.tokens.facilitator);
    await server.close();
    server = await startTestServer({ storage: sqliteIn(dir) });
    expect((await api(server, 'GET', `/api/boards/${board.id}`, board.tokens.editor)).body.error.code).toBe('link_replaced');
    expect((await api(server, 'GET', `/api/boards/${board.id}`, tokenOf(res.body.link))).body.role).toBe('editor');
  });

  it('refuses an upgrade whose token was replaced while it was being checked', async () => {
    // The first role lookup of the upgrade reads the old token as valid, then waits until the
    // link has been replaced before answering: the relay must check again and refuse it.
    const memory = new MemoryStorage();
    let hold: (() => void) | null = null;
    let held: Promise<void> | null = null;
    const storage = new Proxy(memory, {
      get(target, prop, receiver) {
        if (prop === 'roleForTokenHash') {
          return async (boardId: string, hash: string) => {
            const role = await target.roleForTokenHash(boardId, hash);
            if (held) {
              const wait = held;
              held = null;
              hold?.();
              await wait;
            }
            return role;
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Storage;
    server = await startTestServer({ storage });
    const board: TestBoard = await createTestBoard(server);
    let release!: () => void;
    held = new Promise<void>((r) => (release = r));
    const checking = new Promise<void>((r) => (hold = r));
    const upgrade = upgradeStatus(`/ws/${board.id}?token=${board.tokens.editor}`);
    await checking;
    const res = await rotate(board, 'editor', board.tokens.facilitator);
    expect(res.status).toBe(200);
    release();
    expect(await upgrade).toBe(401);
  });
});

describe('replacing cohort links', () => {
  it('gives the trainer a new trainer link; the old one is refused, the team links stay readable with the new one', async () => {
    server = await startTestServer();
    const cohort = await createTestCohort(server, { teams: ['North', 'South'] });
    const before = await api(server, 'GET', `/api/cohorts/${cohort.id}`, cohort.trainer);
    const stream = await openSse(`${server.url}/api/cohorts/${cohort.id}/live?token=${cohort.trainer}`);
    await stream.next((e) => e.event === 'snapshot');

    const res = await api(server, 'POST', `/api/cohorts/${cohort.id}/links/trainer/rotate`, cohort.trainer);
    expect(res.status).toBe(200);
    expect(res.body.link).toMatch(new RegExp(`^${server.url}/c/${cohort.id}\\?token=[A-Za-z0-9_-]{43}$`));
    const newTrainer = tokenOf(res.body.link);

    const old = await api(server, 'GET', `/api/cohorts/${cohort.id}`, cohort.trainer);
    expect(old.status).toBe(401);
    expect(old.body.error.code).toBe('link_replaced');
    // The dashboard's live stream of the old link ends, and cannot be opened again.
    await stream.closed;
    expect((await openSse(`${server.url}/api/cohorts/${cohort.id}/live?token=${cohort.trainer}`)).status).toBe(401);

    const after = await api(server, 'GET', `/api/cohorts/${cohort.id}`, newTrainer);
    expect(after.status).toBe(200);
    expect(after.body.links.trainer).toBe(res.body.link);
    expect(after.body.boards).toEqual(before.body.boards);
    // The team links themselves were not changed.
    expect((await api(server, 'GET', `/api/boards/${cohort.boards[0].id}`, cohort.boards[0].tokens.editor)).body.role).toBe('editor');
  });

  it('refuses a team link in place of the trainer link (401) and a second replacement with the old link', async () => {
    server = await startTestServer();
    const cohort = await createTestCohort(server, { teams: ['North'] });
    const path = `/api/cohorts/${cohort.id}/links/trainer/rotate`;
    expect((await api(server, 'POST', path, cohort.boards[0].tokens.facilitator)).status).toBe(401);
    const first = await api(server, 'POST', path, cohort.trainer);
    expect(first.status).toBe(200);
    expect((await api(server, 'POST', path, cohort.trainer)).body.error.code).toBe('link_replaced');
    const wrongRole = await api(server, 'POST', `/api/cohorts/${cohort.id}/links/editor/rotate`, tokenOf(first.body.link));
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.body.error.field).toBe('role');
  });

  it('lets the trainer replace a team’s link from the dashboard; the trainer sees the new one', async () => {
    server = await startTestServer();
    const cohort = await createTestCohort(server, { teams: ['North', 'South'] });
    const south = cohort.boards[1];
    const open = connect(south.id, south.tokens.viewer);
    await synced(open);

    const res = await api(server, 'POST', `/api/cohorts/${cohort.id}/boards/${south.id}/links/viewer/rotate`, cohort.trainer);
    expect(res.status).toBe(200);
    expect(res.body.link).toMatch(new RegExp(`^${server.url}/b/${south.id}\\?token=`));
    await eventually(() => expect(open.closes.map((c) => c.code)).toContain(CloseCodes.LinkReplaced.code));
    expect((await api(server, 'GET', `/api/boards/${south.id}`, south.tokens.viewer)).body.error.code).toBe('link_replaced');
    expect((await api(server, 'GET', `/api/boards/${south.id}`, tokenOf(res.body.link))).body.role).toBe('viewer');

    const view = await api(server, 'GET', `/api/cohorts/${cohort.id}`, cohort.trainer);
    expect(view.body.boards[1].links).toEqual({ ...south.links, viewer: res.body.link });
    expect(view.body.boards[0].links).toEqual(cohort.boards[0].links);
    // A board of another cohort, a board facilitator's token: refused.
    const other = await createTestBoard(server);
    expect((await api(server, 'POST', `/api/cohorts/${cohort.id}/boards/${other.id}/links/viewer/rotate`, cohort.trainer)).status).toBe(404);
    expect((await api(server, 'POST', `/api/cohorts/${cohort.id}/boards/${south.id}/links/viewer/rotate`, south.tokens.facilitator)).status).toBe(401);
  });

  it('shows the trainer a team link the board’s facilitator replaced as null, until the trainer makes a new one', async () => {
    server = await startTestServer();
    const cohort = await createTestCohort(server, { teams: ['North'] });
    const north = cohort.boards[0];
    expect((await rotate({ id: north.id }, 'editor', north.tokens.facilitator)).status).toBe(200);
    const view = await api(server, 'GET', `/api/cohorts/${cohort.id}`, cohort.trainer);
    expect(view.body.boards[0].links).toEqual({ ...north.links, editor: null });

    const res = await api(server, 'POST', `/api/cohorts/${cohort.id}/boards/${north.id}/links/editor/rotate`, cohort.trainer);
    expect(res.status).toBe(200);
    const again = await api(server, 'GET', `/api/cohorts/${cohort.id}`, cohort.trainer);
    expect(again.body.boards[0].links.editor).toBe(res.body.link);
  });
});
