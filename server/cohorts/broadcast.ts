import { randomBytes } from 'node:crypto';
import type * as Y from 'yjs';
import { CONTROL_MAP, ControlKey, type Banner, type BringRequest, type SessionStep } from '../../shared/doc/control';
import { idleTimer, parseTimer, pause, reset, start, type TimerState } from '../../shared/timer';
import type { TemplateStep } from '../../shared/template';
import { getTemplate } from '../../exercises/registry';
import { HttpError } from '../http/HttpError';
import type { Logger } from '../runtime/log';
import type { Relay } from '../sync/Relay';
import { SERVER_ORIGIN } from '../sync/Room';
import type { Cohort } from './cohortStore';
import type { BroadcastBody } from '../../shared/api/cohortRequests';
import type { BroadcastResponse } from '../../shared/api/cohorts';
import type { RemoteBroadcasts } from './remoteBroadcast';

const MINUTE = 60_000;
/** The timer of a step that has none, as the session bar shows it (its default is 5 minutes). */
const DEFAULT_MINUTES = 5;
/** Shown to participants as who moved the step or set the banner. */
export const TRAINER_NAME = 'Trainer';
/** The leader id of a trainer's bring request (no browser has it, so every view moves). */
export const TRAINER_LEADER_ID = 'trainer';

/** One broadcast, resolved once for every board (same times, same banner id). */
export interface Plan {
  now: number;
  step?: SessionStep & { minutes: number };
  /** Where a board whose facilitators keep "Take everyone there" on sends everyone's view. */
  bring?: BringRequest;
  timer?: BroadcastBody['timer'];
  banner?: Banner | null;
}

/**
 * Writes what a broadcast sets into one board's control document (shared/doc/control.ts layouts, as
 * the facilitator's session bar writes them), in one transaction:
 *  - step: the SessionStep, and the timer reset to idle at the step's minutes; on a board whose
 *    facilitators keep "Take everyone there" on (`takeEveryone` not false), also a bring request
 *    to the step's zone, so everyone's view moves there as when the facilitator moves the step;
 *  - timer: start (running for `minutes`, else resumes a paused timer or starts an idle one at
 *    its duration: the step's minutes, or 5 without a step), pause, reset (idle at `minutes`,
 *    else at the current step's minutes, else at the timer's duration); applied after the step;
 *  - banner: shown to everyone, or null to clear it.
 */
export function applyBroadcast(doc: Y.Doc, plan: Plan, steps: readonly TemplateStep[]): void {
  const map = doc.getMap<unknown>(CONTROL_MAP);
  doc.transact(() => {
    let timer: TimerState | null = parseTimer(map.get(ControlKey.Timer));
    if (plan.step) {
      const { minutes, ...step } = plan.step;
      map.set(ControlKey.Step, step);
      timer = idleTimer(minutes * MINUTE, step.stepId);
      map.set(ControlKey.Timer, timer);
      if (plan.bring && map.get(ControlKey.TakeEveryone) !== false) map.set(ControlKey.Bring, plan.bring);
    }
    if (plan.timer) {
      const currentStepId = plan.step?.stepId ?? stepIdOf(map.get(ControlKey.Step));
      const stepMinutes = steps.find((s) => s.id === currentStepId)?.minutes;
      const base = timer ?? idleTimer((stepMinutes ?? DEFAULT_MINUTES) * MINUTE, currentStepId ?? undefined);
      const { action, minutes } = plan.timer;
      let next: TimerState | null = null;
      if (action === 'start') {
        next = minutes !== undefined ? start(idleTimer(minutes * MINUTE, base.stepId), plan.now) : start(base, plan.now);
      } else if (action === 'pause') {
        // Nothing to pause on a board whose timer never ran.
        next = timer ? pause(timer, plan.now) : null;
      } else {
        next = reset(base, minutes !== undefined ? minutes * MINUTE : stepMinutes !== undefined ? stepMinutes * MINUTE : base.durationMs);
      }
      if (next) map.set(ControlKey.Timer, next);
    }
    if (plan.banner !== undefined) map.set(ControlKey.Banner, plan.banner);
  }, SERVER_ORIGIN);
}

function stepIdOf(value: unknown): string | null {
  return value && typeof value === 'object' && typeof (value as { stepId?: unknown }).stepId === 'string' ? (value as { stepId: string }).stepId : null;
}

/**
 * Broadcasts to every team board of a cohort, through each board's live control room
 * (Relay.withControlDoc, origin SERVER_ORIGIN), all boards at once. Each write stands alone: a
 * board that fails is reported in `failed` and the others are written. 400 (`field: "step"`) for
 * a step that is not in the cohort's template, before anything is written. With `remote` (the
 * distributed mode), the boards another node owns are written by that node (remoteBroadcast.ts).
 */
export async function broadcast(
  relay: Relay,
  cohort: Cohort,
  body: BroadcastBody,
  logger: Logger,
  now = Date.now(),
  remote?: RemoteBroadcasts,
): Promise<BroadcastResponse> {
  const steps = getTemplate(cohort.templateId)?.steps ?? [];
  const plan: Plan = { now };
  if (body.step !== undefined) {
    const index = steps.findIndex((s) => s.id === body.step);
    if (index < 0) throw new HttpError(400, 'unknown_step', `step "${body.step.slice(0, 100)}" is not a step of ${cohort.templateId}`, 'step');
    plan.step = { stepId: steps[index].id, index, changedAt: now, by: TRAINER_NAME, minutes: steps[index].minutes };
    const zone = getTemplate(cohort.templateId)?.zones.find((z) => z.id === steps[index].zoneId);
    if (zone) {
      plan.bring = {
        id: randomBytes(9).toString('base64url'),
        leaderId: TRAINER_LEADER_ID,
        leaderName: TRAINER_NAME,
        bounds: { x: zone.x, y: zone.y, w: zone.w, h: zone.h },
        zoneId: zone.id,
        at: now,
      };
    }
  }
  if (body.timer) plan.timer = body.timer;
  if (body.banner !== undefined) {
    plan.banner = body.banner === null ? null : { id: randomBytes(9).toString('base64url'), text: body.banner, at: now, by: TRAINER_NAME };
  }
  const all = cohort.boards.map((b) => b.boardId);
  const owners = remote ? await Promise.all(all.map((b) => remote.placement.ownerOf(b))) : [];
  const elsewhere = all.filter((_, i) => owners[i] === 'elsewhere');
  const here = all.filter((_, i) => owners[i] !== 'elsewhere');
  const [outcomes, remoteFailed] = await Promise.all([
    Promise.allSettled(here.map((b) => relay.editControlDoc(b, (doc) => applyBroadcast(doc, plan, steps)))),
    remote && elsewhere.length ? remote.send(cohort.templateId, elsewhere, plan) : Promise.resolve([]),
  ]);
  const failedSet = new Set(remoteFailed);
  outcomes.forEach((o, i) => {
    if (o.status === 'rejected') {
      failedSet.add(here[i]);
      logger.warn('cohort.broadcast.failed', { cohort: cohort.id, board: here[i], error: o.reason });
    }
  });
  for (const b of remoteFailed) logger.warn('cohort.broadcast.failed', { cohort: cohort.id, board: b, error: 'its node did not write it' });
  // In the cohort's order.
  const failed = all.filter((b) => failedSet.has(b));
  return { boards: all.length - failed.length, failed };
}
