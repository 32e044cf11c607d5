import type { SnapshotInfo } from '../../../shared/api/history';
import { ApiError, NetworkError, request } from '../../lib/api';

/** The board history endpoints (server/history/routes.ts). */

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/snapshots`;
const q = (token: string) => `?token=${encodeURIComponent(token)}`;

/** `GET …/snapshots` (any role): newest first. */
export async function listSnapshots(boardId: string, token: string): Promise<SnapshotInfo[]> {
  return (await request<{ snapshots: SnapshotInfo[] }>(`${base(boardId)}${q(token)}`)).snapshots;
}

/** `POST …/snapshots` (facilitators): a snapshot of the board as it is now. */
export async function createSnapshot(boardId: string, token: string, name: string, by: string): Promise<SnapshotInfo> {
  const body = by.trim() ? { name, by: by.trim().slice(0, 80) } : { name };
  return (await request<{ snapshot: SnapshotInfo }>(`${base(boardId)}${q(token)}`, { method: 'POST', body: JSON.stringify(body) })).snapshot;
}

/** `POST …/snapshots/:sid/restore` (facilitators): the board becomes the snapshot; the state before is kept as a snapshot first. */
export function restoreSnapshot(boardId: string, token: string, snapshotId: string, by: string): Promise<{ restored: SnapshotInfo; preRestore: SnapshotInfo }> {
  return request(`${base(boardId)}/${encodeURIComponent(snapshotId)}/restore${q(token)}`, {
    method: 'POST',
    body: JSON.stringify(by.trim() ? { by: by.trim().slice(0, 80) } : {}),
  });
}

/** `GET …/snapshots/:sid/state` (any role): the snapshot as a Yjs update. */
export async function fetchSnapshotState(boardId: string, token: string, snapshotId: string): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(`${base(boardId)}/${encodeURIComponent(snapshotId)}/state${q(token)}`, { credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    throw new NetworkError(e);
  }
  if (!res.ok) {
    let err: { code?: unknown; message?: unknown } | undefined;
    try {
      err = ((await res.json()) as { error?: typeof err }).error;
    } catch {
      err = undefined;
    }
    throw new ApiError(
      res.status,
      typeof err?.code === 'string' ? err.code : `http_${res.status}`,
      typeof err?.message === 'string' ? err.message : `The server answered ${res.status}`,
    );
  }
  return new Uint8Array(await res.arrayBuffer());
}

/** The read-only page of a snapshot (client/lib/route.ts `snapshot`). */
export function snapshotPageUrl(boardId: string, snapshotId: string, token: string): string {
  return `/b/${encodeURIComponent(boardId)}/history/${encodeURIComponent(snapshotId)}${q(token)}`;
}

/** The live board's page. */
export function boardPageUrl(boardId: string, token: string): string {
  return `/b/${encodeURIComponent(boardId)}${q(token)}`;
}
