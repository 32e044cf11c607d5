import { readJson, writeJson } from '../lib/localSettings';

/**
 * The partnerships this browser has opened, newest first, with the link it opened them with (the
 * lead link when created here). Kept in this browser only: the server never lists partnerships.
 */
const RECENT_PARTNERSHIPS_KEY = 'pb.recentPartnerships';
const MAX_RECENT = 50;

export interface RecentPartnership {
  id: string;
  name: string;
  role: 'lead' | 'member';
  /** The partnership link (carries the token). */
  url: string;
  lastOpened: string;
}

function isRecent(v: unknown): v is RecentPartnership {
  const r = v as Record<string, unknown> | null;
  return !!r && typeof r === 'object' && typeof r.id === 'string' && typeof r.name === 'string' && typeof r.url === 'string' && (r.role === 'lead' || r.role === 'member');
}

export function recentPartnerships(): RecentPartnership[] {
  const raw = readJson<unknown>(RECENT_PARTNERSHIPS_KEY);
  return Array.isArray(raw) ? raw.filter(isRecent).sort((a, b) => b.lastOpened.localeCompare(a.lastOpened)) : [];
}

/** Records an opened partnership; a lead link is never replaced by a member link of the same partnership. */
export function rememberPartnership(entry: Omit<RecentPartnership, 'lastOpened'>): void {
  const list = recentPartnerships();
  const known = list.find((p) => p.id === entry.id);
  const kept = known && known.role === 'lead' && entry.role === 'member' ? { ...known, name: entry.name } : entry;
  writeJson(RECENT_PARTNERSHIPS_KEY, [{ ...kept, lastOpened: new Date().toISOString() }, ...list.filter((p) => p.id !== entry.id)].slice(0, MAX_RECENT));
}

export function forgetPartnership(id: string): void {
  writeJson(
    RECENT_PARTNERSHIPS_KEY,
    recentPartnerships().filter((p) => p.id !== id),
  );
}
