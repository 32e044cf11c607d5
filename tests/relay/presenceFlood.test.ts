import { afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import type { RunningServer } from '../../server/Server';
import { connectClient, rawSocket, synced, type TestClient } from '../helpers/clients';
import { eventually } from '../helpers/eventually';
import { createTestBoard, startTestServer } from '../helpers/server';

/**
 * Presence (Yjs awareness) from a hostile connection: each connection speaks only for the
 * presence ids it announced first, owns a few of them, cannot send huge states, and its
 * query-awareness frames are answered at most once per interval.
 */

let server: RunningServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
  server = undefined;
});

type Entry = [clientId: number, clock: number, state: unknown];

/** An awareness frame (message 1) carrying the given entries. */
function awarenessFrame(entries: Entry[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(update, id);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

const QUERY = new Uint8Array([3]);

/** The slowest of /healthz answers while `during` runs. */
async function worstHealthz(during: Promise<unknown>): Promise<number> {
  let worst = 0;
  let done = false;
  void during.finally(() => (done = true));
  while (!done) {
    const started = performance.now();
    await fetch(`${server!.url}/healthz`);
    worst = Math.max(worst, performance.now() - started);
    await new Promise((r) => setTimeout(r, 10));
  }
  return worst;
}

describe('presence from one connection', () => {
  it('cannot stall the server: of 20,000 states in one frame a few are kept, and 300 queries get one answer per interval', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const raw = await rawSocket(server, `/ws/${board.id}?token=${board.tokens.viewer}`);
    const room = await eventually(() => {
      const r = server!.relay.rooms.get(board.id);
      if (r?.state !== 'ready') throw new Error('not loaded');
      return r;
    });
    const flood = Array.from({ length: 20_000 }, (_, i): Entry => [i + 1, 1, { user: { id: `u${i}`, name: `Bot ${i}`, color: '#000', role: 'viewer' } }]);
    let bytes = 0;
    raw.ws.on('message', (d: Buffer) => (bytes += d.length));
    const work = (async () => {
      raw.ws.send(awarenessFrame(flood));
      await eventually(() => expect(room.awareness.getStates().size).toBeGreaterThan(0));
      for (let i = 0; i < 300; i++) raw.ws.send(QUERY);
      await new Promise((r) => setTimeout(r, 1500));
    })();
    const worst = await worstHealthz(work);
    await work;
    expect(room.awareness.getStates().size).toBe(4);
    // One answer at once, one after the interval: a few hundred bytes each, not 300 × 20,000 states.
    expect(bytes).toBeLessThan(20_000);
    console.info(`presence flood: ${bytes} bytes sent to the flooding connection, /healthz worst ${worst.toFixed(1)} ms`);
    expect(worst).toBeLessThan(250);
    raw.ws.close();
  });

  it("cannot rename or remove another person's presence", async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const fran = connectClient(server, board.id, board.tokens.facilitator);
    const watcher = connectClient(server, board.id, board.tokens.editor);
    clients.push(fran, watcher);
    fran.provider.awareness.setLocalStateField('user', { id: 'fran', name: 'Fran', color: '#123456', role: 'facilitator' });
    await Promise.all([synced(fran), synced(watcher)]);
    const franId = fran.doc.clientID;
    await eventually(() => expect(watcher.provider.awareness.getStates().get(franId)).toMatchObject({ user: { name: 'Fran' } }));

    const raw = await rawSocket(server, `/ws/${board.id}?token=${board.tokens.viewer}`);
    const clock = (fran.provider.awareness.meta.get(franId)?.clock ?? 0) + 100;
    raw.ws.send(awarenessFrame([[franId, clock, { user: { id: 'fran', name: 'Mallory', color: '#000', role: 'facilitator' } }]]));
    raw.ws.send(awarenessFrame([[franId, clock + 1, null]]));
    // Something the viewer may say, to know its frames were handled.
    raw.ws.send(awarenessFrame([[424242, 1, { user: { id: 'v', name: 'Viewer', color: '#000', role: 'viewer' } }]]));
    await eventually(() => expect(watcher.provider.awareness.getStates().get(424242)).toMatchObject({ user: { name: 'Viewer' } }));
    expect(watcher.provider.awareness.getStates().get(franId)).toMatchObject({ user: { name: 'Fran' } });
    expect(server.relay.rooms.get(board.id)!.awareness.getStates().get(franId)).toMatchObject({ user: { name: 'Fran' } });
    raw.ws.close();
  });

  it('drops a presence state larger than the limit', async () => {
    server = await startTestServer({ limits: { maxPresenceBytes: 2048 } });
    const board = await createTestBoard(server);
    const raw = await rawSocket(server, `/ws/${board.id}?token=${board.tokens.editor}`);
    raw.ws.send(awarenessFrame([[5, 1, { user: { id: 'big', name: 'x'.repeat(4000), color: '#000', role: 'editor' } }]]));
    raw.ws.send(awarenessFrame([[6, 1, { user: { id: 'ok', name: 'Small', color: '#000', role: 'editor' } }]]));
    const room = await eventually(() => {
      const r = server!.relay.rooms.get(board.id);
      if (!r?.awareness.getStates().has(6)) throw new Error('not yet');
      return r;
    });
    expect(room.awareness.getStates().has(5)).toBe(false);
    raw.ws.close();
  });
});
