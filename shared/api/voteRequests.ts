import { z } from 'zod';
import { VOTE_LIMITS } from '../doc/control';

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

/** POST /api/boards/:id/votes */
export const StartVoteBody = z
  .strictObject({
    stepId: z.string().min(1, 'is required').max(100, 'must be at most 100 characters'),
    perPerson: z.number('must be a number').int('must be a whole number').min(1, 'must be at least 1').max(VOTE_LIMITS.maxPerPerson, `must be at most ${VOTE_LIMITS.maxPerPerson}`),
    perItem: z.number('must be a number').int('must be a whole number').min(1, 'must be at least 1').nullable().optional(),
    /** Display name of the facilitator starting the round (shown to participants). */
    by: text(60).optional(),
  })
  .refine((b) => b.perItem === null || b.perItem === undefined || b.perItem <= b.perPerson, {
    message: 'must be at most perPerson',
    path: ['perItem'],
  });
export type StartVoteBody = z.infer<typeof StartVoteBody>;

/** PUT /api/boards/:id/votes/:roundId/ballots/:voterId: the voter's dots, replacing any earlier ones. */
export const BallotBody = z.strictObject({
  itemIds: z.array(z.string('must hold item ids').min(1, 'must hold item ids').max(200, 'must hold item ids')),
});
