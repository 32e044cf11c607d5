import type { BoardSummary } from '../../shared/dashboard';
import type { Role } from '../../shared/roles';
import { parseTimer } from '../../shared/timer';
import { request, type BoardLinks } from '../lib/api';

export type { BoardSummary, PresentPerson } from '../../shared/dashboard';

/** The cohort API (`/api/cohorts`), as the trainer's pages use it. Every call but create needs the trainer token. */

export interface CreateCohortRequest {
  name: string;
  template: string;
  variant?: string;
  region?: string;
  sector?: string;
  /** Team names, one board each; or `count` boards named by the server. */
  teams?: string[];
  count?: number;
}

export interface CohortBoard {
  team: string;
  id: string;
  links: BoardLinks;
}

export interface CreateCohortResponse {
  id: string;
  links: { trainer: string };
  boards: CohortBoard[];
}

/** A team's links as the trainer sees them later: null where the board's facilitator replaced the link. */
export type TeamLinks = Record<Role, string | null>;

/** `GET /api/cohorts/<id>?token=` */
export interface CohortInfo {
  id: string;
  name: string;
  templateId: string;
  variant?: string | null;
  createdAt: string;
  links: { trainer: string };
  boards: { team: string; id: string; links: TeamLinks }[];
}

export interface BroadcastRequest {
  step?: string;
  timer?: { action: 'start' | 'pause' | 'reset'; minutes?: number };
  banner?: string | null;
}

export interface BroadcastResponse {
  /** Boards written. */
  boards: number;
  /** Ids of the boards the write failed on. */
  failed?: string[];
}

export interface Comparison {
  template: { id: string; title: string };
  figures: { id: string; label: string }[];
  dimensions: { id: string; label: string }[];
  statuses: { id: string; label: string }[];
  teams: {
    team: string;
    boardId: string;
    items: number;
    connections: number;
    figures: Record<string, number | null>;
    rubric: { date: string | null; scores: Record<string, number | null> };
    actions: Record<string, number>;
  }[];
}

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

export function getComparison(id: string, token: string): Promise<Comparison> {
  return request<Comparison>(cohortPath(id, token, '/comparison'));
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
