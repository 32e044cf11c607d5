import { SNAPSHOT_ID_PATTERN } from '../../shared/api/history';
import { CreateSnapshotBody, RestoreSnapshotBody } from '../../shared/api/historyRequests';
import { HttpError } from '../http/HttpError';
import { parseOr400 } from '../http/parseBody';
import type { BoardAccess } from '../boards/routes';
import { type AnyRoute, route } from '../http/router';
import type { HistoryService } from './HistoryService';

const LIST = '/api/boards/:id/snapshots';

/** What `:snapshot` names: its 404 when it is malformed or not one of the board's. */
const SNAPSHOT_NOT_FOUND = { code: 'snapshot_not_found', message: 'This board has no such snapshot.' };

function snapshotId(id: string): string {
  if (!SNAPSHOT_ID_PATTERN.test(id)) throw new HttpError(404, SNAPSHOT_NOT_FOUND.code, SNAPSHOT_NOT_FOUND.message);
  return id;
}

/**
 * The board history endpoints (README "API"):
 *  - `GET  /api/boards/:id/snapshots?token=` any role → `{ snapshots }`, newest first
 *  - `POST /api/boards/:id/snapshots?token=` facilitator, `{ name, by? }` → 201 `{ snapshot }`
 *  - `GET  /api/boards/:id/snapshots/:snapshot/state?token=` any role → the state, a Yjs update
 *  - `POST /api/boards/:id/snapshots/:snapshot/restore?token=` facilitator, `{ by? }` → 200 `{ restored, preRestore }`
 */
export function historyRoutes(history: HistoryService): AnyRoute[] {
  return [
    route<BoardAccess>({ method: ['GET', 'HEAD'], pattern: LIST, role: 'viewer', handle: async (ctx) => ctx.json(200, { snapshots: await history.list(ctx.access.board) }) }),
    route<BoardAccess>({
      method: ['POST'],
      pattern: LIST,
      role: 'facilitator',
      async handle(ctx) {
        const body = parseOr400(CreateSnapshotBody, await ctx.readJson());
        ctx.json(201, { snapshot: await history.create(ctx.access.board, body) });
      },
    }),
    route<BoardAccess>({
      method: ['GET', 'HEAD'],
      pattern: `${LIST}/:snapshot/state`,
      role: 'viewer',
      names: { snapshot: SNAPSHOT_NOT_FOUND },
      async handle(ctx) {
        const bytes = await history.state(ctx.access.board, snapshotId(ctx.params.snapshot));
        ctx.send({ 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.byteLength), 'Cache-Control': 'no-store' }, bytes);
      },
    }),
    route<BoardAccess>({
      method: ['POST'],
      pattern: `${LIST}/:snapshot/restore`,
      role: 'facilitator',
      names: { snapshot: SNAPSHOT_NOT_FOUND },
      async handle(ctx) {
        const id = snapshotId(ctx.params.snapshot);
        const body = parseOr400(RestoreSnapshotBody, await ctx.readJson({ emptyIs: {} }));
        ctx.json(200, await history.restore(ctx.access.board, id, body.by));
      },
    }),
  ];
}
