import type { IncomingMessage } from 'node:http';
import type { ExportWorkers } from '../exports/ExportWorkers';
import type { BoardInput } from '../exports/exportJobs';
import { boardInput } from '../exports/boardResults';
import { type AnyRoute, route } from '../http/router';
import { parseOr400 } from '../http/parseBody';
import type { Metrics } from '../ops/metrics';
import type { Relay } from '../sync/Relay';
import type { Logger } from '../runtime/log';
import type { BoardRow, Storage } from '../storage/Storage';
import type { Cohort } from './cohortStore';
import { broadcast } from './broadcast';
import type { RemoteBroadcasts } from './remoteBroadcast';
import { cohortAnswer, createCohort, teamNames } from './cohortCreation';
import { BroadcastBody, CreateCohortBody } from '../../shared/api/cohortRequests';

export interface CohortRoutesOptions {
  storage: Storage;
  relay: Relay;
  logger: Logger;
  exports: ExportWorkers;
  metrics?: Metrics;
  /** Counts `boards` creations against the client's limit; throws 429 when over it. */
  chargeBoards(req: IncomingMessage, boards: number): void;
  /** Broadcasts to the boards other nodes own (distributed mode); without it every board is written here. */
  remoteBroadcasts?: RemoteBroadcasts;
}

/**
 * The cohort endpoints (README, "API"); a cohort's links are replaced through server/links/:
 *   POST /api/cohorts                          create (201)
 *   GET  /api/cohorts/:id?token=               the cohort with every team's links (trainer)
 *   POST /api/cohorts/:id/broadcast?token=     step / timer / banner to every board (trainer)
 *   GET  /api/cohorts/:id/comparison?token=    the teams' results side by side (trainer)
 *   GET  /api/cohorts/:id/export?token=        zip of every board's export + comparison.csv (trainer)
 * Tokens are never logged.
 */
export function cohortRoutes({ storage, relay, logger, exports, metrics, chargeBoards, remoteBroadcasts }: CohortRoutesOptions): AnyRoute[] {
  /** Every team board as bytes, in the cohort's order; the event loop gets a turn between boards. */
  async function boardInputs(cohort: Cohort): Promise<BoardInput[]> {
    const inputs: BoardInput[] = [];
    for (const ref of cohort.boards) {
      inputs.push(await boardInput(relay, storage, await cohortBoardRow(storage, cohort.id, ref.boardId)));
      await new Promise((r) => setImmediate(r));
    }
    return inputs;
  }

  return [
    route({
      method: ['POST'],
      pattern: '/api/cohorts',
      role: 'public',
      async handle(ctx) {
        const body = parseOr400(CreateCohortBody, await ctx.readJson());
        chargeBoards(ctx.req, teamNames(body).length);
        const created = await createCohort(storage, body, ctx.origin);
        logger.info('cohort.create', { cohort: created.id, template: body.template, boards: created.boards.length });
        ctx.json(201, created);
      },
    }),
    // The router accepted the token as the trainer's (role 'trainer').
    route<Cohort>({
      method: ['GET', 'HEAD'],
      pattern: '/api/cohorts/:id',
      role: 'trainer',
      handle: async (ctx) => ctx.json(200, await cohortAnswer(storage, ctx.access, ctx.token!, ctx.origin)),
    }),
    route<Cohort>({
      method: ['POST'],
      pattern: '/api/cohorts/:id/broadcast',
      role: 'trainer',
      async handle(ctx) {
        const cohort = ctx.access;
        const body = parseOr400(BroadcastBody, await ctx.readJson());
        const result = await broadcast(relay, cohort, body, logger, Date.now(), remoteBroadcasts);
        logger.info('cohort.broadcast', {
          cohort: cohort.id,
          step: body.step !== undefined,
          timer: body.timer?.action ?? null,
          banner: body.banner === undefined ? null : body.banner === null ? 'clear' : 'set',
          boards: result.boards,
          failed: result.failed.length,
        });
        ctx.json(200, result);
      },
    }),
    route<Cohort>({
      method: ['GET', 'HEAD'],
      pattern: '/api/cohorts/:id/comparison',
      role: 'trainer',
      async handle(ctx) {
        // Built on an export worker (exports/exportJobs.ts), so a big cohort stalls no connection.
        const out = await exports.run({ type: 'comparison', cohort: ctx.access, boards: await boardInputs(ctx.access) });
        if (out.type !== 'json') throw new Error('unexpected export result');
        ctx.send({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }, out.text);
      },
    }),
    route<Cohort>({
      method: ['GET', 'HEAD'],
      pattern: '/api/cohorts/:id/export',
      role: 'trainer',
      async handle(ctx) {
        const build = async () => {
          const zip = await exports.run({ type: 'cohortZip', cohort: ctx.access, boards: await boardInputs(ctx.access), now: Date.now() });
          if (zip.type !== 'zip') throw new Error('unexpected export result');
          return zip;
        };
        const zip = metrics ? await metrics.timeExport('cohort-zip', build) : await build();
        ctx.send({ 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="${zip.filename}"`, 'Cache-Control': 'no-store' }, zip.body);
      },
    }),
  ];
}

/** A cohort board's row; its absence is an internal error (boards of a cohort are never removed). */
export async function cohortBoardRow(storage: Storage, cohortId: string, boardId: string): Promise<BoardRow> {
  const row = await storage.getBoard(boardId);
  if (!row) throw new Error(`cohort ${cohortId}: board ${boardId} is missing`);
  return row;
}
