import { hasRole, ROLES, type Role } from '../../shared/roles';
import type { MemberRole, PartnershipRole } from '../../shared/partnership';
import { isCalendarDate } from '../../shared/doc/rubricDoc';
import { prepareBoard, boardLink } from '../boards/boardLinks';
import { HttpError } from '../http/HttpError';
import type { Storage } from '../storage/Storage';
import { hashToken, newBoardId, newToken } from '../runtime/tokens';
import type { AttachBoardBody, CreatePartnershipBody, NewMeetingBoardBody } from '../../shared/api/partnershipRequests';
import { boardTokenOf, newKeySalt, openMemberToken, sealMemberToken } from './secrets';
import { BoardInPartnershipError, type LinkToken, type Partnership } from './store';
import { partnershipStore } from './store';

/** Partnership ids have the board id format: 16 url-safe characters (96 random bits). */
export const PARTNERSHIP_ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;

/** A partnership link: the partnership page (client route `/p/<id>`). */
export function partnershipLink(origin: string, id: string, token: string): string {
  return `${origin}/p/${id}?token=${token}`;
}

/** A request's partnership, the role of its token, and the plain tokens it can reach. */
export interface PartnershipAccess {
  partnership: Partnership;
  role: PartnershipRole;
  /** The request's own token. */
  token: string;
  /** The member token: the request's own for a member, opened from its seal for the lead. */
  memberToken: string;
}

/** What each link holder's tokens open on a board: the lead every role, a member the chosen one. */
export function rolesOf(holder: PartnershipRole, memberRole: MemberRole): Role[] {
  return holder === 'lead' ? [...ROLES] : [memberRole];
}

/** The board tokens a link derives for one board. */
export function linkTokens(holder: PartnershipRole, linkToken: string, boardId: string, memberRole: MemberRole): (LinkToken & { token: string })[] {
  return rolesOf(holder, memberRole).map((role) => {
    const token = boardTokenOf(linkToken, boardId, role);
    return { boardId, holder, role, token, hash: hashToken(token) };
  });
}

const plain = ({ token: _token, ...row }: LinkToken & { token: string }): LinkToken => row;

/** Creates a partnership: its row, two random link tokens (hashes stored) and the member token sealed for the lead. */
export async function createPartnership(storage: Storage, body: CreatePartnershipBody, origin: string) {
  const id = newBoardId();
  const lead = newToken();
  const member = newToken();
  const keySalt = newKeySalt();
  await storage.feature(partnershipStore).create({
    partnership: { id, name: body.name, region: body.region, sector: body.sector, memberRole: body.memberRole ?? 'editor', createdAt: new Date().toISOString() },
    leadHash: hashToken(lead),
    memberHash: hashToken(member),
    secrets: { keySalt, sealedMemberToken: sealMemberToken(lead, keySalt, id, member) },
  });
  return { id, links: { lead: partnershipLink(origin, id, lead), member: partnershipLink(origin, id, member) } };
}

/**
 * The partnership a token opens: 404 for an unknown partnership, 401 without a token or with any
 * other token (a board's token, even its facilitator's, is not a partnership token).
 */
export async function authorizePartnership(storage: Storage, id: string, token: string | null | undefined): Promise<PartnershipAccess> {
  const partnership = PARTNERSHIP_ID_PATTERN.test(id) ? await storage.feature(partnershipStore).get(id) : undefined;
  if (!partnership) throw new HttpError(404, 'partnership_not_found', 'This partnership does not exist.');
  const role = token ? await storage.feature(partnershipStore).roleForTokenHash(id, hashToken(token)) : undefined;
  if (!role || !token) throw new HttpError(401, 'invalid_token', 'This needs the lead or member link of the partnership; its token is missing or wrong.');
  let memberToken = token;
  if (role === 'lead') {
    const secrets = await storage.feature(partnershipStore).secrets(id);
    if (!secrets) throw new Error(`partnership ${id} has no secrets`);
    memberToken = openMemberToken(token, secrets.keySalt, id, secrets.sealedMemberToken);
  }
  return { partnership, role, token, memberToken };
}

/** 403 unless the request was made with the lead link. */
export function requireLead(access: PartnershipAccess): void {
  if (access.role !== 'lead') throw new HttpError(403, 'forbidden', 'Only the lead link of the partnership can do this.');
}

/** Both partnership links (the lead's view). */
export function partnershipLinks(access: PartnershipAccess, origin: string) {
  return { lead: partnershipLink(origin, access.partnership.id, access.token), member: partnershipLink(origin, access.partnership.id, access.memberToken) };
}

/** The board links a request's link opens on one board, leaving out any the board's facilitator has replaced since. */
export async function boardLinksFor(storage: Storage, access: PartnershipAccess, boardId: string, origin: string): Promise<Partial<Record<Role, string>>> {
  const out: Partial<Record<Role, string>> = {};
  for (const t of linkTokens(access.role, access.token, boardId, access.partnership.memberRole)) {
    if ((await storage.roleForTokenHash(boardId, t.hash)) === t.role) out[t.role] = boardLink(origin, boardId, t.token);
  }
  return out;
}

/**
 * The role a request has on one of the partnership's boards: the lead is its facilitator, a
 * member has the role the lead chose. 404 when the board is not one of the partnership's, 403
 * below `required`.
 */
export function roleOnBoard(access: PartnershipAccess, boardId: string, required: Role): Role {
  if (!access.partnership.boards.some((b) => b.boardId === boardId)) throw new HttpError(404, 'board_not_found', 'This board is not one of the partnership’s.');
  const role: Role = access.role === 'lead' ? 'facilitator' : access.partnership.memberRole;
  if (!hasRole(role, required)) throw new HttpError(403, 'forbidden', `The member link opens the boards as ${role}s; this needs the ${required} role.`);
  return role;
}

const today = () => new Date().toISOString().slice(0, 10);

/** A new meeting board from a template, with the partnership's region and sector; answers the lead's three links. */
export async function addMeetingBoard(storage: Storage, access: PartnershipAccess, body: NewMeetingBoardBody, origin: string) {
  requireLead(access);
  const p = access.partnership;
  const prepared = prepareBoard({ template: body.template, title: body.title, region: p.region, sector: p.sector, variant: body.variant });
  const id = prepared.row.id;
  const lead = linkTokens('lead', access.token, id, p.memberRole);
  const member = linkTokens('member', access.memberToken, id, p.memberRole);
  // The board's own tokens are the ones the lead link derives, so its links here and on the partnership page are the same.
  const tokenRows = lead.map((t) => ({ role: t.role, hash: t.hash, label: 'partnership lead' }));
  await storage.feature(partnershipStore).addNewBoard(
    p.id,
    { boardId: id, meetingDate: body.meetingDate ?? today(), addedAt: prepared.row.createdAt },
    prepared.row,
    tokenRows,
    prepared.state,
    member.map(plain).concat(lead.map(plain)),
  );
  return { id, links: Object.fromEntries(lead.map((t) => [t.role, boardLink(origin, id, t.token)])) as Record<Role, string> };
}

/** Adds an existing board, proven by its facilitator token; its new links are derived from the partnership's. */
export async function attachBoard(storage: Storage, access: PartnershipAccess, body: AttachBoardBody, origin: string) {
  requireLead(access);
  const p = access.partnership;
  const board = await storage.getBoard(body.board);
  if (!board) throw new HttpError(400, 'board_not_found', 'board does not exist', 'board');
  const role = await storage.roleForTokenHash(board.id, hashToken(body.token));
  if (role !== 'facilitator') throw new HttpError(403, 'forbidden', 'token must be the board’s facilitator token', 'token');
  const lead = linkTokens('lead', access.token, board.id, p.memberRole);
  const member = linkTokens('member', access.memberToken, board.id, p.memberRole);
  if (body.meetingDate !== undefined && !isCalendarDate(body.meetingDate)) throw new HttpError(400, 'invalid_request', 'meetingDate must be a date', 'meetingDate');
  try {
    await storage.feature(partnershipStore).attachBoard(p.id, { boardId: board.id, meetingDate: body.meetingDate ?? board.createdAt.slice(0, 10), addedAt: new Date().toISOString() }, [
      ...lead.map(plain),
      ...member.map(plain),
    ]);
  } catch (error) {
    if (error instanceof BoardInPartnershipError) throw new HttpError(409, 'board_in_partnership', 'This board already belongs to a partnership.', 'board');
    throw error;
  }
  return { id: board.id, links: Object.fromEntries(lead.map((t) => [t.role, boardLink(origin, board.id, t.token)])) as Record<Role, string> };
}

/**
 * Replaces the lead or member link (lead only): a new random token, the member token sealed
 * again for the lead, and every board token the old link derived replaced by the new link's, in
 * one transaction. Resolves with the new link and the board tokens removed (to close their sockets).
 */
export async function rotateLink(storage: Storage, access: PartnershipAccess, which: PartnershipRole, origin: string) {
  requireLead(access);
  const p = access.partnership;
  const next = newToken();
  const lead = which === 'lead' ? next : access.token;
  const member = which === 'member' ? next : access.memberToken;
  const keySalt = newKeySalt();
  const add = p.boards.flatMap((b) => linkTokens(which, next, b.boardId, p.memberRole).map(plain));
  const removed = await storage.feature(partnershipStore).replaceLinks(p.id, hashToken(access.token), {
    holder: which,
    add,
    nextHash: hashToken(next),
    secrets: { keySalt, sealedMemberToken: sealMemberToken(lead, keySalt, p.id, member) },
  });
  if (removed === null) throw new HttpError(401, 'invalid_token', 'This lead link was replaced meanwhile.');
  return { link: partnershipLink(origin, p.id, next), removed };
}

/** Changes the role members have on the boards (lead only): the member board tokens are replaced. */
export async function setMemberRole(storage: Storage, access: PartnershipAccess, memberRole: MemberRole) {
  requireLead(access);
  const p = access.partnership;
  if (memberRole === p.memberRole) return { memberRole, removed: [] as LinkToken[] };
  const add = p.boards.flatMap((b) => linkTokens('member', access.memberToken, b.boardId, memberRole).map(plain));
  const removed = await storage.feature(partnershipStore).replaceLinks(p.id, hashToken(access.token), { holder: 'member', add, memberRole });
  if (removed === null) throw new HttpError(401, 'invalid_token', 'This lead link was replaced meanwhile.');
  return { memberRole, removed };
}
