import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/Server';
import { MemoryStorage } from '../../server/storage/MemoryStorage';
import { CloseCodes } from '../../shared/closeCodes';
import type { DocKind } from '../../shared/roles';
import { allAcked, connectClient, synced, type TestClient } from '../helpers/clients';
import { eventually } from '../helpers/eventually';
import { createTestBoard, sqliteAt, sqliteIn, startTestServer, tempDir } from '../helpers/server';
import { openDatabase } from '../../server/storage/sqliteDatabase';
import { entries } from '../helpers/boardContent';

let server: RunningServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
  server = undefined;
});
const client = (...args: Parameters<typeof connectClient>) => {
  const c = connectClient(...args);
  clients.push(c);
  return c;
};

/** MemoryStorage with switches to make loads fail, compaction slow and the deletion of covered updates fail. */
class FlakyStorage extends MemoryStorage {
  failLoads = 0;
  compactDelayMs = 0;
  compactions = 0;
  failDrops = false;
  /** Covered updates deleted so far. */
  dropped = 0;
  async dropCovered(boardId: string, kind: DocKind, limit: number) {
    if (this.failDrops) throw new Error('disk full');
    const n = await super.dropCovered(boardId, kind, limit);
    this.dropped += n;
    return n;
  }
  async loadDoc(boardId: string, kind: DocKind) {
    if (this.failLoads > 0) {
      this.failLoads--;
      throw new Error('disk on fire');
    }
    return super.loadDoc(boardId, kind);
  }
  async compact(boardId: string, kind: DocKind, snapshot: Uint8Array, upToSeq: number) {
    this.compactions++;
    if (this.compactDelayMs) await new Promise((r) => setTimeout(r, this.compactDelayMs));
    return super.compact(boardId, kind, snapshot, upToSeq);
  }
}

describe('room lifecycle', () => {
  it('removes awareness states of a connection when it closes', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const a = client(server, board.id, board.tokens.editor);
    const b = client(server, board.id, board.tokens.viewer);
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Ada' });
    await eventually(() => expect(b.provider.awareness.getStates().get(a.doc.clientID)).toMatchObject({ user: { name: 'Ada' } }));
    // The sender gets its own state echoed by the relay.
    const room = server.relay.rooms.get(board.id)!;
    expect(room.awareness.getStates().has(a.doc.clientID)).toBe(true);
    a.provider.ws!.close(); // an abrupt disconnect, without the client removing its own state first
    a.provider.shouldConnect = false;
    await eventually(() => expect(b.provider.awareness.getStates().has(a.doc.clientID)).toBe(false));
    expect(room.awareness.getStates().has(a.doc.clientID)).toBe(false);
  });

  it('closes connections when loading fails, caches nothing, and loads on the next attempt', async () => {
    const storage = new FlakyStorage();
    server = await startTestServer({ storage });
    const board = await createTestBoard(server);
    storage.failLoads = 1;
    const a = client(server, board.id, board.tokens.editor, { maxBackoffTime: 100 });
    await eventually(() => expect(a.closes.map((c) => c.code)).toContain(CloseCodes.LoadFailed.code));
    // The client retries (4500 is transient) and then gets the real board, not an empty one.
    await synced(a);
    expect(a.doc.getMap('board').get('title')).toBe('Test board');
  });

  it('unloads a room after the grace period, flushing first', async () => {
    const storage = new FlakyStorage();
    server = await startTestServer({ storage, limits: { unloadGraceMs: 100 } });
    const board = await createTestBoard(server);
    const a = client(server, board.id, board.tokens.editor, { ack: true });
    await synced(a);
    entries(a.doc).set('x', 1);
    await eventually(() => expect(allAcked(a)).toBe(true));
    a.destroy();
    await eventually(() => expect(server!.relay.rooms.has(board.id)).toBe(false));
    expect(storage.compactions).toBe(1);
    const stored = await storage.loadDoc(board.id, 'board');
    expect(stored.updates).toHaveLength(0);
    const check = new Y.Doc();
    Y.applyUpdate(check, stored.compacted!);
    expect(entries(check).get('x')).toBe(1);
  });

  it('serves a client that reconnects while the room is unloading with the full state', async () => {
    const storage = new FlakyStorage();
    server = await startTestServer({ storage, limits: { unloadGraceMs: 20 } });
    const board = await createTestBoard(server);
    const a = client(server, board.id, board.tokens.editor, { ack: true });
    await synced(a);
    entries(a.doc).set('before-unload', true);
    await eventually(() => expect(allAcked(a)).toBe(true));
    storage.compactDelayMs = 300;
    const oldRoom = server.relay.rooms.get(board.id)!;
    a.destroy();
    await eventually(() => expect(oldRoom.state).toBe('unloading'));
    const b = client(server, board.id, board.tokens.editor, { ack: true });
    await synced(b);
    expect(entries(b.doc).get('before-unload')).toBe(true);
    const newRoom = server.relay.rooms.get(board.id)!;
    expect(newRoom).not.toBe(oldRoom);
    expect(oldRoom.state).toBe('unloaded');
    entries(b.doc).set('after', true);
    await eventually(() => expect(allAcked(b)).toBe(true));
    expect(entries(newRoom.doc).get('after')).toBe(true);
  });

  it('compacts the update log into a snapshot when it grows, and reloads the same state', async () => {
    const dir = tempDir();
    const storage = sqliteIn(dir);
    server = await startTestServer({ storage, limits: { compactAfterUpdates: 20, unloadGraceMs: 10_000 } });
    const board = await createTestBoard(server);
    const a = client(server, board.id, board.tokens.editor, { ack: true });
    await synced(a);
    for (let i = 0; i < 45; i++) {
      entries(a.doc).set(`k${i}`, i);
      await new Promise((r) => setTimeout(r, 2));
    }
    await eventually(() => expect(allAcked(a)).toBe(true));
    // Compacted once the writes pause.
    await eventually(async () => expect((await storage.loadDoc(board.id, 'board')).updates.length).toBeLessThan(20));
    const stored = await storage.loadDoc(board.id, 'board');
    const check = new Y.Doc();
    Y.applyUpdate(check, stored.compacted!);
    for (const u of stored.updates) Y.applyUpdate(check, u);
    expect(entries(check).size).toBe(45);
  });

  it('waits for a pause in the writes before compacting, and compacts at once a log four times too long', async () => {
    const storage = new FlakyStorage();
    server = await startTestServer({ storage, limits: { compactAfterUpdates: 20, compactIdleMs: 1000 } });
    const board = await createTestBoard(server);
    const a = client(server, board.id, board.tokens.editor, { ack: true });
    await synced(a);
    // A burst past the threshold: nothing is compacted while the writes go on.
    for (let i = 0; i < 30; i++) {
      entries(a.doc).set(`k${i}`, i);
      await eventually(() => expect(allAcked(a)).toBe(true));
    }
    expect(storage.compactions).toBe(0);
    // The pause: compacted once.
    await eventually(() => expect(storage.compactions).toBe(1));
    expect((await storage.loadDoc(board.id, 'board')).updates).toHaveLength(0);
    // Without a pause, a log of 4 × 20 updates is compacted at once.
    for (let i = 0; i < 80; i++) {
      entries(a.doc).set(`m${i}`, i);
      await eventually(() => expect(allAcked(a)).toBe(true));
    }
    expect(storage.compactions).toBe(2);
  });

  it('flushes and unloads boards that still have clients when the server closes', async () => {
    const storage = new FlakyStorage();
    server = await startTestServer({ storage, limits: { unloadGraceMs: 60_000 } });
    const board = await createTestBoard(server);
    const a = client(server, board.id, board.tokens.editor, { ack: true });
    await synced(a);
    entries(a.doc).set('x', 1);
    await eventually(() => expect(allAcked(a)).toBe(true));
    a.provider.shouldConnect = false; // do not reconnect to the closed server
    await server.close();
    server = undefined;
    expect(storage.compactions).toBe(1);
    await eventually(() => expect(a.closes.map((c) => c.code)).toContain(CloseCodes.ServerShuttingDown.code));
    expect((await storage.loadDoc(board.id, 'board')).updates).toHaveLength(0);
  });

  it('loses nothing when compactions and the deletion of the updates they cover interleave with a stream of writes', async () => {
    const file = path.join(tempDir(), 'boards.sqlite');
    const storage = sqliteAt(file);
    server = await startTestServer({ storage, limits: { compactAfterUpdates: 10, compactIdleMs: 0, unloadGraceMs: 60_000 } });
    const board = await createTestBoard(server);
    const writer = client(server, board.id, board.tokens.editor, { ack: true });
    const reader = client(server, board.id, board.tokens.viewer);
    await Promise.all([synced(writer), synced(reader)]);
    // 300 writes in bursts of 7: a compaction every 10 updates, its deletions between the bursts.
    for (let i = 0; i < 300; i++) {
      entries(writer.doc).set(`k${i}`, i);
      if (i % 7 === 6) await new Promise((r) => setImmediate(r));
    }
    await eventually(() => expect(allAcked(writer)).toBe(true));
    await eventually(() => expect(entries(reader.doc).size).toBe(300));
    const stored = await storage.loadDoc(board.id, 'board');
    expect(stored.updates.length).toBeLessThan(10);
    const check = new Y.Doc();
    Y.applyUpdate(check, stored.compacted!);
    for (const u of stored.updates) Y.applyUpdate(check, u);
    expect(entries(check).toJSON()).toEqual(entries(writer.doc).toJSON());
    // The covered updates go in the background: in the end the file holds only the ones after the compacted state.
    const raw = openDatabase(file, { readonly: true });
    const rows = raw.prepare('SELECT COUNT(*) AS n FROM updates WHERE board_id = ?');
    await eventually(async () => expect((rows.get(board.id) as { n: number }).n).toBe((await storage.loadDoc(board.id, 'board')).updates.length));
    raw.close();
  });

  it('loads the same document when the covered updates were never deleted (a crash between the steps of a compaction)', async () => {
    const storage = new FlakyStorage();
    storage.failDrops = true;
    server = await startTestServer({ storage, limits: { compactAfterUpdates: 10, compactIdleMs: 0 } });
    const board = await createTestBoard(server);
    const writer = client(server, board.id, board.tokens.editor, { ack: true });
    await synced(writer);
    for (let i = 0; i < 45; i++) entries(writer.doc).set(`k${i}`, i);
    await eventually(() => expect(allAcked(writer)).toBe(true));
    writer.provider.shouldConnect = false;
    await server.close();
    server = undefined;
    expect(storage.compactions).toBeGreaterThanOrEqual(1);
    // Every update is still stored, but only the compacted state counts.
    const stored = storage.storedUpdates(board.id, 'board');
    expect(stored).toBeGreaterThanOrEqual(45);
    expect((await storage.loadDoc(board.id, 'board')).updates).toEqual([]);

    storage.failDrops = false;
    server = await startTestServer({ storage, limits: { compactAfterUpdates: 10, compactIdleMs: 0 } });
    const reader = client(server, board.id, board.tokens.viewer);
    await synced(reader);
    expect(entries(reader.doc).toJSON()).toEqual(entries(writer.doc).toJSON());
    // Loading deleted the leftovers in the background, without touching the document.
    await eventually(() => expect(storage.storedUpdates(board.id, 'board')).toBe(0));
    expect(storage.dropped).toBe(stored);
    expect(entries(reader.doc).size).toBe(45);
  });

  it('compacts a long update log when the board loads, before any write', async () => {
    const storage = new FlakyStorage();
    server = await startTestServer({ storage, limits: { compactAfterUpdates: 20 } });
    const board = await createTestBoard(server);
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 30; i++) entries(writer).set(`k${i}`, i);
    await storage.appendUpdates(board.id, 'board', updates);
    const reader = client(server, board.id, board.tokens.viewer);
    await synced(reader);
    expect(entries(reader.doc).size).toBe(30);
    await eventually(async () => expect((await storage.loadDoc(board.id, 'board')).updates).toHaveLength(0));
    expect(storage.compactions).toBe(1);
  });
});
