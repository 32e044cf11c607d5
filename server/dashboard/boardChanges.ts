import type { PresentPerson } from '../../shared/api/dashboard';
import { isBoardId } from '../../shared/ids';
import { ROLES } from '../../shared/roles';
import type { EventBus } from '../events/EventBus';
import { topic } from '../events/EventBus';
import { KeyedThrottle } from '../events/KeyedThrottle';
import type { Room } from '../sync/Room';

/**
 * What a node tells the others when a board it serves changes, so their dashboards and pages
 * read it again: which document changed, who is present (when that changed) and the last
 * client write. Never the document itself: the receiver reads it from the store, where it is
 * already (sent after the commit).
 */
export interface BoardChange {
  boardId: string;
  board?: boolean;
  control?: boolean;
  /** The people on the board now, when that changed (cut to fit the message; see PRESENT_MAX). */
  present?: PresentPerson[];
  /** The last client write (ms since the epoch), when there was one. */
  lastWriteAt?: number;
}

/** People listed in one message at most (a board's presence list stays far under the payload limit). */
export const PRESENT_MAX = 40;
/** One message per board per this interval at most (ms). */
export const BOARD_CHANGE_INTERVAL_MS = 1000;

export const boardChanged = topic<BoardChange>('board.changed', (data) => {
  const d = data as Partial<BoardChange> | null;
  if (!d || typeof d.boardId !== 'string' || !isBoardId(d.boardId)) return null;
  const change: BoardChange = { boardId: d.boardId, board: d.board === true, control: d.control === true };
  if (Array.isArray(d.present)) {
    change.present = d.present
      .filter((p): p is PresentPerson => !!p && typeof p.name === 'string' && (ROLES as readonly string[]).includes(p.role))
      .slice(0, PRESENT_MAX)
      .map((p) => ({ name: p.name.slice(0, 200), role: p.role }));
  }
  if (typeof d.lastWriteAt === 'number' && Number.isFinite(d.lastWriteAt)) change.lastWriteAt = d.lastWriteAt;
  return change;
});

interface Pending {
  board: boolean;
  control: boolean;
  presence: boolean;
  lastWriteAt: number | null;
  /** The rooms written to: the message waits until what they accepted is stored. */
  rooms: Set<Room>;
}

/** What the dashboard does with what other nodes say (SummaryService). */
export interface OtherNodesHandlers {
  /** The people on a board now, as this node sees them (announced for its own rooms). */
  present(boardId: string): PresentPerson[];
  /** Another node changed a board it serves: these parts are to be read again. */
  changed(boardId: string, parts: { board: boolean; control: boolean; presence: boolean }): void;
  /** Another node saw a client write to a board at `at` (ms). */
  lastWrite(boardId: string, at: number): void;
  /** Events may have been missed: read everything again. */
  resync(): void;
}

/** Boards served by other nodes whose presence list is kept (the most recently changed). */
const MAX_REMOTE_PRESENCE = 10_000;

/**
 * The dashboard's view of the other nodes: announces this node's rooms (BoardChangeFeed) and
 * hands on what the others announce, keeping who is present on their boards (nothing stores
 * presence; on a resync it is forgotten until they say it again).
 */
export class OtherNodes {
  private readonly feed: BoardChangeFeed;
  /** Who is present on boards other nodes serve, as they last said (non-empty lists only). */
  private readonly remotePresent = new Map<string, PresentPerson[]>();
  private readonly detach: (() => void)[];

  constructor(events: EventBus, handlers: OtherNodesHandlers, intervalMs = BOARD_CHANGE_INTERVAL_MS) {
    this.feed = new BoardChangeFeed(events, handlers.present, intervalMs);
    this.detach = [
      events.subscribe(boardChanged, (change) => {
        const { boardId, present } = change;
        if (present) {
          this.remotePresent.delete(boardId);
          if (present.length) this.remotePresent.set(boardId, present);
          if (this.remotePresent.size > MAX_REMOTE_PRESENCE) this.remotePresent.delete(this.remotePresent.keys().next().value as string);
        }
        if (change.lastWriteAt !== undefined) handlers.lastWrite(boardId, change.lastWriteAt);
        handlers.changed(boardId, { board: change.board === true, control: change.control === true, presence: present !== undefined });
      }),
      events.onResync(() => {
        this.remotePresent.clear();
        handlers.resync();
      }),
    ];
  }

  /** A room of this node accepted a write (client writes carry their time). */
  written(room: Room, lastWriteAt: number | null): void {
    this.feed.written(room, lastWriteAt);
  }

  /** Who is on a board of this node may have changed. */
  presenceChanged(boardId: string): void {
    this.feed.presenceChanged(boardId);
  }

  /** Who another node last said is on a board it serves ([] when nobody, or unknown). */
  presentElsewhere(boardId: string): PresentPerson[] {
    return this.remotePresent.get(boardId) ?? [];
  }

  /** Stops hearing the others; sends this node's last announcements (the rooms have unloaded). */
  async close(): Promise<void> {
    for (const d of this.detach) d();
    await this.feed.close();
  }
}

/**
 * Sends `boardChanged` for the boards whose rooms this node serves, coalesced to one message per
 * board per BOARD_CHANGE_INTERVAL_MS, each sent only once the rooms' writes so far are stored
 * (so a receiver reading the store finds them), outside any write transaction.
 */
export class BoardChangeFeed {
  private readonly throttle: KeyedThrottle<Pending>;
  /** The presence list last sent per board (JSON), so cursor moves send nothing. */
  private readonly sentPresence = new Map<string, string>();

  constructor(
    private readonly events: EventBus,
    /** The people on a board now, as this node sees them. */
    private readonly present: (boardId: string) => PresentPerson[],
    intervalMs = BOARD_CHANGE_INTERVAL_MS,
  ) {
    this.throttle = new KeyedThrottle<Pending>(
      intervalMs,
      (a, b) => ({
        board: a.board || b.board,
        control: a.control || b.control,
        presence: a.presence || b.presence,
        lastWriteAt: Math.max(a.lastWriteAt ?? 0, b.lastWriteAt ?? 0) || null,
        rooms: new Set([...a.rooms, ...b.rooms]),
      }),
      (boardId, pending) => {
        const sending = this.send(boardId, pending).finally(() => this.sending.delete(sending));
        this.sending.add(sending);
      },
    );
  }

  /** Announcements on their way (waiting for their writes to be stored). */
  private readonly sending = new Set<Promise<void>>();

  /** A room accepted a write. */
  written(room: Room, lastWriteAt: number | null): void {
    this.throttle.note(room.boardId, {
      board: room.kind === 'board',
      control: room.kind === 'control',
      presence: false,
      lastWriteAt,
      rooms: new Set([room]),
    });
  }

  /** Who is on the board may have changed (looked at when the message goes). */
  presenceChanged(boardId: string): void {
    this.throttle.note(boardId, { board: false, control: false, presence: true, lastWriteAt: null, rooms: new Set() });
  }

  private async send(boardId: string, pending: Pending): Promise<void> {
    // A room hears of a write (onUpdate) just before it queues it for storage: wait for the
    // queueing, then for the storing. A failed room stored nothing more; its flush settles anyway.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await Promise.all([...pending.rooms].map((room) => room.flush().catch(() => {})));
    const change: BoardChange = { boardId };
    if (pending.board) change.board = true;
    if (pending.control) change.control = true;
    if (pending.lastWriteAt !== null) change.lastWriteAt = pending.lastWriteAt;
    if (pending.presence) {
      const present = this.present(boardId).slice(0, PRESENT_MAX);
      const json = JSON.stringify(present);
      if (json !== (this.sentPresence.get(boardId) ?? '[]')) {
        change.present = present;
        if (present.length) this.sentPresence.set(boardId, json);
        else this.sentPresence.delete(boardId);
      }
    }
    if (change.board || change.control || change.present) this.events.publish(boardChanged, change);
  }

  /** Sends what is gathered (the rooms have unloaded: nobody is present any more) and stops. */
  async close(): Promise<void> {
    this.throttle.flushAll();
    this.throttle.close();
    await Promise.all(this.sending);
  }
}
