import { ROLES, type Role } from '../../shared/roles';
import type { Logger } from '../runtime/log';
import type { Storage } from '../storage/Storage';
import { participantStore } from './participantStore';
import { Connection } from '../sync/Connection';
import type { Room, RoomExtension } from '../sync/Room';

/**
 * Who was seen on a board, for the exports' "participants seen". The relay hands every awareness
 * state a connection adds or updates to a ParticipantRecorder; it keeps only the person's random
 * id, name and the role of the link they connected with (checked by the server, not the role the
 * client claims), and writes to storage at most once per awareness client per THROTTLE_MS unless
 * the name or role changed, so cursor moves never reach storage. Colours, cursors, viewports and
 * anything else in the awareness state are never stored.
 */
export const PARTICIPANT_THROTTLE_MS = 60_000;
/** Ids are the browser's random hex id (client/lib/user.ts); anything else is not recorded. */
const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_PARTICIPANT_NAME = 60;
/** Awareness clients tracked per room; beyond it new ones are ignored until others leave. */
const MAX_TRACKED_CLIENTS = 1000;

export interface SeenParticipant {
  userId: string;
  name: string;
  role: Role;
}

/**
 * The participant an awareness state describes, or null when it names nobody usable: no `user`,
 * an id that is not a plain random id, or an empty name. The name is trimmed, inner whitespace
 * (including line breaks) collapsed and cut to MAX_PARTICIPANT_NAME characters.
 */
export function participantFromAwareness(state: unknown, role: Role): SeenParticipant | null {
  if (!ROLES.includes(role)) return null;
  const user = (state as { user?: unknown } | null | undefined)?.user as { id?: unknown; name?: unknown } | undefined;
  if (!user || typeof user !== 'object') return null;
  if (typeof user.id !== 'string' || !USER_ID.test(user.id)) return null;
  if (typeof user.name !== 'string') return null;
  // Control characters go first, then whitespace runs collapse.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  const name = [...user.name.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim()].slice(0, MAX_PARTICIPANT_NAME).join('').trim();
  if (!name) return null;
  return { userId: user.id, name, role };
}

interface Tracked extends SeenParticipant {
  writtenAt: number;
}

export class ParticipantRecorder {
  private readonly clients = new Map<number, Tracked>();

  constructor(
    private readonly boardId: string,
    private readonly storage: Storage,
    private readonly logger: Logger,
    private readonly throttleMs = PARTICIPANT_THROTTLE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** An awareness client's state was added or updated by a connection with `role`. */
  seen(clientId: number, state: unknown, role: Role): void {
    const p = participantFromAwareness(state, role);
    if (!p) return;
    const known = this.clients.get(clientId);
    if (!known && this.clients.size >= MAX_TRACKED_CLIENTS) return;
    const t = this.now();
    const same = known && known.userId === p.userId && known.name === p.name && known.role === p.role;
    if (same && t - known.writtenAt < this.throttleMs) return;
    this.clients.set(clientId, { ...p, writtenAt: t });
    this.write(p, t);
  }

  /** The client left: its last-seen time is written once more, then it is forgotten. */
  gone(clientId: number): void {
    const known = this.clients.get(clientId);
    if (!known) return;
    this.clients.delete(clientId);
    this.write(known, this.now());
  }

  private write(p: SeenParticipant, at: number): void {
    const { userId, name, role } = p;
    this.storage.feature(participantStore).record(this.boardId, { userId, name, role }, new Date(at).toISOString()).catch((error: unknown) => {
      this.logger.warn('participant.store_failed', { board: this.boardId, error });
    });
  }
}

/**
 * The participants' record of every board room: each awareness state a connection adds or
 * updates goes to the room's ParticipantRecorder with the connection's role; a removed one is
 * written once more and forgotten.
 */
export function participantsExtension(storage: Storage, logger: Logger): RoomExtension {
  const recorders = new WeakMap<Room, ParticipantRecorder>();
  return {
    onLoad(room) {
      if (room.kind === 'board') recorders.set(room, new ParticipantRecorder(room.boardId, storage, logger));
    },
    onPresence(room, change, origin) {
      const recorder = recorders.get(room);
      if (!recorder) return;
      if (origin instanceof Connection) {
        for (const id of [...change.added, ...change.updated]) recorder.seen(id, room.awareness.getStates().get(id), origin.role);
      }
      for (const id of change.removed) recorder.gone(id);
    },
  };
}
