import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/Server';
import { connectClient, rawSocket, synced, type TestClient } from '../helpers/clients';
import { eventually } from '../helpers/eventually';
import { capturingLogger, createTestBoard, startTestServer } from '../helpers/server';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { entries } from '../helpers/boardContent';

let server: RunningServer;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

describe('relay access control', () => {
  it('drops writes from a viewer, answers permission denied, and leaves the board unchanged', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const viewer = connectClient(server, board.id, board.tokens.viewer);
    const editor = connectClient(server, board.id, board.tokens.editor);
    clients.push(viewer, editor);
    await Promise.all([synced(viewer), synced(editor)]);
    entries(viewer.doc).set('hack', 'viewer wrote this');
    await eventually(() => expect(viewer.permissionDenied.length).toBeGreaterThan(0));
    // The editor keeps working and never receives the viewer's write.
    entries(editor.doc).set('ok', 'editor');
    await eventually(() => expect(entries(viewer.doc).get('ok')).toBe('editor'));
    expect(entries(editor.doc).get('hack')).toBeUndefined();
    const room = server.relay.rooms.get(board.id)!;
    expect(entries(room.doc).get('hack')).toBeUndefined();
    expect(entries(room.doc).get('ok')).toBe('editor');
  });

  it('drops a hand-made update frame from a viewer socket', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const raw = await rawSocket(server, `/ws/${board.id}?token=${board.tokens.viewer}`);
    const attacker = new Y.Doc();
    entries(attacker).set('hack', 1);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(attacker));
    raw.ws.send(encoding.toUint8Array(e));
    await eventually(() => expect(raw.messages.some((m) => m[0] === 2)).toBe(true));
    expect(entries(server.relay.rooms.get(board.id)!.doc).get('hack')).toBeUndefined();
    const stored = await server.storage.loadDoc(board.id, 'board');
    expect(stored.updates).toHaveLength(0);
    raw.ws.close();
  });

  it('refuses a bad token at upgrade with 401', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    await expect(rawSocket(server, `/ws/${board.id}?token=not-the-token`)).rejects.toThrow('HTTP 401');
    await expect(rawSocket(server, `/ws/${board.id}`)).rejects.toThrow('HTTP 401');
    // A token of another board does not open this one.
    const other = await createTestBoard(server);
    await expect(rawSocket(server, `/ws/${board.id}?token=${other.tokens.facilitator}`)).rejects.toThrow('HTTP 401');
  });

  it('refuses an unknown board with 404', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    await expect(rawSocket(server, `/ws/AAAAAAAAAAAAAAAA?token=${board.tokens.editor}`)).rejects.toThrow('HTTP 404');
    await expect(rawSocket(server, `/ws/../../etc?token=${board.tokens.editor}`)).rejects.toThrow('HTTP 404');
    await expect(rawSocket(server, `/nope/${board.id}?token=${board.tokens.editor}`)).rejects.toThrow('HTTP 404');
    // A malformed percent-encoding is refused too (it once threw outside any handler).
    await expect(rawSocket(server, '/ws/%E0%A4%A')).rejects.toThrow('HTTP 404');
    await expect(rawSocket(server, `/ws/%E0%A4%A/control?token=${board.tokens.editor}`)).rejects.toThrow('HTTP 404');
    const { ws } = await rawSocket(server, `/ws/${board.id}?token=${board.tokens.editor}`);
    ws.close();
  });

  it('never writes a token into the logs', async () => {
    const { logger, lines } = capturingLogger();
    server = await startTestServer({ logger });
    const board = await createTestBoard(server);
    const c = connectClient(server, board.id, board.tokens.editor);
    clients.push(c);
    await synced(c);
    await expect(rawSocket(server, `/ws/${board.id}?token=${board.tokens.viewer}x`)).rejects.toThrow();
    c.destroy();
    await eventually(() => expect(lines.some((l) => l.includes('"conn.close"'))).toBe(true));
    const all = lines.join('\n');
    expect(all).toContain('"conn.open"');
    for (const t of Object.values(board.tokens)) expect(all).not.toContain(t);
  });
});
