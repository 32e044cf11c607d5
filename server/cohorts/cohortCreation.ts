import { ROLES, type Role } from '../../shared/roles';
import { getTemplate } from '../../exercises/registry';
import { boardLinks, prepareBoard, type PreparedBoard } from '../boards/boardLinks';
import { HttpError } from '../http/HttpError';
import type { Storage } from '../storage/Storage';
import type { Cohort, NewCohort } from './cohortStore';
import { hashToken, newBoardId, newToken } from '../runtime/tokens';
import type { CreateCohortBody } from '../../shared/api/cohortRequests';
import { newKeySalt, openTokens, sealingKey, sealTokens } from './sealing';
import { cohortStore } from './cohortStore';
import type { CohortInfo, CreateCohortResponse } from '../../shared/api/cohorts';

/** The trainer's link: the cohort dashboard (client route `/c/<id>`). */
export function cohortLink(origin: string, id: string, token: string): string {
  return `${origin}/c/${id}?token=${token}`;
}

/** The teams of a body: its names, or Team 1 … Team N. */
export function teamNames(body: Pick<CreateCohortBody, 'teams' | 'count'>): string[] {
  return body.teams ?? Array.from({ length: body.count ?? 0 }, (_, i) => `Team ${i + 1}`);
}

/** A board's title in a cohort. */
export function teamBoardTitle(cohortName: string, team: string): string {
  return `${cohortName} · ${team}`;
}

/**
 * Creates a cohort: one board per team from the template (as POST /api/boards makes them), a
 * random trainer token independent of every team token, and the team tokens sealed with a key
 * derived from the trainer token (sealing.ts), all in one storage transaction. Only hashes and
 * sealed values are stored; the plain tokens exist only in the answer's links.
 *
 * Region: the body's, or else each team's name (a cohort is usually one team per region).
 * Sector: the body's, or empty (as for a board). Variant: the body's, or the template's first.
 */
export async function createCohort(storage: Storage, body: CreateCohortBody, origin: string): Promise<CreateCohortResponse> {
  const template = getTemplate(body.template);
  if (!template) throw new HttpError(400, 'unknown_template', `template "${body.template}" does not exist`, 'template');
  const teams = teamNames(body);
  const prepared = teams.map((team) => ({
    team,
    ...prepareBoard({
      template: template.id,
      title: teamBoardTitle(body.name, team),
      region: body.region || team,
      sector: body.sector ?? '',
      variant: body.variant,
    }),
  }));
  const { cohort, trainerToken } = sealCohort(
    { name: body.name, templateId: template.id, variant: prepared[0]?.row.variant ?? null },
    prepared,
  );
  const id = cohort.cohort.id;
  await storage.feature(cohortStore).create(cohort);
  return {
    id,
    links: { trainer: cohortLink(origin, id, trainerToken) },
    boards: prepared.map((p) => ({ team: p.team, id: p.row.id, links: boardLinks(origin, p.row.id, p.tokens) })),
  };
}

/** A team's board, prepared (boards/boardLinks.ts `prepareBoard`), and the team's name. */
export interface PreparedTeam extends PreparedBoard {
  team: string;
}

/**
 * The cohort record as it is stored: a new id, a random trainer token independent of every team
 * token (returned, never stored: only its hash), and each team's tokens sealed with a key derived
 * from the trainer token (sealing.ts). The key is wiped before this returns.
 */
export function sealCohort(
  info: { name: string; templateId: string; variant: string | null },
  teams: PreparedTeam[],
): { cohort: NewCohort; trainerToken: string } {
  const id = newBoardId();
  const trainerToken = newToken();
  const keySalt = newKeySalt();
  const key = sealingKey(trainerToken, keySalt);
  const cohort: NewCohort = {
    cohort: { id, ...info, createdAt: new Date().toISOString() },
    trainerTokenHash: hashToken(trainerToken),
    keySalt,
    boards: teams.map((p) => ({
      team: p.team,
      board: p.row,
      tokens: p.tokenRows,
      initialState: p.state,
      sealedTokens: sealTokens(key, id, p.row.id, p.tokens),
    })),
  };
  key.fill(0);
  return { cohort, trainerToken };
}

/**
 * The cohort as its trainer sees it, with every team's links opened with the trainer token
 * (`authorizeCohort` has checked it). A sealed value that does not open is an internal error; a
 * link whose token is no longer the board's (replaced by its facilitator) is null.
 */
export async function cohortAnswer(storage: Storage, cohort: Cohort, trainerToken: string, origin: string): Promise<CohortInfo> {
  const secrets = await storage.feature(cohortStore).secrets(cohort.id);
  if (!secrets) throw new Error(`cohort ${cohort.id} has no secrets`);
  const sealed = new Map(secrets.boards.map((b) => [b.boardId, b.sealedTokens]));
  const key = sealingKey(trainerToken, secrets.keySalt);
  try {
    return {
      id: cohort.id,
      name: cohort.name,
      templateId: cohort.templateId,
      variant: cohort.variant,
      createdAt: cohort.createdAt,
      links: { trainer: cohortLink(origin, cohort.id, trainerToken) },
      boards: await Promise.all(
        cohort.boards.map(async (b) => {
          const value = sealed.get(b.boardId);
          if (!value) throw new Error(`cohort ${cohort.id}: board ${b.boardId} has no sealed tokens`);
          const tokens = openTokens(key, cohort.id, b.boardId, value);
          const links = boardLinks(origin, b.boardId, tokens) as Record<Role, string | null>;
          // A link the board's own facilitator replaced is no longer the board's (see server/links/rotate.ts).
          for (const role of ROLES) {
            if ((await storage.roleForTokenHash(b.boardId, hashToken(tokens[role]))) !== role) links[role] = null;
          }
          return { team: b.team, id: b.boardId, links };
        }),
      ),
    };
  } finally {
    key.fill(0);
  }
}
