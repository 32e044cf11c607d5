import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { RunningServer } from '../../server/Server';
import { CloseCodes } from '../../shared/closeCodes';
import { connectClient, rawSocket, synced, type TestClient } from '../helpers/clients';
import { eventually } from '../helpers/eventually';
import { createTestBoard, startTestServer } from '../helpers/server';
import { changeStoredBoard } from '../../server/cohorts/testing';
import { MemoryStorage } from '../../server/storage/MemoryStorage';
import { readRecords, recordsOf } from '../../shared/doc/boardDoc';
import { entries, geoShape } from '../helpers/boardContent';

let server: RunningServer;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

function updateFrame(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(e);
}

async function boardWithContent() {
  const board = await createTestBoard(server);
  const writer = connectClient(server, board.id, board.tokens.editor, { ack: true });
  clients.push(writer);
  await synced(writer);
  entries(writer.doc).set('kept', 'yes');
  await eventually(() => expect(entries(server.relay.rooms.get(board.id)!.doc).get('kept')).toBe('yes'));
  return { board, writer };
}

describe('relay limits', () => {
  it.each([
    ['an unknown message type', Uint8Array.of(42, 1, 2)],
    ['a truncated sync message', Uint8Array.of(0, 2, 200)],
    ['an unknown sync type', Uint8Array.of(0, 9, 0)],
    ['garbage inside an update', Uint8Array.of(0, 2, 5, 255, 255, 255, 255, 255)],
    ['a broken awareness update', Uint8Array.of(1, 3, 1, 2, 3)],
  ])('closes the connection on %s and leaves the board intact', async (_name, frame) => {
    server = await startTestServer();
    const { board, writer } = await boardWithContent();
    const raw = await rawSocket(server, `/ws/${board.id}?token=${board.tokens.editor}`);
    raw.ws.send(frame);
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCodes.MalformedMessage.code);
    entries(writer.doc).set('after', 'still works');
    const late = connectClient(server, board.id, board.tokens.viewer);
    clients.push(late);
    await synced(late);
    await eventually(() => expect(entries(late.doc).toJSON()).toEqual({ kept: 'yes', after: 'still works' }));
  });

  it('closes the connection on a text frame', async () => {
    server = await startTestServer();
    const { board } = await boardWithContent();
    const raw = await rawSocket(server, `/ws/${board.id}?token=${board.tokens.editor}`);
    raw.ws.send('hello');
    expect((await raw.closed).code).toBe(CloseCodes.MalformedMessage.code);
  });

  it('closes the connection on an oversized frame and keeps the board', async () => {
    server = await startTestServer({ limits: { maxPayloadBytes: 64 * 1024 } });
    const { board, writer } = await boardWithContent();
    const raw = await rawSocket(server, `/ws/${board.id}?token=${board.tokens.editor}`);
    const big = new Y.Doc();
    entries(big).set('huge', 'x'.repeat(200 * 1024));
    raw.ws.send(updateFrame(big));
    expect((await raw.closed).code).toBe(1009);
    const room = server.relay.rooms.get(board.id)!;
    expect(entries(room.doc).get('huge')).toBeUndefined();
    expect(entries(room.doc).get('kept')).toBe('yes');
    expect(writer.provider.wsconnected).toBe(true);
  });

  it('closes a connection that sends faster than the rate limit', async () => {
    server = await startTestServer({ limits: { messagesPerSecond: 10, messageBurst: 20 } });
    const { board } = await boardWithContent();
    const raw = await rawSocket(server, `/ws/${board.id}?token=${board.tokens.editor}`);
    for (let i = 0; i < 50; i++) raw.ws.send(Uint8Array.of(3)); // query awareness
    expect((await raw.closed).code).toBe(CloseCodes.RateLimited.code);
  });

  it('drops a socket that does not finish its upgrade request before the pre-auth deadline', async () => {
    server = await startTestServer({ limits: { preAuthDeadlineMs: 300 } });
    const socket = net.connect(server.port, '127.0.0.1');
    socket.resume(); // read whatever the server answers, so its end of the stream is seen
    await new Promise((r) => socket.once('connect', r));
    socket.write('GET /ws/AAAAAAAAAAAAAAAA HTTP/1.1\r\nHost: localhost\r\n'); // headers never finish
    const started = Date.now();
    await new Promise((r) => socket.once('close', r));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(5000);
  });

  it('terminates a connection that stops answering pings', async () => {
    server = await startTestServer({ limits: { pingIntervalMs: 100 } });
    const { board } = await boardWithContent();
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws/${board.id}?token=${board.tokens.editor}`, { autoPong: false });
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    await new Promise((r) => ws.once('open', r));
    expect(await closed).toBe(1006); // terminated without a close frame
  });

  it('closes a slow consumer whose send buffer overflows', async () => {
    server = await startTestServer({ limits: { maxBufferedBytes: 256 * 1024, maxPayloadBytes: 4 * 1024 * 1024 } });
    const { board, writer } = await boardWithContent();
    const slow = await rawSocket(server, `/ws/${board.id}?token=${board.tokens.viewer}`);
    // Stop reading: the kernel buffers fill, then the server's own buffer grows.
    (slow.ws as unknown as { _socket: net.Socket })._socket.pause();
    for (let i = 0; i < 40; i++) entries(writer.doc).set(`blob${i}`, 'y'.repeat(512 * 1024));
    await eventually(() => {
      const room = server.relay.rooms.get(board.id)!;
      expect(room.conns.size).toBe(1);
    }, 10_000);
    expect(writer.provider.wsconnected).toBe(true);
  });
});

describe('a board larger than the send buffer limit', () => {
  it('opens for a client that connects once: the first sync is not cut as a slow consumer', async () => {
    const storage = new MemoryStorage();
    server = await startTestServer({ storage });
    const board = await createTestBoard(server);
    // ~20 MB of records, more than the 16 MB a connection may have waiting to be sent.
    await changeStoredBoard(storage, board.id, (doc) => {
      const kv = recordsOf(doc);
      for (let i = 0; i < 20; i++) kv.set(`shape:big-${i}`, geoShape(`shape:big-${i}`, { meta: { text: `${i}`.padEnd(1024 * 1024, '.') } }) as never);
    });
    const reader = connectClient(server, board.id, board.tokens.viewer);
    clients.push(reader);
    await synced(reader, 20_000);
    expect(readRecords(reader.doc).size).toBeGreaterThanOrEqual(22);
    // Still connected afterwards (presence, acks and updates flow as usual).
    await new Promise((r) => setTimeout(r, 300));
    expect(reader.closes).toEqual([]);
    expect(reader.provider.wsconnected).toBe(true);
  }, 60_000);
});
