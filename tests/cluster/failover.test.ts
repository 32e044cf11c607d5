import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { entries } from '../helpers/boardContent';
import { allAcked, connectClient, synced, type TestClient } from '../helpers/clients';
import { asServer, FAST_LEASES, startCluster, type TestCluster } from '../helpers/cluster';
import { privatePostgres } from '../helpers/privatePostgres';
import { eventually } from '../helpers/eventually';
import { createTestBoard } from '../helpers/server';
import { isTerminalClose } from '../../shared/closeCodes';

/**
 * A board's owner dies, loses its lease or its database: no acknowledged update is lost, and
 * another node (or the same one again) serves the board.
 */

let cluster: TestCluster | null = null;
const clients: TestClient[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await cluster?.stop();
  cluster = null;
  for (const clean of cleanups.splice(0)) await clean();
});

function client(url: string, boardId: string, token: string): TestClient {
  const c = connectClient(asServer(url), boardId, token, { ack: true });
  clients.push(c);
  return c;
}

/**
 * Writes entry `<prefix><i>` every few milliseconds and remembers, for each, the clock of the
 * writer's own Yjs client after it: an entry is acknowledged once an ack covers that clock.
 */
function burst(writer: TestClient, prefix: string, everyMs = 4) {
  const written: { key: string; clock: number }[] = [];
  const timer = setInterval(() => {
    const key = `${prefix}${written.length}`;
    entries(writer.doc).set(key, written.length);
    written.push({ key, clock: Y.getState(writer.doc.store, writer.doc.clientID) });
  }, everyMs);
  return {
    stop: () => clearInterval(timer),
    written: () => written.map((w) => w.key),
    acknowledged(): string[] {
      const acked = Math.max(0, ...writer.acks.map((sv) => sv.get(writer.doc.clientID) ?? 0));
      return written.filter((w) => w.clock <= acked).map((w) => w.key);
    },
  };
}

/** Connects a reader and resolves once it has synced: the board is served again. */
async function readerSynced(url: string, boardId: string, token: string, timeoutMs: number): Promise<TestClient> {
  const reader = client(url, boardId, token);
  await synced(reader, timeoutMs);
  return reader;
}

describe('failover', () => {
  it("loses no acknowledged update when the owner is killed mid-burst; another node serves the board within 15 s, and the owner restarted serves it again", async () => {
    cluster = await startCluster(3);
    const [a, b, c] = cluster.nodes;
    const board = await createTestBoard(asServer(a.url));
    const first = client(a.url, board.id, board.tokens.editor);
    await synced(first, 10_000);
    expect((await cluster.lease(board.id))?.nodeUrl).toBe(a.url);

    const onB = client(b.url, board.id, board.tokens.editor);
    const onC = client(c.url, board.id, board.tokens.editor);
    await synced(onB, 10_000);
    await synced(onC, 10_000);
    const bursts = [burst(onB, 'b'), burst(onC, 'c')];
    await eventually(() => expect(bursts.every((w) => w.acknowledged().length > 200)).toBe(true), 30_000);

    await a.kill9();
    const killedAt = Date.now();
    // The writers never come back: what they did not see acknowledged may be lost, nothing else.
    for (const w of bursts) w.stop();
    const acknowledged = bursts.flatMap((w) => w.acknowledged());
    onB.destroy();
    onC.destroy();
    first.destroy();

    const reader = await readerSynced(b.url, board.id, board.tokens.viewer, 20_000);
    const servedAfterMs = Date.now() - killedAt;
    expect(servedAfterMs).toBeLessThan(15_000);
    const lease = await cluster.lease(board.id);
    expect([b.url, c.url]).toContain(lease?.nodeUrl);
    const held = entries(reader.doc).toJSON();
    expect(acknowledged.filter((key) => !(key in held))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(400);

    const restarted = await cluster.restart(0);
    const onA = await readerSynced(restarted.url, board.id, board.tokens.viewer, 15_000);
    expect(entries(onA.doc).toJSON()).toEqual(held);
  }, 90_000);

  it('fences a node whose lease was taken from it: its appends and compaction fail, its room closes, nothing is lost', async () => {
    // Renewals every 10 s: the lease is taken over between two of them, so the first thing to
    // notice is the write's fence (a renewal would notice too, and close the room without it).
    cluster = await startCluster(2, { LEASE_TTL_MS: '30000', LEASE_RENEW_MS: '10000', UNLOAD_GRACE_MS: '300' });
    const [a, b] = cluster.nodes;
    const board = await createTestBoard(asServer(a.url));
    const writer = client(a.url, board.id, board.tokens.editor);
    await synced(writer, 10_000);
    for (let i = 0; i < 10; i++) entries(writer.doc).set(`before${i}`, i);
    await eventually(() => expect(allAcked(writer)).toBe(true), 10_000);
    const before = await cluster.lease(board.id);
    expect(before?.nodeUrl).toBe(a.url);

    // Another node takes the lease over while A still thinks it holds it (as after a long pause).
    await cluster.query(`UPDATE board_leases SET node_id = 'taken-over', node_url = $2, epoch = epoch + 1 WHERE board_id = $1`, [board.id, b.url]);
    for (let i = 0; i < 10; i++) entries(writer.doc).set(`after${i}`, i);

    // A's append is refused; its room closes with BoardMoved; the writer comes back through A
    // to B (the lease names B's address) and resends what was never acknowledged.
    await eventually(() => expect(writer.closes.map((c) => c.code)).toContain(4513), 10_000);
    await eventually(() => expect(a.output()).toContain('board.fenced'), 10_000);
    await eventually(() => expect(allAcked(writer)).toBe(true), 15_000);
    const after = await cluster.lease(board.id);
    expect(after?.nodeUrl).toBe(b.url);
    expect(after!.epoch).toBeGreaterThan(before!.epoch);

    // Compaction: the lease is taken from B while the board's log is not compacted yet; the
    // compaction of B's unloading room is refused as well.
    writer.destroy();
    await cluster.query(`UPDATE board_leases SET node_id = 'stolen-again', node_url = 'http://127.0.0.1:9', epoch = epoch + 1 WHERE board_id = $1`, [board.id]);
    await eventually(() => expect(b.output()).toMatch(/board\.fenced[^\n]*board\.compact_fenced|board\.compact_fenced[^\n]*board\.fenced/), 10_000);

    // Everything the writer wrote, read from the database by a fresh reader once the lease is free.
    await cluster.query(`UPDATE board_leases SET expires_at = now() - interval '1 second' WHERE board_id = $1`, [board.id]);
    const reader = await readerSynced(a.url, board.id, board.tokens.viewer, 10_000);
    const held = entries(reader.doc).toJSON();
    for (let i = 0; i < 10; i++) {
      expect(held[`before${i}`]).toBe(i);
      expect(held[`after${i}`]).toBe(i);
    }
  }, 90_000);

  it('reconnects its clients after PostgreSQL restarts mid-edit, and loses nothing', async () => {
    // A server of this test's own: the shared one serves other test files meanwhile.
    const postgres = await privatePostgres();
    cleanups.push(async () => postgres.remove());
    cluster = await startCluster(2, FAST_LEASES, { db: postgres.db });
    const [a] = cluster.nodes;
    const board = await createTestBoard(asServer(a.url));
    const writer = client(a.url, board.id, board.tokens.editor);
    await synced(writer, 10_000);
    const w = burst(writer, 'w', 20);
    await eventually(() => expect(w.acknowledged().length).toBeGreaterThan(20), 10_000);

    // PostgreSQL stops (fast shutdown: every connection drops) and starts again 4 s later. The writer
    // writes on throughout: what it wrote while disconnected goes in its sync on reconnecting,
    // and a write that overtakes that sync (building on writes the server lost unacknowledged)
    // closes the socket as out of step, to sync again (shared/closeCodes.ts), never for good.
    postgres.stop();
    await new Promise((r) => setTimeout(r, 4_000));
    postgres.start();
    await eventually(() => expect(writer.closes.length).toBeGreaterThan(0), 10_000);
    const writtenAtRestore = w.written().length;
    await eventually(() => expect(w.acknowledged().length).toBeGreaterThan(writtenAtRestore + 20), 20_000);
    w.stop();
    expect(writer.closes.filter((c) => isTerminalClose(c.code))).toEqual([]);
    // The writer reconnected and resent what was not acknowledged: all of it is stored.
    await eventually(() => expect(allAcked(writer), `node A said:\n${a.output().slice(-6000)}`).toBe(true), 20_000);
    const reader = await readerSynced(cluster.nodes[1].url, board.id, board.tokens.viewer, 20_000);
    const held = entries(reader.doc).toJSON();
    expect(w.written().filter((key) => !(key in held))).toEqual([]);
  }, 90_000);
});
