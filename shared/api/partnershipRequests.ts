import { z } from 'zod';
import { ACTION_STATUSES, type ActionStatus } from '../actionPlan';
import { MEMBER_ROLES } from '../partnership';
import { RUBRIC_DIMENSION_IDS } from '../rubric';
import { isCalendarDate, MAX_RATIONALE } from '../doc/rubricDoc';
import { FIELD_MAX_LENGTH } from './limits';

// Names end up in titles, CSV cells and reports: no control characters.
const CONTROL_CHARACTERS = /\p{Cc}/u;
const cleanText = (max: number) =>
  z
    .string('must be text')
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL_CHARACTERS.test(s), 'must not contain control characters');
const required = (max: number) => cleanText(max).refine((s) => s.length > 0, 'is required');
const date = z.string('must be a date written YYYY-MM-DD').refine(isCalendarDate, 'must be a calendar date written YYYY-MM-DD');
const boardId = z.string('must be a board id').regex(/^[A-Za-z0-9_-]{16}$/, 'must be a board id');

/** POST /api/partnerships */
export const CreatePartnershipBody = z.strictObject({
  name: required(FIELD_MAX_LENGTH),
  region: required(FIELD_MAX_LENGTH),
  sector: required(FIELD_MAX_LENGTH),
  memberRole: z.enum(MEMBER_ROLES, `must be one of ${MEMBER_ROLES.join(', ')}`).optional(),
});
export type CreatePartnershipBody = z.infer<typeof CreatePartnershipBody>;
export type CreatePartnershipRequest = z.input<typeof CreatePartnershipBody>;

/** POST /api/partnerships/:id/boards */
export const NewMeetingBoardBody = z.strictObject({
  template: z.string('must be a template id').min(1, 'is required'),
  title: required(FIELD_MAX_LENGTH),
  variant: z.string('must be a variant id').min(1, 'must not be empty').max(60, 'must be at most 60 characters').optional(),
  meetingDate: date.optional(),
});
export type NewMeetingBoardBody = z.infer<typeof NewMeetingBoardBody>;
export type NewMeetingBoardRequest = z.input<typeof NewMeetingBoardBody>;

/** POST /api/partnerships/:id/boards/attach */
export const AttachBoardBody = z.strictObject({
  board: boardId,
  token: z.string('must be the board’s facilitator token').min(1, 'is required').max(200, 'must be at most 200 characters'),
  meetingDate: date.optional(),
});
export type AttachBoardBody = z.infer<typeof AttachBoardBody>;
export type AttachBoardRequest = z.input<typeof AttachBoardBody>;

/** POST /api/partnerships/:id/settings */
export const SettingsBody = z.strictObject({
  memberRole: z.enum(MEMBER_ROLES, `must be one of ${MEMBER_ROLES.join(', ')}`),
});

const STATUS_VALUES = ACTION_STATUSES.map((s) => s.value) as [ActionStatus, ...ActionStatus[]];
const status = z.enum(STATUS_VALUES, `must be one of ${STATUS_VALUES.join(', ')}`);
const actionText = (max: number) => z.string('must be text').max(max, `must be at most ${max} characters`);

/** PATCH /api/partnerships/:id/boards/:boardId/actions/:actionId */
export const ActionChangesBody = z
  .strictObject({
    text: actionText(2000).refine((s) => s.trim().length > 0, 'must not be empty').optional(),
    owner: actionText(200).optional(),
    due: actionText(60).optional(),
    status: status.optional(),
    priorityArea: actionText(200).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'give at least one of text, owner, due, status, priorityArea');
export type ActionChangesBody = z.infer<typeof ActionChangesBody>;
export type ActionChangesRequest = z.input<typeof ActionChangesBody>;

/** POST /api/partnerships/:id/boards/:boardId/actions */
export const NewActionBody = z.strictObject({
  text: actionText(2000).refine((s) => s.trim().length > 0, 'is required'),
  owner: actionText(200).optional(),
  due: actionText(60).optional(),
  status: status.optional(),
  priorityArea: actionText(200).optional(),
  by: cleanText(60).optional(),
});
export type NewActionBody = z.infer<typeof NewActionBody>;
export type NewActionRequest = z.input<typeof NewActionBody>;

const scores = z.strictObject(
  Object.fromEntries(
    RUBRIC_DIMENSION_IDS.map((d) => [d, z.number('must be a number').int('must be a whole number').min(1, 'must be at least 1').max(10, 'must be at most 10').optional()]),
  ) as Record<(typeof RUBRIC_DIMENSION_IDS)[number], z.ZodOptional<z.ZodNumber>>,
  'must be an object of scores by dimension',
);

/** POST /api/partnerships/:id/boards/:boardId/rubric: one rubric date's scores (and rationales) written on that board. */
export const RubricDateBody = z
  .strictObject({
    date,
    scores,
    rationale: z
      .strictObject(
        Object.fromEntries(RUBRIC_DIMENSION_IDS.map((d) => [d, z.string('must be text').max(MAX_RATIONALE, `must be at most ${MAX_RATIONALE} characters`).optional()])) as Record<
          (typeof RUBRIC_DIMENSION_IDS)[number],
          z.ZodOptional<z.ZodString>
        >,
      )
      .optional(),
  })
  .refine((b) => Object.values(b.scores).some((v) => v !== undefined), { message: 'must score at least one dimension', path: ['scores'] });
export type RubricDateBody = z.infer<typeof RubricDateBody>;
export type RubricDateRequest = z.input<typeof RubricDateBody>;

export const PARTNERSHIP_EXPORT_FORMATS = ['json', 'csv', 'html'] as const;
