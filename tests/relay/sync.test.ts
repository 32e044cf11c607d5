import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/Server';
import { readBoardMeta, recordsOf } from '../../shared/boardDoc';
import { allAcked, connectClient, rawSocket, synced, type TestClient } from '../helpers/clients';
import { eventually } from '../helpers/eventually';
import { createTestBoard, startTestServer } from '../helpers/server';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';

let server: RunningServer;
const clients: TestClient[] = [];
const client = (...args: Parameters<typeof connectClient>) => {
  const c = connectClient(...args);
  clients.push(c);
  return c;
};

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

describe('relay sync', () => {
  it('delivers the seeded board to the first client', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server, { title: 'Seeded', region: 'North Valley' });
    const a = client(server, board.id, board.tokens.editor);
    await synced(a);
    expect(readBoardMeta(a.doc)).toMatchObject({ id: board.id, title: 'Seeded', region: 'North Valley', templateId: 'blank' });
    expect(recordsOf(a.doc).get('page:page')).toMatchObject({ typeName: 'page' });
    expect(recordsOf(a.doc).get('document:document')).toMatchObject({ typeName: 'document' });
  });

  it('makes two clients converge on concurrent edits', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const a = client(server, board.id, board.tokens.editor);
    const b = client(server, board.id, board.tokens.facilitator);
    await Promise.all([synced(a), synced(b)]);
    for (let i = 0; i < 50; i++) {
      a.doc.getMap('m').set(`a${i}`, i);
      b.doc.getMap('m').set(`b${i}`, i);
      a.doc.getArray('list').push([`a${i}`]);
      b.doc.getArray('list').push([`b${i}`]);
    }
    await eventually(() => {
      expect(a.doc.getMap('m').size).toBe(100);
      expect(b.doc.getMap('m').size).toBe(100);
      expect(a.doc.getArray('list').toJSON()).toEqual(b.doc.getArray('list').toJSON());
    });
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
  });

  it('gives a late joiner the full state', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const a = client(server, board.id, board.tokens.editor, { ack: true });
    await synced(a);
    recordsOf(a.doc).set('shape:one', { id: 'shape:one', typeName: 'shape' } as never);
    a.doc.getMap('m').set('k', 'v');
    await eventually(() => expect(allAcked(a)).toBe(true));
    const late = client(server, board.id, board.tokens.viewer);
    await synced(late);
    expect(recordsOf(late.doc).get('shape:one')).toEqual({ id: 'shape:one', typeName: 'shape' });
    expect(late.doc.getMap('m').get('k')).toBe('v');
  });

  it('sends edits made while offline when the connection returns', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const a = client(server, board.id, board.tokens.editor);
    const b = client(server, board.id, board.tokens.editor);
    await Promise.all([synced(a), synced(b)]);
    a.provider.disconnect();
    a.doc.getMap('m').set('offline', 'from a');
    b.doc.getMap('m').set('online', 'from b');
    await eventually(() => expect(b.doc.getMap('m').get('online')).toBe('from b'));
    expect(b.doc.getMap('m').get('offline')).toBeUndefined();
    a.provider.connect();
    await eventually(() => {
      expect(b.doc.getMap('m').get('offline')).toBe('from a');
      expect(a.doc.getMap('m').get('online')).toBe('from b');
    });
  });

  it('acknowledges updates to ack clients only after they are stored', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const a = client(server, board.id, board.tokens.editor, { ack: true });
    await synced(a);
    await eventually(() => expect(allAcked(a)).toBe(true));
    a.doc.getMap('m').set('x', 1);
    expect(allAcked(a)).toBe(false);
    await eventually(() => expect(allAcked(a)).toBe(true));
    const stored = await server.storage.loadDoc(board.id, 'board');
    const check = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(check, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(check, u);
    expect(check.getMap('m').get('x')).toBe(1);
  });

  it('counts the durable write frames of a connection in its acks, deletions included', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const raw = await rawSocket(server, `/ws/${board.id}?token=${board.tokens.editor}&ack=1`);
    const local = new Y.Doc();
    const frames: Uint8Array[] = [];
    local.on('update', (u: Uint8Array) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, u);
      frames.push(encoding.toUint8Array(e));
    });
    local.getMap('m').set('a', 1);
    local.getMap('m').set('b', 2);
    local.getMap('m').delete('a'); // a delete-only update: the state vector does not move
    for (const f of frames) raw.ws.send(f);
    const lastAckCount = () => {
      const acks = raw.messages.filter((m) => m[0] === 100).map((m) => {
        const d = decoding.createDecoder(new Uint8Array(m));
        decoding.readVarUint(d);
        decoding.readVarUint8Array(d);
        return decoding.readVarUint(d);
      });
      return acks.at(-1);
    };
    await eventually(() => expect(lastAckCount()).toBe(3));
    const room = server.relay.rooms.get(board.id)!;
    expect(room.doc.getMap('m').toJSON()).toEqual({ b: 2 });
    raw.ws.close();
  });
});
