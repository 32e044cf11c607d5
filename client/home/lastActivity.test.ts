import { describe, expect, it } from 'vitest';
import { newestOf } from './lastActivity';

describe('newestOf', () => {
  it('picks the latest of the boards’ last activities, skipping boards without one', () => {
    expect(newestOf([null, '2026-05-04T10:00:00.000Z', '2026-05-04T11:30:00.000Z', 'garbage'])).toBe('2026-05-04T11:30:00.000Z');
  });

  it('is null when no board has changed', () => {
    expect(newestOf([null, null])).toBeNull();
    expect(newestOf([])).toBeNull();
  });
});
