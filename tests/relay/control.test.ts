import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { RunningServer } from '../../server/Server';
import { CONTROL_MAP, CONTROL_VOTES, ControlKey, controlRoomName, type SessionStep } from '../../shared/doc/control';
import { MessageType } from '../../shared/protocol';
import { connectClient, rawSocket, synced, type TestClient } from '../helpers/clients';
import { eventually } from '../helpers/eventually';
import { createTestBoard, sqliteIn, startTestServer, tempDir } from '../helpers/server';
import { entries } from '../helpers/boardContent';

let server: RunningServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
  server = undefined;
});

/** A real y-websocket provider on a board's control room (`/ws/<id>/control`). */
const control = (s: RunningServer, boardId: string, token: string) => {
  const c = connectClient(s, controlRoomName(boardId), token, { ack: true });
  clients.push(c);
  return c;
};
const board = (s: RunningServer, boardId: string, token: string) => {
  const c = connectClient(s, boardId, token);
  clients.push(c);
  return c;
};
const step = (stepId: string): SessionStep => ({ stepId, index: 1, changedAt: 1_000, by: 'Someone' });
const stepOf = (c: TestClient) => c.doc.getMap(CONTROL_MAP).get(ControlKey.Step) as SessionStep | undefined;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('control document', () => {
  it.each([['editor'], ['viewer']] as const)('drops control writes from %s connections and keeps them out after a restart', async (role) => {
    const dir = tempDir();
    server = await startTestServer({ storage: sqliteIn(dir) });
    const b = await createTestBoard(server);
    const facilitator = control(server, b.id, b.tokens.facilitator);
    const intruder = control(server, b.id, b.tokens[role]);
    await Promise.all([synced(facilitator), synced(intruder)]);
    intruder.doc.getMap(CONTROL_MAP).set(ControlKey.Step, step('hijacked'));
    await eventually(() => expect(intruder.permissionDenied).toContain('Only the facilitator can change the session.'));
    // A later facilitator write arrives, the intruder's never does.
    facilitator.doc.getMap(CONTROL_MAP).set(ControlKey.Banner, { id: 'b1', text: 'after', at: 2, by: 'F' });
    await eventually(() => expect(intruder.doc.getMap(CONTROL_MAP).get(ControlKey.Banner)).toMatchObject({ text: 'after' }));
    expect(stepOf(facilitator)).toBeUndefined();
    expect(server.relay.rooms.get(controlRoomName(b.id))!.doc.getMap(CONTROL_MAP).has(ControlKey.Step)).toBe(false);

    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    server = await startTestServer({ storage: sqliteIn(dir) });
    const after = control(server, b.id, b.tokens.viewer);
    await synced(after);
    expect(stepOf(after)).toBeUndefined();
    expect(after.doc.getMap(CONTROL_MAP).get(ControlKey.Banner)).toMatchObject({ text: 'after' });
  });

  it("carries a facilitator's write to editors and viewers, and keeps it across a restart", async () => {
    const dir = tempDir();
    server = await startTestServer({ storage: sqliteIn(dir) });
    const b = await createTestBoard(server);
    const facilitator = control(server, b.id, b.tokens.facilitator);
    const editor = control(server, b.id, b.tokens.editor);
    const viewer = control(server, b.id, b.tokens.viewer);
    await Promise.all([synced(facilitator), synced(editor), synced(viewer)]);
    facilitator.doc.getMap(CONTROL_MAP).set(ControlKey.Step, step('ideas'));
    await eventually(() => {
      expect(stepOf(editor)).toEqual(step('ideas'));
      expect(stepOf(viewer)).toEqual(step('ideas'));
    });
    await eventually(() => expect(facilitator.acks.length).toBeGreaterThan(0));
    expect(facilitator.permissionDenied).toEqual([]);

    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    server = await startTestServer({ storage: sqliteIn(dir) });
    const later = control(server, b.id, b.tokens.editor);
    await synced(later);
    expect(stepOf(later)).toEqual(step('ideas'));
  });

  it('keeps the board room as it was: editors write, viewers are refused, the control doc stays apart', async () => {
    server = await startTestServer();
    const b = await createTestBoard(server);
    const editor = board(server, b.id, b.tokens.editor);
    const viewer = board(server, b.id, b.tokens.viewer);
    const facilitatorControl = control(server, b.id, b.tokens.facilitator);
    await Promise.all([synced(editor), synced(viewer), synced(facilitatorControl)]);
    entries(editor.doc).set('k', 'board write');
    await eventually(() => expect(entries(viewer.doc).get('k')).toBe('board write'));
    entries(viewer.doc).set('v', 'nope');
    await eventually(() => expect(viewer.permissionDenied).toContain('This link is view-only; changes are not saved.'));
    expect(entries(editor.doc).get('v')).toBeUndefined();
    // Each document has its own room and content.
    expect(viewer.doc.getMap('board').get('title')).toBe('Test board');
    expect(facilitatorControl.doc.getMap('board').size).toBe(0);
    expect(entries(facilitatorControl.doc).size).toBe(0);
    expect(server.relay.rooms.has(b.id)).toBe(true);
    expect(server.relay.rooms.has(controlRoomName(b.id))).toBe(true);
  });

  it('drops a hand-made update frame from an editor socket on the control room', async () => {
    server = await startTestServer();
    const b = await createTestBoard(server);
    const raw = await rawSocket(server, `/ws/${b.id}/control?token=${b.tokens.editor}`);
    const attacker = new Y.Doc();
    attacker.getMap(CONTROL_MAP).set(ControlKey.Step, step('raw'));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.Sync);
    syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(attacker));
    raw.ws.send(encoding.toUint8Array(e));
    await eventually(() => expect(raw.messages.some((m) => m[0] === MessageType.Auth)).toBe(true));
    await pause(50);
    expect(server.relay.rooms.get(controlRoomName(b.id))!.doc.getMap(CONTROL_MAP).has(ControlKey.Step)).toBe(false);
    expect((await server.storage.loadDoc(b.id, 'control')).updates).toHaveLength(0);
    raw.ws.close();
  });

  it('undoes a facilitator write to the vote keys, which only the server writes', async () => {
    server = await startTestServer();
    const b = await createTestBoard(server);
    const facilitator = control(server, b.id, b.tokens.facilitator);
    const viewer = control(server, b.id, b.tokens.viewer);
    await Promise.all([synced(facilitator), synced(viewer)]);
    facilitator.doc.transact(() => {
      facilitator.doc.getMap(CONTROL_VOTES).set('fake', { id: 'fake', status: 'revealed', tally: { x: 99 } });
      facilitator.doc.getMap(CONTROL_MAP).set(ControlKey.Vote, 'fake');
      facilitator.doc.getMap(CONTROL_MAP).set(ControlKey.Banner, { id: 'b', text: 'kept', at: 1, by: 'F' });
    });
    await eventually(() => expect(facilitator.permissionDenied).toContain('Votes are changed through the server only.'));
    await eventually(() => {
      expect(viewer.doc.getMap(CONTROL_MAP).get(ControlKey.Banner)).toMatchObject({ text: 'kept' });
      expect(facilitator.doc.getMap(CONTROL_VOTES).has('fake')).toBe(false);
      expect(facilitator.doc.getMap(CONTROL_MAP).has(ControlKey.Vote)).toBe(false);
      expect(viewer.doc.getMap(CONTROL_VOTES).size).toBe(0);
    });
  });

  it('refuses the control room of an unknown board and a bad token', async () => {
    server = await startTestServer();
    const b = await createTestBoard(server);
    await expect(rawSocket(server, `/ws/AAAAAAAAAAAAAAAA/control?token=${b.tokens.facilitator}`)).rejects.toThrow('HTTP 404');
    await expect(rawSocket(server, `/ws/${b.id}/control/control?token=${b.tokens.facilitator}`)).rejects.toThrow('HTTP 404');
    await expect(rawSocket(server, `/ws/${b.id}/control?token=nope`)).rejects.toThrow('HTTP 401');
  });

  it('unloads an idle control room after the grace period, storing what was written', async () => {
    server = await startTestServer();
    const b = await createTestBoard(server);
    const facilitator = control(server, b.id, b.tokens.facilitator);
    await synced(facilitator);
    facilitator.doc.getMap(CONTROL_MAP).set(ControlKey.Step, step('s'));
    await eventually(() => expect(facilitator.acks.length).toBeGreaterThan(1));
    facilitator.destroy();
    await eventually(() => expect(server!.relay.rooms.has(controlRoomName(b.id))).toBe(false));
    const stored = await server.storage.loadDoc(b.id, 'control');
    const doc = new Y.Doc();
    if (stored.compacted) Y.applyUpdate(doc, stored.compacted);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    expect(doc.getMap(CONTROL_MAP).get(ControlKey.Step)).toEqual(step('s'));
  });
});

describe('awareness roles', () => {
  /** An awareness frame for one client id claiming `state`. */
  function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.Awareness);
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    return encoding.toUint8Array(e);
  }

  /** The states in the awareness frames a raw socket received, by client id (last wins). */
  function statesSeen(messages: Buffer[]): Map<number, any> {
    const out = new Map<number, any>();
    for (const m of messages) {
      const d = decoding.createDecoder(new Uint8Array(m));
      if (decoding.readVarUint(d) !== MessageType.Awareness) continue;
      const u = decoding.createDecoder(decoding.readVarUint8Array(d));
      const n = decoding.readVarUint(u);
      for (let i = 0; i < n; i++) {
        const id = decoding.readVarUint(u);
        decoding.readVarUint(u);
        out.set(id, JSON.parse(decoding.readVarString(u)));
      }
    }
    return out;
  }

  it("rewrites a claimed role to the connection's role before anyone sees it", async () => {
    server = await startTestServer();
    const b = await createTestBoard(server);
    const watcher = board(server, b.id, b.tokens.viewer);
    await synced(watcher);
    const raw = await rawSocket(server, `/ws/${b.id}?token=${b.tokens.editor}`);
    const claim = { user: { id: 'u-liar', name: 'Liar', color: '#f00', role: 'facilitator' }, presence: { cursor: 1 } };
    raw.ws.send(awarenessFrame(424242, 1, claim));
    await eventually(() => expect(watcher.provider.awareness.getStates().get(424242)).toBeDefined());
    expect(watcher.provider.awareness.getStates().get(424242)).toEqual({ ...claim, user: { ...claim.user, role: 'editor' } });
    // The echo to the sender and the room's own state are corrected too.
    await eventually(() => expect(statesSeen(raw.messages).get(424242)?.user.role).toBe('editor'));
    expect(server.relay.rooms.get(b.id)!.awareness.getStates().get(424242)).toMatchObject({ user: { role: 'editor', name: 'Liar' } });
    // A state without a role gains the connection's; removals pass.
    raw.ws.send(awarenessFrame(424243, 1, { user: { id: 'u2', name: 'Quiet' } }));
    await eventually(() => expect(watcher.provider.awareness.getStates().get(424243)).toMatchObject({ user: { role: 'editor' } }));
    raw.ws.send(awarenessFrame(424242, 2, null));
    await eventually(() => expect(watcher.provider.awareness.getStates().has(424242)).toBe(false));
    raw.ws.close();
  });

  it('records the corrected role for a real provider claiming to be facilitator', async () => {
    server = await startTestServer();
    const b = await createTestBoard(server);
    const viewer = board(server, b.id, b.tokens.viewer);
    const other = board(server, b.id, b.tokens.editor);
    await Promise.all([synced(viewer), synced(other)]);
    viewer.provider.awareness.setLocalStateField('user', { id: 'u-v', name: 'Vic', color: '#000', role: 'facilitator' });
    await eventually(() => expect(other.provider.awareness.getStates().get(viewer.doc.clientID)).toMatchObject({ user: { name: 'Vic', role: 'viewer' } }));
    awarenessProtocol.removeAwarenessStates(viewer.provider.awareness, [viewer.doc.clientID], 'test');
  });
});
