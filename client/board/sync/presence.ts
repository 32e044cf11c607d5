import type { Awareness } from 'y-protocols/awareness';
import {
  createPresenceStateDerivation,
  InstancePresenceRecordType,
  react,
  TLPOINTER_ID,
  type Atom,
  type Signal,
  type TLInstancePresence,
  type TLStore,
  type TLUser,
} from 'tldraw';
import type { PresenceState } from '../../../shared/doc/docLayout';
import type { Role } from '../../../shared/roles';
import { USER_COLORS, type LocalUser } from '../../lib/user';
import { resolveColor, type ColorClaim } from './presenceColors';

/** Minimum time between two awareness broadcasts of our cursor/viewport. */
const PUBLISH_INTERVAL_MS = 50;

function presenceIdFor(clientId: number): TLInstancePresence['id'] {
  return InstancePresenceRecordType.createId(`yjs-${clientId}`);
}

function toPresenceRecord(clientId: number, state: unknown): TLInstancePresence | null {
  const s = state as Partial<PresenceState> | null;
  const p = s?.presence;
  if (!p || typeof p !== 'object') return null;
  try {
    return InstancePresenceRecordType.create({
      ...(p as Partial<TLInstancePresence>),
      // Keyed by the awareness client so that two tabs of one person are two records.
      id: presenceIdFor(clientId),
    } as TLInstancePresence);
  } catch {
    return null;
  }
}

export interface PresenceBindingOptions {
  awareness: Awareness;
  store: TLStore;
  /** tldraw user (id `user:<pb.user.id>`), drives the presence derivation. */
  user: Signal<TLUser | null>;
  /** Our identity for the awareness `user` field; null until the person has a name. */
  localUser: Signal<LocalUser | null>;
  role: Role;
  /** When our colour was taken on this board (server ms), published for presenceColors.ts. */
  colorSince?: Signal<number>;
}

/**
 * Presence over Yjs awareness.
 *
 * Out: tldraw's presence derivation (cursor, selection, camera, screen bounds, follow state) plus
 * our user info are published as the local awareness state `{ user, presence }`, throttled.
 * In: every other client's `presence` becomes an `instance_presence` record in the store (inside
 * `mergeRemoteChanges`), removed when its awareness state goes away. tldraw's cursors, people menu
 * and follow feature read those records.
 */
export function bindPresence({ awareness, store, user, localUser, role, colorSince }: PresenceBindingOptions): () => void {
  const presence$ = createPresenceStateDerivation(user)(store);
  const myClientId = awareness.clientID;
  // Until the pointer first moves over the board, it has no place there: tldraw's pointer record
  // says (0, 0), and everyone else would see this person's cursor parked at the page's origin.
  const pointerAtStart = store.get(TLPOINTER_ID);

  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastPublished = 0;
  let disposed = false;

  const publish = () => {
    timer = null;
    if (disposed) return;
    lastPublished = Date.now();
    const u = localUser.get();
    if (!u) {
      if (awareness.getLocalState() !== null) awareness.setLocalState(null);
      return;
    }
    const presence = presence$.get();
    const cursorUnknown = store.get(TLPOINTER_ID) === pointerAtStart;
    const state: PresenceState = {
      user: { id: u.id, name: u.name, color: u.color, role, ...(colorSince ? { colorSince: colorSince.get() } : {}) },
      presence: presence ? (JSON.parse(JSON.stringify(cursorUnknown ? { ...presence, cursor: null } : presence)) as Record<string, unknown>) : null,
    };
    awareness.setLocalState(state);
  };

  const stopReact = react('publish presence', () => {
    // Track both signals; the actual publish is throttled.
    presence$.get();
    localUser.get();
    colorSince?.get();
    if (timer !== null) return;
    const wait = Math.max(0, PUBLISH_INTERVAL_MS - (Date.now() - lastPublished));
    timer = setTimeout(publish, wait);
  });

  const applyRemote = (clientIds: number[], removedIds: number[]) => {
    const states = awareness.getStates();
    const puts: TLInstancePresence[] = [];
    const removes: TLInstancePresence['id'][] = [];
    for (const id of clientIds) {
      if (id === myClientId) continue;
      const rec = toPresenceRecord(id, states.get(id));
      if (rec) puts.push(rec);
      else if (store.has(presenceIdFor(id))) removes.push(presenceIdFor(id));
    }
    for (const id of removedIds) {
      if (id !== myClientId && store.has(presenceIdFor(id))) removes.push(presenceIdFor(id));
    }
    if (!puts.length && !removes.length) return;
    store.mergeRemoteChanges(() => {
      if (removes.length) store.remove(removes);
      for (const rec of puts) {
        try {
          store.put([rec]);
        } catch (e) {
          // A peer on another tldraw version may send a presence shape we cannot validate.
          console.warn('Ignoring invalid presence from a peer', e);
        }
      }
    });
  };

  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    applyRemote([...added, ...updated], removed);
  };
  awareness.on('change', onChange);
  applyRemote([...awareness.getStates().keys()], []);

  return () => {
    disposed = true;
    stopReact();
    if (timer !== null) clearTimeout(timer);
    awareness.off('change', onChange);
    const ids = store.query.records('instance_presence').get().map((r) => r.id);
    if (ids.length) store.mergeRemoteChanges(() => store.remove(ids));
  };
}

/**
 * Keeps this person's colour distinct on the board (presenceColors.ts): whenever the others'
 * awareness states change, takes the first free colour if someone who came first has ours.
 */
export function keepColorDistinct(
  awareness: Awareness,
  me: () => { userId: string; color: string } | null,
  since: Atom<number>,
  setColor: (color: string) => void,
  now: () => number,
): () => void {
  const check = () => {
    const mine = me();
    if (!mine) return;
    const others: ColorClaim[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const u = (state as Partial<PresenceState>)?.user;
      if (!u || typeof u.id !== 'string' || typeof u.color !== 'string') continue;
      others.push({ clientId, userId: u.id, color: u.color, since: typeof u.colorSince === 'number' ? u.colorSince : 0 });
    }
    const next = resolveColor({ clientId: awareness.clientID, userId: mine.userId, color: mine.color, since: since.get() }, others, USER_COLORS);
    if (next !== mine.color) {
      since.set(now());
      setColor(next);
    }
  };
  awareness.on('change', check);
  check();
  return () => awareness.off('change', check);
}

/** Distinct named people in the room (one person with two tabs counts once). */
export function countPeople(awareness: Awareness): number {
  const ids = new Set<string>();
  for (const state of awareness.getStates().values()) {
    const u = (state as Partial<PresenceState>)?.user;
    if (u && typeof u.id === 'string') ids.add(u.id);
  }
  return ids.size;
}
