import type { BoardAccess } from '../boards/routes';
import { type AnyRoute, route } from '../http/router';
import type { Cohort } from '../cohorts/cohortStore';
import { type LinkServices, parseRole, replaceBoardLink, replaceTeamLink, replaceTrainerLink } from './rotate';

/**
 * "Make a new link" (README "API"); the role's old link is refused from now on:
 *   POST /api/boards/:id/links/:role/rotate?token=                     a board's link (facilitator)
 *   POST /api/cohorts/:id/links/trainer/rotate?token=                  the trainer link (trainer)
 *   POST /api/cohorts/:id/boards/:board/links/:role/rotate?token=    a team's link (trainer)
 */
export function linkRoutes(links: LinkServices): AnyRoute[] {
  return [
    route<BoardAccess>({
      method: ['POST'],
      pattern: '/api/boards/:id/links/:role/rotate',
      role: 'facilitator',
      async handle(ctx) {
        const role = parseRole(ctx.params.role);
        ctx.json(200, { link: await replaceBoardLink(links, ctx.access.board.id, role, ctx.token!, ctx.origin) });
      },
    }),
    route<Cohort>({
      method: ['POST'],
      pattern: '/api/cohorts/:id/links/:role/rotate',
      role: 'trainer',
      async handle(ctx) {
        parseRole(ctx.params.role, ['trainer']);
        ctx.json(200, { link: await replaceTrainerLink(links, ctx.access, ctx.token!, ctx.origin) });
      },
    }),
    route<Cohort>({
      method: ['POST'],
      pattern: '/api/cohorts/:id/boards/:board/links/:role/rotate',
      role: 'trainer',
      async handle(ctx) {
        const role = parseRole(ctx.params.role);
        ctx.json(200, { link: await replaceTeamLink(links, ctx.access, ctx.token!, ctx.params.board, role, ctx.origin) });
      },
    }),
  ];
}
