import { z } from 'zod';
import { SNAPSHOT_BY_MAX, SNAPSHOT_NAME_MAX } from './history';

const text = (max: number) => z.string('must be text').trim().max(max, `must be at most ${max} characters`);

/** POST /api/boards/:id/snapshots */
export const CreateSnapshotBody = z.strictObject({
  name: text(SNAPSHOT_NAME_MAX).min(1, 'is required'),
  /** Display name of the facilitator saving it. */
  by: text(SNAPSHOT_BY_MAX).optional(),
});

/** POST /api/boards/:id/snapshots/:snapshot/restore (the body is optional). */
export const RestoreSnapshotBody = z.strictObject({
  by: text(SNAPSHOT_BY_MAX).optional(),
});
export type CreateSnapshotRequest = z.input<typeof CreateSnapshotBody>;
