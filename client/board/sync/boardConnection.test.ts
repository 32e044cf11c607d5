import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '../../../shared/protocol';
import { eventually } from '../../../tests/helpers/eventually';
import { BoardConnection } from './boardConnection';
import { describeUpdate } from '../../../server/sync/updateStructure';

/**
 * The save tracking of BoardConnection, driven through the WebSocket class it patches: a fake
 * socket stands in for the browser's, and a fake relay answers its frames with sync messages and
 * acks (message 100: the durable state vector and the count of write frames made durable on this
 * socket) exactly when a test says so.
 */

/** The browser's WebSocket as the provider uses it: `on*` handlers, `send`, `close`, readyState. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  static opened: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  binaryType = 'blob';
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  /** Every frame the client sent on this socket, in order. */
  readonly sent: Uint8Array[] = [];
  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }
  send(data: ArrayBufferLike | ArrayBufferView) {
    const bytes = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
    this.sent.push(bytes.slice());
  }
  close() {
    this.drop(1000);
  }
  /** The connection ends (the server or the network closed it). */
  drop(code = 1006) {
    if (this.readyState === FakeSocket.CLOSED) return;
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({ code, reason: '' });
  }
  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.({});
  }
  receive(frame: Uint8Array) {
    this.onmessage?.({ data: frame.slice().buffer });
  }
}

/** The server side of one board: its document and the write frames each socket sent it. */
class FakeRelay {
  readonly doc = new Y.Doc();
  /** Write frames (sync step 2 and updates) received on the current socket. */
  writes = 0;
  private read = 0;
  constructor(public socket: FakeSocket) {}

  /** Opens the socket and syncs both ways, as the relay does on connect. */
  accept(socket: FakeSocket = this.socket) {
    this.socket = socket;
    this.writes = 0;
    this.read = 0;
    socket.open();
    socket.receive(this.syncFrame((e) => syncProtocol.writeSyncStep1(e, this.doc)));
    socket.receive(this.syncFrame((e) => syncProtocol.writeSyncStep2(e, this.doc)));
    this.takeFrames();
  }

  /** Applies the client's frames sent since the last call to the server's document. */
  takeFrames() {
    for (const frame of this.socket.sent.slice(this.read)) {
      const d = decoding.createDecoder(frame);
      if (decoding.readVarUint(d) !== MessageType.Sync) continue;
      const kind = frame[1];
      if (kind === 1 || kind === 2) {
        // The relay's own check (server/sync/updateStructure.ts): a write must continue the
        // server's document, or the relay refuses it and closes the socket (4422).
        const body = decoding.createDecoder(frame);
        decoding.readVarUint(body);
        decoding.readVarUint(body);
        describeUpdate(this.doc, decoding.readVarUint8Array(body));
      }
      syncProtocol.readSyncMessage(d, encoding.createEncoder(), this.doc, 'client');
      if (kind === 1 || kind === 2) this.writes++;
    }
    this.read = this.socket.sent.length;
  }

  /** Acknowledges the server's document and the first `writes` write frames as durable. */
  ack(writes = this.writes) {
    this.takeFrames();
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.Ack);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc));
    encoding.writeVarUint(e, writes);
    this.socket.receive(encoding.toUint8Array(e));
  }

  /** Someone else's edit, arriving as a server update. */
  edit(change: (doc: Y.Doc) => void) {
    const before = Y.encodeStateVector(this.doc);
    change(this.doc);
    const update = Y.encodeStateAsUpdate(this.doc, before);
    this.socket.receive(this.syncFrame((e) => syncProtocol.writeUpdate(e, update)));
  }

  private syncFrame(write: (e: encoding.Encoder) => void): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.Sync);
    write(e);
    return encoding.toUint8Array(e);
  }
}

const realWebSocket = globalThis.WebSocket;
const realWindow = (globalThis as { window?: unknown }).window;
const connections: BoardConnection[] = [];

beforeEach(() => {
  FakeSocket.opened = [];
  (globalThis as { WebSocket: unknown }).WebSocket = FakeSocket;
  const win = new EventTarget() as EventTarget & { location: unknown };
  win.location = { protocol: 'http:', host: 'boards.test' };
  (globalThis as { window?: unknown }).window = win;
});

afterEach(() => {
  for (const c of connections.splice(0)) c.destroy();
  (globalThis as { WebSocket: unknown }).WebSocket = realWebSocket;
  (globalThis as { window?: unknown }).window = realWindow;
});

/** A connection to a board whose server document has `seed` in it, synced and acknowledged. */
function connectedBoard(seed: (doc: Y.Doc) => void = () => {}) {
  const conn = new BoardConnection('board-1', 'token-1');
  connections.push(conn);
  conn.setReadOnly(false);
  const relay = new FakeRelay(FakeSocket.opened[0]);
  seed(relay.doc);
  relay.accept();
  relay.ack();
  return { conn, relay, map: conn.doc.getMap<string>('m') };
}

const saveOf = (conn: BoardConnection) => conn.save.get();

describe('saving through the board connection', () => {
  it('opens the socket with the ack parameter and counts content from the server as saved', () => {
    const { conn } = connectedBoard((doc) => doc.getMap('m').set('a', 'from the server'));
    expect(FakeSocket.opened[0].url).toContain('ack=1');
    expect(conn.doc.getMap('m').get('a')).toBe('from the server');
    expect(conn.hasSynced.get()).toBe(true);
    expect(saveOf(conn)).toEqual({ unsaved: false, pending: 0, earlier: false });
  });

  it('keeps an inserting edit unsaved until an ack’s state vector covers it', () => {
    const { conn, relay, map } = connectedBoard();
    map.set('a', 'mine');
    expect(saveOf(conn)).toEqual({ unsaved: true, pending: 1, earlier: false });
    map.set('b', 'mine too');
    expect(saveOf(conn).pending).toBe(2);

    // An ack of the document before the edits arrived (an older state vector) saves nothing.
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.Ack);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
    encoding.writeVarUint(e, 1);
    relay.socket.receive(encoding.toUint8Array(e));
    expect(saveOf(conn).unsaved).toBe(true);

    relay.ack();
    expect(saveOf(conn)).toEqual({ unsaved: false, pending: 0, earlier: false });
  });

  it('saves a delete-only edit once the ack counts the write frame that carried it', () => {
    const { conn, relay, map } = connectedBoard((doc) => doc.getMap('m').set('a', 'from the server'));
    relay.takeFrames();
    const writesBefore = relay.writes;
    map.delete('a');
    expect(saveOf(conn)).toEqual({ unsaved: true, pending: 1, earlier: false });

    // The server made every earlier frame durable but not yet the one with the deletion: a state
    // vector cannot tell (deletions do not move it), the frame count can.
    relay.ack(writesBefore);
    expect(saveOf(conn).unsaved).toBe(true);

    relay.ack(writesBefore + 1);
    expect(saveOf(conn)).toEqual({ unsaved: false, pending: 0, earlier: false });
    expect(relay.doc.getMap('m').has('a')).toBe(false);
  });

  it('sends a deletion made while disconnected in the next socket’s first sync step 2, and saves it with that frame’s ack', async () => {
    const { conn, relay, map } = connectedBoard((doc) => doc.getMap('m').set('a', 'from the server'));
    relay.socket.drop();
    map.delete('a');
    expect(saveOf(conn).unsaved).toBe(true);

    const next = await eventually(() => {
      expect(FakeSocket.opened).toHaveLength(2);
      return FakeSocket.opened[1];
    });
    // The old socket is gone: an ack can only come on the new one, counting its own frames.
    const relay2 = new FakeRelay(next);
    Y.applyUpdate(relay2.doc, Y.encodeStateAsUpdate(relay.doc));
    relay2.accept(next);
    expect(relay2.doc.getMap('m').has('a')).toBe(false);
    expect(saveOf(conn).unsaved).toBe(true);

    relay2.ack(0);
    expect(saveOf(conn).unsaved).toBe(true);
    relay2.ack(1);
    expect(saveOf(conn)).toEqual({ unsaved: false, pending: 0, earlier: false });
  });

  it('holds an edit made on a new socket until the server’s sync step 1 is answered, and sends it in that answer', async () => {
    const { conn, relay, map } = connectedBoard((doc) => doc.getMap('m').set('a', 'from the server'));
    relay.socket.drop();
    // Made offline: the next server has none of it (as after a failover, or a server that died
    // before storing it).
    map.set('offline', 'one');
    const next = await eventually(() => {
      expect(FakeSocket.opened).toHaveLength(2);
      return FakeSocket.opened[1];
    });
    const relay2 = new FakeRelay(next);
    Y.applyUpdate(relay2.doc, Y.encodeStateAsUpdate(relay.doc));
    relay2.socket = next;
    next.open();
    // Edited in the moment between the socket's opening and the server's first message. Sent at
    // once, this update would build on 'offline', which the server lacks: the relay refuses it.
    map.set('early', 'two');
    const writeFrames = () => next.sent.filter((f) => f[0] === MessageType.Sync && (f[1] === 1 || f[1] === 2));
    expect(writeFrames()).toHaveLength(0);

    relay2.accept(next);
    expect(writeFrames()).toHaveLength(1);
    expect(relay2.doc.getMap('m').toJSON()).toEqual({ a: 'from the server', offline: 'one', early: 'two' });
    relay2.ack();
    expect(saveOf(conn)).toEqual({ unsaved: false, pending: 0, earlier: false });

    // After the answer, every edit goes out on its own and continues the server's document.
    map.set('later', 'three');
    relay2.takeFrames();
    expect(writeFrames()).toHaveLength(2);
    expect(relay2.doc.getMap('m').get('later')).toBe('three');
    expect(conn.terminal.get()).toBeNull();
  });

  it('does not let the frame count of an earlier socket settle an edit sent on the current one', async () => {
    const { conn, relay, map } = connectedBoard((doc) => doc.getMap('m').set('a', 'x'));
    relay.socket.drop();
    const next = await eventually(() => {
      expect(FakeSocket.opened).toHaveLength(2);
      return FakeSocket.opened[1];
    });
    relay.accept(next);
    relay.ack();
    const writesOnNext = relay.writes;
    map.delete('a');
    expect(saveOf(conn).unsaved).toBe(true);
    relay.ack(writesOnNext);
    expect(saveOf(conn).unsaved).toBe(true);
    relay.ack(writesOnNext + 1);
    expect(saveOf(conn).unsaved).toBe(false);
  });

  it('counts someone else’s edit relayed by the server as saved, and tracks nothing for a read-only link', () => {
    const { conn, relay, map } = connectedBoard();
    relay.edit((doc) => doc.getMap('m').set('theirs', 'hello'));
    expect(map.get('theirs')).toBe('hello');
    expect(saveOf(conn).unsaved).toBe(false);

    map.set('mine', 'unsent');
    expect(saveOf(conn).unsaved).toBe(true);
    conn.setReadOnly(true);
    expect(saveOf(conn)).toEqual({ unsaved: false, pending: 0, earlier: false });
    map.set('mine again', 'ignored');
    expect(saveOf(conn).pending).toBe(0);
  });
});
