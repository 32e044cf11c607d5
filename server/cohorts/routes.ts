import type { Logger } from '../runtime/log';
import type { Metrics } from '../ops/metrics';
import type { Relay } from '../relay/Relay';
import type { Cohort, Storage } from '../storage/Storage';
import { HttpError } from '../http/HttpError';
import { parseOr400 } from '../http/schemas';
import { authorizeCohort } from './auth';
import { broadcast } from './broadcast';
import { cohortAnswer, createCohort, teamNames } from './cohorts';
import type { ExportWorkers } from '../exports/ExportWorkers';
import type { BoardInput } from '../exports/exportJobs';
import { boardInput } from '../exports/boardResults';
import { cohortBoardRow } from './cohortResults';
import { BroadcastBody, CreateCohortBody } from './schemas';
import { type LinkServices, parseRole, replaceTeamLink, replaceTrainerLink } from '../links/rotate';

/** What the HTTP app hands the cohort routes for one request (its own helpers, so behaviour matches). */
export interface CohortRequest {
  method: string;
  pathname: string;
  /** The `token` query parameter. */
  token: string | null;
  /** Origin for links (PUBLIC_URL or the request's host). */
  origin: string;
  /** Throws 405 unless the method is one of these. */
  allow(methods: string[]): void;
  /** The JSON body (415 / 413 / 400 as for every endpoint). */
  body(): Promise<unknown>;
  /** Counts `boards` creations against the client's limit; throws 429 when over it. */
  chargeBoards(boards: number): void;
  json(status: number, body: unknown): void;
  /** A 200 file download. */
  file(headers: Record<string, string>, body: Uint8Array): void;
}

export const COHORTS_PATH = '/api/cohorts';
/** POST /api/cohorts/:id/links/:role/rotate (trainer) and /api/cohorts/:id/boards/:boardId/links/:role/rotate (a team's). */
const ROTATE_PATH = /^\/api\/cohorts\/([^/]+)(?:\/boards\/([^/]+))?\/links\/([^/]+)\/rotate$/;

function decodeOr404(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(404, 'not_found', 'Nothing exists at this address.');
  }
}

/** True for the paths the cohort routes answer. */
export function isCohortPath(pathname: string): boolean {
  return pathname === COHORTS_PATH || pathname.startsWith(`${COHORTS_PATH}/`);
}

/**
 * The cohort endpoints (README, "API"):
 *   POST /api/cohorts                          create (201)
 *   GET  /api/cohorts/:id?token=               the cohort with every team's links (trainer)
 *   POST /api/cohorts/:id/broadcast?token=     step / timer / banner to every board (trainer)
 *   GET  /api/cohorts/:id/comparison?token=    the teams' results side by side (trainer)
 *   GET  /api/cohorts/:id/export?token=        zip of every board's export + comparison.csv (trainer)
 *   POST /api/cohorts/:id/links/trainer/rotate?token=                  a new trainer link (trainer)
 *   POST /api/cohorts/:id/boards/:boardId/links/:role/rotate?token=    a new link for a team (trainer)
 * Tokens are never logged.
 */
export function createCohortRoutes({
  storage,
  relay,
  logger,
  exports,
  metrics,
  endCohortStreams,
}: {
  storage: Storage;
  relay: Relay;
  logger: Logger;
  exports: ExportWorkers;
  metrics?: Metrics;
  endCohortStreams?: (cohortId: string) => void;
}) {
  const links: LinkServices = { storage, relay, logger, metrics, endCohortStreams };
  /** Every team board as bytes, in the cohort's order; the event loop gets a turn between boards. */
  async function boardInputs(cohort: Cohort): Promise<BoardInput[]> {
    const inputs: BoardInput[] = [];
    for (const ref of cohort.boards) {
      inputs.push(await boardInput(relay, storage, await cohortBoardRow(storage, cohort.id, ref.boardId)));
      await new Promise((r) => setImmediate(r));
    }
    return inputs;
  }

  return async function handle(r: CohortRequest): Promise<void> {
    // Replacing links (server/links/rotate.ts): the trainer link, or a team's link.
    const rotate = ROTATE_PATH.exec(r.pathname);
    if (rotate) {
      r.allow(['POST']);
      const [, rawId, rawBoard, rawRole] = rotate;
      const cohort = await authorizeCohort(storage, decodeOr404(rawId), r.token);
      const trainerToken = r.token!;
      if (rawBoard === undefined) {
        parseRole(decodeOr404(rawRole), ['trainer']);
        return r.json(200, { link: await replaceTrainerLink(links, cohort, trainerToken, r.origin) });
      }
      const role = parseRole(decodeOr404(rawRole));
      return r.json(200, { link: await replaceTeamLink(links, cohort, trainerToken, decodeOr404(rawBoard), role, r.origin) });
    }
    if (r.pathname === COHORTS_PATH) {
      r.allow(['POST']);
      const body = parseOr400(CreateCohortBody, await r.body());
      r.chargeBoards(teamNames(body).length);
      const created = await createCohort(storage, body, r.origin);
      logger.info('cohort.create', { cohort: created.id, template: body.template, boards: created.boards.length });
      return r.json(201, created);
    }
    const match = /^\/api\/cohorts\/([^/]+)(?:\/(broadcast|comparison|export))?$/.exec(r.pathname);
    if (!match) throw new HttpError(404, 'not_found', `No API endpoint ${r.pathname}.`);
    let id: string;
    try {
      id = decodeURIComponent(match[1]);
    } catch {
      throw new HttpError(404, 'cohort_not_found', 'This cohort does not exist.');
    }
    const action = match[2];
    r.allow(action === 'broadcast' ? ['POST'] : ['GET', 'HEAD']);
    const cohort = await authorizeCohort(storage, id, r.token);
    // authorizeCohort has accepted the token, so it is the trainer's.
    const trainerToken = r.token!;
    switch (action) {
      case undefined:
        return r.json(200, await cohortAnswer(storage, cohort, trainerToken, r.origin));
      case 'broadcast': {
        const body = parseOr400(BroadcastBody, await r.body());
        const result = await broadcast(relay, cohort, body, logger);
        logger.info('cohort.broadcast', {
          cohort: cohort.id,
          step: body.step !== undefined,
          timer: body.timer?.action ?? null,
          banner: body.banner === undefined ? null : body.banner === null ? 'clear' : 'set',
          boards: result.boards,
          failed: result.failed.length,
        });
        return r.json(200, result);
      }
      case 'comparison': {
        // Built on an export worker (exports/exportJobs.ts), so a big cohort stalls no connection.
        const out = await exports.run({ type: 'comparison', cohort, boards: await boardInputs(cohort) });
        if (out.type !== 'json') throw new Error('unexpected export result');
        return r.file({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }, Buffer.from(out.text));
      }
      case 'export': {
        const build = async () => {
          const zip = await exports.run({ type: 'cohortZip', cohort, boards: await boardInputs(cohort), now: Date.now() });
          if (zip.type !== 'zip') throw new Error('unexpected export result');
          return zip;
        };
        const zip = metrics ? await metrics.timeExport('cohort-zip', build) : await build();
        return r.file(
          { 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="${zip.filename}"`, 'Cache-Control': 'no-store' },
          zip.body,
        );
      }
    }
  };
}
