import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import { MessageType } from '../../shared/protocol';
import { eventually } from '../helpers/eventually';
import { spawnServer, type ServerProcess } from '../helpers/process';
import { tempDir } from '../helpers/server';
import { entries } from '../helpers/boardContent';

const procs: ServerProcess[] = [];
const providers: WebsocketProvider[] = [];
afterEach(async () => {
  for (const p of providers.splice(0)) p.destroy();
  for (const p of procs.splice(0)) await p.stop();
});

async function createBoard(url: string) {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: 'blank', title: 'Durable', region: 'Coastal', sector: 'Energy' }),
  });
  const body = (await res.json()) as { id: string; links: { editor: string } };
  return { id: body.id, token: new URL(body.links.editor).searchParams.get('token')! };
}

/** A provider whose acknowledged state vector is tracked. */
function connect(port: number, id: string, token: string) {
  const doc = new Y.Doc();
  let acked = new Map<number, number>();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/ws`, id, doc, {
    params: { token, ack: '1' },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  provider.messageHandlers[MessageType.Ack] = (_e, d) => {
    acked = Y.decodeStateVector(decoding.readVarUint8Array(d));
  };
  providers.push(provider);
  const ownClock = () => Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;
  return { doc, provider, isAcked: () => (acked.get(doc.clientID) ?? 0) >= ownClock() };
}

describe('server restart', () => {
  it.each([['SIGKILL'], ['SIGTERM']])('keeps every acknowledged update after %s', async (signal) => {
    const dataDir = tempDir();
    const first = await spawnServer(dataDir);
    procs.push(first);
    const board = await createBoard(first.url);
    const a = connect(first.port, board.id, board.token);
    await eventually(() => expect(a.provider.synced).toBe(true), 10_000);
    for (let i = 0; i < 200; i++) entries(a.doc).set(`k${i}`, { i, text: `item ${i}` });
    await eventually(() => expect(a.isAcked()).toBe(true), 10_000);
    a.provider.destroy();
    if (signal === 'SIGKILL') await first.kill9();
    else await first.stop();
    const second = await spawnServer(dataDir, first.port);
    procs.push(second);
    const b = connect(second.port, board.id, board.token);
    await eventually(() => expect(b.provider.synced).toBe(true), 10_000);
    expect(entries(b.doc).size).toBe(200);
    expect(entries(b.doc).get('k199')).toEqual({ i: 199, text: 'item 199' });
    expect(b.doc.getMap('board').get('title')).toBe('Durable');
  });

  it('lets a connected client resend its unacknowledged edits to the restarted server', async () => {
    const dataDir = tempDir();
    const first = await spawnServer(dataDir);
    procs.push(first);
    const board = await createBoard(first.url);
    const a = connect(first.port, board.id, board.token);
    await eventually(() => expect(a.provider.synced).toBe(true), 10_000);
    await first.kill9();
    // Edits made while the server is down stay local and unacknowledged...
    entries(a.doc).set('while-down', 'kept');
    expect(a.isAcked()).toBe(false);
    const second = await spawnServer(dataDir, first.port);
    procs.push(second);
    // ...and reach the server when the provider reconnects.
    await eventually(() => expect(a.isAcked()).toBe(true), 15_000);
    const b = connect(second.port, board.id, board.token);
    await eventually(() => expect(entries(b.doc).get('while-down')).toBe('kept'), 10_000);
  });
});
