import type { Role } from '../../shared/roles';

export type { BoardInfo, BoardLinks, CreateBoardRequest, CreateBoardResponse, TemplateListing } from '../../shared/api/boards';
import type { BoardInfo, CreateBoardRequest, CreateBoardResponse, TemplateListing } from '../../shared/api/boards';

/** A failed API call: HTTP status plus the server's `{ error: { code, message, field? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The request never got an HTTP answer (offline, server down, DNS...). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : 'Network error');
    this.name = 'NetworkError';
  }
}

export async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: {
        Accept: 'application/json',
        ...(init?.body ? { 'Content-Type': 'application/json' } : {}),
        ...((init?.headers as Record<string, string> | undefined) ?? {}),
      },
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new NetworkError(e);
  }
  let body: unknown = null;
  const text = await res.text().catch(() => '');
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!res.ok) {
    const err = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } } | null)?.error;
    throw new ApiError(
      res.status,
      typeof err?.code === 'string' ? err.code : `http_${res.status}`,
      typeof err?.message === 'string' ? err.message : `The server answered ${res.status} ${res.statusText}`.trim(),
      typeof err?.field === 'string' ? err.field : undefined,
    );
  }
  return body as T;
}

export function listTemplates(): Promise<TemplateListing[]> {
  return request<TemplateListing[]>('/api/templates');
}

export function createBoard(req: CreateBoardRequest): Promise<CreateBoardResponse> {
  return request<CreateBoardResponse>('/api/boards', { method: 'POST', body: JSON.stringify(req) });
}

export function getBoard(id: string, token: string): Promise<BoardInfo> {
  return request<BoardInfo>(`/api/boards/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`);
}

/**
 * "Make a new link" (facilitator only): a new link for `role`; the role's old link stops working
 * at once (for the facilitator role, every facilitator link, this one included).
 */
export function replaceBoardLink(id: string, token: string, role: Role): Promise<{ link: string }> {
  return request<{ link: string }>(`/api/boards/${encodeURIComponent(id)}/links/${role}/rotate?token=${encodeURIComponent(token)}`, { method: 'POST' });
}

/** `POST /api/boards/<id>/invites`: a new facilitator link for a co-facilitator (facilitators only). */
export function createFacilitatorInvite(id: string, token: string, name: string): Promise<{ link: string }> {
  return request<{ link: string }>(`/api/boards/${encodeURIComponent(id)}/invites?token=${encodeURIComponent(token)}`, {
    method: 'POST',
    body: JSON.stringify(name.trim() ? { name: name.trim() } : {}),
  });
}
