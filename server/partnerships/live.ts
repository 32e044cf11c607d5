import type { RoomExtension } from '../sync/Room';

/** How long changes are gathered before listeners hear of them (ms): a burst of edits is one event. */
export const LIVE_COALESCE_MS = 150;

type Listener = (boards: string[]) => void;

/**
 * Tells open partnership pages that something they show changed: a write to one of the
 * partnership's board documents (any origin: a participant, the server, the partnership page)
 * or to the partnership itself (a new board, a replaced link). Listeners get the ids of the
 * boards that changed (empty for the partnership itself), at most once per LIVE_COALESCE_MS,
 * and read the partnership again. Only partnerships with listeners are followed.
 */
export class PartnershipLive {
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Board id → partnership id, for partnerships with listeners. */
  private readonly boardOwner = new Map<string, string>();
  private readonly pending = new Map<string, { boards: Set<string>; timer: NodeJS.Timeout }>();
  /** Hears every write to a board document; the composition root hands it to the relay (Server.ts). */
  readonly roomExtension: RoomExtension = {
    onUpdate: (room) => {
      if (room.kind === 'board') this.boardChanged(room.boardId);
    },
  };

  constructor(private readonly coalesceMs = LIVE_COALESCE_MS) {}

  /** Follows a partnership's boards for `listener` until the returned function is called. */
  subscribe(partnershipId: string, boardIds: readonly string[], listener: Listener): () => void {
    let set = this.listeners.get(partnershipId);
    if (!set) this.listeners.set(partnershipId, (set = new Set()));
    set.add(listener);
    this.follow(partnershipId, boardIds);
    return () => {
      set.delete(listener);
      if (set.size > 0) return;
      this.listeners.delete(partnershipId);
      for (const [board, owner] of this.boardOwner) if (owner === partnershipId) this.boardOwner.delete(board);
      const p = this.pending.get(partnershipId);
      if (p) clearTimeout(p.timer);
      this.pending.delete(partnershipId);
    };
  }

  /** Adds boards to a followed partnership (a board was added). */
  follow(partnershipId: string, boardIds: readonly string[]): void {
    if (!this.listeners.has(partnershipId)) return;
    for (const b of boardIds) this.boardOwner.set(b, partnershipId);
  }

  /** A board document changed (here, or on the node serving it). */
  boardChanged(boardId: string): void {
    const owner = this.boardOwner.get(boardId);
    if (owner) this.changed(owner, [boardId]);
  }

  /** Changes may have been missed (events from other nodes were cut off): every followed partnership reads again. */
  changedAll(): void {
    for (const id of this.listeners.keys()) this.changed(id, []);
  }

  /** Reports a change (the boards that changed; none for the partnership itself). */
  changed(partnershipId: string, boardIds: readonly string[]): void {
    const set = this.listeners.get(partnershipId);
    if (!set || set.size === 0) return;
    let p = this.pending.get(partnershipId);
    if (!p) {
      const entry = { boards: new Set<string>(), timer: setTimeout(() => this.flush(partnershipId), this.coalesceMs) };
      entry.timer.unref?.();
      this.pending.set(partnershipId, (p = entry));
    }
    for (const b of boardIds) p.boards.add(b);
  }

  private flush(partnershipId: string): void {
    const p = this.pending.get(partnershipId);
    this.pending.delete(partnershipId);
    if (!p) return;
    for (const l of this.listeners.get(partnershipId) ?? []) l([...p.boards]);
  }

  close(): void {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    this.listeners.clear();
    this.boardOwner.clear();
  }
}
