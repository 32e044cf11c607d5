import { HttpError } from '../http/HttpError';
import type { Storage } from '../storage/Storage';
import type { Cohort } from './cohortStore';
import { hashToken } from '../runtime/tokens';
import { cohortStore } from './cohortStore';

/** Cohort ids have the board id format: 16 url-safe characters (96 random bits). */
export const COHORT_ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;

export function isCohortId(value: string): boolean {
  return COHORT_ID_PATTERN.test(value);
}

/**
 * The cohort a trainer token opens: 404 for an unknown cohort, 401 without a token or with any
 * other token (a team board's facilitator token is not a trainer token).
 */
export async function authorizeCohort(storage: Storage, id: string, token: string | null | undefined): Promise<Cohort> {
  const cohort = isCohortId(id) ? await storage.feature(cohortStore).get(id) : undefined;
  if (!cohort) throw new HttpError(404, 'cohort_not_found', 'This cohort does not exist.');
  const hash = token ? hashToken(token) : null;
  const role = hash ? await storage.feature(cohortStore).roleForTokenHash(id, hash) : undefined;
  if (role !== 'trainer' && hash && (await storage.tokenRevokedAt(id, hash))) {
    throw new HttpError(401, 'link_replaced', 'This trainer link was replaced by a new one and no longer works; use the new trainer link.');
  }
  if (role !== 'trainer') {
    throw new HttpError(401, 'invalid_token', 'This needs the trainer link of the cohort; its token is missing or wrong.');
  }
  return cohort;
}
