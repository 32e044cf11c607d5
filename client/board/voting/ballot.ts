import { VOTE_LIMITS } from '../../../shared/doc/control';
import { ApiError, NetworkError } from '../../lib/api';

/**
 * Dot voting, the pure part: a ballot is a list of item ids, one per dot (an id repeated = several
 * dots on that item), edited within the round's limits (the server checks the same with
 * shared/votes.ts validateBallot; the ranking of a revealed tally is shared/votes.ts ranking).
 */

export type Ballot = readonly string[];

export interface BallotLimits {
  /** Dots each person may place. */
  perPerson: number;
  /** Dots one person may put on a single item; null: up to perPerson. */
  perItem: number | null;
}

/** Why a dot cannot be added or removed. */
export type DotRefusal = 'no-dots-left' | 'item-full' | 'no-dot-here';

/** Dots on one item. */
export function dotsOn(ballot: Ballot, itemId: string): number {
  let n = 0;
  for (const id of ballot) if (id === itemId) n++;
  return n;
}

/** Item id → dots. */
export function countDots(ballot: Ballot): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ballot) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

export function dotsLeft(ballot: Ballot, limits: BallotLimits): number {
  return Math.max(0, limits.perPerson - ballot.length);
}

/** Null when one more dot may go on the item, else the reason it may not. */
export function addRefusal(ballot: Ballot, itemId: string, limits: BallotLimits): DotRefusal | null {
  if (ballot.length >= limits.perPerson) return 'no-dots-left';
  if (limits.perItem !== null && dotsOn(ballot, itemId) >= limits.perItem) return 'item-full';
  return null;
}

export type DotEdit = { ok: true; ballot: string[] } | { ok: false; reason: DotRefusal };

export function addDot(ballot: Ballot, itemId: string, limits: BallotLimits): DotEdit {
  const reason = addRefusal(ballot, itemId, limits);
  return reason ? { ok: false, reason } : { ok: true, ballot: [...ballot, itemId] };
}

/** Takes one dot off the item (the last one placed). */
export function removeDot(ballot: Ballot, itemId: string): DotEdit {
  const at = ballot.lastIndexOf(itemId);
  if (at < 0) return { ok: false, reason: 'no-dot-here' };
  return { ok: true, ballot: [...ballot.slice(0, at), ...ballot.slice(at + 1)] };
}

/** Whether two ballots put the same dots on the same items (order does not matter). */
export function sameDots(a: Ballot, b: Ballot): boolean {
  if (a.length !== b.length) return false;
  const ca = countDots(a);
  const cb = countDots(b);
  for (const [id, n] of ca) if (cb.get(id) !== n) return false;
  return true;
}

export function refusalMessage(reason: DotRefusal, limits: BallotLimits, title: string): string {
  switch (reason) {
    case 'no-dots-left':
      return `You have used all ${plural(limits.perPerson, 'dot')}. Take one off another card first.`;
    case 'item-full':
      return `At most ${plural(limits.perItem ?? limits.perPerson, 'dot')} per card: “${title}” has them all.`;
    case 'no-dot-here':
      return `You have no dot on “${title}”.`;
  }
}

/** What to tell the person when the server refused their ballot (their dots went back). */
export function ballotErrorMessage(e: unknown): string {
  if (e instanceof NetworkError) return 'Your dots could not be saved: the server could not be reached. Try again.';
  if (e instanceof ApiError) {
    switch (e.code) {
      case 'vote_closed':
        return 'This vote is closed: your dots can no longer change.';
      case 'too_many_votes':
        return 'The server refused: that is more dots than this vote allows.';
      case 'too_many_on_item':
        return 'The server refused: that is more dots on one card than this vote allows.';
      case 'unknown_item':
        return 'The server refused a dot on a card it does not know (it may have been moved or removed).';
    }
    if (e.status === 403) return 'Your link does not allow voting.';
    return `Your dots could not be saved: ${e.message}`;
  }
  return `Your dots could not be saved: ${e instanceof Error ? e.message : String(e)}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export interface StartFormInput {
  stepId: string;
  perPerson: string;
  perItem: string;
}

export type StartFormErrors = Partial<Record<'stepId' | 'perPerson' | 'perItem', string>>;

/** Checks the facilitator's "Start a dot vote" form; the same rules as the server. */
export function validateStartForm(
  input: StartFormInput,
  stepIds: readonly string[],
): { ok: true; value: { stepId: string; perPerson: number; perItem: number | null } } | { ok: false; errors: StartFormErrors } {
  const errors: StartFormErrors = {};
  if (!stepIds.includes(input.stepId)) errors.stepId = 'Choose the step whose cards are voted on.';
  const max = VOTE_LIMITS.maxPerPerson;
  const perPerson = wholeNumber(input.perPerson);
  if (perPerson === null || perPerson < 1 || perPerson > max) errors.perPerson = `Enter a whole number from 1 to ${max}.`;
  let perItem: number | null = null;
  if (input.perItem.trim() !== '') {
    perItem = wholeNumber(input.perItem);
    const upTo = perPerson !== null && perPerson >= 1 && perPerson <= max ? perPerson : max;
    if (perItem === null || perItem < 1 || perItem > upTo) errors.perItem = `Leave empty for no limit, or enter 1 to ${upTo}.`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { stepId: input.stepId, perPerson: perPerson as number, perItem } };
}

function wholeNumber(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  return Number(t);
}
