import { useEffect, useState, type RefObject } from 'react';
import { getSummaries } from '../cohort/cohortApi';
import { ApiError, getBoard } from '../lib/api';

/**
 * Last activity of the boards and cohorts the home page lists, fetched lazily: only for entries
 * scrolled into view, at most two requests at a time, once per page load. A board's comes from
 * `GET /api/boards/<id>` (`lastActivity`); a cohort's is the newest of its boards', from one
 * `GET /api/cohorts/<id>/summaries`.
 */
export type Activity =
  | { kind: 'loading' }
  | { kind: 'ok'; lastActivity: string | null }
  /** The link no longer opens it: unknown board or cohort, or a refused token. */
  | { kind: 'gone'; message: string }
  | { kind: 'unknown' };

const cache = new Map<string, Promise<Activity>>();
const MAX_IN_FLIGHT = 2;
let inFlight = 0;
const waiting: (() => void)[] = [];

async function limited<T>(task: () => Promise<T>): Promise<T> {
  if (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
  inFlight++;
  try {
    return await task();
  } finally {
    inFlight--;
    waiting.shift()?.();
  }
}

function tokenOf(link: string): string | null {
  try {
    return new URL(link, window.location.origin).searchParams.get('token');
  } catch {
    return null;
  }
}

function gone(e: unknown, what: 'board' | 'cohort'): Activity {
  if (e instanceof ApiError && e.status === 404) return { kind: 'gone', message: `This ${what} no longer exists.` };
  if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return { kind: 'gone', message: 'This link no longer works.' };
  return { kind: 'unknown' };
}

export function newestOf(times: readonly (string | null)[]): string | null {
  let best: string | null = null;
  let bestT = Number.NEGATIVE_INFINITY;
  for (const iso of times) {
    const t = iso ? Date.parse(iso) : Number.NaN;
    if (!Number.isNaN(t) && t > bestT) [best, bestT] = [iso, t];
  }
  return best;
}

function fetchActivity(kind: 'board' | 'cohort', id: string, link: string): Promise<Activity> {
  const key = `${kind}:${id}`;
  let p = cache.get(key);
  if (!p) {
    const token = tokenOf(link);
    p = !token
      ? Promise.resolve<Activity>({ kind: 'unknown' })
      : limited(async () => {
          try {
            if (kind === 'board') return { kind: 'ok', lastActivity: (await getBoard(id, token)).lastActivity ?? null } as Activity;
            const boards = await getSummaries(id, token);
            return { kind: 'ok', lastActivity: newestOf(boards.map((b) => b.lastActivity)) } as Activity;
          } catch (e) {
            cache.delete(key); // a later look may succeed
            return gone(e, kind);
          }
        });
    cache.set(key, p);
  }
  return p;
}

/** The entry's last activity once `ref` has been on screen. */
export function useLastActivity(kind: 'board' | 'cohort', id: string, link: string, ref: RefObject<Element | null>): Activity {
  const [activity, setActivity] = useState<Activity>({ kind: 'loading' });
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    // The entry's row, not the (empty, hidden) text itself: a hidden element never intersects.
    const el = ref.current?.closest('li') ?? ref.current;
    if (!el || seen) return;
    if (typeof IntersectionObserver === 'undefined') return setSeen(true);
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setSeen(true);
        io.disconnect();
      }
    });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, seen]);
  useEffect(() => {
    if (!seen) return;
    let live = true;
    void fetchActivity(kind, id, link).then((a) => live && setActivity(a));
    return () => {
      live = false;
    };
  }, [seen, kind, id, link]);
  return activity;
}
