import { z } from 'zod';
import { BANNER_MAX_LENGTH } from '../doc/control';
import { COHORT_LIMITS, FIELD_MAX_LENGTH } from './limits';

/** Limits of a cohort (POST /api/cohorts). */

// Names end up in titles, file names inside the export zip and CSV cells: no control characters.
const CONTROL_CHARACTERS = /\p{Cc}/u;
const cleanText = (max: number, empty: string) =>
  z
    .string('must be text')
    .trim()
    .min(1, empty)
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL_CHARACTERS.test(s), 'must not contain control characters');

/** POST /api/cohorts: `teams` (names) or `count` (Team 1 … Team N), not both. */
export const CreateCohortBody = z
  .strictObject({
    name: cleanText(COHORT_LIMITS.maxName, 'is required'),
    template: z.string('must be a template id').min(1, 'is required'),
    variant: z.string('must be a variant id').min(1, 'must not be empty').max(60, 'must be at most 60 characters').optional(),
    region: cleanText(COHORT_LIMITS.maxRegion, 'must not be empty').optional(),
    sector: z.string('must be text').trim().max(FIELD_MAX_LENGTH, `must be at most ${FIELD_MAX_LENGTH} characters`).refine((s) => !CONTROL_CHARACTERS.test(s), 'must not contain control characters').optional(),
    teams: z
      .array(cleanText(COHORT_LIMITS.maxTeamName, 'must not be empty'), 'must be a list of team names')
      .min(1, 'must name at least one team')
      .max(COHORT_LIMITS.maxTeams, `must name at most ${COHORT_LIMITS.maxTeams} teams`)
      .optional(),
    count: z
      .number('must be a number')
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(COHORT_LIMITS.maxTeams, `must be at most ${COHORT_LIMITS.maxTeams}`)
      .optional(),
  })
  .superRefine((b, ctx) => {
    if (b.teams !== undefined && b.count !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['count'], message: 'cannot be given with teams; give one of them' });
    } else if (b.teams === undefined && b.count === undefined) {
      ctx.addIssue({ code: 'custom', path: ['teams'], message: 'is required (or give count)' });
    }
    // Unique, ignoring case: two teams called "North" and "north" could not be told apart.
    const seen = new Set<string>();
    b.teams?.forEach((team, i) => {
      const key = team.toLocaleLowerCase('en');
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['teams', i], message: `repeats the team name "${team}"` });
      seen.add(key);
    });
  });
export type CreateCohortBody = z.infer<typeof CreateCohortBody>;
export type CreateCohortRequest = z.input<typeof CreateCohortBody>;

export const TIMER_ACTIONS = ['start', 'pause', 'reset'] as const;

/** POST /api/cohorts/:id/broadcast: at least one of step, timer, banner. */
export const BroadcastBody = z
  .strictObject({
    step: z.string('must be a step id').min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
    timer: z
      .strictObject(
        {
          action: z.enum(TIMER_ACTIONS, `must be one of ${TIMER_ACTIONS.join(', ')}`),
          minutes: z
            .number('must be a number')
            .int('must be a whole number')
            .min(1, 'must be at least 1')
            .max(COHORT_LIMITS.maxMinutes, `must be at most ${COHORT_LIMITS.maxMinutes}`)
            .optional(),
        },
        'must be an object { action, minutes? }',
      )
      .refine((t) => t.minutes === undefined || t.action !== 'pause', { message: 'applies to start and reset only', path: ['minutes'] })
      .optional(),
    banner: z
      .string('must be text or null')
      .trim()
      .min(1, 'must not be empty (send null to clear it)')
      .max(BANNER_MAX_LENGTH, `must be at most ${BANNER_MAX_LENGTH} characters`)
      .nullable()
      .optional(),
  })
  .refine((b) => b.step !== undefined || b.timer !== undefined || b.banner !== undefined, {
    message: 'give at least one of step, timer or banner',
  });
export type BroadcastBody = z.infer<typeof BroadcastBody>;
export type BroadcastRequest = z.input<typeof BroadcastBody>;
