import type { BoardSummary } from '../../shared/api/dashboard';
import type { Role } from '../../shared/roles';
import { parseTimer } from '../../shared/timer';
import { request } from '../lib/api';

export type { BoardSummary, PresentPerson } from '../../shared/api/dashboard';

/** The cohort API (`/api/cohorts`), as the trainer's pages use it. Every call but create needs the trainer token. */

export type {
  BroadcastRequest,
  BroadcastResponse,
  CohortBoard,
  CohortComparison,
  CohortInfo,
  CreateCohortRequest,
  CreateCohortResponse,
  TeamLinks,
} from '../../shared/api/cohorts';
import type { BroadcastRequest, BroadcastResponse, CohortComparison, CohortInfo, CreateCohortRequest, CreateCohortResponse } from '../../shared/api/cohorts';

const cohortPath = (id: string, token: string, rest = '') => `/api/cohorts/${encodeURIComponent(id)}${rest}?token=${encodeURIComponent(token)}`;

export function createCohort(req: CreateCohortRequest): Promise<CreateCohortResponse> {
  return request<CreateCohortResponse>('/api/cohorts', { method: 'POST', body: JSON.stringify(req) });
}

export function getCohort(id: string, token: string): Promise<CohortInfo> {
  return request<CohortInfo>(cohortPath(id, token));
}

export async function getSummaries(id: string, token: string): Promise<BoardSummary[]> {
  const body = await request<{ boards?: unknown }>(cohortPath(id, token, '/summaries'));
  return parseSummaries(body?.boards);
}

export function broadcast(id: string, token: string, body: BroadcastRequest): Promise<BroadcastResponse> {
  return request<BroadcastResponse>(cohortPath(id, token, '/broadcast'), { method: 'POST', body: JSON.stringify(body) });
}

export function getComparison(id: string, token: string): Promise<CohortComparison> {
  return request<CohortComparison>(cohortPath(id, token, '/comparison'));
}

/** A new trainer link; the old one stops working at once (the team links stay as they are). */
export function replaceTrainerLink(id: string, token: string): Promise<{ link: string }> {
  return request<{ link: string }>(cohortPath(id, token, '/links/trainer/rotate'), { method: 'POST' });
}

/** A new link for one role of one team's board; that role's old link stops working at once. */
export function replaceTeamLink(id: string, token: string, boardId: string, role: Role): Promise<{ link: string }> {
  return request<{ link: string }>(cohortPath(id, token, `/boards/${encodeURIComponent(boardId)}/links/${role}/rotate`), { method: 'POST' });
}

export function liveUrl(id: string, token: string): string {
  return cohortPath(id, token, '/live');
}

export function exportUrl(id: string, token: string): string {
  return cohortPath(id, token, '/export');
}

/** The cohort id and trainer token of a trainer link, or null when it is not one. */
export function parseTrainerLink(link: string): { id: string; token: string } | null {
  try {
    const url = new URL(link, 'http://x');
    const m = /^\/c\/([^/]+)\/?$/.exec(url.pathname);
    const token = url.searchParams.get('token');
    return m && token ? { id: decodeURIComponent(m[1]), token } : null;
  } catch {
    return null;
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const toRole = (v: unknown): Role => (v === 'facilitator' || v === 'viewer' ? v : 'editor');
const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);

/**
 * A summary as the live stream or `/summaries` sends it, read defensively: a missing or malformed
 * field reads as empty rather than breaking the dashboard. Null when it names no board.
 */
export function parseSummary(v: unknown): BoardSummary | null {
  if (!isObj(v) || typeof v.boardId !== 'string') return null;
  const present = Array.isArray(v.present)
    ? v.present.filter(isObj).map((p) => ({ name: str(p.name) ?? 'Guest', role: toRole(p.role) }))
    : [];
  return {
    boardId: v.boardId,
    team: str(v.team) ?? '',
    title: str(v.title) ?? '',
    present,
    stepId: str(v.stepId),
    stepIndex: typeof v.stepIndex === 'number' && Number.isInteger(v.stepIndex) ? v.stepIndex : null,
    stepTitle: str(v.stepTitle),
    timer: parseTimer(v.timer),
    banner: str(v.banner),
    items: count(v.items),
    stickies: count(v.stickies),
    connections: count(v.connections),
    lastActivity: str(v.lastActivity),
    thumbnail: str(v.thumbnail) ?? '',
  };
}

export function parseSummaries(v: unknown): BoardSummary[] {
  return Array.isArray(v) ? v.map(parseSummary).filter((s): s is BoardSummary => s !== null) : [];
}
