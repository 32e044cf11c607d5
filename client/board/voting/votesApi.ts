import type { VoteRound } from '../../../shared/doc/control';
import { TOKEN_QUERY_PARAM } from '../../../shared/protocol';
import { VOTER_KEY_HEADER } from '../../../shared/doc/votes';
import { request } from '../../lib/api';
import { voterKey } from '../sync/voterKey';

/**
 * The votes HTTP API (server/http). Rounds themselves arrive through the control document; these
 * calls start and reveal rounds (facilitators) and read or replace one person's ballot. Errors are
 * `ApiError`s with the server's code (`vote_in_progress`, `too_many_votes`, `too_many_on_item`,
 * `unknown_item`, `vote_closed`, ...) or `NetworkError`s.
 */

export interface StartVoteRequest {
  stepId: string;
  /** Dots each person may place (1..20). */
  perPerson: number;
  /** Dots one person may put on one item (1..perPerson), or null for no limit beyond perPerson. */
  perItem: number | null;
  /** Display name of the facilitator starting it (shown to participants). */
  by?: string;
}

const enc = encodeURIComponent;
const votesPath = (boardId: string) => `/api/boards/${enc(boardId)}/votes`;
const withToken = (path: string, token: string) => `${path}?${TOKEN_QUERY_PARAM}=${enc(token)}`;
const ballotPath = (boardId: string, roundId: string, voterId: string) =>
  `${votesPath(boardId)}/${enc(roundId)}/ballots/${enc(voterId)}`;

/** `POST /api/boards/:id/votes` (facilitator): opens a round; 409 `vote_in_progress` when one is open. */
export function startVote(boardId: string, token: string, body: StartVoteRequest): Promise<{ round: VoteRound }> {
  return request<{ round: VoteRound }>(withToken(votesPath(boardId), token), { method: 'POST', body: JSON.stringify(body) });
}

/** `POST /api/boards/:id/votes/:roundId/reveal` (facilitator): closes the round and publishes its tally. */
export function revealVote(boardId: string, roundId: string, token: string): Promise<{ round: VoteRound }> {
  return request<{ round: VoteRound }>(withToken(`${votesPath(boardId)}/${enc(roundId)}/reveal`, token), { method: 'POST' });
}

/** `GET .../ballots/:voterId`: this person's dots, one item id per dot. */
export async function getBallot(boardId: string, roundId: string, voterId: string, token: string): Promise<string[]> {
  const body = await request<{ itemIds?: unknown }>(withToken(ballotPath(boardId, roundId, voterId), token), {
    headers: { [VOTER_KEY_HEADER]: await voterKey(boardId) },
  });
  return itemIdsOf(body);
}

/** `PUT .../ballots/:voterId`: replaces this person's dots whole; resolves with what the server stored. */
export async function putBallot(boardId: string, roundId: string, voterId: string, token: string, itemIds: readonly string[]): Promise<string[]> {
  const body = await request<{ itemIds?: unknown }>(withToken(ballotPath(boardId, roundId, voterId), token), {
    method: 'PUT',
    headers: { [VOTER_KEY_HEADER]: await voterKey(boardId) },
    body: JSON.stringify({ itemIds }),
  });
  return itemIdsOf(body, itemIds);
}

function itemIdsOf(body: { itemIds?: unknown } | null, fallback: readonly string[] = []): string[] {
  const ids = body?.itemIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [...fallback];
}
