import type { Logger } from '../runtime/log';
import type { Room } from './Room';
import type { UpdateStructure } from './updateStructure';

/** What happened in a room since it loaded: the basis of "last activity" and session ends. */
export interface RoomActivity {
  /** ms since the epoch. */
  loadedAt: number;
  /** First and last write from a client connection since the load (null: none yet). */
  firstWriteAt: number | null;
  lastWriteAt: number | null;
  clientWrites: number;
}

/**
 * What a feature adds to every room, handed to the Relay by the composition root (server/Server.ts):
 * the guards, the participants' record, the dashboard, board history, metrics. An extension
 * follows a room through these calls instead of patching it. They must not throw;
 * `beforeUnload` is awaited (after the last flush, before the document is freed), so it may
 * still read `room.doc`.
 */
export interface RoomExtension {
  /** The document has loaded (and been repaired), before anyone joins: guards attach here. */
  onLoad?(room: Room): void;
  /**
   * A change was accepted (any origin: a connection, the server, a guard): applied to the
   * document, or, for a client's write, applied once its commit has been forwarded, before
   * the room reads the document again.
   */
  onUpdate?(room: Room, origin: unknown): void;
  /**
   * A guard that undoes some clients' writes says whether it may undo this checked write. Such a
   * write is applied as soon as it is accepted, so the guard's correction is stored and forwarded
   * in the same transaction as the write itself: no client sees, and no crash keeps, the write
   * without its correction. Other writes are applied after their commit is forwarded (Room.ts).
   */
  mayCorrect?(room: Room, write: UpdateStructure): boolean;
  /** Presence (awareness) changed: by `origin` (a connection, or the room itself), for these client ids. */
  onPresence?(room: Room, change: PresenceChange, origin: unknown): void;
  beforeUnload?(room: Room): Promise<void> | void;
}

/** The awareness client ids a presence change added, updated and removed. */
export interface PresenceChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** The origin of writes the server makes itself (e.g. vote rounds in a control document). */
export const SERVER_ORIGIN = 'server';

/** The origin of the clean-up a room writes when it loads a document stored with junk (documentRepair.ts). */
export const REPAIR_ORIGIN = 'repair';


/** A room's extension called so that a throwing hook is logged and never breaks the room (mayCorrect then says yes). */
export function safeExtension(room: Room, extension: RoomExtension, logger: Logger) {
  const failed = (hook: string, error: unknown) => logger.error('room.hook_failed', { board: room.boardId, hook, error });
  return {
    mayCorrect(write: UpdateStructure): boolean {
      try {
        return extension.mayCorrect?.(room, write) ?? false;
      } catch (error) {
        failed('mayCorrect', error);
        return true;
      }
    },
    call(name: 'onLoad' | 'onUpdate' | 'onPresence', origin?: unknown, change?: PresenceChange): void {
      try {
        if (name === 'onLoad') extension.onLoad?.(room);
        else if (name === 'onUpdate') extension.onUpdate?.(room, origin);
        else extension.onPresence?.(room, change!, origin);
      } catch (error) {
        failed(name, error);
      }
    },
  };
}

/** One extension that calls every extension of a set, in the order they were added (the relay's rooms get it). */
export function fanOutTo(extensions: ReadonlySet<RoomExtension>): RoomExtension {
  return {
    onLoad: (room) => {
      for (const e of extensions) e.onLoad?.(room);
    },
    onUpdate: (room, origin) => {
      for (const e of extensions) e.onUpdate?.(room, origin);
    },
    mayCorrect: (room, write) => {
      for (const e of extensions) if (e.mayCorrect?.(room, write)) return true;
      return false;
    },
    onPresence: (room, change, origin) => {
      for (const e of extensions) e.onPresence?.(room, change, origin);
    },
    beforeUnload: async (room) => {
      for (const e of extensions) await e.beforeUnload?.(room);
    },
  };
}
