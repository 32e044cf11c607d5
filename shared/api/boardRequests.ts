import { z } from 'zod';
import { FIELD_MAX_LENGTH } from './limits';

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

/** POST /api/boards */
export const CreateBoardBody = z.strictObject({
  template: z.string().min(1, 'is required'),
  title: text(FIELD_MAX_LENGTH).min(1, 'is required'),
  region: text(FIELD_MAX_LENGTH).min(1, 'is required'),
  sector: text(FIELD_MAX_LENGTH).default(''),
  variant: z.string().min(1).max(60).optional(),
});
export type CreateBoardBody = z.infer<typeof CreateBoardBody>;
/** What a client sends (the sector may be left out). */
export type CreateBoardRequest = z.input<typeof CreateBoardBody>;

/** POST /api/boards/:id/invites */
export const InviteBody = z.strictObject({
  name: text(80).optional(),
});
