import type { Logger } from '../runtime/log';
import type { Room } from '../sync/Room';
import type { Storage } from '../storage/Storage';
import { activityStore } from './activityStore';

interface Activity {
  /** What storage held when first read (undefined: not read yet). */
  stored: number | null | undefined;
  /** Latest client write seen live (ms). */
  latest: number | null;
  persisted: number | null;
  /** Latest client write another node announced (ms). */
  remote: number | null;
  lastPersistAt: number;
  timer: NodeJS.Timeout | null;
}

/**
 * The last client write to each board (`room.activity.lastWriteAt` of either of its rooms), kept
 * in storage (dashboard/activityStore.ts): written at most every `persistMs` per board (the
 * first write at once, later ones on a trailing timer) and whenever a room unloads.
 */
export class ActivityRecorder {
  private readonly boards = new Map<string, Activity>();

  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
    private readonly persistMs: number,
    private readonly now: () => number,
  ) {}

  /** Drops every timer (the server is closing). */
  close(): void {
    for (const a of this.boards.values()) if (a.timer) clearTimeout(a.timer);
  }

  private activityOf(boardId: string): Activity {
    let a = this.boards.get(boardId);
    if (!a) this.boards.set(boardId, (a = { stored: undefined, latest: null, persisted: null, remote: null, lastPersistAt: 0, timer: null }));
    return a;
  }

  /** The board's last client write (ms), live or stored; null when none. */
  async ms(boardId: string): Promise<number | null> {
    const a = this.activityOf(boardId);
    if (a.stored === undefined) {
      const iso = await this.storage.feature(activityStore).get(boardId);
      const ms = iso ? Date.parse(iso) : Number.NaN;
      a.stored = Number.isFinite(ms) ? ms : null;
    }
    const values = [a.stored, a.latest, a.persisted, a.remote].filter((v): v is number => v !== null);
    return values.length ? Math.max(...values) : null;
  }

  /** A client wrote to one of the board's rooms: persist now, or on a trailing timer. */
  noteWrite(room: Room, schedule = true): void {
    const at = room.activity.lastWriteAt;
    if (at === null) return;
    const a = this.activityOf(room.boardId);
    if (a.latest !== null && a.latest >= at) return;
    a.latest = at;
    if (!schedule || a.timer) return;
    const wait = a.lastPersistAt + this.persistMs - this.now();
    if (wait <= 0) {
      void this.persist(room.boardId);
      return;
    }
    a.timer = setTimeout(() => void this.persist(room.boardId), wait);
    a.timer.unref?.();
  }

  /** A client write another node saw (it persists it): counted as last activity, not written here. */
  seen(boardId: string, at: number): void {
    const a = this.activityOf(boardId);
    if (a.remote === null || at > a.remote) a.remote = at;
  }

  async persist(boardId: string): Promise<void> {
    const a = this.activityOf(boardId);
    if (a.timer) clearTimeout(a.timer);
    a.timer = null;
    if (a.latest === null || (a.persisted !== null && a.persisted >= a.latest)) return;
    const at = a.latest;
    a.persisted = at;
    a.lastPersistAt = this.now();
    try {
      await this.storage.feature(activityStore).record(boardId, new Date(at).toISOString());
    } catch (error) {
      a.persisted = null;
      this.logger.warn('dashboard.activity_store_failed', { board: boardId, error });
    }
  }
}
