import * as Y from 'yjs';
import type { DocKind } from '../../shared/roles';
import type { Logger } from '../runtime/log';
import { FencedError, type Fence, type Storage } from '../storage/Storage';
import type { RelayLimits } from './relayLimits';

/** A log this many times `compactAfterUpdates` long is compacted without waiting for a pause. */
const COMPACT_AT_ONCE_FACTOR = 4;

/** An accepted update, in the order of acceptance (`seq`), with its origin (a connection, or the server's). */
export interface AcceptedUpdate {
  update: Uint8Array;
  origin: unknown;
  seq: number;
}

/** What the room does with a committed batch, and when storage fails. */
export interface RoomWritesHooks {
  /** The batch is durable: forward it, finish applying it, acknowledge. */
  committed(batch: AcceptedUpdate[]): void;
  failed(event: string, error: unknown): void;
  /** The fence every write carries (distributed mode: the board's lease); none with one process. */
  fence?(): Fence | undefined;
  /** The document was encoded whole, as it is now (a compaction). */
  encoded?(state: Uint8Array): void;
}

/**
 * The durable half of a room (Room.ts): the updates accepted and not yet committed, their
 * appends to storage, and compaction of the stored log.
 *
 * Updates accepted during one turn of the event loop go to storage in one transaction: the
 * flush is queued on the write chain when the first of them arrives and runs in a microtask,
 * after the socket read that brought them. Appends never overlap (the write chain orders them)
 * and compaction runs on the same chain, so it never sees a log half-appended.
 *
 * Compaction encodes the document (it holds every committed update: a committed batch is applied
 * before the chain moves on) and stores it as the compacted state up to the last stored seq: one
 * small write. The updates it covers stop counting at once and the store deletes them later, a
 * few per turn of the event loop (Storage.compact), so no append or forward waits for that. A
 * long log is still compacted once the writes pause (`compactIdleMs` without one), and at once
 * only when it has grown far past the threshold (a board edited without pause).
 */
export class RoomWrites {
  private pending: AcceptedUpdate[] = [];
  private flushScheduled = false;
  /** Updates accepted so far, and how many of them are durable. */
  private acceptedSeq = 0;
  private committedSeq = 0;
  /** Sends waiting for the commit of the updates they carry (initial states). */
  private afterCommit: { seq: number; run: () => void }[] = [];
  private writeChain: Promise<void> = Promise.resolve();
  /** The storage's sequence number of the last stored update, and how many updates the log holds. */
  private lastSeq = 0;
  private logLength = 0;
  /** Compaction waiting for a pause in the writes. */
  private compactTimer: NodeJS.Timeout | null = null;
  /** False once storage failed or the room is unloading: nothing is appended any more. */
  private open = true;

  constructor(
    private readonly boardId: string,
    private readonly kind: DocKind,
    private readonly doc: Y.Doc,
    private readonly storage: Storage,
    private readonly limits: RelayLimits,
    private readonly logger: Logger,
    private readonly hooks: RoomWritesHooks,
  ) {}

  /** Starts from the stored log; a log left long (a crash before compaction) is folded in now. */
  loaded(lastSeq: number, logLength: number): void {
    this.lastSeq = lastSeq;
    this.logLength = logLength;
    if (logLength >= this.limits.compactAfterUpdates) this.chain(() => this.compact());
  }

  /** The sequence number of the last accepted update (what an initial state sent now covers). */
  get accepted(): number {
    return this.acceptedSeq;
  }

  hasUncommitted(): boolean {
    return this.committedSeq !== this.acceptedSeq;
  }

  /** Queues an update for the next append; returns its sequence number. */
  accept(update: Uint8Array, origin: unknown): number {
    const seq = ++this.acceptedSeq;
    this.pending.push({ update, origin, seq });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // Everything accepted before the current callback returns (all frames of one socket read)
      // goes into one transaction, committed right after it: a microtask on the write chain.
      this.chain(() => this.flushPending());
    }
    return seq;
  }

  /** Runs `send` once every update accepted so far is durable (at once when they are). */
  whenCommitted(send: () => void): void {
    if (this.hasUncommitted()) this.afterCommit.push({ seq: this.acceptedSeq, run: send });
    else send();
  }

  /** Resolves once every update accepted so far is in storage. */
  flush(): Promise<void> {
    return this.writeChain;
  }

  /** Stops appending (storage failed): what is pending is dropped, never forwarded. */
  close(): void {
    this.open = false;
    this.cancelIdleCompaction();
  }

  /** Waits for the last append, then compacts a non-empty log (the room is unloading). */
  async finish(): Promise<void> {
    this.cancelIdleCompaction();
    await this.writeChain;
    const compactLog = this.open && this.logLength > 0;
    this.open = false;
    if (compactLog) await this.compact();
  }

  private chain(step: () => Promise<void>): void {
    this.writeChain = this.writeChain.then(step);
  }

  /** Appends the pending updates in one transaction; after the commit, hands them to the room. */
  private async flushPending(): Promise<void> {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0 || !this.open) return;
    try {
      const updates = batch.map((b) => b.update);
      const fence = this.hooks.fence?.();
      this.lastSeq = await (fence
        ? this.storage.appendUpdates(this.boardId, this.kind, updates, fence)
        : this.storage.appendUpdates(this.boardId, this.kind, updates));
    } catch (error) {
      this.close();
      this.hooks.failed('board.store_failed', error);
      return;
    }
    this.committedSeq = batch[batch.length - 1].seq;
    this.logLength += batch.length;
    // Initial states first: their receivers then skip the updates they already hold.
    while (this.afterCommit.length > 0 && this.afterCommit[0].seq <= this.committedSeq) this.afterCommit.shift()!.run();
    this.hooks.committed(batch);
    await this.afterAppend();
  }

  private async afterAppend(): Promise<void> {
    // A room that failed (even in applying this batch) never compacts: its document may lack a stored update.
    if (!this.open) return;
    const { compactAfterUpdates, compactIdleMs } = this.limits;
    if (this.logLength >= compactAfterUpdates * COMPACT_AT_ONCE_FACTOR || (this.logLength >= compactAfterUpdates && compactIdleMs === 0)) {
      this.cancelIdleCompaction();
      await this.compact();
      return;
    }
    if (this.logLength < compactAfterUpdates) return;
    this.cancelIdleCompaction();
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      if (!this.open || this.logLength < compactAfterUpdates) return;
      this.chain(async () => {
        if (this.open && this.logLength >= compactAfterUpdates) await this.compact();
      });
    }, compactIdleMs);
    this.compactTimer.unref?.();
  }

  private cancelIdleCompaction(): void {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
  }

  /**
   * Stores the document as the compacted state up to the last stored update (one small storage
   * write; the store deletes the covered updates later).
   */
  private async compact(): Promise<void> {
    try {
      const started = performance.now();
      const upTo = this.lastSeq;
      const compacted = Y.encodeStateAsUpdate(this.doc);
      this.hooks.encoded?.(compacted);
      const fence = this.hooks.fence?.();
      await (fence
        ? this.storage.compact(this.boardId, this.kind, compacted, upTo, fence)
        : this.storage.compact(this.boardId, this.kind, compacted, upTo));
      this.logLength = 0;
      this.logger.info('board.compact', { board: this.boardId, doc: this.kind, upToSeq: upTo, bytes: compacted.byteLength, ms: Math.round(performance.now() - started) });
    } catch (error) {
      if (error instanceof FencedError) {
        // Another node owns the board: this one writes nothing more (its log is the new owner's).
        this.close();
        this.hooks.failed('board.compact_fenced', error);
        return;
      }
      // The log is still intact; compaction is retried after the next appends.
      this.logger.error('board.compact_failed', { board: this.boardId, doc: this.kind, error });
    }
  }
}
