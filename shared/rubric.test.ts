import { describe, expect, it } from 'vitest';
import { bandOf, isValidScore } from './rubric';

describe('rubric bands', () => {
  it.each([
    [1, 'exploring'],
    [3, 'exploring'],
    [4, 'developing'],
    [5, 'developing'],
    [6, 'active'],
    [8, 'active'],
    [9, 'role-model'],
    [10, 'role-model'],
  ])('puts %i in the %s band', (score, band) => {
    expect(bandOf(score).id).toBe(band);
  });

  it.each([0, 11, 5.5, -1, Number.NaN])('rejects %s', (score) => {
    expect(isValidScore(score)).toBe(false);
    expect(() => bandOf(score)).toThrow(RangeError);
  });
});
