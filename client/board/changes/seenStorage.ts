import { parseSeenSummary, type SeenSummary } from '../../../shared/doc/changes';
import { SEEN_PREFIX } from '../../lib/offlineCache';

/** The part of `localStorage` used here (a fake in tests). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

function defaultStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** What this browser had seen of a board when the person last left it (`pb.seen.<boardId>`). */
export function readSeen(boardId: string, storage: KeyValueStorage | null = defaultStorage()): SeenSummary | null {
  try {
    const raw = storage?.getItem(SEEN_PREFIX + boardId);
    return raw ? parseSeenSummary(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

/**
 * Stores what the person has seen of a board. When storage is full, the summaries of the boards
 * visited longest ago are dropped (oldest first) until it fits; other keys are never touched.
 * Returns whether it was stored.
 */
export function writeSeen(boardId: string, summary: SeenSummary, storage: KeyValueStorage | null = defaultStorage()): boolean {
  if (!storage) return false;
  const key = SEEN_PREFIX + boardId;
  const text = JSON.stringify(summary);
  for (;;) {
    try {
      storage.setItem(key, text);
      return true;
    } catch {
      const oldest = oldestOtherSummary(storage, key);
      if (!oldest) return false;
      storage.removeItem(oldest);
    }
  }
}

function oldestOtherSummary(storage: KeyValueStorage, except: string): string | null {
  let oldest: { key: string; at: string } | null = null;
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(SEEN_PREFIX) || key === except) continue;
    let at = '';
    try {
      at = parseSeenSummary(JSON.parse(storage.getItem(key) ?? 'null'))?.at ?? '';
    } catch {
      at = '';
    }
    if (!oldest || at < oldest.at) oldest = { key, at };
  }
  return oldest?.key ?? null;
}
