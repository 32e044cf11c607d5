import * as Y from 'yjs';
import { atom, type Atom } from 'tldraw';
import { MessageType } from '../../../shared/protocol';

type DeleteSet = Y.Transaction['deleteSet'];

export interface SaveState {
  /** Some local edit has not been confirmed as stored by the server. */
  unsaved: boolean;
  /** How many local edits (transactions) are waiting; 0 when unknown but unsaved. */
  pending: number;
  /**
   * Content this browser kept from an earlier visit (the local copy) that the server has not
   * confirmed yet: edits made offline before the page was closed. Not counted in `pending`.
   */
  earlier: boolean;
}

interface PendingDelete {
  /** The socket (generation) whose write frame carries the edit; null while unsent. */
  socket: number | null;
  /** Number of that frame among the socket's write frames (1-based). */
  frame: number;
  /**
   * Set for content loaded from the local copy: what its load added to the doc (the clocks it
   * reached per client and what it deleted), checked against the snapshot the server had
   * confirmed (once known). Not an edit of this visit: not counted.
   */
  earlier?: { reached: Map<number, number>; deleted: DeleteSet };
}

function bytesOf(data: unknown): Uint8Array | null {
  return data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
}

/** A sync step 2 or update frame: the frames that write to the server's document. */
function isWriteFrame(data: unknown): boolean {
  const bytes = bytesOf(data);
  return bytes !== null && bytes.length > 1 && bytes[0] === MessageType.Sync && (bytes[1] === 1 || bytes[1] === 2);
}

function isSyncStep2(data: unknown): boolean {
  const bytes = bytesOf(data);
  return bytes !== null && bytes.length > 1 && bytes[0] === MessageType.Sync && bytes[1] === 1;
}

/**
 * Whether `snapshot` holds what a transaction added: every client's content up to the clock it
 * reached, and every deletion. Read from the transaction itself, not from its update, which Yjs
 * would otherwise encode (and this would decode again) for a whole board's copy.
 */
export function snapshotHolds(snapshot: Y.Snapshot, reached: Map<number, number>, deleted: DeleteSet): boolean {
  for (const [client, clock] of reached) if ((snapshot.sv.get(client) ?? 0) < clock) return false;
  for (const [client, ranges] of deleted.clients) {
    const held = snapshot.ds.clients.get(client) ?? [];
    for (const r of ranges) if (!rangeHeld(held, r.clock, r.len)) return false;
  }
  return true;
}

/** Whether the sorted, merged ranges `held` cover [clock, clock + len). */
function rangeHeld(held: { clock: number; len: number }[], clock: number, len: number): boolean {
  let lo = 0;
  let hi = held.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const h = held[mid];
    if (h.clock + h.len <= clock) lo = mid + 1;
    else if (h.clock > clock) hi = mid - 1;
    else return clock + len <= h.clock + h.len;
  }
  return false;
}

/**
 * Whether this browser's edits of a board are durably stored by the server.
 *
 * The relay answers connections opened with `ack=1` with message type 100 carrying its document's
 * state vector once updates are durable. A state vector counts inserted items per client, so an
 * edit that inserted something is saved once the acked clock of our client reaches the clock after
 * that edit. Content received from the server is by definition known to it, so clocks advanced by
 * server-originated transactions count as saved too (this covers the time before the first ack).
 * Deletions do not move a state vector, so the ack also counts the write frames the server received
 * on this connection and made durable: a delete-only edit is saved once that count reaches the
 * frame that carried it. Edits made while disconnected travel in the first sync step 2 of the next
 * connection (it carries the whole delete set).
 *
 * The local copy (IndexedDB, optional). Its content is applied in one transaction whose origin is
 * the persistence. It is never counted as known to the server just because it is in the doc: its
 * inserts stay unsaved until an ack's state vector covers them (the state-vector check), and the
 * load itself is a marker like a pending delete, resolved by the ack of the write frame that
 * carries it. Both are settled earlier only by the `confirmed` snapshot, a Y snapshot of the doc
 * that this browser stores whenever everything was acknowledged: its state vector counts as known,
 * and a load whose additions it holds (`snapshotHolds`) is not unsaved. So reopening a
 * fully saved board offline says "saved", and edits made offline before closing the page say
 * "unsaved" (`earlier`) until the server has them.
 */
export class SaveTracker {
  readonly save: Atom<SaveState> = atom('saveState', { unsaved: false, pending: 0, earlier: false });
  /** Generation of the current socket and the write frames sent on it so far. */
  socketGeneration = 0;
  private writesSent = 0;
  /** Read-only links never edit; the server drops their frames, so nothing is tracked. */
  private readOnly = false;
  /** Clocks the server is known to hold: max of acked state vectors and content it sent us. */
  private readonly serverKnown = new Map<number, number>();
  /** Our own clock after each local inserting edit still waiting for an ack (ascending). */
  private pendingClocks: number[] = [];
  private pendingDeletes: PendingDelete[] = [];
  /** The snapshot the server was known to hold at the end of an earlier visit, once read. */
  private confirmed: Y.Snapshot | null = null;

  /**
   * @param socketOpen Whether the current socket is open (an edit made now is sent at once).
   * @param onAllSaved Called whenever a recomputation finds nothing unsaved.
   */
  constructor(
    private readonly doc: Y.Doc,
    private readonly socketOpen: () => boolean,
    private readonly onAllSaved: () => void,
  ) {}

  /** Content the server sent us: it has it. */
  serverContent(tr: Y.Transaction) {
    for (const [client, clock] of tr.afterState) {
      if (clock !== (tr.beforeState.get(client) ?? 0)) this.markKnown(client, clock);
    }
    this.recompute();
  }

  /**
   * The local copy, loaded: content from earlier visits. Whatever of it the server lacks is sent
   * in the next write frame (the update right after this event on an open socket, else the next
   * socket's first step 2). Until that is acknowledged, or the content is shown to be inside the
   * confirmed snapshot, it is unsaved. Its inserts are also caught by the state vector check in
   * recompute; the marker covers its deletions.
   */
  localCopyLoaded(tr: Y.Transaction) {
    if (this.readOnly) return;
    let changed = tr.deleteSet.clients.size > 0;
    for (const [client, clock] of tr.afterState) if (clock !== (tr.beforeState.get(client) ?? 0)) changed = true;
    if (!changed) return;
    const reached = new Map<number, number>();
    for (const [client, clock] of tr.afterState) if (clock !== (tr.beforeState.get(client) ?? 0)) reached.set(client, clock);
    this.pendingDeletes.push({ ...this.nextFrame(), earlier: { reached, deleted: tr.deleteSet } });
    this.checkEarlier();
    this.recompute();
  }

  /** An edit made in this browser. */
  localEdit(tr: Y.Transaction) {
    if (this.readOnly) return;
    const me = this.doc.clientID;
    const before = tr.beforeState.get(me) ?? 0;
    const after = tr.afterState.get(me) ?? 0;
    if (after > before) {
      this.pendingClocks.push(after);
    } else if (tr.deleteSet.clients.size > 0) {
      this.pendingDeletes.push(this.nextFrame());
    } else {
      return;
    }
    this.recompute();
  }

  /** The frame that will carry an edit made now: y-websocket sends it right away on an open socket. */
  private nextFrame(): Pick<PendingDelete, 'socket' | 'frame'> {
    return this.socketOpen() ? { socket: this.socketGeneration, frame: this.writesSent + 1 } : { socket: null, frame: 0 };
  }

  /** The snapshot this browser stored when the server had acknowledged everything. */
  confirm(snapshot: Y.Snapshot) {
    this.confirmed = snapshot;
    // Everything in it had been acknowledged by the server, which loses nothing it accepted.
    for (const [client, clock] of snapshot.sv) this.markKnown(client, clock);
    this.checkEarlier();
  }

  /** An ack of the current socket: the durable state vector and how many write frames are durable. */
  ack(sv: Map<number, number>, writesDurable: number) {
    for (const [client, clock] of sv) this.markKnown(client, clock);
    // Acks come from the current socket only (the provider drops frames of old ones).
    this.pendingDeletes = this.pendingDeletes.filter((p) => p.socket !== this.socketGeneration || p.frame > writesDurable);
    this.recompute();
  }

  /** A new socket: returns its generation. */
  socketCreated(): number {
    this.writesSent = 0;
    return ++this.socketGeneration;
  }

  /** A frame sent on the socket of `generation`. */
  frameSent(generation: number, data: unknown) {
    if (generation !== this.socketGeneration || !isWriteFrame(data)) return;
    this.writesSent++;
    // The first step 2 on a new socket carries everything the server lacked, every deletion
    // included: edits still waiting from earlier sockets ride on it.
    if (!isSyncStep2(data)) return;
    for (const p of this.pendingDeletes) {
      if (p.socket !== generation) {
        p.socket = generation;
        p.frame = this.writesSent;
      }
    }
  }

  setReadOnly(readOnly: boolean) {
    this.readOnly = readOnly;
    if (readOnly) {
      this.pendingClocks = [];
      this.pendingDeletes = [];
      this.recompute();
    }
  }

  private markKnown(client: number, clock: number) {
    if (clock > (this.serverKnown.get(client) ?? 0)) this.serverKnown.set(client, clock);
  }

  /** Drops the local-copy markers whose content the confirmed snapshot holds. */
  private checkEarlier() {
    const confirmed = this.confirmed;
    if (!confirmed) return;
    const before = this.pendingDeletes.length;
    this.pendingDeletes = this.pendingDeletes.filter((p) => !(p.earlier && snapshotHolds(confirmed, p.earlier.reached, p.earlier.deleted)));
    if (this.pendingDeletes.length !== before) this.recompute();
  }

  recompute() {
    const myKnown = this.serverKnown.get(this.doc.clientID) ?? 0;
    this.pendingClocks = this.pendingClocks.filter((c) => c > myKnown);
    let unsaved = this.pendingClocks.length > 0 || this.pendingDeletes.length > 0;
    if (!unsaved && !this.readOnly) {
      // Anything in our doc (any client) the server has not acknowledged?
      for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(this.doc))) {
        if (clock > (this.serverKnown.get(client) ?? 0)) {
          unsaved = true;
          break;
        }
      }
    }
    const earlier = this.pendingDeletes.some((p) => p.earlier);
    const pending = this.pendingClocks.length + this.pendingDeletes.filter((p) => !p.earlier).length;
    const prev = this.save.get();
    if (prev.unsaved !== unsaved || prev.pending !== pending || prev.earlier !== earlier) this.save.set({ unsaved, pending, earlier });
    if (!unsaved) this.onAllSaved();
  }
}
