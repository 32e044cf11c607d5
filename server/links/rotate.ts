import { ROLES, type Role } from '../../shared/roles';
import { boardLink } from '../boards/boardLinks';
import { cohortLink } from '../cohorts/cohortCreation';
import { newKeySalt, openTokens, sealingKey, sealTokens } from '../cohorts/sealing';
import { HttpError } from '../http/HttpError';
import type { Logger } from '../runtime/log';
import type { Metrics } from '../ops/metrics';
import type { Relay } from '../sync/Relay';
import type { Storage } from '../storage/Storage';
import type { Cohort } from '../cohorts/cohortStore';
import { hashToken, newToken } from '../runtime/tokens';
import { cohortStore } from '../cohorts/cohortStore';

/**
 * Replacing a link ("Make a new link"): a new random token for a role, and the old one refused
 * at once. A board role has one link (facilitator: also every co-facilitator link made with an
 * invitation; they all go, and the facilitator hands out new ones). The old tokens' hashes are
 * remembered as revoked, so an old link is answered 401 `link_replaced` ("this link was replaced")
 * instead of a plain wrong-token error, and the relay closes the sockets opened with them
 * (close code 4410 LinkReplaced). The replacement and the requester's authority are checked in
 * one storage transaction, so a request made with a link replaced a moment earlier changes
 * nothing.
 *
 * Cohorts: the trainer link is replaced the same way, and the team tokens, sealed with a key
 * derived from the trainer token (server/cohorts/sealing.ts), are sealed again with the new
 * token's key (and a new salt) in the same transaction. A trainer can replace a team's link
 * from the dashboard: the board's tokens and that board's sealed copy change together. A link
 * replaced by a board's own facilitator cannot be sealed again (the server has no trainer key),
 * so the trainer's view shows it as replaced (null) until the trainer makes a new one.
 */
export interface LinkServices {
  storage: Storage;
  relay: Relay;
  logger: Logger;
  metrics?: Metrics;
  /** Ends the cohort dashboard's live streams of a cohort (their trainer link was replaced). */
  endCohortStreams?: (cohortId: string) => void;
  /** Tells the other nodes that these token hashes of a board were replaced (their sockets close there). */
  tokensReplaced?: (boardId: string, hashes: string[]) => void;
}

export function parseRole(raw: string, allowed: readonly string[] = ROLES): Role {
  if (!allowed.includes(raw)) {
    throw new HttpError(400, 'invalid_role', `role must be one of ${allowed.join(', ')}; got "${raw.slice(0, 40)}"`, 'role');
  }
  return raw as Role;
}

const linkGone = () =>
  new HttpError(401, 'link_replaced', 'This link was replaced by a new one while the request was made; use the new link.');

/** A facilitator replaces the link of `role` on their board; resolves with the new link. */
export async function replaceBoardLink(s: LinkServices, boardId: string, role: Role, requesterToken: string, origin: string): Promise<string> {
  const token = newToken();
  const replaced = await s.storage.replaceTokens(boardId, role, { role, hash: hashToken(token), label: null }, hashToken(requesterToken), new Date().toISOString());
  if (!replaced) throw linkGone();
  const closed = s.relay.closeConnectionsOfTokens(boardId, replaced);
  s.tokensReplaced?.(boardId, replaced);
  s.metrics?.linkRotated(role);
  s.logger.info('link.replace', { board: boardId, role, replaced: replaced.length, closed });
  return boardLink(origin, boardId, token);
}

/** The trainer replaces the trainer link; every team's tokens are sealed again with the new key. */
export async function replaceTrainerLink(s: LinkServices, cohort: Cohort, trainerToken: string, origin: string): Promise<string> {
  const secrets = await s.storage.feature(cohortStore).secrets(cohort.id);
  if (!secrets) throw new Error(`cohort ${cohort.id} has no secrets`);
  const token = newToken();
  const salt = newKeySalt();
  const oldKey = sealingKey(trainerToken, secrets.keySalt);
  const newKey = sealingKey(token, salt);
  try {
    const sealed = secrets.boards.map((b) => ({
      boardId: b.boardId,
      sealedTokens: sealTokens(newKey, cohort.id, b.boardId, openTokens(oldKey, cohort.id, b.boardId, b.sealedTokens)),
    }));
    const ok = await s.storage.feature(cohortStore).replaceTrainerToken(cohort.id, hashToken(trainerToken), hashToken(token), salt, sealed, new Date().toISOString());
    if (!ok) throw linkGone();
  } finally {
    oldKey.fill(0);
    newKey.fill(0);
  }
  s.endCohortStreams?.(cohort.id);
  s.metrics?.linkRotated('trainer');
  s.logger.info('link.replace', { cohort: cohort.id, role: 'trainer', boards: secrets.boards.length });
  return cohortLink(origin, cohort.id, token);
}

/** The trainer replaces one team's link of `role`; that board's sealed tokens follow. */
export async function replaceTeamLink(s: LinkServices, cohort: Cohort, trainerToken: string, boardId: string, role: Role, origin: string): Promise<string> {
  if (!cohort.boards.some((b) => b.boardId === boardId)) throw new HttpError(404, 'board_not_found', 'This board is not one of the cohort’s.');
  const secrets = await s.storage.feature(cohortStore).secrets(cohort.id);
  const sealed = secrets?.boards.find((b) => b.boardId === boardId);
  if (!secrets || !sealed) throw new Error(`cohort ${cohort.id}: board ${boardId} has no sealed tokens`);
  const key = sealingKey(trainerToken, secrets.keySalt);
  const token = newToken();
  let replaced: string[] | null;
  try {
    const tokens = { ...openTokens(key, cohort.id, boardId, sealed.sealedTokens), [role]: token };
    replaced = await s.storage.feature(cohortStore).replaceBoardToken(
      cohort.id,
      hashToken(trainerToken),
      boardId,
      role,
      { role, hash: hashToken(token), label: null },
      sealTokens(key, cohort.id, boardId, tokens),
      new Date().toISOString(),
    );
  } finally {
    key.fill(0);
  }
  if (!replaced) throw linkGone();
  const closed = s.relay.closeConnectionsOfTokens(boardId, replaced);
  s.tokensReplaced?.(boardId, replaced);
  s.metrics?.linkRotated(role);
  s.logger.info('link.replace', { cohort: cohort.id, board: boardId, role, replaced: replaced.length, closed });
  return boardLink(origin, boardId, token);
}
