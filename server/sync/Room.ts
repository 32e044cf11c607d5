import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCodes } from '../../shared/closeCodes';
import { MessageType } from '../../shared/protocol';
import { canWrite, type DocKind } from '../../shared/roles';
import { controlRoomName } from '../../shared/doc/control';
import type { RelayLimits } from './relayLimits';
import type { Logger } from '../runtime/log';
import type { Storage } from '../storage/Storage';
import type { Connection } from './Connection';
import { RoomPresence } from './RoomPresence';
import { REPAIR_ORIGIN, safeExtension, type RoomActivity, type RoomExtension } from './roomExtension';
import { repairBoardDoc } from './documentRepair';
import * as msg from './messages';
import { WholeState } from './wholeState';
import { isClientWrite } from './clientWrite';
import { applyUpdateFast } from '../../shared/fastUpdateDecoding';
import { RoomWrites, type AcceptedUpdate } from './RoomWrites';
import { changesNothing, WriteCheck } from './writeCheck';
import { FencedError, type Fence } from '../storage/Storage';
import { BoardMovedError, loadUnderLease, type RoomLease } from './ownership';

export type RoomState = 'loading' | 'ready' | 'failed' | 'unloading' | 'unloaded';

export { REPAIR_ORIGIN, SERVER_ORIGIN, type PresenceChange, type RoomActivity, type RoomExtension } from './roomExtension';

/**
 * One live document of a board and its connections: the board document (`kind` 'board', room
 * name = board id) or its control document ('control', room name `<id>/control`).
 *
 * The sync protocol as the relay runs it: when a connection joins (after the room has loaded)
 * the relay sends its own SyncStep1 and the awareness states; the client answers with
 * SyncStep2 (what the relay lacks) and sends its own SyncStep1, which the relay answers with
 * SyncStep2. Afterwards every local change travels as an Update.
 *
 * Durability: an update reaches other clients only once it is durable. A client's update is
 * checked against the document layout (writeCheck.ts: a write that does not fit is refused
 * whole, before it touches the document, and the connection is closed) and accepted: queued
 * for storage as the client sent it. The updates accepted during one turn of the event loop are
 * appended to storage in one transaction (RoomWrites.ts); only after that commit are they
 * forwarded to the other connections, applied to the document (a client's write waits until
 * then, so its forwarding does not wait for Yjs; any earlier read of the document, such as
 * checking the next write, applies it first) and acknowledged to their senders. The server's
 * own writes (repairs, vote rounds, guards' corrections) are applied at once and stored and
 * forwarded the same way. A write a guard may undo (RoomExtension.mayCorrect: the lock guard for
 * one that touches a locked or permanent record or adds a page, every write to a control
 * document) is applied as soon as it is accepted, so the guard's correction is committed and
 * forwarded in the same transaction as the write: nobody receives one without the other. The
 * state a joining client receives (sync step 2) waits for the same commit when it holds
 * uncommitted updates. So whatever any client has received survives a
 * crash of the server.
 *
 * Writes from connections that may not write this kind of document (`canWrite`: viewers on the
 * board; viewers and editors on the control document) are dropped before they reach the
 * document and answered with `permission denied`; their awareness still flows through the
 * PresenceGate of RoomPresence.ts (each connection speaks only for the presence ids it owns, within limits, with
 * `user.role` corrected to the connection's role). A write may only extend the content of Yjs
 * client ids that no other open connection is writing (writeCheck.ts).
 *
 * Everything else a room does comes from its extensions (RoomExtension): the lock guard of the
 * board room, the control guard of the control room, the participants' record and the features
 * that follow documents.
 */
export class Room {
  state: RoomState = 'loading';
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly conns = new Set<Connection>();
  /** Resolves when the document is loaded; rejects (once) when loading failed. */
  readonly loaded: Promise<void>;
  private readonly writes: RoomWrites;
  private readonly writeCheck: WriteCheck;
  /** Clients' writes accepted and not yet applied to the document, in order (see the header). */
  private unapplied: { update: Uint8Array; conn: Connection }[] = [];
  /** The connection whose accepted write is being applied: its document update is stored already. */
  private applying: Connection | null = null;
  private readonly presence: RoomPresence;
  /** The whole document for first visits, without encoding it (wholeState.ts). */
  private readonly whole = new WholeState(this.doc);
  private unloadTimer: NodeJS.Timeout | null = null;
  private unloadPromise: Promise<void> | null = null;
  /** Server-side users of the room (Relay.editControlDoc); a held room is not unloaded. */
  holds = 0;
  /** The key of this room in the relay: the board id, or `<id>/control`. */
  readonly name: string;
  readonly activity: RoomActivity = { loadedAt: Date.now(), firstWriteAt: null, lastWriteAt: null, clientWrites: 0 };
  /** The lease this room's writes carry (distributed mode), taken before it loads. */
  private fence: Fence | undefined;
  private readonly hooks: ReturnType<typeof safeExtension>;

  constructor(
    readonly boardId: string,
    readonly kind: DocKind,
    private readonly storage: Storage,
    limits: RelayLimits,
    private readonly logger: Logger,
    private readonly onEmpty: (room: Room) => void,
    private readonly extension: RoomExtension = {},
    private readonly lease?: RoomLease,
  ) {
    this.awareness.setLocalState(null);
    this.hooks = safeExtension(this, extension, logger);
    this.name = kind === 'control' ? controlRoomName(boardId) : boardId;
    this.presence = new RoomPresence(this.awareness, this.conns, limits, logger, boardId, (change, origin) =>
      this.hooks.call('onPresence', origin, change),
    );
    this.writeCheck = new WriteCheck(this.doc, kind);
    this.writes = new RoomWrites(boardId, kind, this.doc, storage, limits, logger, {
      committed: (batch) => this.committed(batch),
      failed: (event, error) => this.fail(event, error),
      fence: () => this.fence,
      encoded: (state) => this.whole.encoded(state),
    });
    this.loaded = this.load();
    // Observers attach their own handlers; this one only prevents an unhandled rejection.
    this.loaded.catch(() => {});
  }

  private async load(): Promise<void> {
    const started = performance.now();
    try {
      const { stored, fence } = await loadUnderLease(this.storage, this.boardId, this.kind, this.lease);
      this.fence = fence;
      this.whole.loaded(stored.compacted, stored.updates);
      Y.transact(
        this.doc,
        () => {
          // Whole boards: decoded with the fast string reader (most of a load's time otherwise).
          if (stored.compacted) applyUpdateFast(this.doc, stored.compacted);
          for (const u of stored.updates) applyUpdateFast(this.doc, u);
        },
        'load',
      );
      this.doc.on('update', (update: Uint8Array, origin: unknown) => {
        this.whole.applied(update);
        // An accepted client write, applied after its commit: stored and forwarded already.
        if (origin !== this.applying || origin === null) this.onDocUpdate(update, origin);
      });
      // After the update handler, so any clean-up it writes is stored and forwarded like any write.
      if (this.kind === 'board') {
        const repaired = repairBoardDoc(this.doc, REPAIR_ORIGIN);
        if (repaired) this.logger.warn('board.repaired', { board: this.boardId, ...repaired });
      }
      this.hooks.call('onLoad');
      this.presence.listen();
      this.state = 'ready';
      this.writes.loaded(stored.lastSeq, stored.updates.length);
      this.logger.info('board.load', {
        board: this.boardId,
        doc: this.kind,
        ms: Math.round(performance.now() - started),
        updates: stored.updates.length,
        compactedBytes: stored.compacted?.byteLength ?? 0,
      });
    } catch (error) {
      this.state = 'failed';
      const moved = error instanceof BoardMovedError;
      if (moved) this.logger.info('board.served_elsewhere', { board: this.boardId, doc: this.kind });
      else this.logger.error('board.load_failed', { board: this.boardId, doc: this.kind, error });
      for (const conn of this.conns) conn.close(moved ? CloseCodes.BoardMoved : CloseCodes.LoadFailed);
      this.doc.destroy();
      throw error;
    }
  }

  /** Adds a connection to a loaded room and starts the sync handshake with it. */
  join(conn: Connection): void {
    this.cancelUnload();
    this.conns.add(conn);
    conn.send(msg.syncStep1(this.doc));
    const presence = this.presence.initialFrame();
    if (presence) conn.send(presence, { initial: true });
    if (conn.wantsAck && !this.writes.hasUncommitted()) this.sendAck(conn);
    conn.attach((data) => this.handleMessage(conn, data));
  }

  leave(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    conn.clearTimers();
    this.writeCheck.release(conn);
    this.presence.leave(conn);
    if (this.conns.size === 0 && this.holds === 0) this.onEmpty(this);
  }

  /** Keeps the room loaded while the server uses it (see Relay.editControlDoc). */
  hold(): void {
    this.holds++;
    this.cancelUnload();
  }

  release(): void {
    this.holds--;
    if (this.conns.size === 0 && this.holds === 0 && this.state !== 'unloading' && this.state !== 'unloaded') this.onEmpty(this);
  }

  /** Handles one frame. Never throws: a bad frame closes its connection. */
  handleMessage(conn: Connection, data: Uint8Array): void {
    if (conn.closed || this.state !== 'ready') return;
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MessageType.Sync:
          this.handleSync(conn, decoder);
          break;
        case MessageType.Awareness:
          this.presence.receive(conn, decoding.readVarUint8Array(decoder));
          break;
        case MessageType.QueryAwareness:
          this.presence.answerQuery(conn);
          break;
        case MessageType.Auth:
          break; // Clients have nothing to say in auth; tolerated for compatibility.
        default:
          throw new Error(`unknown message type ${type}`);
      }
    } catch (error) {
      this.logger.warn('conn.malformed', { board: this.boardId, doc: this.kind, conn: conn.id, error });
      conn.close(CloseCodes.MalformedMessage);
    }
  }

  private handleSync(conn: Connection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    // Both answers and checks read the document: with every accepted write in it.
    this.applyAccepted();
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        // The state as it is now, sent once every update it holds is durable.
        const frames = this.syncStep2For(decoding.readVarUint8Array(decoder));
        const upTo = this.writes.accepted;
        this.writes.whenCommitted(() => {
          conn.syncedUpTo = Math.max(conn.syncedUpTo, upTo);
          for (const frame of frames) conn.send(frame, { initial: true });
        });
        return;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        if (!canWrite(conn.role, this.kind)) {
          conn.send(
            msg.permissionDenied(
              this.kind === 'control' ? 'Only the facilitator can change the session.' : 'This link is view-only; changes are not saved.',
            ),
          );
          return;
        }
        const verdict = this.writeCheck.check(conn, update);
        if (!verdict.ok) {
          this.logger.warn('board.write_refused', { board: this.boardId, doc: this.kind, conn: conn.id, role: conn.role, problem: verdict.problem });
          // Out of step is healed by the reconnect; nothing to tell the person.
          if (verdict.close !== CloseCodes.OutOfStep) conn.send(msg.permissionDenied(`This change was refused: ${verdict.problem}.`));
          // Later writes of this client build on the refused one: the connection cannot go on.
          conn.close(verdict.close);
          return;
        }
        if (!changesNothing(verdict.structure)) {
          this.unapplied.push({ update, conn });
          this.onDocUpdate(update, conn);
          // A write a guard may undo is applied now: the correction joins it in one transaction.
          if (this.hooks.mayCorrect(verdict.structure)) this.applyAccepted();
        }
        conn.writesReceived++;
        if (conn.wantsAck) {
          conn.ackOwed = true;
          // Nothing new (or nothing waiting): answer at once; otherwise the flush will.
          if (!this.writes.hasUncommitted()) this.sendAck(conn);
        }
        return;
      }
      default:
        throw new Error(`unknown sync message type ${syncType}`);
    }
  }

  /** Answers a state vector: the difference, or for a client with nothing the whole document (wholeState.ts). */
  private syncStep2For(stateVector: Uint8Array): Uint8Array[] {
    if (Y.decodeStateVector(stateVector).size > 0) return [msg.syncStep2(this.doc, stateVector)];
    return this.whole.frames();
  }

  /** Applies the accepted client writes the document does not have yet, in order. */
  private applyAccepted(): void {
    while (this.unapplied.length > 0) {
      const { update, conn } = this.unapplied.shift()!;
      this.applying = conn;
      try {
        applyUpdateFast(this.doc, update, conn);
      } finally {
        this.applying = null;
      }
    }
  }

  /** A change accepted: counted as activity, told to the extensions, queued for storage. */
  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    if (isClientWrite(origin)) {
      const now = Date.now();
      this.activity.firstWriteAt ??= now;
      this.activity.lastWriteAt = now;
      this.activity.clientWrites++;
    }
    this.hooks.call('onUpdate', origin);
    this.writes.accept(update, origin);
  }

  /** A batch is durable: forwarded, applied, acknowledged. */
  private committed(batch: AcceptedUpdate[]): void {
    for (const { update, origin, seq } of batch) {
      const frame = msg.syncUpdate(update);
      for (const conn of this.conns) if (conn !== origin && conn.syncedUpTo < seq) conn.send(frame);
    }
    try {
      this.applyAccepted();
    } catch (error) {
      // Checked before it was accepted, so this is a bug: the stored log holds the write; reload from it.
      this.fail('board.apply_failed', error);
      return;
    }
    if (!this.writes.hasUncommitted()) {
      let stateVector: Uint8Array | undefined;
      for (const conn of this.conns) if (conn.ackOwed) this.sendAck(conn, (stateVector ??= Y.encodeStateVector(this.doc)));
    }
  }

  /**
   * Only called when nothing accepted is waiting for storage, so every write frame received from
   * this connection so far is durable.
   */
  private sendAck(conn: Connection, stateVector: Uint8Array = Y.encodeStateVector(this.doc)): void {
    conn.ackOwed = false;
    conn.send(msg.ackFrame(stateVector, conn.writesReceived));
  }

  private fail(event: string, error: unknown): void {
    // Fenced: another node owns the board now; nothing here is acknowledged any more, clients resend to it.
    const moved = error instanceof FencedError;
    if (moved) this.lease?.lost();
    this.logger.log(moved ? 'warn' : 'error', moved ? 'board.fenced' : event, { board: this.boardId, doc: this.kind, during: event, error });
    this.abandon(moved ? CloseCodes.BoardMoved : CloseCodes.StorageFailed);
  }

  /** Stops the room at once, storing nothing more (storage failed, lease gone): what is not durable is never acknowledged; clients resend it. */
  abandon(close: { code: number; reason: string }): void {
    if (this.state !== 'ready') return;
    this.state = 'failed';
    this.writes.close();
    for (const conn of this.conns) conn.close(close);
    this.onEmpty(this);
  }

  /** Resolves once every update accepted so far is in storage (and applied to the document). */
  flush(): Promise<void> {
    return this.writes.flush();
  }

  scheduleUnload(delayMs: number, unload: () => void): void {
    this.cancelUnload();
    this.unloadTimer = setTimeout(unload, delayMs);
    this.unloadTimer.unref?.();
  }

  cancelUnload(): void {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.unloadTimer = null;
  }

  /**
   * Flushes, compacts when the log is not empty, and frees the document. Safe to call more than
   * once: later calls return the same promise.
   */
  unload(): Promise<void> {
    this.cancelUnload();
    this.unloadPromise ??= (async () => {
      const wasReady = this.state === 'ready';
      this.state = 'unloading';
      for (const conn of this.conns) conn.close(CloseCodes.ServerShuttingDown);
      if (!wasReady) this.writes.close();
      await this.writes.finish();
      if (wasReady) {
        try {
          await this.extension.beforeUnload?.(this);
        } catch (error) {
          this.logger.error('room.hook_failed', { board: this.boardId, hook: 'beforeUnload', error });
        }
      }
      this.awareness.destroy();
      this.doc.destroy();
      this.state = 'unloaded';
      this.logger.info('board.unload', { board: this.boardId, doc: this.kind });
    })();
    return this.unloadPromise;
  }
}
