import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../lib/api';
import { getSummaries, liveUrl, parseSummaries, parseSummary, type BoardSummary } from './cohortApi';
import { updateWorkingSince } from './stuck';

/**
 * The cohort's boards, live, from `GET /api/cohorts/<id>/live` (Server-Sent Events):
 *
 * The server first sends `snapshot` (every board's summary), then one `summary` per board that
 * changes. The browser's EventSource reconnects by itself after a dropped connection, and every
 * new connection starts with a fresh snapshot, so nothing missed in between is lost. When the
 * stream cannot be opened at all (the answer was not an event stream: server restarting, a proxy
 * in the way) the EventSource gives up; then this hook opens a new one after a growing pause
 * (1 s … 30 s, at once when the browser comes back online) and meanwhile reads
 * `GET /summaries` every 20 s, so the tiles keep moving even without the stream. When that read
 * is refused (401: the trainer link was replaced), everything stops with status `refused`.
 */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'refused';

export interface CohortLive {
  status: LiveStatus;
  /** Summaries by board id; empty until the first snapshot. */
  boards: ReadonlyMap<string, BoardSummary>;
  /** True once some summary arrived (stream or poll). */
  loaded: boolean;
  /** Board id → server time this dashboard saw the board start working (see stuck.ts). */
  workingSince: ReadonlyMap<string, number>;
}

const POLL_MS = 20_000;
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

export function useCohortLive(cohortId: string, token: string, enabled: boolean, serverNow: () => number): CohortLive {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [boards, setBoards] = useState<ReadonlyMap<string, BoardSummary>>(new Map());
  const [loaded, setLoaded] = useState(false);
  const [workingSince, setWorkingSince] = useState<ReadonlyMap<string, number>>(new Map());
  const nowRef = useRef(serverNow);
  nowRef.current = serverNow;

  useEffect(() => {
    if (!enabled) return;
    let disposed = false;
    let es: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let poll: ReturnType<typeof setInterval> | null = null;
    let failures = 0;
    /** The stream delivered its snapshot and has not failed since. */
    let live = false;

    const apply = (update: (prev: ReadonlyMap<string, BoardSummary>) => ReadonlyMap<string, BoardSummary>) => {
      setBoards(update);
      setLoaded(true);
    };
    const replaceAll = (list: BoardSummary[]) => apply(() => new Map(list.map((b) => [b.boardId, b])));

    const stopPolling = () => {
      if (poll) clearInterval(poll);
      poll = null;
    };
    const pollOnce = () =>
      void getSummaries(cohortId, token)
        .then((list) => !disposed && !live && replaceAll(list))
        .catch((e) => {
          if (disposed || !(e instanceof ApiError) || e.status !== 401) return;
          // The trainer link no longer works (replaced): stop trying.
          disposed = true;
          if (retry) clearTimeout(retry);
          stopPolling();
          es?.close();
          setStatus('refused');
        });
    const startPolling = () => {
      if (poll) return;
      pollOnce();
      poll = setInterval(pollOnce, POLL_MS);
    };

    const open = () => {
      if (disposed) return;
      retry = null;
      es = new EventSource(liveUrl(cohortId, token));
      es.addEventListener('snapshot', (e) => {
        try {
          replaceAll(parseSummaries((JSON.parse((e as MessageEvent).data) as { boards?: unknown })?.boards));
        } catch {
          return;
        }
        failures = 0;
        live = true;
        stopPolling();
        setStatus('live');
      });
      es.addEventListener('summary', (e) => {
        let s: BoardSummary | null = null;
        let hasThumbnail = false;
        try {
          const raw = JSON.parse((e as MessageEvent).data);
          hasThumbnail = typeof raw?.thumbnail === 'string';
          s = parseSummary(raw);
        } catch {
          return;
        }
        if (s) {
          const summary = s;
          // The server leaves an unchanged thumbnail out of `summary` events: keep the last one.
          apply((prev) => {
            const before = prev.get(summary.boardId);
            const next = hasThumbnail || !before ? summary : { ...summary, thumbnail: before.thumbnail };
            return new Map(prev).set(summary.boardId, next);
          });
        }
      });
      es.onerror = () => {
        if (disposed || !es) return;
        live = false;
        setStatus((s) => (s === 'connecting' ? 'connecting' : 'reconnecting'));
        if (es.readyState === EventSource.CLOSED) {
          // The browser gave up on this one: try again ourselves, and poll meanwhile.
          es = null;
          setStatus('reconnecting');
          startPolling();
          retry = setTimeout(open, BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)]);
        }
      };
    };

    const online = () => {
      if (es || disposed) return;
      if (retry) clearTimeout(retry);
      open();
    };
    window.addEventListener('online', online);
    open();
    return () => {
      disposed = true;
      window.removeEventListener('online', online);
      if (retry) clearTimeout(retry);
      stopPolling();
      es?.close();
    };
  }, [cohortId, token, enabled]);

  useEffect(() => {
    setWorkingSince((prev) => updateWorkingSince(prev, [...boards.values()], nowRef.current()));
  }, [boards]);

  return { status, boards, loaded, workingSince };
}
