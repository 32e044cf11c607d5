import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { readRecords, recordsOf } from '../../shared/doc/boardDoc';
import { MemoryStorage } from '../../server/storage/MemoryStorage';
import type { Storage } from '../../server/storage/Storage';
import { geoShape } from '../helpers/boardContent';
import { connectClient, synced } from '../helpers/clients';
import { createTestBoard, startTestServer, tempDir } from '../helpers/server';
import { eventually } from '../helpers/eventually';
import { spawnServer, type ServerProcess } from '../helpers/process';

/**
 * Whatever a client has received survives a crash of the server: the relay forwards an update
 * only after the transaction storing it has committed. A writer bursts updates, readers keep
 * what reaches them, the server is killed (SIGKILL) in the middle, and neither client comes back
 * (they could otherwise resend what they hold and hide a loss): everything the reader got must
 * be in the board after the restart.
 */

const procs: ServerProcess[] = [];
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  for (const p of procs.splice(0)) await p.stop();
});

async function createBoard(url: string) {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: 'blank', title: 'Burst', region: 'Coastal', sector: 'Energy' }),
  });
  const body = (await res.json()) as { id: string; links: { editor: string; viewer: string } };
  const token = (link: string) => new URL(link).searchParams.get('token')!;
  return { id: body.id, editor: token(body.links.editor), viewer: token(body.links.viewer) };
}

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  write(e);
  return encoding.toUint8Array(e);
}

/**
 * A bare client that keeps a doc of everything the server sends it and never sends anything
 * back but its sync step 1 and the answers sync needs (it cannot resend what it received).
 */
async function openClient(port: number, boardId: string, token: string) {
  const doc = new Y.Doc();
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/${boardId}?token=${token}`);
  sockets.push(ws);
  let synced = false;
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== 0) return;
    const sub = decoding.readVarUint(d);
    if (sub === syncProtocol.messageYjsSyncStep1) return; // nothing of ours the server lacks yet
    Y.applyUpdate(doc, decoding.readVarUint8Array(d), 'server');
    if (sub === syncProtocol.messageYjsSyncStep2) synced = true;
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(frame((e) => syncProtocol.writeSyncStep1(e, doc)));
  await eventually(() => expect(synced).toBe(true), 10_000);
  return { doc, ws };
}

describe('forwarding', () => {
  it('sends an update to the other clients only once it is stored, and the state a late joiner gets too', async () => {
    // Storage whose appends wait until the test lets them through.
    const storage = new MemoryStorage();
    let release = null as (() => void) | null;
    const stalled = new Proxy(storage, {
      get(target, prop, receiver) {
        if (prop === 'appendUpdates') {
          return async (...args: Parameters<Storage['appendUpdates']>) => {
            await new Promise<void>((r) => (release = r));
            return target.appendUpdates(...args);
          };
        }
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    }) as Storage;
    const server = await startTestServer({ storage: stalled });
    try {
      const board = await createTestBoard(server);
      const writer = connectClient(server, board.id, board.tokens.editor);
      const reader = connectClient(server, board.id, board.tokens.viewer);
      await Promise.all([synced(writer), synced(reader)]);
      recordsOf(writer.doc).set('shape:held', geoShape('shape:held') as never);
      await eventually(() => expect(release).not.toBeNull());
      const late = connectClient(server, board.id, board.tokens.viewer);
      await new Promise((r) => setTimeout(r, 200));
      expect(readRecords(reader.doc).has('shape:held' as never)).toBe(false);
      expect(late.provider.synced).toBe(false);
      release!();
      await eventually(() => expect(readRecords(reader.doc).has('shape:held' as never)).toBe(true));
      await synced(late);
      expect(readRecords(late.doc).has('shape:held' as never)).toBe(true);
      for (const c of [writer, reader, late]) c.destroy();
    } finally {
      (release as (() => void) | null)?.();
      await server.close();
    }
  });
});

/**
 * One writer bursts, twelve readers keep what reaches them, the server is killed with SIGKILL once
 * they hold over 1,000 updates; a fresh server on the same files must hold everything they got.
 */
async function killDuringBurst(env: Record<string, string>): Promise<void> {
  const dataDir = tempDir();
  // FULL: every commit waits for the disk, as on a server that must survive power loss too.
  const limits = { MAX_MESSAGES_PER_SECOND: '100000', MAX_MESSAGE_BURST: '100000', SQLITE_SYNCHRONOUS: 'FULL', ...env };
  const first = await spawnServer(dataDir, 0, limits);
  procs.push(first);
  const board = await createBoard(first.url);
  // Several readers: forwarding to each takes time, as on a busy board.
  const readers = await Promise.all(Array.from({ length: 12 }, () => openClient(first.port, board.id, board.viewer)));
  const writer = await openClient(first.port, board.id, board.editor);

  // The writer's edits, each its own update frame, as fast as the socket takes them.
  const kv = recordsOf(writer.doc);
  writer.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server' && writer.ws.readyState === WebSocket.OPEN) writer.ws.send(frame((e) => syncProtocol.writeUpdate(e, update)));
  });
  const burstKeys = (doc: Y.Doc) => [...readRecords(doc).keys()].filter((k) => k.startsWith('shape:burst-'));
  const received = () => Math.max(...readers.map((r) => burstKeys(r.doc).length));
  let written = 0;
  const burst = (async () => {
    while (writer.ws.readyState === WebSocket.OPEN && written < 20_000) {
      for (let i = 0; i < 50; i++, written++) kv.set(`shape:burst-${written}`, geoShape(`shape:burst-${written}`, { x: written }) as never);
      await new Promise((r) => setImmediate(r));
    }
  })();
  await eventually(() => expect(received()).toBeGreaterThan(1000), 20_000);
  await first.kill9();
  await burst;
  const got = [...new Set(readers.flatMap((r) => burstKeys(r.doc)))];
  for (const s of sockets.splice(0)) s.terminate();

  const second = await spawnServer(dataDir, 0, limits);
  procs.push(second);
  const check = await openClient(second.port, board.id, board.viewer);
  const stored = readRecords(check.doc);
  const lost = got.filter((k) => !stored.has(k as never));
  console.info(`kill -9 under a burst (${JSON.stringify(env)}): ${written} written, ${got.length} received by the readers, ${stored.size} records after the restart, ${lost.length} lost`);
  expect(lost).toEqual([]);
}

describe('a crash during a burst', () => {
  it('loses nothing any client received: kill -9 while one client writes and twelve read', async () => {
    await killDuringBurst({});
  }, 60_000);

  it('loses nothing any client received when the kill lands among compactions and the deletion of the updates they cover', async () => {
    // A compaction every 20 updates, each followed by batches deleting what it covers.
    await killDuringBurst({ COMPACT_AFTER_UPDATES: '20', COMPACT_IDLE_MS: '0' });
  }, 60_000);
});
