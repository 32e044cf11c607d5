import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { SNAPSHOT_BY_MAX, SNAPSHOT_ID_PATTERN, SNAPSHOT_NAME_MAX } from '../../shared/history';
import type { Role } from '../../shared/roles';
import { HttpError } from '../http/HttpError';
import { parseOr400 } from '../http/schemas';
import type { BoardRow } from '../storage/Storage';
import type { HistoryService } from './HistoryService';

const text = (max: number) => z.string('must be text').trim().max(max, `must be at most ${max} characters`);

/** POST /api/boards/:id/snapshots */
export const CreateSnapshotBody = z.strictObject({
  name: text(SNAPSHOT_NAME_MAX).min(1, 'is required'),
  /** Display name of the facilitator saving it. */
  by: text(SNAPSHOT_BY_MAX).optional(),
});

/** POST /api/boards/:id/snapshots/:sid/restore (the body is optional). */
export const RestoreSnapshotBody = z.strictObject({
  by: text(SNAPSHOT_BY_MAX).optional(),
});

/** What the history routes need from the HTTP app (its own helpers, so errors and headers stay the same). */
export interface HttpTools {
  /** The board of `:id` and the token's role: 404 / 401 / 403 below `required`. */
  authorize(rawId: string, url: URL, required: Role): Promise<{ board: BoardRow; role: Role }>;
  readJson(req: IncomingMessage, options?: { emptyIs?: unknown }): Promise<unknown>;
  json(res: ServerResponse, status: number, body: unknown): void;
  allow(req: IncomingMessage, methods: string[]): void;
}

const LIST = /^\/api\/boards\/([^/]+)\/snapshots$/;
const STATE = /^\/api\/boards\/([^/]+)\/snapshots\/([^/]+)\/state$/;
const RESTORE = /^\/api\/boards\/([^/]+)\/snapshots\/([^/]+)\/restore$/;

function snapshotId(raw: string): string {
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    id = '';
  }
  if (!SNAPSHOT_ID_PATTERN.test(id)) throw new HttpError(404, 'snapshot_not_found', 'This board has no such snapshot.');
  return id;
}

/**
 * The board history endpoints (README "API"):
 *  - `GET  /api/boards/:id/snapshots?token=` any role → `{ snapshots }`, newest first
 *  - `POST /api/boards/:id/snapshots?token=` facilitator, `{ name, by? }` → 201 `{ snapshot }`
 *  - `GET  /api/boards/:id/snapshots/:sid/state?token=` any role → the state, a Yjs update
 *  - `POST /api/boards/:id/snapshots/:sid/restore?token=` facilitator, `{ by? }` → 200 `{ restored, preRestore }`
 * Resolves false for any other path.
 */
export function createHistoryRoutes(history: HistoryService, tools: HttpTools) {
  return async function historyRoute(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const { pathname } = url;
    const list = LIST.exec(pathname);
    if (list) {
      tools.allow(req, ['GET', 'HEAD', 'POST']);
      if (req.method === 'POST') {
        const { board } = await tools.authorize(list[1], url, 'facilitator');
        const body = parseOr400(CreateSnapshotBody, await tools.readJson(req));
        tools.json(res, 201, { snapshot: await history.create(board, body) });
        return true;
      }
      const { board } = await tools.authorize(list[1], url, 'viewer');
      tools.json(res, 200, { snapshots: await history.list(board) });
      return true;
    }
    const state = STATE.exec(pathname);
    if (state) {
      tools.allow(req, ['GET', 'HEAD']);
      const { board } = await tools.authorize(state[1], url, 'viewer');
      const bytes = await history.state(board, snapshotId(state[2]));
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(bytes.byteLength),
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : bytes);
      return true;
    }
    const restore = RESTORE.exec(pathname);
    if (restore) {
      tools.allow(req, ['POST']);
      const { board } = await tools.authorize(restore[1], url, 'facilitator');
      const id = snapshotId(restore[2]);
      const body = parseOr400(RestoreSnapshotBody, await tools.readJson(req, { emptyIs: {} }));
      tools.json(res, 200, await history.restore(board, id, body.by));
      return true;
    }
    return false;
  };
}
