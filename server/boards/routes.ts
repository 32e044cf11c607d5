import type { IncomingMessage } from 'node:http';
import type { TemplateListing } from '../../shared/api/boards';
import type { ExerciseTemplate } from '../../shared/template';
import { TEMPLATES } from '../../exercises/registry';
import { type AnyRoute, type BoardAccessOf, route } from '../http/router';
import { parseOr400 } from '../http/parseBody';
import type { Logger } from '../runtime/log';
import { hashToken, newToken } from '../runtime/tokens';
import type { BoardRow, Storage } from '../storage/Storage';
import { boardLink, createBoard } from './boardLinks';
import { CreateBoardBody, InviteBody } from '../../shared/api/boardRequests';

export type BoardAccess = BoardAccessOf<BoardRow>;

export interface BoardRoutesOptions {
  storage: Storage;
  logger: Logger;
  /** Counts `boards` creations against the client's limit; throws 429 when over it. */
  chargeBoards(req: IncomingMessage, boards: number): void;
  /** The board's last client write (the cohort dashboard's), or null. */
  lastActivity(boardId: string): Promise<string | null>;
}

/**
 * The boards themselves (README "API"):
 *   GET  /api/templates                     the exercises a board can start from
 *   POST /api/boards                        create (201) with its three links
 *   GET  /api/boards/:id?token=             the board, the token's role and its last activity
 *   POST /api/boards/:id/invites?token=     a co-facilitator's link (facilitator)
 */
export function boardRoutes({ storage, logger, chargeBoards, lastActivity }: BoardRoutesOptions): AnyRoute[] {
  return [
    route({ method: ['GET', 'HEAD'], pattern: '/api/templates', role: 'public', handle: (ctx) => ctx.json(200, TEMPLATES.map(describeTemplate)) }),
    route({
      method: ['POST'],
      pattern: '/api/boards',
      role: 'public',
      async handle(ctx) {
        const body = parseOr400(CreateBoardBody, await ctx.readJson());
        chargeBoards(ctx.req, 1);
        const created = await createBoard(storage, body, ctx.origin);
        logger.info('board.create', { board: created.id, template: body.template });
        ctx.json(201, created);
      },
    }),
    route<BoardAccess>({
      method: ['GET', 'HEAD'],
      pattern: '/api/boards/:id',
      role: 'viewer',
      async handle(ctx) {
        const { board, role } = ctx.access;
        ctx.json(200, { ...board, variant: board.variant ?? undefined, role, lastActivity: await lastActivity(board.id) });
      },
    }),
    route<BoardAccess>({
      method: ['POST'],
      pattern: '/api/boards/:id/invites',
      role: 'facilitator',
      async handle(ctx) {
        const { board } = ctx.access;
        const body = parseOr400(InviteBody, await ctx.readJson({ emptyIs: {} }));
        // A co-facilitator's link: a new facilitator token, stored hashed like every other.
        const token = newToken();
        await storage.addToken(board.id, { role: 'facilitator', hash: hashToken(token), label: body.name || null });
        logger.info('board.invite', { board: board.id, role: 'facilitator', named: Boolean(body.name) });
        ctx.json(201, { link: boardLink(ctx.origin, board.id, token) });
      },
    }),
  ];
}

/** The public listing of a template (GET /api/templates). */
function describeTemplate(t: ExerciseTemplate): TemplateListing {
  return {
    id: t.id,
    title: t.title,
    purpose: t.purpose,
    version: t.version,
    variants: t.variants ?? [],
    steps: t.steps.map(({ id, title, prompt, minutes, zoneId }) => ({ id, title, prompt, minutes, zoneId })),
  };
}
