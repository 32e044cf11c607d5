import { describe, expect, it } from 'vitest';
import type { VoteRound } from './control';
import { parseVoteRound, ranking, REMOVED_ITEM_TITLE, tally, validateBallot } from './votes';

const round = (over: Partial<VoteRound> = {}): VoteRound => ({
  id: 'r1',
  stepId: 'ideas',
  perPerson: 3,
  perItem: null,
  status: 'open',
  startedAt: 1_000,
  revealedAt: null,
  startedBy: 'Fac',
  voters: 0,
  tally: null,
  ...over,
});
const known = new Set(['a', 'b', 'c', 'd']);

describe('validateBallot', () => {
  it('accepts a ballot within the limits, including an empty one and repeated ids', () => {
    expect(validateBallot(round(), ['a', 'b', 'c'], known)).toEqual({ ok: true });
    expect(validateBallot(round(), ['a', 'a', 'a'], known)).toEqual({ ok: true });
    expect(validateBallot(round(), [], known)).toEqual({ ok: true });
    expect(validateBallot(round(), ['a'], (id) => id === 'a')).toEqual({ ok: true });
  });

  it('refuses more dots than perPerson', () => {
    const r = validateBallot(round(), ['a', 'b', 'c', 'd'], known);
    expect(r).toMatchObject({ ok: false, error: { code: 'too_many_votes', limit: 3 } });
    expect(validateBallot(round({ perPerson: 4 }), ['a', 'b', 'c', 'd'], known).ok).toBe(true);
  });

  it('refuses more dots on one item than perItem', () => {
    expect(validateBallot(round({ perItem: 2 }), ['a', 'a', 'b'], known)).toEqual({ ok: true });
    expect(validateBallot(round({ perItem: 2 }), ['a', 'a', 'a'], known)).toMatchObject({
      ok: false,
      error: { code: 'too_many_on_item', itemId: 'a', limit: 2 },
    });
    expect(validateBallot(round({ perItem: 1 }), ['a', 'b', 'a'], known)).toMatchObject({ ok: false, error: { code: 'too_many_on_item' } });
  });

  it('refuses unknown items and closed rounds', () => {
    expect(validateBallot(round(), ['a', 'zzz'], known)).toMatchObject({ ok: false, error: { code: 'unknown_item', itemId: 'zzz' } });
    expect(validateBallot(round({ status: 'revealed' }), ['a'], known)).toMatchObject({ ok: false, error: { code: 'vote_closed' } });
    expect(validateBallot(round({ status: 'revealed' }), [], known)).toMatchObject({ ok: false, error: { code: 'vote_closed' } });
  });

  it('checks the total before the items', () => {
    expect(validateBallot(round({ perPerson: 1 }), ['zzz', 'zzz'], known)).toMatchObject({ ok: false, error: { code: 'too_many_votes' } });
  });
});

describe('tally', () => {
  it('counts dots per item over every ballot, only items with dots', () => {
    expect(tally([['a', 'b'], ['a'], [], ['c', 'c', 'a']])).toEqual({ a: 3, b: 1, c: 2 });
  });

  it('is empty without ballots', () => {
    expect(tally([])).toEqual({});
    expect(tally([[], []])).toEqual({});
  });

  it('keeps odd ids as plain keys', () => {
    const t = tally([['__proto__', '__proto__']]);
    expect(Object.getPrototypeOf(t)).toBe(Object.prototype);
    expect(Object.entries(t)).toEqual([['__proto__', 2]]);
  });
});

describe('ranking', () => {
  const titles = new Map([
    ['a', 'Alpha'],
    ['b', 'Bravo'],
    ['c', 'Charlie'],
    ['d', 'Delta'],
  ]);

  it('orders by votes, then title, with ties sharing a rank (1, 1, 3)', () => {
    expect(ranking({ c: 2, a: 5, b: 5, d: 1 }, titles)).toEqual([
      { itemId: 'a', title: 'Alpha', votes: 5, rank: 1 },
      { itemId: 'b', title: 'Bravo', votes: 5, rank: 1 },
      { itemId: 'c', title: 'Charlie', votes: 2, rank: 3 },
      { itemId: 'd', title: 'Delta', votes: 1, rank: 4 },
    ]);
  });

  it('gives every item the same rank when all tie, and handles a tie further down', () => {
    expect(ranking({ a: 1, b: 1, c: 1 }, titles).map((e) => e.rank)).toEqual([1, 1, 1]);
    expect(ranking({ a: 3, b: 1, c: 1, d: 1 }, titles).map((e) => e.rank)).toEqual([1, 2, 2, 2]);
  });

  it('names items no longer on the board "(removed)" and accepts a plain record of titles', () => {
    expect(ranking({ gone: 2, a: 1 }, { a: 'Alpha' })).toEqual([
      { itemId: 'gone', title: REMOVED_ITEM_TITLE, votes: 2, rank: 1 },
      { itemId: 'a', title: 'Alpha', votes: 1, rank: 2 },
    ]);
    expect(ranking({ toString: 1 }, {})[0].title).toBe(REMOVED_ITEM_TITLE);
  });

  it('is empty for an empty tally', () => {
    expect(ranking({}, titles)).toEqual([]);
  });
});

describe('parseVoteRound', () => {
  it('reads a round and refuses junk', () => {
    expect(parseVoteRound(round({ tally: { a: 2 } }))).toEqual(round({ tally: { a: 2 } }));
    expect(parseVoteRound(null)).toBeNull();
    expect(parseVoteRound({ ...round(), perPerson: 0 })).toBeNull();
    expect(parseVoteRound({ ...round(), perItem: 4 })).toBeNull();
    expect(parseVoteRound({ ...round(), status: 'done' })).toBeNull();
  });
});
