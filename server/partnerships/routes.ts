import type { IncomingMessage, ServerResponse } from 'node:http';
import { PartnershipEvent, type PartnershipRole } from '../../shared/partnership';
import type { SummaryService } from '../dashboard/SummaryService';
import { HttpError } from '../http/HttpError';
import { parseOr400 } from '../http/schemas';
import type { Logger } from '../runtime/log';
import type { Relay } from '../relay/Relay';
import type { Storage } from '../storage/Storage';
import { editAction, newAction, scoreSession } from './edits';
import { buildPartnershipExport, partnershipExportSchemaText, renderPartnershipExport } from './export';
import { partnershipAnswer } from './gather';
import { PartnershipLive } from './live';
import { addMeetingBoard, attachBoard, authorizePartnership, createPartnership, roleOnBoard, rotateLink, setMemberRole, type PartnershipAccess } from './partnerships';
import {
  ActionChangesBody,
  AttachBoardBody,
  CreatePartnershipBody,
  NewActionBody,
  NewMeetingBoardBody,
  PARTNERSHIP_EXPORT_FORMATS,
  RubricSessionBody,
  SettingsBody,
} from './schemas';
import type { LinkToken } from './store';

/** What the partnership routes need from the HTTP app (its own helpers, so errors and headers stay the same). */
export interface PartnershipHttpTools {
  readJson(req: IncomingMessage, options?: { emptyIs?: unknown }): Promise<unknown>;
  json(res: ServerResponse, status: number, body: unknown): void;
  allow(req: IncomingMessage, methods: string[]): void;
  /** Origin for links (PUBLIC_URL or the request's host). */
  originOf(req: IncomingMessage): string;
}

export interface PartnershipRoutesOptions {
  storage: Storage;
  relay: Relay;
  summaries: SummaryService;
  logger: Logger;
  /** Closes the sockets opened with board tokens that were just replaced (when the relay can). */
  closeTokens?: (boardId: string, hashes: string[]) => void;
  /** Open live streams per partnership at most (429 beyond). */
  maxStreams?: number;
  pingMs?: number;
}

export const PARTNERSHIPS_PATH = '/api/partnerships';
export const PARTNERSHIP_SCHEMA_PATH = '/api/partnership-export-schema.json';
const MAX_STREAMS = 20;
const PING_MS = 15_000;
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** True for the paths the partnership routes answer. */
export function isPartnershipPath(pathname: string): boolean {
  return pathname === PARTNERSHIPS_PATH || pathname.startsWith(`${PARTNERSHIPS_PATH}/`) || pathname === PARTNERSHIP_SCHEMA_PATH;
}

const ONE = /^\/api\/partnerships\/([^/]+)(?:\/(boards|boards\/attach|settings|export|live|links\/(lead|member)\/rotate))?$/;
const ON_BOARD = /^\/api\/partnerships\/([^/]+)\/boards\/([^/]+)\/(rubric|actions)(?:\/([^/]+))?$/;

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(404, 'not_found', 'Nothing exists at this address.');
  }
}

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
export function createPartnershipRoutes(options: PartnershipRoutesOptions, tools: PartnershipHttpTools) {
  const { storage, relay, summaries, logger } = options;
  const live = new PartnershipLive(relay);
  const streams = new Map<string, number>();
  const maxStreams = options.maxStreams ?? MAX_STREAMS;
  const pingMs = options.pingMs ?? PING_MS;

  const closeRemoved = (removed: LinkToken[]) => {
    if (!options.closeTokens) return;
    const byBoard = new Map<string, string[]>();
    for (const r of removed) byBoard.set(r.boardId, [...(byBoard.get(r.boardId) ?? []), r.hash]);
    for (const [board, hashes] of byBoard) options.closeTokens(board, hashes);
  };

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const { json, allow, readJson } = tools;
    const origin = tools.originOf(req);
    const token = url.searchParams.get('token');
    const { pathname } = url;

    if (pathname === PARTNERSHIP_SCHEMA_PATH) {
      allow(req, ['GET', 'HEAD']);
      res.writeHead(200, { 'Content-Type': 'application/schema+json; charset=utf-8', 'Cache-Control': 'no-cache' });
      return void res.end(req.method === 'HEAD' ? undefined : partnershipExportSchemaText());
    }
    if (pathname === PARTNERSHIPS_PATH) {
      allow(req, ['POST']);
      const body = parseOr400(CreatePartnershipBody, await readJson(req));
      const created = await createPartnership(storage, body, origin);
      logger.info('partnership.create', { partnership: created.id });
      return json(res, 201, created);
    }

    const onBoard = ON_BOARD.exec(pathname);
    if (onBoard) {
      const [, rawId, rawBoard, what, rawAction] = onBoard;
      if (what === 'rubric' && rawAction !== undefined) throw new HttpError(404, 'not_found', `No API endpoint ${pathname}.`);
      allow(req, what === 'actions' && rawAction !== undefined ? ['PATCH'] : ['POST']);
      const access = await authorizePartnership(storage, decode(rawId), token);
      const boardId = decode(rawBoard);
      roleOnBoard(access, boardId, 'editor');
      if (what === 'rubric') {
        const body = parseOr400(RubricSessionBody, await readJson(req));
        await scoreSession(relay, boardId, body);
        logger.info('partnership.rubric', { partnership: access.partnership.id, board: boardId, role: access.role });
        return json(res, 200, { board: boardId, date: body.date });
      }
      if (rawAction === undefined) {
        const body = parseOr400(NewActionBody, await readJson(req));
        const id = await newAction(relay, boardId, body);
        logger.info('partnership.action_add', { partnership: access.partnership.id, board: boardId, role: access.role });
        return json(res, 201, { id, board: boardId });
      }
      const body = parseOr400(ActionChangesBody, await readJson(req));
      await editAction(relay, boardId, decode(rawAction), body);
      logger.info('partnership.action_edit', { partnership: access.partnership.id, board: boardId, role: access.role, fields: Object.keys(body) });
      return json(res, 200, { id: decode(rawAction), board: boardId });
    }

    const one = ONE.exec(pathname);
    if (!one) throw new HttpError(404, 'not_found', `No API endpoint ${pathname}.`);
    const [, rawId, action, rotateWhich] = one;
    const id = decode(rawId);
    switch (action) {
      case undefined: {
        allow(req, ['GET', 'HEAD']);
        const access = await authorizePartnership(storage, id, token);
        return json(res, 200, await partnershipAnswer(relay, storage, summaries, access, origin));
      }
      case 'boards': {
        allow(req, ['POST']);
        const access = await authorizePartnership(storage, id, token);
        const body = parseOr400(NewMeetingBoardBody, await readJson(req));
        const created = await addMeetingBoard(storage, access, body, origin);
        logger.info('partnership.board_add', { partnership: id, board: created.id, template: body.template });
        live.follow(id, [created.id]);
        live.changed(id, []);
        return json(res, 201, created);
      }
      case 'boards/attach': {
        allow(req, ['POST']);
        const access = await authorizePartnership(storage, id, token);
        const body = parseOr400(AttachBoardBody, await readJson(req));
        const attached = await attachBoard(storage, access, body, origin);
        logger.info('partnership.board_attach', { partnership: id, board: attached.id });
        live.follow(id, [attached.id]);
        live.changed(id, []);
        return json(res, 201, attached);
      }
      case 'settings': {
        allow(req, ['POST']);
        const access = await authorizePartnership(storage, id, token);
        const body = parseOr400(SettingsBody, await readJson(req));
        const { memberRole, removed } = await setMemberRole(storage, access, body.memberRole);
        closeRemoved(removed);
        logger.info('partnership.member_role', { partnership: id, memberRole });
        live.changed(id, []);
        return json(res, 200, { memberRole });
      }
      case 'export': {
        allow(req, ['GET', 'HEAD']);
        const access = await authorizePartnership(storage, id, token);
        const format = url.searchParams.get('format');
        if (!(PARTNERSHIP_EXPORT_FORMATS as readonly string[]).includes(format ?? '')) {
          const got = format === null ? 'it is missing' : `got "${format.slice(0, 40)}"`;
          throw new HttpError(400, 'invalid_format', `format must be one of ${PARTNERSHIP_EXPORT_FORMATS.join(', ')}; ${got}`, 'format');
        }
        const doc = buildPartnershipExport(await partnershipAnswer(relay, storage, summaries, access, origin));
        const out = renderPartnershipExport(doc, format as (typeof PARTNERSHIP_EXPORT_FORMATS)[number]);
        const headers: Record<string, string> = {
          'Content-Type': out.contentType,
          'Content-Disposition': `${out.disposition}; filename="${out.filename}"`,
          'Cache-Control': 'no-store',
        };
        if (out.csp) headers['Content-Security-Policy'] = out.csp;
        res.writeHead(200, headers);
        return void res.end(req.method === 'HEAD' ? undefined : out.body);
      }
      case 'live':
        allow(req, ['GET']);
        return liveRoute(req, res, await authorizePartnership(storage, id, token));
      default: {
        // links/(lead|member)/rotate
        allow(req, ['POST']);
        const access = await authorizePartnership(storage, id, token);
        const which = rotateWhich as PartnershipRole;
        const { link, removed } = await rotateLink(storage, access, which, origin);
        closeRemoved(removed);
        logger.info('partnership.link_rotate', { partnership: id, link: which, boardTokens: removed.length });
        live.changed(id, []);
        return json(res, 200, { link });
      }
    }
  }

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

  return { handle, live, openStreams: (id: string) => streams.get(id) ?? 0, close: () => live.close() };
}
