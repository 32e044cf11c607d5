/**
 * Dot voting, as pure functions: checking a ballot, counting ballots, ranking the count.
 *
 * A ballot is one person's dots in a round: a list of item ids, one per dot (an id repeated =
 * several dots on that item). Ballots are held by the server only; the control document
 * (shared/doc/control.ts) shows a round's status and how many people voted, and its tally once the
 * facilitator reveals it.
 */
import type * as Y from 'yjs';
import { CONTROL_VOTES, VOTE_LIMITS, type VoteRound, type VoteRoundStatus } from './control';

/** Voter ids are the browser's random user id (as in presence): 1..64 of [A-Za-z0-9_-]. */
export const VOTER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/**
 * Ballot requests carry the voter key in this header (never in the URL, which may be logged): the
 * key the server issued to this browser over the board's socket (message VoterKey,
 * shared/protocol.ts; server/voterKeys.ts). The server keeps a ballot under a hash of the key, and
 * counts it only while a connection to the board holds the key, so a ballot needs a real
 * connection and nobody can read or replace another's dots.
 */
export const VOTER_KEY_HEADER = 'x-voter-key';
export const VOTER_KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** The title a ranked item gets when it is no longer on the board. */
export const REMOVED_ITEM_TITLE = '(removed)';

export type BallotError =
  | { code: 'vote_closed'; message: string }
  | { code: 'too_many_votes'; message: string; limit: number }
  | { code: 'unknown_item'; message: string; itemId: string }
  | { code: 'too_many_on_item'; message: string; itemId: string; limit: number };

export type BallotCheck = { ok: true } | { ok: false; error: BallotError };

/**
 * Whether `itemIds` is an acceptable ballot for `round`. Checked in this order: the round is
 * open; at most `perPerson` dots in all; every id is a known item (`knownItemIds`: the shapes one
 * may vote on); at most `perItem` dots on one item (`perItem` null: only the total counts).
 * An empty ballot (taking every dot back) is fine while the round is open.
 */
export function validateBallot(
  round: Pick<VoteRound, 'status' | 'perPerson' | 'perItem'>,
  itemIds: readonly string[],
  knownItemIds: ReadonlySet<string> | ((id: string) => boolean),
): BallotCheck {
  if (round.status !== 'open') return fail({ code: 'vote_closed', message: 'This vote is closed.' });
  if (itemIds.length > round.perPerson) {
    return fail({ code: 'too_many_votes', message: `At most ${round.perPerson} dots per person.`, limit: round.perPerson });
  }
  const known = typeof knownItemIds === 'function' ? knownItemIds : (id: string) => knownItemIds.has(id);
  const perItem = new Map<string, number>();
  for (const id of itemIds) {
    if (!known(id)) return fail({ code: 'unknown_item', message: `"${id.slice(0, 80)}" is not an item one can vote on.`, itemId: id });
    perItem.set(id, (perItem.get(id) ?? 0) + 1);
  }
  if (round.perItem !== null) {
    for (const [id, n] of perItem) {
      if (n > round.perItem) {
        return fail({ code: 'too_many_on_item', message: `At most ${round.perItem} dots on one item.`, itemId: id, limit: round.perItem });
      }
    }
  }
  return { ok: true };
}

function fail(error: BallotError): BallotCheck {
  return { ok: false, error };
}

/** Dots per item over every ballot; only items that got dots, keys in code-unit order. */
export function tally(ballots: Iterable<readonly string[]>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const ballot of ballots) for (const id of ballot) counts.set(id, (counts.get(id) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => compare(a, b)));
}

export interface RankedItem {
  itemId: string;
  title: string;
  votes: number;
  /** Standard competition ranking: ties share a rank and the next rank skips (1, 1, 3). */
  rank: number;
}

/**
 * The tally as a ranking: most dots first, then by title, then by id (so the order never depends
 * on the runtime). An item without a title (no longer on the board) is `REMOVED_ITEM_TITLE`.
 * Items with no dots are not listed.
 */
export function ranking(counts: Readonly<Record<string, number>>, itemTitles: ReadonlyMap<string, string> | Readonly<Record<string, string>>): RankedItem[] {
  const titleOf = (id: string): string =>
    (itemTitles instanceof Map ? itemTitles.get(id) : Object.hasOwn(itemTitles, id) ? (itemTitles as Record<string, string>)[id] : undefined) ??
    REMOVED_ITEM_TITLE;
  const entries = Object.entries(counts)
    .filter(([, n]) => Number.isInteger(n) && n > 0)
    .map(([itemId, votes]) => ({ itemId, title: titleOf(itemId), votes, rank: 0 }))
    .sort((a, b) => b.votes - a.votes || compare(a.title, b.title) || compare(a.itemId, b.itemId));
  entries.forEach((e, i) => {
    e.rank = i > 0 && entries[i - 1].votes === e.votes ? entries[i - 1].rank : i + 1;
  });
  return entries;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const STATUSES: readonly VoteRoundStatus[] = ['open', 'revealed'];

/** A VoteRound read from the control document, or null when the value is not one. */
export function parseVoteRound(value: unknown): VoteRound | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const int = (x: unknown, min: number, max: number) => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
  const time = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  if (typeof v.id !== 'string' || typeof v.stepId !== 'string') return null;
  if (!STATUSES.includes(v.status as VoteRoundStatus)) return null;
  if (!int(v.perPerson, 1, VOTE_LIMITS.maxPerPerson)) return null;
  if (v.perItem !== null && !int(v.perItem, 1, v.perPerson as number)) return null;
  if (!time(v.startedAt) || (v.revealedAt !== null && !time(v.revealedAt))) return null;
  let tallied: Record<string, number> | null = null;
  if (v.tally !== null && v.tally !== undefined) {
    if (typeof v.tally !== 'object' || Array.isArray(v.tally)) return null;
    // fromEntries defines own properties, so even an id like `__proto__` stays a key.
    tallied = Object.fromEntries(Object.entries(v.tally as Record<string, unknown>).filter(([, n]) => int(n, 1, Number.MAX_SAFE_INTEGER))) as Record<
      string,
      number
    >;
  }
  return {
    id: v.id,
    stepId: v.stepId,
    perPerson: v.perPerson as number,
    perItem: v.perItem as number | null,
    status: v.status as VoteRoundStatus,
    startedAt: v.startedAt as number,
    revealedAt: v.revealedAt as number | null,
    startedBy: typeof v.startedBy === 'string' ? v.startedBy : '',
    voters: int(v.voters, 0, Number.MAX_SAFE_INTEGER) ? (v.voters as number) : 0,
    tally: tallied,
  };
}

/** The rounds of a control document, in start order (ties by id); entries that are not rounds are skipped. */
export function readRounds(doc: Y.Doc): VoteRound[] {
  const rounds: VoteRound[] = [];
  for (const value of doc.getMap<unknown>(CONTROL_VOTES).values()) {
    const round = parseVoteRound(value);
    if (round) rounds.push(round);
  }
  return rounds.sort((a, b) => a.startedAt - b.startedAt || compare(a.id, b.id));
}
