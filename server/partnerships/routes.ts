import type { IncomingMessage, ServerResponse } from 'node:http';
import { PartnershipEvent, type PartnershipRole } from '../../shared/partnership';
import type { SummaryService } from '../dashboard/SummaryService';
import { HttpError } from '../http/HttpError';
import { type AnyRoute, type RequestContext, route } from '../http/router';
import { parseOr400 } from '../http/parseBody';
import type { Logger } from '../runtime/log';
import type { Relay } from '../sync/Relay';
import type { Storage } from '../storage/Storage';
import { editAction, newAction, scoreRubricDate } from './edits';
import { partnershipExportSchemaText } from '../exports/partnershipExport';
import { partnershipAnswer } from './gather';
import { UNREAD_DOC_PART } from '../exports/partnershipParts';
import { docInput } from '../exports/boardResults';
import { runExportJob, type DocInput } from '../exports/exportJobs';
import type { ExportWorkers } from '../exports/ExportWorkers';
import { PartnershipLive } from './live';
import { boardChanged } from '../dashboard/boardChanges';
import type { EventBus } from '../events/EventBus';
import { partnershipChanged } from './partnershipChanged';
import { addMeetingBoard, attachBoard, createPartnership, roleOnBoard, rotateLink, setMemberRole, type PartnershipAccess } from './partnerships';
import {
  ActionChangesBody,
  AttachBoardBody,
  CreatePartnershipBody,
  NewActionBody,
  NewMeetingBoardBody,
  PARTNERSHIP_EXPORT_FORMATS,
  RubricDateBody,
  SettingsBody,
} from '../../shared/api/partnershipRequests';
import type { LinkToken } from './store';

type PartnershipContext = RequestContext<PartnershipAccess>;

export interface PartnershipRoutesOptions {
  storage: Storage;
  relay: Relay;
  summaries: SummaryService;
  logger: Logger;
  /** Closes the sockets opened with board tokens that were just replaced (when the relay can). */
  closeTokens?: (boardId: string, hashes: string[]) => void;
  /** How live pages served by other nodes hear of changes made here, and this node of theirs. */
  events?: EventBus;
  /** Where the export is built (worker threads); without them, on the event loop. */
  exports?: ExportWorkers;
  /** Open live streams per partnership at most (429 beyond). */
  maxStreams?: number;
  pingMs?: number;
}

const MAX_STREAMS = 20;
const PING_MS = 15_000;
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * The partnership endpoints (README, "API"). Tokens travel in the query string (`token=`) or,
 * for a board being attached, in the body; none is ever logged.
 *   POST  /api/partnerships                                   create (201)
 *   GET   /api/partnerships/:id                               the partnership (lead or member)
 *   POST  /api/partnerships/:id/boards                        new meeting board (lead)
 *   POST  /api/partnerships/:id/boards/attach                 an existing board joins (lead + its facilitator token)
 *   POST  /api/partnerships/:id/settings                      the role members have on the boards (lead)
 *   POST  /api/partnerships/:id/links/:lead|member/rotate     replace a link (lead)
 *   POST  /api/partnerships/:id/boards/:board/rubric          score a session on that board
 *   POST  /api/partnerships/:id/boards/:board/actions         add an action to that board
 *   PATCH /api/partnerships/:id/boards/:board/actions/:action change an action on its board
 *   GET   /api/partnerships/:id/export?format=json|csv|html   the partnership export
 *   GET   /api/partnerships/:id/live                          Server-Sent Events: `changed`
 *   GET   /api/partnership-export-schema.json                 the export's JSON Schema
 */
export function createPartnershipRoutes(options: PartnershipRoutesOptions) {
  const { storage, relay, summaries, logger } = options;
  const live = new PartnershipLive();
  // Other nodes: a change to a partnership (boards `added`) made there, or a board document they serve.
  const { events } = options;
  const changed = (id: string, added: string[] = []) => {
    if (added.length) live.follow(id, added);
    live.changed(id, []);
    events?.publish(partnershipChanged, { partnershipId: id, added });
  };
  const detachEvents = events
    ? [
        events.subscribe(partnershipChanged, (c) => {
          live.follow(c.partnershipId, c.added);
          live.changed(c.partnershipId, []);
        }),
        events.subscribe(boardChanged, (c) => {
          if (c.board) live.boardChanged(c.boardId);
        }),
        events.onResync(() => live.changedAll()),
      ]
    : [];
  const streams = new Map<string, number>();
  const maxStreams = options.maxStreams ?? MAX_STREAMS;
  const pingMs = options.pingMs ?? PING_MS;

  const closeRemoved = (removed: LinkToken[]) => {
    if (!options.closeTokens) return;
    const byBoard = new Map<string, string[]>();
    for (const r of removed) byBoard.set(r.boardId, [...(byBoard.get(r.boardId) ?? []), r.hash]);
    for (const [board, hashes] of byBoard) options.closeTokens(board, hashes);
  };

  /** Records an edit made on a partnership's board (rubric session or action). */
  const onBoard = (method: 'POST' | 'PATCH', pattern: string, run: (ctx: PartnershipContext, boardId: string) => Promise<void>) =>
    route<PartnershipAccess>({
      method: [method],
      pattern,
      role: 'partnership',
      async handle(ctx) {
        roleOnBoard(ctx.access, ctx.params.board, 'editor');
        await run(ctx, ctx.params.board);
      },
    });
  /** A lead-or-member route on the partnership itself. */
  const own = (method: readonly string[], pattern: string, handle: (ctx: PartnershipContext) => Promise<void> | void) =>
    route<PartnershipAccess>({ method, pattern: `/api/partnerships/:id${pattern}`, role: 'partnership', handle });

  const routes: AnyRoute[] = [
    route({
      method: ['GET', 'HEAD'],
      pattern: '/api/partnership-export-schema.json',
      role: 'public',
      handle: (ctx) => ctx.send({ 'Content-Type': 'application/schema+json; charset=utf-8', 'Cache-Control': 'no-cache' }, partnershipExportSchemaText()),
    }),
    route({
      method: ['POST'],
      pattern: '/api/partnerships',
      role: 'public',
      async handle(ctx) {
        const body = parseOr400(CreatePartnershipBody, await ctx.readJson());
        const created = await createPartnership(storage, body, ctx.origin);
        logger.info('partnership.create', { partnership: created.id });
        ctx.json(201, created);
      },
    }),
    onBoard('POST', '/api/partnerships/:id/boards/:board/rubric', async (ctx, boardId) => {
      const body = parseOr400(RubricDateBody, await ctx.readJson());
      await scoreRubricDate(relay, boardId, body);
      logger.info('partnership.rubric', { partnership: ctx.access.partnership.id, board: boardId, role: ctx.access.role });
      ctx.json(200, { board: boardId, date: body.date });
    }),
    onBoard('POST', '/api/partnerships/:id/boards/:board/actions', async (ctx, boardId) => {
      const body = parseOr400(NewActionBody, await ctx.readJson());
      const id = await newAction(relay, boardId, body);
      logger.info('partnership.action_add', { partnership: ctx.access.partnership.id, board: boardId, role: ctx.access.role });
      ctx.json(201, { id, board: boardId });
    }),
    onBoard('PATCH', '/api/partnerships/:id/boards/:board/actions/:action', async (ctx, boardId) => {
      const body = parseOr400(ActionChangesBody, await ctx.readJson());
      await editAction(relay, boardId, ctx.params.action, body);
      logger.info('partnership.action_edit', { partnership: ctx.access.partnership.id, board: boardId, role: ctx.access.role, fields: Object.keys(body) });
      ctx.json(200, { id: ctx.params.action, board: boardId });
    }),
    own(['GET', 'HEAD'], '', async (ctx) => ctx.json(200, await partnershipAnswer(relay, storage, summaries, ctx.access, ctx.origin))),
    own(['POST'], '/boards', async (ctx) => {
      const id = ctx.access.partnership.id;
      const body = parseOr400(NewMeetingBoardBody, await ctx.readJson());
      const created = await addMeetingBoard(storage, ctx.access, body, ctx.origin);
      logger.info('partnership.board_add', { partnership: id, board: created.id, template: body.template });
      changed(id, [created.id]);
      ctx.json(201, created);
    }),
    own(['POST'], '/boards/attach', async (ctx) => {
      const id = ctx.access.partnership.id;
      const body = parseOr400(AttachBoardBody, await ctx.readJson());
      const attached = await attachBoard(storage, ctx.access, body, ctx.origin);
      logger.info('partnership.board_attach', { partnership: id, board: attached.id });
      changed(id, [attached.id]);
      ctx.json(201, attached);
    }),
    own(['POST'], '/settings', async (ctx) => {
      const id = ctx.access.partnership.id;
      const body = parseOr400(SettingsBody, await ctx.readJson());
      const { memberRole, removed } = await setMemberRole(storage, ctx.access, body.memberRole);
      closeRemoved(removed);
      logger.info('partnership.member_role', { partnership: id, memberRole });
      changed(id);
      ctx.json(200, { memberRole });
    }),
    own(['GET', 'HEAD'], '/export', async (ctx) => {
      const format = ctx.url.searchParams.get('format');
      if (!(PARTNERSHIP_EXPORT_FORMATS as readonly string[]).includes(format ?? '')) {
        const got = format === null ? 'it is missing' : `got "${format.slice(0, 40)}"`;
        throw new HttpError(400, 'invalid_format', `format must be one of ${PARTNERSHIP_EXPORT_FORMATS.join(', ')}; ${got}`, 'format');
      }
      // The documents go to an export worker as bytes, read and rendered there (off the event loop).
      const docs: { boardId: string; doc: DocInput }[] = [];
      const answer = await partnershipAnswer(relay, storage, summaries, ctx.access, ctx.origin, {
        readPart: async (boardId) => {
          docs.push({ boardId, doc: await docInput(relay, storage, boardId) });
          return UNREAD_DOC_PART;
        },
        thumbnails: false,
      });
      const job = { type: 'partnershipExport', answer, docs, format: format as (typeof PARTNERSHIP_EXPORT_FORMATS)[number], now: Date.now() } as const;
      const out = await (options.exports ? options.exports.run(job) : Promise.resolve(runExportJob(job)));
      if (out.type !== 'rendered') throw new Error(`a partnership export job answered ${out.type}`);
      ctx.sendRendered(out.rendered);
    }),
    own(['GET'], '/live', (ctx) => liveRoute(ctx.req, ctx.res, ctx.access)),
    ...(['lead', 'member'] as const).map((which: PartnershipRole) =>
      own(['POST'], `/links/${which}/rotate`, async (ctx) => {
        const id = ctx.access.partnership.id;
        const { link, removed } = await rotateLink(storage, ctx.access, which, ctx.origin);
        closeRemoved(removed);
        logger.info('partnership.link_rotate', { partnership: id, link: which, boardTokens: removed.length });
        changed(id);
        ctx.json(200, { link });
      }),
    ),
  ];

  /** `changed` events (`{ boards }`) whenever a board of the partnership or the partnership itself changes; pings every 15 s. */
  function liveRoute(req: IncomingMessage, res: ServerResponse, access: PartnershipAccess): void {
    const id = access.partnership.id;
    const open = streams.get(id) ?? 0;
    if (open >= maxStreams) throw new HttpError(429, 'too_many_streams', `This partnership already has ${maxStreams} live pages open; close one and try again.`);
    streams.set(id, open + 1);
    let closed = false;
    const write = (text: string) => {
      if (closed) return;
      res.write(text);
      if (res.writableLength > MAX_BUFFERED_BYTES) res.destroy();
    };
    const unsubscribe = live.subscribe(
      id,
      access.partnership.boards.map((b) => b.boardId),
      (boards) => write(`event: ${PartnershipEvent.Changed}\ndata: ${JSON.stringify({ boards })}\n\n`),
    );
    const ping = setInterval(() => write(': ping\n\n'), pingMs);
    ping.unref?.();
    const cleanUp = () => {
      if (closed) return;
      closed = true;
      clearInterval(ping);
      unsubscribe();
      const n = (streams.get(id) ?? 1) - 1;
      if (n <= 0) streams.delete(id);
      else streams.set(id, n);
    };
    req.on('close', cleanUp);
    res.on('close', cleanUp);
    res.on('error', cleanUp);
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no', Connection: 'keep-alive' });
    res.flushHeaders();
    req.socket.setNoDelay(true);
    req.socket.setTimeout(0);
    // A first event, so the page knows the stream is open (and reads the partnership once more).
    write(`retry: 3000\nevent: ${PartnershipEvent.Changed}\ndata: ${JSON.stringify({ boards: [] })}\n\n`);
  }

  return { routes, live, roomExtension: live.roomExtension, openStreams: (id: string) => streams.get(id) ?? 0, close: () => {
      for (const detach of detachEvents) detach();
      live.close();
    },
  };
}
