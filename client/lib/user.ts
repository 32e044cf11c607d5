import {
  atom,
  computed,
  createTLCurrentUser,
  createUserId,
  UserRecordType,
  type TLCurrentUser,
  type TLUser,
  type TLUserPreferences,
} from 'tldraw';
import { readJson, writeJson } from './localSettings';

/**
 * The person using this browser: a random id, a display name and a colour, kept in localStorage
 * under `pb.user`. The same id is used for tldraw's current user (so presence records, "follow"
 * and attribution all agree) and in the awareness state.
 */
const USER_KEY = 'pb.user';
/** tldraw's own preferences (dark mode, snapping...), kept apart from the identity above. */
const PREFS_KEY = 'pb.tldrawPrefs';

export const MAX_NAME_LENGTH = 60;

/** Cursor / avatar colours (tldraw's collaborator palette). */
export const USER_COLORS = [
  '#FF802B',
  '#EC5E41',
  '#F2555A',
  '#F04F88',
  '#E34BA9',
  '#BD54C6',
  '#9D5BD2',
  '#7B66DC',
  '#02B1CC',
  '#11B3A3',
  '#39B178',
  '#55B467',
] as const;

export interface LocalUser {
  id: string;
  /** Empty until the person has told us their name. */
  name: string;
  color: string;
}

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function randomColor(): string {
  const i = crypto.getRandomValues(new Uint32Array(1))[0] % USER_COLORS.length;
  return USER_COLORS[i];
}

function loadUser(): LocalUser {
  const stored = readJson<Partial<LocalUser>>(USER_KEY);
  const user: LocalUser = {
    id: typeof stored?.id === 'string' && stored.id ? stored.id : randomId(),
    name: typeof stored?.name === 'string' ? stored.name.trim().slice(0, MAX_NAME_LENGTH) : '',
    color: typeof stored?.color === 'string' && stored.color ? stored.color : randomColor(),
  };
  if (!stored || stored.id !== user.id || stored.color !== user.color) writeJson(USER_KEY, user);
  return user;
}

type ExtraPrefs = Omit<TLUserPreferences, 'id' | 'name' | 'color'>;

function loadExtraPrefs(): ExtraPrefs {
  const stored = readJson<ExtraPrefs>(PREFS_KEY);
  return stored && typeof stored === 'object' ? stored : {};
}

export const localUser = atom<LocalUser>('localUser', loadUser());
/**
 * The colour this person shows on the open board when their own is taken there by someone who
 * came first (board/sync/presenceColors.ts); null: their own colour. Not stored.
 */
export const boardColor = atom<string | null>('boardColor', null);

/** The person as shown on the open board (their board colour, if any). */
export const shownUser = computed<LocalUser>('shownUser', () => {
  const u = localUser.get();
  const c = boardColor.get();
  return c ? { ...u, color: c } : u;
});
const extraPrefs = atom<ExtraPrefs>('extraPrefs', loadExtraPrefs());

window.addEventListener('storage', (e) => {
  if (e.key === USER_KEY) localUser.set(loadUser());
  if (e.key === PREFS_KEY) extraPrefs.set(loadExtraPrefs());
});


export function setUserName(name: string): void {
  const trimmed = name.trim().slice(0, MAX_NAME_LENGTH);
  if (!trimmed) return;
  const next = { ...localUser.get(), name: trimmed };
  writeJson(USER_KEY, next);
  localUser.set(next);
}


/** tldraw's view of the user: our identity plus its own UI preferences. */
const userPreferences = computed<TLUserPreferences>('userPreferences', () => {
  const u = shownUser.get();
  return { ...extraPrefs.get(), id: u.id, name: u.name || null, color: u.color };
});

function setUserPreferences(prefs: TLUserPreferences) {
  const { id: _id, name, color, ...rest } = prefs;
  writeJson(PREFS_KEY, rest);
  extraPrefs.set(rest);
  const u = localUser.get();
  const nextName = typeof name === 'string' && name.trim() ? name.trim().slice(0, MAX_NAME_LENGTH) : u.name;
  const shown = shownUser.get().color;
  const nextColor = typeof color === 'string' && color && color !== shown ? color : u.color;
  // Picking a colour in tldraw's people menu makes it this person's own (and the board's).
  if (nextColor !== u.color) boardColor.set(null);
  if (nextName !== u.name || nextColor !== u.color) {
    const next = { ...u, name: nextName, color: nextColor };
    writeJson(USER_KEY, next);
    localUser.set(next);
  }
}

/** Passed as `<Tldraw user>`: the people menu's name and colour edits land in `pb.user`. */
export const tldrawCurrentUser: TLCurrentUser = createTLCurrentUser({
  userPreferences,
  setUserPreferences,
});

/** Passed to the store (`users.currentUser`) and to the presence derivation. */
export const currentTLUser = computed<TLUser | null>('currentTLUser', () => {
  const u = shownUser.get();
  return UserRecordType.create({
    id: createUserId(u.id),
    name: u.name || 'Guest',
    color: u.color,
  });
});
