import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/Server';
import { readBoardMeta, recordsOf } from '../../shared/doc/boardDoc';
import { allAcked, connectClient, rawSocket, synced, type TestClient } from '../helpers/clients';
import { eventually } from '../helpers/eventually';
import { createTestBoard, startTestServer } from '../helpers/server';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { entries, geoShape, recordsView } from '../helpers/boardContent';

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
      entries(a.doc).set(`a${i}`, i);
      entries(b.doc).set(`b${i}`, i);
    }
    await eventually(() => {
      expect(entries(a.doc).size).toBe(100);
      expect(entries(b.doc).size).toBe(100);
      expect(a.doc.getArray('records').toJSON()).toEqual(b.doc.getArray('records').toJSON());
    });
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
  });

  it('gives a late joiner the full state', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const a = client(server, board.id, board.tokens.editor, { ack: true });
    await synced(a);
    recordsView(a.doc).set('shape:one', geoShape('shape:one', { text: 'one' }) as never);
    entries(a.doc).set('k', 'v');
    await eventually(() => expect(allAcked(a)).toBe(true));
    const late = client(server, board.id, board.tokens.viewer);
    await synced(late);
    expect(recordsView(late.doc).get('shape:one')).toEqual(geoShape('shape:one', { text: 'one' }));
    expect(entries(late.doc).get('k')).toBe('v');
  });

  it('sends edits made while offline when the connection returns', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const a = client(server, board.id, board.tokens.editor);
    const b = client(server, board.id, board.tokens.editor);
    await Promise.all([synced(a), synced(b)]);
    a.provider.disconnect();
    entries(a.doc).set('offline', 'from a');
    entries(b.doc).set('online', 'from b');
    await eventually(() => expect(entries(b.doc).get('online')).toBe('from b'));
    expect(entries(b.doc).get('offline')).toBeUndefined();
    a.provider.connect();
    await eventually(() => {
      expect(entries(b.doc).get('offline')).toBe('from a');
      expect(entries(a.doc).get('online')).toBe('from b');
    });
  });

  it('acknowledges updates to ack clients only after they are stored', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const a = client(server, board.id, board.tokens.editor, { ack: true });
    await synced(a);
    await eventually(() => expect(allAcked(a)).toBe(true));
    entries(a.doc).set('x', 1);
    expect(allAcked(a)).toBe(false);
    await eventually(() => expect(allAcked(a)).toBe(true));
    const stored = await server.storage.loadDoc(board.id, 'board');
    const check = new Y.Doc();
    if (stored.compacted) Y.applyUpdate(check, stored.compacted);
    for (const u of stored.updates) Y.applyUpdate(check, u);
    expect(entries(check).get('x')).toBe(1);
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
    entries(local).set('a', 1);
    entries(local).set('b', 2);
    entries(local).delete('a'); // a delete-only update: the state vector does not move
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
    expect(entries(room.doc).toJSON()).toEqual({ b: 2 });
    raw.ws.close();
  });
});
