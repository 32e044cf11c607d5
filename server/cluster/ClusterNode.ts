import type { BoardOwner, BoardPlacement } from '../sync/boardPlacement';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../runtime/log';
import type { Fence } from '../storage/Storage';
import { BoardMovedError, type BoardOwnership } from '../sync/ownership';
import type { LeaseOwner, LeaseStore } from './Leases';

export interface LeaseTimings {
  /** How long a lease lasts after each renewal (by the database's clock). */
  ttlMs: number;
  /** How often this node renews every lease it holds (one statement). */
  renewEveryMs: number;
  /**
   * How long before a lease would run out (counted on this node from the start of its last
   * successful renewal) the node closes that board's rooms when it could not renew it.
   */
  marginMs: number;
  /** Room loads running at once on this node. */
  loadsAtOnce: number;
}

/** Failover within 15 s: a dead owner's leases run out after at most 10 s. */
export const DEFAULT_LEASE_TIMINGS: LeaseTimings = { ttlMs: 10_000, renewEveryMs: 3_000, marginMs: 2_500, loadsAtOnce: 8 };

/** The timings for a TTL and renewal period (LEASE_TTL_MS, LEASE_RENEW_MS): rooms close a quarter of the TTL early. */
export function leaseTimings(given?: { ttlMs: number; renewEveryMs: number }): LeaseTimings {
  if (!given) return DEFAULT_LEASE_TIMINGS;
  return { ...DEFAULT_LEASE_TIMINGS, ...given, marginMs: Math.round(given.ttlMs / 4) };
}

interface Held {
  epoch: number;
  /** performance.now() after which the rooms of the board close unless renewed meanwhile. */
  validUntil: number;
}

/**
 * One app node of the distributed mode: its identity (a random id per process start and its
 * NODE_URL), the leases of the boards whose rooms it has loaded, and where a board it does not
 * serve is served. The relay asks it before loading a room (`BoardOwnership`), the HTTP side
 * before serving a board's request (`routeOf`).
 *
 * Every `renewEveryMs` all its leases are renewed in one statement; a lease that statement
 * does not return was taken by another node (its rooms close at once), and a lease not renewed
 * for `ttlMs - marginMs` (database unreachable) closes its rooms before it can run out.
 */
export class ClusterNode implements BoardOwnership, BoardPlacement {
  readonly nodeId = randomUUID();
  private readonly held = new Map<string, Held>();
  /** Releases under way, per board: a claim of the same board waits for its release first. */
  private readonly releasing = new Map<string, Promise<void>>();
  private evict: (boardId: string) => void = () => {};
  private readonly renewTimer: NodeJS.Timeout;
  private readonly checkTimer: NodeJS.Timeout;
  private renewing = false;
  private closed = false;
  private loading = 0;
  private readonly waitingLoads: (() => void)[] = [];
  /** Set once the renewals fail, so the log says so once per outage, not every few seconds. */
  private renewFailing = false;

  constructor(
    private readonly leases: LeaseStore,
    /** This node's address as the other nodes reach it (known once the server listens). */
    private readonly url: () => string,
    private readonly logger: Logger,
    readonly timings: LeaseTimings = DEFAULT_LEASE_TIMINGS,
  ) {
    this.renewTimer = setInterval(() => void this.renewAll(), timings.renewEveryMs);
    this.renewTimer.unref();
    this.checkTimer = setInterval(() => this.closeUnrenewed(), Math.min(500, timings.renewEveryMs));
    this.checkTimer.unref();
  }

  get nodeUrl(): string {
    return this.url();
  }

  /** The boards whose leases this node holds. */
  get boards(): string[] {
    return [...this.held.keys()];
  }

  holds(boardId: string): boolean {
    return this.held.has(boardId);
  }

  onLost(evict: (boardId: string) => void): void {
    this.evict = evict;
  }

  async claim(boardId: string): Promise<Fence> {
    if (this.closed) throw new BoardMovedError(boardId);
    await this.releasing.get(boardId);
    const held = this.held.get(boardId);
    if (held && performance.now() < held.validUntil) return { nodeId: this.nodeId, epoch: held.epoch };
    const sentAt = performance.now();
    const result = await this.leases.take(boardId, { id: this.nodeId, url: this.url() }, this.timings.ttlMs);
    // No such board: the load that follows says so.
    if (result === null) return { nodeId: this.nodeId, epoch: 0 };
    if (!result.taken) throw new BoardMovedError(boardId, Math.max(0, result.owner.expiresInMs));
    const previous = this.held.get(boardId);
    this.held.set(boardId, { epoch: result.epoch, validUntil: sentAt + this.timings.ttlMs - this.timings.marginMs });
    if (!previous || previous.epoch !== result.epoch) this.logger.info('lease.taken', { board: boardId, epoch: result.epoch });
    return { nodeId: this.nodeId, epoch: result.epoch };
  }

  async loadSlot<T>(load: () => Promise<T>): Promise<T> {
    while (this.loading >= this.timings.loadsAtOnce) await new Promise<void>((resolve) => this.waitingLoads.push(resolve));
    this.loading++;
    try {
      return await load();
    } finally {
      this.loading--;
      this.waitingLoads.shift()?.();
    }
  }

  lost(boardId: string): void {
    if (!this.held.delete(boardId)) return;
    this.logger.warn('lease.lost', { board: boardId, reason: 'fenced' });
    this.evict(boardId);
  }

  release(boardId: string): void {
    const held = this.held.get(boardId);
    if (!held) return;
    this.held.delete(boardId);
    const done = this.leases
      .release(boardId, this.nodeId, held.epoch)
      .catch((error) => this.logger.warn('lease.release_failed', { board: boardId, error: (error as Error).message }))
      .finally(() => {
        if (this.releasing.get(boardId) === done) this.releasing.delete(boardId);
      });
    this.releasing.set(boardId, done);
  }

  /**
   * Where a request for a board is served: null for here (this node holds the lease, nobody
   * holds a live one, or the lease table cannot be read: the room's own claim decides), else
   * the live owner.
   */
  async routeOf(boardId: string): Promise<LeaseOwner | null> {
    if (this.held.has(boardId)) return null;
    let owner: LeaseOwner | null;
    try {
      owner = await this.leases.owner(boardId);
    } catch {
      return null;
    }
    if (!owner || owner.nodeId === this.nodeId || owner.nodeUrl === this.url()) return null;
    return owner;
  }

  /** Where a board's live rooms are, for writes a node makes on its own (sync/boardPlacement.ts). */
  async ownerOf(boardId: string): Promise<BoardOwner> {
    if (this.held.has(boardId)) return 'here';
    const owner = await this.leases.owner(boardId).catch(() => null);
    if (!owner || owner.nodeUrl === this.url()) return owner?.nodeId === this.nodeId ? 'here' : 'none';
    return owner.nodeId === this.nodeId ? 'here' : 'elsewhere';
  }

  /** Renews every lease held, in one statement; a lease not returned was taken by another node. */
  async renewAll(): Promise<void> {
    if (this.renewing || this.closed || this.held.size === 0) return;
    this.renewing = true;
    const asked = new Map(this.held);
    const sentAt = performance.now();
    try {
      const kept = await this.leases.renew(this.nodeId, [...asked.keys()], this.timings.ttlMs);
      if (this.renewFailing) this.logger.info('lease.renew_recovered', { boards: kept.size });
      this.renewFailing = false;
      for (const [boardId, before] of asked) {
        const now = this.held.get(boardId);
        // Released or lost meanwhile, or taken again at another epoch: that claim's figures stand.
        if (now !== before) continue;
        if (kept.get(boardId) === before.epoch) {
          now.validUntil = sentAt + this.timings.ttlMs - this.timings.marginMs;
          continue;
        }
        this.held.delete(boardId);
        this.logger.warn('lease.lost', { board: boardId, reason: 'taken' });
        this.evict(boardId);
      }
    } catch (error) {
      if (!this.renewFailing) this.logger.error('lease.renew_failed', { boards: asked.size, error: (error as Error).message });
      this.renewFailing = true;
    } finally {
      this.renewing = false;
    }
  }

  /** Closes the rooms of every board whose lease could not be renewed in time. */
  private closeUnrenewed(): void {
    const now = performance.now();
    for (const [boardId, held] of this.held) {
      if (now < held.validUntil) continue;
      this.held.delete(boardId);
      this.logger.warn('lease.lost', { board: boardId, reason: 'not_renewed' });
      this.evict(boardId);
    }
  }

  /** Stops renewing and gives up every lease still held (the relay has unloaded its rooms first). */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.renewTimer);
    clearInterval(this.checkTimer);
    for (const boardId of [...this.held.keys()]) this.release(boardId);
    await Promise.all([...this.releasing.values()]);
  }
}
