import { getBoard, type BoardInfo } from './api';

/**
 * `GET /api/boards/:id` started as soon as the route is known (client/App.tsx), so the board's
 * info downloads while the board's code does; the board page takes the answer (once) instead of
 * asking again. A retry, or another board, asks afresh.
 */
let early: { boardId: string; token: string; info: Promise<BoardInfo> } | null = null;

export function startBoardInfo(boardId: string, token: string): void {
  if (early && early.boardId === boardId && early.token === token) return;
  const info = getBoard(boardId, token);
  // Handled by whoever takes it; never an unhandled rejection in between.
  info.catch(() => {});
  early = { boardId, token, info };
}

/** The early request for this board and link (then forgotten), or a new one. */
export function takeBoardInfo(boardId: string, token: string): Promise<BoardInfo> {
  const e = early;
  early = null;
  if (e && e.boardId === boardId && e.token === token) return e.info;
  return getBoard(boardId, token);
}
