import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { recordsOf } from '../../shared/doc/boardDoc';
import { MessageType } from '../../shared/protocol';
import { prepareBoard } from '../boards/boardLinks';
import { silentLogger } from '../runtime/log';
import { MemoryStorage } from '../storage/MemoryStorage';
import { geoShape } from '../../tests/helpers/boardContent';
import { Connection } from './Connection';
import { DEFAULT_LIMITS } from './relayLimits';
import { Room } from './Room';
import { lockGuardExtension } from './LockGuard';

/** A connection whose socket keeps the frames sent to it. */
function fakeConnection(boardId: string): { conn: Connection; frames: Uint8Array[] } {
  const frames: Uint8Array[] = [];
  const ws = { bufferedAmount: 0, send: (f: Uint8Array) => void frames.push(f), close() {}, terminate() {} };
  return { conn: new Connection(ws as never, boardId, 'editor', true, DEFAULT_LIMITS), frames };
}

function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

function syncStep1Frame(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Sync);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

/** The Yjs updates among sync frames (updates and sync step 2s). */
function updatesIn(frames: Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const f of frames) {
    const d = decoding.createDecoder(f);
    if (decoding.readVarUint(d) !== MessageType.Sync) continue;
    const t = decoding.readVarUint(d);
    if (t === syncProtocol.messageYjsUpdate || t === syncProtocol.messageYjsSyncStep2) out.push(decoding.readVarUint8Array(d));
  }
  return out;
}

async function openBoard() {
  const storage = new MemoryStorage();
  const p = prepareBoard({ template: 'blank', title: 'Room test', region: 'Test', sector: 'Manufacturing' });
  const initial = p.state;
  await storage.createBoard(p.row, p.tokenRows, initial);
  const room = new Room(p.row.id, 'board', storage, DEFAULT_LIMITS, silentLogger, () => {});
  await room.loaded;
  const writer = new Y.Doc();
  Y.applyUpdate(writer, initial);
  return { storage, room, writer, boardId: p.row.id };
}

/** The update of one record set in `doc`. */
function setShape(doc: Y.Doc, id: string, x: number): Uint8Array {
  let update: Uint8Array | null = null;
  const keep = (u: Uint8Array) => (update = u);
  doc.on('update', keep);
  recordsOf(doc).set(id, geoShape(id, { x }) as never);
  doc.off('update', keep);
  return update!;
}

describe('a room taking writes', () => {
  it('accepts writes that continue each other within one turn of the event loop, and stores and forwards them once committed', async () => {
    const { storage, room, writer, boardId } = await openBoard();
    const a = fakeConnection(boardId);
    const b = fakeConnection(boardId);
    room.join(a.conn);
    room.join(b.conn);
    b.frames.length = 0;
    // The second write builds on the first: checking it needs the first in the document.
    room.handleMessage(a.conn, updateFrame(setShape(writer, 'shape:one', 1)));
    room.handleMessage(a.conn, updateFrame(setShape(writer, 'shape:one', 2)));
    expect(a.conn.closed).toBe(false);
    expect(updatesIn(b.frames)).toHaveLength(0);
    await room.flush();
    expect(updatesIn(b.frames)).toHaveLength(2);
    expect((recordsOf(room.doc).get('shape:one') as { x: number }).x).toBe(2);
    const stored = await storage.loadDoc(boardId, 'board');
    const reloaded = new Y.Doc();
    for (const u of [stored.compacted!, ...stored.updates]) Y.applyUpdate(reloaded, u);
    expect((recordsOf(reloaded).get('shape:one') as { x: number }).x).toBe(2);
  });

  it('answers a sync step 1 with the writes it accepted, once they are committed', async () => {
    const { room, writer, boardId } = await openBoard();
    const a = fakeConnection(boardId);
    const late = fakeConnection(boardId);
    room.join(a.conn);
    room.join(late.conn);
    late.frames.length = 0;
    room.handleMessage(a.conn, updateFrame(setShape(writer, 'shape:two', 7)));
    room.handleMessage(late.conn, syncStep1Frame(new Y.Doc()));
    expect(updatesIn(late.frames)).toHaveLength(0);
    await room.flush();
    // The whole state, holding the write, ending with the sync step 2; the write is not
    // forwarded to it besides.
    const received = updatesIn(late.frames);
    const doc = new Y.Doc();
    for (const u of received) Y.applyUpdate(doc, u);
    expect((recordsOf(doc).get('shape:two') as { x: number }).x).toBe(7);
    expect(late.frames.at(-1)?.[1]).toBe(syncProtocol.messageYjsSyncStep2);
    const carrying = received.filter((u) => Y.decodeUpdate(u).structs.some((s) => s.id.client === writer.clientID));
    expect(carrying).toHaveLength(1);
  });

  it('stores nothing for a write that changes nothing, and acknowledges it at once', async () => {
    const { storage, room, writer, boardId } = await openBoard();
    const a = fakeConnection(boardId);
    room.join(a.conn);
    a.frames.length = 0;
    room.handleMessage(a.conn, updateFrame(Y.encodeStateAsUpdate(writer)));
    expect(a.frames.some((f) => f[0] === MessageType.Ack)).toBe(true);
    await room.flush();
    expect((await storage.loadDoc(boardId, 'board')).updates).toHaveLength(0);
  });
});

describe('a room whose guard undoes a write', () => {
  it('commits and forwards a write to a locked zone together with its correction, in one append', async () => {
    const storage = new MemoryStorage();
    const p = prepareBoard({ template: 'many-tables-many-knocks', title: 'Guarded', region: 'Test', sector: 'Manufacturing' });
    await storage.createBoard(p.row, p.tokenRows, p.state);
    const room = new Room(p.row.id, 'board', storage, DEFAULT_LIMITS, silentLogger, () => {}, lockGuardExtension(silentLogger));
    await room.loaded;
    const writer = new Y.Doc();
    Y.applyUpdate(writer, p.state);
    const zoneId = [...recordsOf(writer).map.values()].find((e) => (e.val as { isLocked?: boolean }).isLocked)!.key;
    const a = fakeConnection(p.row.id);
    const b = fakeConnection(p.row.id);
    room.join(a.conn);
    room.join(b.conn);
    b.frames.length = 0;
    const appends: number[] = [];
    const append = storage.appendUpdates.bind(storage);
    storage.appendUpdates = (id, kind, updates) => {
      appends.push(updates.length);
      return append(id, kind, updates);
    };

    let deletion: Uint8Array | null = null;
    writer.once('update', (u: Uint8Array) => (deletion = u));
    recordsOf(writer).delete(zoneId);
    room.handleMessage(a.conn, updateFrame(deletion!));
    await room.flush();

    expect(appends).toEqual([2]);
    const seenByB = new Y.Doc();
    Y.applyUpdate(seenByB, p.state);
    for (const u of updatesIn(b.frames)) Y.applyUpdate(seenByB, u);
    expect(recordsOf(seenByB).get(zoneId)).toBeDefined();
    expect(recordsOf(room.doc).get(zoneId)).toBeDefined();

    // An ordinary write on the same board is not the guard's: it is applied after its commit.
    room.handleMessage(a.conn, updateFrame(setShape(writer, 'shape:free', 3)));
    expect(recordsOf(room.doc).get('shape:free')).toBeUndefined();
    await room.flush();
    expect(recordsOf(room.doc).get('shape:free')).toBeDefined();
    expect(appends).toEqual([2, 1]);
  });
});
