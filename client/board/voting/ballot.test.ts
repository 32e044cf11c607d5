import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../lib/api';
import {
  addDot,
  addRefusal,
  ballotErrorMessage,
  countDots,
  dotsLeft,
  dotsOn,
  refusalMessage,
  removeDot,
  sameDots,
  validateStartForm,
} from './ballot';

const limits = { perPerson: 3, perItem: 2 };

describe('ballot editing', () => {
  it('counts dots per item and what is left', () => {
    const ballot = ['a', 'b', 'a'];
    expect(dotsOn(ballot, 'a')).toBe(2);
    expect(dotsOn(ballot, 'c')).toBe(0);
    expect([...countDots(ballot)]).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(dotsLeft(ballot, limits)).toBe(0);
    expect(dotsLeft(['a'], limits)).toBe(2);
    expect(dotsLeft(['a', 'b', 'c', 'd'], limits)).toBe(0);
  });

  it('adds a dot within the limits and refuses beyond them', () => {
    expect(addDot([], 'a', limits)).toEqual({ ok: true, ballot: ['a'] });
    expect(addDot(['a'], 'a', limits)).toEqual({ ok: true, ballot: ['a', 'a'] });
    expect(addDot(['a', 'a'], 'a', limits)).toEqual({ ok: false, reason: 'item-full' });
    expect(addDot(['a', 'a', 'b'], 'c', limits)).toEqual({ ok: false, reason: 'no-dots-left' });
    // No per-item limit: every dot may go on one card.
    expect(addRefusal(['a', 'a'], 'a', { perPerson: 3, perItem: null })).toBeNull();
    expect(addRefusal(['a', 'a', 'a'], 'a', { perPerson: 3, perItem: null })).toBe('no-dots-left');
  });

  it('removes the last dot placed on an item', () => {
    expect(removeDot(['a', 'b', 'a'], 'a')).toEqual({ ok: true, ballot: ['a', 'b'] });
    expect(removeDot(['b'], 'a')).toEqual({ ok: false, reason: 'no-dot-here' });
  });

  it('compares ballots by dots, not order', () => {
    expect(sameDots(['a', 'b', 'a'], ['b', 'a', 'a'])).toBe(true);
    expect(sameDots(['a', 'b'], ['a', 'a'])).toBe(false);
    expect(sameDots(['a'], ['a', 'a'])).toBe(false);
  });

  it('explains refusals', () => {
    expect(refusalMessage('no-dots-left', limits, 'X')).toMatch(/all 3 dots/);
    expect(refusalMessage('item-full', { perPerson: 2, perItem: 1 }, 'Chamber')).toMatch(/At most 1 dot per card: “Chamber”/);
    expect(ballotErrorMessage(new ApiError(409, 'vote_closed', 'closed'))).toMatch(/closed/);
    expect(ballotErrorMessage(new ApiError(400, 'too_many_on_item', 'x'))).toMatch(/more dots on one card/);
    expect(ballotErrorMessage(new ApiError(403, 'forbidden', 'no'))).toMatch(/does not allow voting/);
    expect(ballotErrorMessage(new NetworkError(new Error('down')))).toMatch(/could not be reached/);
  });
});

describe('validateStartForm', () => {
  const steps = ['place', 'connect'];
  it('accepts whole numbers in range; an empty per-item limit is none', () => {
    expect(validateStartForm({ stepId: 'place', perPerson: '2', perItem: '1' }, steps)).toEqual({
      ok: true,
      value: { stepId: 'place', perPerson: 2, perItem: 1 },
    });
    expect(validateStartForm({ stepId: 'connect', perPerson: ' 20 ', perItem: '' }, steps)).toEqual({
      ok: true,
      value: { stepId: 'connect', perPerson: 20, perItem: null },
    });
  });

  it('names every bad field', () => {
    const r = validateStartForm({ stepId: 'nope', perPerson: '0', perItem: '2.5' }, steps);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['perItem', 'perPerson', 'stepId']);
    expect(validateStartForm({ stepId: 'place', perPerson: '21', perItem: '' }, steps).ok).toBe(false);
    const over = validateStartForm({ stepId: 'place', perPerson: '3', perItem: '4' }, steps);
    expect(over.ok ? null : over.errors.perItem).toMatch(/1 to 3/);
  });
});
