import { atom } from 'tldraw';
import type { Role } from '../../shared/roles';
import { readJson, writeJson } from './localSettings';

/** The boards this browser has opened. The server never lists boards, so this is the only list. */
const RECENT_BOARDS_KEY = 'pb.recentBoards';
const MAX_RECENT = 50;

export interface RecentBoard {
  id: string;
  title: string;
  region: string;
  sector: string;
  role: Role;
  /** The link it was opened with (carries the token). */
  url: string;
  /** ISO timestamp. */
  lastOpened: string;
}

function isRecentBoard(v: unknown): v is RecentBoard {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return typeof r.id === 'string' && typeof r.url === 'string' && typeof r.title === 'string';
}

function load(): RecentBoard[] {
  const raw = readJson<unknown>(RECENT_BOARDS_KEY);
  if (!Array.isArray(raw)) return [];
  return sortNewestFirst(raw.filter(isRecentBoard));
}

function sortNewestFirst(list: RecentBoard[]): RecentBoard[] {
  return [...list].sort((a, b) => (b.lastOpened ?? '').localeCompare(a.lastOpened ?? ''));
}

export const recentBoards = atom<RecentBoard[]>('recentBoards', load());

// Another tab opened or forgot a board.
window.addEventListener('storage', (e) => {
  if (e.key === RECENT_BOARDS_KEY || e.key === null) recentBoards.set(load());
});

function save(list: RecentBoard[]) {
  const sorted = sortNewestFirst(list).slice(0, MAX_RECENT);
  writeJson(RECENT_BOARDS_KEY, sorted);
  recentBoards.set(sorted);
}

/**
 * Records an opened board. One entry per board: opening it again with a link of another role
 * replaces the entry (the most recently used link is the one the person wants back).
 */
export function rememberBoard(entry: Omit<RecentBoard, 'lastOpened'>): void {
  const others = load().filter((b) => b.id !== entry.id);
  save([{ ...entry, lastOpened: new Date().toISOString() }, ...others]);
}

/** Puts back an entry exactly as it was (undo of forget). */
export function restoreBoard(entry: RecentBoard): void {
  save([entry, ...load().filter((b) => b.id !== entry.id)]);
}

export function forgetBoard(id: string): void {
  save(load().filter((b) => b.id !== id));
}
