import type { DocKind } from '../../shared/roles';
import type { Fence, Storage, StoredDoc } from '../storage/Storage';

/**
 * Who may serve a board's rooms, in the distributed mode (server/cluster/ClusterNode.ts): before
 * one of a board's rooms loads, this node takes the board's lease, and every append and
 * compaction of the room carries its fence. Without it (one process, SQLite) rooms load freely.
 */
export interface BoardOwnership {
  /** Takes (or renews) this node's lease of a board; rejects with BoardMovedError when another node holds it. */
  claim(boardId: string): Promise<Fence>;
  /** Runs one room load; at most a few run at once, so a node taking over many boards loads them in turn. */
  loadSlot<T>(load: () => Promise<T>): Promise<T>;
  /** A write of the board was fenced: the lease is gone; every room of the board closes. */
  lost(boardId: string): void;
  /** No room of the board is loaded any more: the lease is given up. */
  release(boardId: string): void;
  /** Tells the relay to close a board's rooms when the lease is lost or cannot be renewed in time. */
  onLost(evict: (boardId: string) => void): void;
}

/** A board's lease is held by another node (or was lost to it): its clients reconnect and reach the owner. */
export class BoardMovedError extends Error {
  constructor(
    boardId: string,
    /** Roughly how long until the board can be served again (the other lease's time left), in ms. */
    readonly retryAfterMs = 1000,
  ) {
    super(`board ${boardId} is served by another node`);
    this.name = 'BoardMovedError';
  }
}

/** A room's side of its board's lease, made by the relay from BoardOwnership. */
export interface RoomLease {
  claim(): Promise<Fence>;
  loadSlot<T>(load: () => Promise<T>): Promise<T>;
  /** A write was fenced: every room of the board closes. */
  lost(): void;
}

/** The room's side of a board's lease, or none without ownership (one process). */
export function roomLeaseOf(ownership: BoardOwnership | undefined, boardId: string): RoomLease | undefined {
  if (!ownership) return undefined;
  return {
    claim: () => ownership.claim(boardId),
    loadSlot: (load) => ownership.loadSlot(load),
    lost: () => ownership.lost(boardId),
  };
}

/**
 * Loads a stored document; with a lease, the lease is taken first (in a load slot), so the load
 * sees every write of the board's previous owner, and its fence is returned for the room's writes.
 */
export async function loadUnderLease(storage: Storage, boardId: string, kind: DocKind, lease?: RoomLease): Promise<{ stored: StoredDoc; fence?: Fence }> {
  if (!lease) return { stored: await storage.loadDoc(boardId, kind) };
  return lease.loadSlot(async () => {
    const fence = await lease.claim();
    return { stored: await storage.loadDoc(boardId, kind), fence };
  });
}
