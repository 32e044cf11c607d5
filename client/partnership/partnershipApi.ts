import type { ActionStatus } from '../../shared/actionPlan';
import type { CreatePartnershipRequest } from '../../shared/api/partnershipRequests';
import type { MemberRole, PartnershipAnswer, PartnershipRole } from '../../shared/partnership';
import type { RubricDimensionId } from '../../shared/rubric';
import { request } from '../lib/api';

/** The partnership endpoints (server/partnerships/routes.ts). */

const base = (id: string) => `/api/partnerships/${encodeURIComponent(id)}`;
const q = (token: string) => `token=${encodeURIComponent(token)}`;

export function createPartnership(body: CreatePartnershipRequest): Promise<{ id: string; links: { lead: string; member: string } }> {
  return request('/api/partnerships', { method: 'POST', body: JSON.stringify(body) });
}

export function getPartnership(id: string, token: string): Promise<PartnershipAnswer> {
  return request(`${base(id)}?${q(token)}`);
}

export function addMeetingBoard(id: string, token: string, body: { template: string; title: string; variant?: string; meetingDate?: string }): Promise<{ id: string; links: Record<string, string> }> {
  return request(`${base(id)}/boards?${q(token)}`, { method: 'POST', body: JSON.stringify(body) });
}

export function attachBoard(id: string, token: string, body: { board: string; token: string; meetingDate?: string }): Promise<{ id: string; links: Record<string, string> }> {
  return request(`${base(id)}/boards/attach?${q(token)}`, { method: 'POST', body: JSON.stringify(body) });
}

export function rotateLink(id: string, token: string, which: PartnershipRole): Promise<{ link: string }> {
  return request(`${base(id)}/links/${which}/rotate?${q(token)}`, { method: 'POST' });
}

export function setMemberRole(id: string, token: string, memberRole: MemberRole): Promise<{ memberRole: MemberRole }> {
  return request(`${base(id)}/settings?${q(token)}`, { method: 'POST', body: JSON.stringify({ memberRole }) });
}

export type ActionChanges = Partial<{ text: string; owner: string; due: string; status: ActionStatus; priorityArea: string }>;

/** An edit the page sends to a board (kept and sent again when the page is offline). */
export type PartnershipEdit =
  | { kind: 'action'; board: string; action: string; changes: ActionChanges }
  | { kind: 'new-action'; board: string; body: { text: string; owner?: string; due?: string; priorityArea?: string; by?: string } }
  | { kind: 'score'; board: string; body: { date: string; scores: Partial<Record<RubricDimensionId, number>>; rationale?: Partial<Record<RubricDimensionId, string>> } };

export function sendEdit(id: string, token: string, edit: PartnershipEdit): Promise<unknown> {
  const board = `${base(id)}/boards/${encodeURIComponent(edit.board)}`;
  switch (edit.kind) {
    case 'action':
      return request(`${board}/actions/${encodeURIComponent(edit.action)}?${q(token)}`, { method: 'PATCH', body: JSON.stringify(edit.changes) });
    case 'new-action':
      return request(`${board}/actions?${q(token)}`, { method: 'POST', body: JSON.stringify(edit.body) });
    case 'score':
      return request(`${board}/rubric?${q(token)}`, { method: 'POST', body: JSON.stringify(edit.body) });
  }
}

export function liveUrl(id: string, token: string): string {
  return `${base(id)}/live?${q(token)}`;
}

export function exportUrl(id: string, token: string, format: 'json' | 'csv' | 'html'): string {
  return `${base(id)}/export?format=${format}&${q(token)}`;
}
