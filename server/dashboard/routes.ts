import { type BoardSummary, type CohortSummaries, DashboardEvent } from '../../shared/api/dashboard';
import { HttpError } from '../http/HttpError';
import { type RequestContext, route } from '../http/router';
import type { Logger } from '../runtime/log';
import type { BoardSummaryCore, SummaryService } from './SummaryService';

/** The part of a cohort the dashboard needs (storage.getCohort's answer). */
export interface DashboardCohort {
  id: string;
  boards: readonly { boardId: string; team: string; position: number }[];
}

export interface DashboardRoutesOptions {
  summaries: SummaryService;
  logger: Logger;
  /** Concurrent live streams per cohort; more are answered 429. */
  maxStreamsPerCohort?: number;
  /** Interval of the `: ping` comments keeping proxies and the browser from timing out (ms). */
  pingMs?: number;
  /** A stream whose unsent data exceeds this is ended (the client reconnects and gets a snapshot). */
  maxBufferedBytes?: number;
}

export const MAX_STREAMS_PER_COHORT = 20;
export const PING_MS = 15_000;
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;


/**
 * The cohort dashboard's endpoints (trainer token):
 *  - `GET /api/cohorts/:id/summaries` → `{ boards: BoardSummary[] }` in team order;
 *  - `GET /api/cohorts/:id/live` → Server-Sent Events: `snapshot` first, then one `summary` per
 *    changed board (SummaryService throttles), `: ping` comments; at most
 *    `maxStreamsPerCohort` streams per cohort at once (429 beyond).
 *
 * Both are trainer routes: the router has opened the cohort (`ctx.access`) with the trainer link.
 */
export function createDashboardRoutes(options: DashboardRoutesOptions) {
  const { summaries, logger } = options;
  const maxStreams = options.maxStreamsPerCohort ?? MAX_STREAMS_PER_COHORT;
  const pingMs = options.pingMs ?? PING_MS;
  const maxBuffered = options.maxBufferedBytes ?? MAX_BUFFERED_BYTES;
  const streams = new Map<string, number>();
  /** How to end each open stream, by cohort (endStreams). */
  const enders = new Map<string, Set<() => void>>();

  const ordered = (cohort: DashboardCohort) => [...cohort.boards].sort((a, b) => a.position - b.position);

  function cohortOf(cohort: DashboardCohort) {
    const boards = ordered(cohort);
    const teamOf = new Map(boards.map((b) => [b.boardId, b.team]));
    const withTeam = (s: BoardSummaryCore): BoardSummary => ({ ...s, team: teamOf.get(s.boardId) ?? '' });
    return { id: cohort.id, boardIds: boards.map((b) => b.boardId), withTeam };
  }

  async function summariesRoute(ctx: RequestContext<DashboardCohort>) {
    const { req, res } = ctx;
    const { boardIds, withTeam } = cohortOf(ctx.access);
    const boards = (await summaries.summaries(boardIds)).map(withTeam);
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ boards } satisfies CohortSummaries));
  }

  async function liveRoute(ctx: RequestContext<DashboardCohort>) {
    const { req, res } = ctx;
    const cohort = cohortOf(ctx.access);
    const open = streams.get(cohort.id) ?? 0;
    if (open >= maxStreams) {
      throw new HttpError(429, 'too_many_streams', `This cohort already has ${maxStreams} live dashboards open; close one and try again.`);
    }
    streams.set(cohort.id, open + 1);
    let closed = false;
    let ping: NodeJS.Timeout | null = null;
    let subscription: { close(): void } | null = null;
    const cleanUp = () => {
      if (closed) return;
      closed = true;
      if (ping) clearInterval(ping);
      subscription?.close();
      const n = (streams.get(cohort.id) ?? 1) - 1;
      if (n <= 0) streams.delete(cohort.id);
      else streams.set(cohort.id, n);
      logger.info('dashboard.stream_close', { cohort: cohort.id });
    };
    const end = () => res.end();
    if (!enders.has(cohort.id)) enders.set(cohort.id, new Set());
    enders.get(cohort.id)!.add(end);
    res.on('close', () => {
      enders.get(cohort.id)?.delete(end);
      if (enders.get(cohort.id)?.size === 0) enders.delete(cohort.id);
    });
    req.on('close', cleanUp);
    res.on('close', cleanUp);
    res.on('error', cleanUp);

    // What this stream last sent per board, so a summary is never sent twice, and the
    // thumbnail it last sent: a `summary` event leaves an unchanged thumbnail out (most edits
    // change a count, not the picture; the SVG is most of a summary's bytes).
    const sent = new Map<string, string>();
    const sentThumbnail = new Map<string, string>();
    let queue: BoardSummaryCore[] | null = [];
    const write = (text: string) => {
      if (closed) return;
      res.write(text);
      if (res.writableLength > maxBuffered) {
        logger.warn('dashboard.stream_slow', { cohort: cohort.id, buffered: res.writableLength });
        res.destroy();
      }
    };
    const send = (s: BoardSummaryCore) => {
      const summary = cohort.withTeam(s);
      const json = JSON.stringify(summary);
      if (sent.get(s.boardId) === json) return;
      sent.set(s.boardId, json);
      const sameThumbnail = sentThumbnail.get(s.boardId) === summary.thumbnail;
      sentThumbnail.set(s.boardId, summary.thumbnail);
      const { thumbnail: _thumbnail, ...withoutThumbnail } = summary;
      write(`event: ${DashboardEvent.Summary}\ndata: ${sameThumbnail ? JSON.stringify(withoutThumbnail) : json}\n\n`);
    };
    try {
      // Subscribe before the snapshot, so nothing changing meanwhile is missed.
      subscription = summaries.subscribe(cohort.boardIds, (s) => (queue ? queue.push(s) : send(s)));
      if (closed) subscription.close();
      const boards = (await summaries.summaries(cohort.boardIds)).map(cohort.withTeam);
      if (closed) return;
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Accel-Buffering': 'no',
        Connection: 'keep-alive',
      });
      res.flushHeaders();
      req.socket.setNoDelay(true);
      req.socket.setTimeout(0);
      for (const b of boards) {
        sent.set(b.boardId, JSON.stringify(b));
        sentThumbnail.set(b.boardId, b.thumbnail);
      }
      write(`retry: 3000\nevent: ${DashboardEvent.Snapshot}\ndata: ${JSON.stringify({ boards })}\n\n`);
      const pending = queue;
      queue = null;
      for (const s of pending) send(s);
      ping = setInterval(() => write(': ping\n\n'), pingMs);
      ping.unref?.();
      logger.info('dashboard.stream_open', { cohort: cohort.id, boards: cohort.boardIds.length });
    } catch (error) {
      cleanUp();
      throw error;
    }
  }

  return {
    /** Number of open live streams of a cohort (tests). */
    openStreams: (cohortId: string) => streams.get(cohortId) ?? 0,
    /** Ends every live stream of a cohort (its trainer link was replaced; a reconnection is refused). */
    endStreams(cohortId: string): void {
      for (const end of [...(enders.get(cohortId) ?? [])]) end();
    },
    routes: [
      route<DashboardCohort>({ method: ['GET', 'HEAD'], pattern: '/api/cohorts/:id/summaries', role: 'trainer', handle: summariesRoute }),
      route<DashboardCohort>({ method: ['GET'], pattern: '/api/cohorts/:id/live', role: 'trainer', handle: liveRoute }),
    ],
  };
}
