import type { BoardInfo } from './api';
import { readJson, writeJson } from './localSettings';

/**
 * The browser's offline copy of boards:
 *  - each opened board's Y.Doc in IndexedDB (`pb-board-<id>`, y-indexeddb, with the snapshot of
 *    what the server has confirmed under the `confirmed` key of its custom store) and its control
 *    document (`pb-control-<id>`); see client/board/sync/localCopy.ts;
 *  - the board's info from `GET /api/boards/:id` in localStorage (`pb.boardInfo.<id>`), so the
 *    board opens from the local copy when the API cannot be reached. It stores a hash of the
 *    link's token, never the token: the cached info (role included) is only used for the link
 *    it was fetched with.
 * The home page calls clearBoardCache when a board is forgotten.
 */

const BOARD_INFO_PREFIX = 'pb.boardInfo.';
/** What a person has seen of a board, for "since your last visit" (board/changes/seenStorage.ts). */
export const SEEN_PREFIX = 'pb.seen.';

export function boardDbName(boardId: string): string {
  return `pb-board-${boardId}`;
}

export function controlDbName(boardId: string): string {
  return `pb-control-${boardId}`;
}

interface CachedInfo {
  info: BoardInfo;
  /** tokenHash(token) of the link the info was fetched with. */
  token: string;
  /** When it was fetched (ISO). */
  at: string;
}

/**
 * A short one-way digest of a link's token (two FNV-1a variants, 64 bits): enough to tell links
 * apart, useless to rebuild one. Synchronous, so it works on plain-http deployments too (no
 * SubtleCrypto there).
 */
export function tokenHash(token: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ token.length;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}

function isBoardInfo(v: unknown): v is BoardInfo {
  if (!v || typeof v !== 'object') return false;
  const i = v as Record<string, unknown>;
  return (
    typeof i.id === 'string' &&
    typeof i.title === 'string' &&
    typeof i.templateId === 'string' &&
    typeof i.templateVersion === 'number' &&
    (i.role === 'viewer' || i.role === 'editor' || i.role === 'facilitator')
  );
}

/** Remembers a board's info as the API gave it for this link. */
export function cacheBoardInfo(info: BoardInfo, token: string): void {
  const entry: CachedInfo = { info, token: tokenHash(token), at: new Date().toISOString() };
  writeJson(BOARD_INFO_PREFIX + info.id, entry);
}

/** The info cached for this board and link, or null (none, another link, or junk). */
export function cachedBoardInfo(boardId: string, token: string): BoardInfo | null {
  const entry = readJson<Partial<CachedInfo>>(BOARD_INFO_PREFIX + boardId);
  if (!entry || entry.token !== tokenHash(token) || !isBoardInfo(entry.info) || entry.info.id !== boardId) return null;
  return entry.info;
}

/**
 * Whether this browser holds a copy of the board. Asks IndexedDB for its databases where it can;
 * a browser that cannot list them is assumed to have one (the board then waits for the server
 * if its copy turns out empty).
 */
export async function hasLocalCopy(boardId: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  if (typeof indexedDB.databases !== 'function') return true;
  try {
    const dbs = await indexedDB.databases();
    return dbs.some((d) => d.name === boardDbName(boardId));
  } catch {
    return true;
  }
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve();
    try {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = () => resolve();
      req.onerror = () => resolve();
      // Another tab still has the board open: the deletion completes when it closes.
      req.onblocked = () => resolve();
    } catch {
      resolve();
    }
  });
}

/** Forgets everything this browser keeps about a board: its local copies, info and seen summary. */
export async function clearBoardCache(boardId: string): Promise<void> {
  try {
    localStorage.removeItem(BOARD_INFO_PREFIX + boardId);
    localStorage.removeItem(SEEN_PREFIX + boardId);
  } catch {
    // Storage unavailable: nothing kept there.
  }
  await Promise.all([deleteDatabase(boardDbName(boardId)), deleteDatabase(controlDbName(boardId))]);
}
