import { atom } from 'tldraw';
import { readJson, writeJson } from '../lib/localSettings';

/**
 * The cohorts this browser runs (created here or opened from a trainer link). Like the boards
 * list, it is kept in this browser only: the server never lists cohorts, and the trainer link is
 * the only way back to a cohort's dashboard.
 */
const RECENT_COHORTS_KEY = 'pb.recentCohorts';
const MAX_RECENT = 50;

export interface RecentCohort {
  id: string;
  name: string;
  /** The trainer link (carries the token). */
  trainerUrl: string;
  /** ISO time the cohort was created. */
  createdAt: string;
  templateTitle?: string;
  teams?: number;
  /** ISO time this browser last opened or created it. */
  lastOpened: string;
}

function isRecentCohort(v: unknown): v is RecentCohort {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return typeof r.id === 'string' && typeof r.name === 'string' && typeof r.trainerUrl === 'string';
}

function sortNewestFirst(list: RecentCohort[]): RecentCohort[] {
  return [...list].sort((a, b) => (b.lastOpened ?? '').localeCompare(a.lastOpened ?? ''));
}

function load(): RecentCohort[] {
  const raw = readJson<unknown>(RECENT_COHORTS_KEY);
  return Array.isArray(raw) ? sortNewestFirst(raw.filter(isRecentCohort)) : [];
}

export const recentCohorts = atom<RecentCohort[]>('recentCohorts', load());

window.addEventListener('storage', (e) => {
  if (e.key === RECENT_COHORTS_KEY || e.key === null) recentCohorts.set(load());
});

function save(list: RecentCohort[]) {
  const sorted = sortNewestFirst(list).slice(0, MAX_RECENT);
  writeJson(RECENT_COHORTS_KEY, sorted);
  recentCohorts.set(sorted);
}

/** Records a cohort created or opened here (one entry per cohort, the latest link wins). */
export function rememberCohort(entry: Omit<RecentCohort, 'lastOpened'>): void {
  save([{ ...entry, lastOpened: new Date().toISOString() }, ...load().filter((c) => c.id !== entry.id)]);
}

/** Puts back an entry exactly as it was (undo of forget). */
export function restoreCohort(entry: RecentCohort): void {
  save([entry, ...load().filter((c) => c.id !== entry.id)]);
}

export function forgetCohort(id: string): void {
  save(load().filter((c) => c.id !== id));
}
