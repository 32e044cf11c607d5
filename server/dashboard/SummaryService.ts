import type { BoardSummary } from '../../shared/api/dashboard';
import type { DocKind } from '../../shared/roles';
import { getExercise, getItemType } from '../../exercises/registry';
import type { Logger } from '../runtime/log';
import { isClientWrite } from '../sync/clientWrite';
import type { Relay } from '../sync/Relay';
import type { Room, RoomExtension } from '../sync/Room';
import type { Storage } from '../storage/Storage';
import type { EventBus } from '../events/EventBus';
import { LocalEventBus } from '../events/LocalEventBus';
import type { PresentPerson } from '../../shared/api/dashboard';
import { OtherNodes } from './boardChanges';
import { boardPart, controlPart, presentPeople, type PresenceEntry } from './summarize';
import { ActivityRecorder } from './ActivityRecorder';
import { type Entry, newEntry } from './summaryEntry';

/** A board's summary without the cohort's team name (added per cohort by the caller). */
export type BoardSummaryCore = Omit<BoardSummary, 'team'>;

export interface SummaryServiceOptions {
  relay: Relay;
  storage: Storage;
  logger: Logger;
  /** A subscribed board's summary is recomputed at most this often (ms). */
  throttleMs?: number;
  /** A changed thumbnail is sent to subscribers at most this often per board (ms). */
  thumbnailMs?: number;
  /** Last activity is written to storage at most this often per board (ms), and on unload. */
  activityPersistMs?: number;
  /** Summaries kept for boards nobody subscribes to (least recently used go first). */
  maxCachedBoards?: number;
  /** How this node hears of boards other nodes serve, and tells them of its own (default: no other node). */
  events?: EventBus;
  now?: () => number;
}

export const SUMMARY_THROTTLE_MS = 1000;
export const THUMBNAIL_THROTTLE_MS = 5000;
export const ACTIVITY_PERSIST_MS = 30_000;

export interface SummarySubscription {
  close(): void;
}

/**
 * Live summaries of boards for the cohort dashboard (shared/api/dashboard.ts).
 *
 * Where a summary comes from: the board's live rooms when loaded (board room: records and
 * presence; control room: step, timer, banner), otherwise its stored documents, decoded once
 * into a throwaway Y.Doc (no room is created). The parts are cached per board and marked dirty
 * by the relay's room hooks (`onUpdate` of either room, `onPresence` of the board room); a dirty
 * part is recomputed from the live room when someone asks, or, for boards someone subscribes to,
 * on a timer: at most once per `throttleMs` per board (the first change after a quiet second is
 * computed at once, a burst is coalesced into one trailing computation). Subscribers hear of a
 * summary only when it differs from the last one. A changed thumbnail alone is held back until
 * `thumbnailMs` after the last thumbnail change, so a card being dragged does not send a new SVG
 * every second. When a room unloads, its dirty part is recomputed from the document before it
 * is freed, so a board nobody has open never needs a reload to be summarised again.
 *
 * Last activity: the last client write to either document (`room.activity.lastWriteAt`), kept
 * in storage (`board_activity`), written at most every `activityPersistMs` per board (the first
 * write at once, later ones on a trailing timer) and whenever a room unloads.
 *
 * Other nodes (the distributed mode, boardChanges.ts): this node's rooms are announced on the
 * event bus; what the others announce marks parts dirty like a local write (then read from the
 * store; presence comes with the announcement). After a resync every cached board is dirty.
 */
export class SummaryService {
  private readonly entries = new Map<string, Entry>();
  private readonly relay: Relay;
  private readonly storage: Storage;
  private readonly logger: Logger;
  private readonly throttleMs: number;
  private readonly thumbnailMs: number;
  /** The boards' last client writes, as read from and kept in storage. */
  private readonly activity: ActivityRecorder;
  private readonly maxCached: number;
  private readonly now: () => number;
  private readonly others: OtherNodes;
  /** What the service follows of every room; the composition root hands it to the relay (Server.ts). */
  readonly roomExtension: RoomExtension = {
    onUpdate: (room, origin) => this.onUpdate(room, origin),
    onPresence: (room) => this.onPresence(room),
    beforeUnload: (room) => this.beforeUnload(room),
  };

  constructor(options: SummaryServiceOptions) {
    this.relay = options.relay;
    this.storage = options.storage;
    this.logger = options.logger;
    this.throttleMs = options.throttleMs ?? SUMMARY_THROTTLE_MS;
    this.thumbnailMs = options.thumbnailMs ?? THUMBNAIL_THROTTLE_MS;
    this.maxCached = options.maxCachedBoards ?? 300;
    this.now = options.now ?? Date.now;
    this.activity = new ActivityRecorder(options.storage, options.logger, options.activityPersistMs ?? ACTIVITY_PERSIST_MS, this.now);
    this.others = new OtherNodes(options.events ?? new LocalEventBus(options.logger), {
      present: (boardId) => this.present(boardId),
      changed: (boardId, parts) => {
        for (const kind of ['board', 'control', 'presence'] as const) if (parts[kind]) this.markDirty(boardId, kind);
      },
      lastWrite: (boardId, at) => this.activity.seen(boardId, at),
      resync: () => {
        for (const boardId of this.entries.keys()) for (const kind of ['board', 'control'] as const) this.markDirty(boardId, kind);
      },
    });
  }

  /** Current summaries of the boards, in the given order; a board that does not exist is left out. */
  async summaries(boardIds: readonly string[]): Promise<BoardSummaryCore[]> {
    const out = await Promise.all(boardIds.map((id) => this.summary(id)));
    return out.filter((s): s is BoardSummaryCore => s !== null);
  }

  /** The current summary of one board (null when it does not exist). */
  async summary(boardId: string): Promise<BoardSummaryCore | null> {
    const entry = this.entry(boardId);
    return this.refresh(entry, true);
  }

  /**
   * Calls `onChange` with a board's new summary whenever one of the boards' summaries changes
   * (throttled per board). Subscribe first, then read the current state with `summaries`, so
   * nothing is missed in between. Close the subscription when done; it holds timers while open.
   */
  subscribe(boardIds: readonly string[], onChange: (summary: BoardSummaryCore) => void): SummarySubscription {
    const entries = [...new Set(boardIds)].map((id) => this.entry(id));
    for (const e of entries) e.listeners.add(onChange);
    let open = true;
    return {
      close: () => {
        if (!open) return;
        open = false;
        for (const e of entries) {
          e.listeners.delete(onChange);
          if (e.listeners.size === 0 && e.timer) {
            clearTimeout(e.timer);
            e.timer = null;
          }
        }
        this.evict();
      },
    };
  }

  /** Number of boards with at least one subscriber (for tests and logs). */
  get subscribedBoards(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.listeners.size > 0) n++;
    return n;
  }

  /** The last client write to the board or its control document (ISO), live or stored; null if none. */
  async lastActivity(boardId: string): Promise<string | null> {
    const ms = await this.activity.ms(boardId);
    return ms === null ? null : new Date(ms).toISOString();
  }

  /**
   * Drops every timer (the server is closing; its room extension has been taken off the relay);
   * resolves once the last announcements to other nodes (nobody present any more) are sent.
   */
  close(): Promise<void> {
    const others = this.others.close();
    for (const e of this.entries.values()) if (e.timer) clearTimeout(e.timer);
    this.activity.close();
    this.entries.clear();
    return others;
  }

  // ---- cache ----

  private entry(boardId: string): Entry {
    let e = this.entries.get(boardId);
    if (e) {
      // Least recently used last: move to the end.
      this.entries.delete(boardId);
      this.entries.set(boardId, e);
      return e;
    }
    e = newEntry(boardId);
    this.entries.set(boardId, e);
    this.evict();
    return e;
  }

  private evict(): void {
    if (this.entries.size <= this.maxCached) return;
    for (const [id, e] of this.entries) {
      if (this.entries.size <= this.maxCached) break;
      if (e.listeners.size > 0 || e.refreshing || e.timer) continue;
      this.entries.delete(id);
    }
  }

  /**
   * Brings the entry's parts up to date and returns its summary. `fresh` (someone asked
   * directly) draws the thumbnail whatever the thumbnail throttle says.
   */
  private refresh(entry: Entry, fresh: boolean): Promise<BoardSummaryCore | null> {
    if (entry.refreshing) {
      // One at a time; a caller arriving meanwhile gets the next state.
      return entry.refreshing.then(() => this.refresh(entry, fresh));
    }
    const run = this.compute(entry, fresh).finally(() => {
      entry.refreshing = null;
    });
    entry.refreshing = run;
    return run;
  }

  private async compute(entry: Entry, fresh: boolean): Promise<BoardSummaryCore | null> {
    const { boardId } = entry;
    entry.row ??= (await this.storage.getBoard(boardId)) ?? null;
    const row = entry.row;
    if (!row) return null;
    const exercise = getExercise(row.templateId);
    const now = this.now();
    entry.pendingChange = false;
    if (entry.boardDirty || !entry.board) {
      const drawThumbnail = fresh || !entry.board || now >= entry.thumbnailNextAt;
      entry.boardDirty = false;
      const part = await this.relay.readDoc(boardId, 'board', (doc) =>
        boardPart(doc, row.title, { exercise, itemType: getItemType, thumbnail: drawThumbnail }),
      );
      entry.thumbnailPending = !drawThumbnail;
      if (!drawThumbnail) {
        // Counts are current; the picture waits for its turn (and the part stays dirty for it).
        part.thumbnail = entry.board!.thumbnail;
        entry.boardDirty = true;
      } else if (entry.board && part.thumbnail !== entry.board.thumbnail) {
        entry.thumbnailNextAt = now + this.thumbnailMs;
      }
      entry.board = part;
    }
    if (entry.controlDirty || !entry.control) {
      entry.controlDirty = false;
      entry.control = await this.relay.readDoc(boardId, 'control', (doc) => controlPart(doc, exercise?.template));
    }
    const activity = await this.activity.ms(boardId);
    const present = this.present(boardId);
    entry.presentJson = JSON.stringify(present);
    const board = entry.board!;
    const control = entry.control!;
    const summary: BoardSummaryCore = {
      boardId,
      title: board.title,
      present,
      stepId: control.stepId,
      stepIndex: control.stepIndex,
      stepTitle: control.stepTitle,
      timer: control.timer,
      banner: control.banner,
      items: board.items,
      stickies: board.stickies,
      connections: board.connections,
      lastActivity: activity === null ? null : new Date(activity).toISOString(),
      thumbnail: board.thumbnail,
    };
    const json = JSON.stringify(summary);
    if (json !== entry.lastJson) {
      entry.last = summary;
      entry.lastJson = json;
      for (const listener of entry.listeners) {
        try {
          listener(summary);
        } catch (error) {
          this.logger.error('dashboard.listener_failed', { board: boardId, error });
        }
      }
    }
    return summary;
  }

  /**
   * People on the board now: the board room's awareness, each with its connection's role; for a
   * board whose room another node serves, what that node said last.
   */
  private present(boardId: string): PresentPerson[] {
    const room = this.relay.rooms.get(boardId);
    if (!room) return this.others.presentElsewhere(boardId);
    if (room.state !== 'ready') return [];
    const states = room.awareness.getStates();
    const entries: PresenceEntry[] = [];
    for (const conn of room.conns) {
      if (conn.closed) continue;
      for (const id of conn.awarenessClients) {
        const state = states.get(id);
        if (state) entries.push({ state, role: conn.role });
      }
    }
    return presentPeople(entries);
  }

  // ---- throttled recomputation for subscribers ----

  /**
   * Sets the entry's timer for its next computation: a change is computed at most once per
   * throttleMs (at once after a quiet period); a thumbnail held back alone waits for its turn.
   */
  private schedule(entry: Entry): void {
    if (entry.listeners.size === 0) return;
    const now = this.now();
    const earliest = Math.max(now, entry.lastComputeAt + this.throttleMs);
    let at: number;
    if (entry.pendingChange) at = earliest;
    else if (entry.thumbnailPending) at = Math.max(earliest, entry.thumbnailNextAt);
    else return;
    if (entry.timer) {
      if (entry.timerAt <= at) return;
      clearTimeout(entry.timer);
    }
    entry.timerAt = at;
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (entry.listeners.size === 0) return;
      entry.lastComputeAt = this.now();
      this.refresh(entry, false)
        .then(() => this.schedule(entry))
        .catch((error: unknown) => this.logger.warn('dashboard.summary_failed', { board: entry.boardId, error }));
    }, at - now);
    entry.timer.unref?.();
  }

  private markDirty(boardId: string, kind: DocKind | 'presence'): void {
    const entry = this.entries.get(boardId);
    if (!entry) return;
    if (kind === 'board') entry.boardDirty = true;
    else if (kind === 'control') entry.controlDirty = true;
    entry.pendingChange = true;
    this.schedule(entry);
  }

  // ---- room hooks ----

  private onUpdate(room: Room, origin: unknown): void {
    this.markDirty(room.boardId, room.kind);
    const clientWrite = isClientWrite(origin);
    if (clientWrite) this.activity.noteWrite(room);
    this.others.written(room, clientWrite ? room.activity.lastWriteAt : null);
  }

  /**
   * Awareness changes with every cursor move; only a change of who is there (names, roles)
   * makes the summary dirty. Looked at only while someone subscribes (a request computes it).
   */
  private onPresence(room: Room): void {
    if (room.kind !== 'board') return;
    this.others.presenceChanged(room.boardId);
    const entry = this.entries.get(room.boardId);
    if (!entry || entry.listeners.size === 0) return;
    const json = JSON.stringify(this.present(room.boardId));
    if (json === entry.presentJson) return;
    entry.presentJson = json;
    this.markDirty(room.boardId, 'presence');
  }

  private async beforeUnload(room: Room): Promise<void> {
    if (room.kind === 'board') this.others.presenceChanged(room.boardId);
    const entry = this.entries.get(room.boardId);
    // The document is still readable: bring the cached part up to date now, so nobody has to
    // decode the stored document again to summarise a board nobody has open.
    if (entry?.row) {
      const exercise = getExercise(entry.row.templateId);
      try {
        if (room.kind === 'board' && (entry.boardDirty || !entry.board)) {
          entry.board = boardPart(room.doc, entry.row.title, { exercise, itemType: getItemType });
          entry.boardDirty = false;
          entry.thumbnailPending = false;
        } else if (room.kind === 'control' && (entry.controlDirty || !entry.control)) {
          entry.control = controlPart(room.doc, exercise?.template);
          entry.controlDirty = false;
        }
      } catch (error) {
        this.logger.warn('dashboard.summary_failed', { board: room.boardId, error });
      }
      // Presence ends with the room; subscribers hear of it.
      entry.pendingChange = true;
      this.schedule(entry);
    }
    if (room.activity.lastWriteAt !== null) {
      this.activity.noteWrite(room, false);
      await this.activity.persist(room.boardId);
    }
  }
}
