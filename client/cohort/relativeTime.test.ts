import { describe, expect, it } from 'vitest';
import { formatRelative, relativeFromIso } from './relativeTime';

const MIN = 60_000;
const now = Date.UTC(2026, 4, 4, 12, 0, 0);

describe('formatRelative', () => {
  it('says "just now" for the last 45 seconds and for times slightly in the future', () => {
    expect(formatRelative(now, now)).toBe('just now');
    expect(formatRelative(now - 44_000, now)).toBe('just now');
    expect(formatRelative(now + 5_000, now)).toBe('just now');
  });

  it('counts minutes under an hour', () => {
    expect(formatRelative(now - 50_000, now)).toBe('1 min ago');
    expect(formatRelative(now - 5 * MIN, now)).toBe('5 min ago');
    expect(formatRelative(now - 59 * MIN, now)).toBe('59 min ago');
  });

  it('counts whole hours under a day, then days under a week', () => {
    expect(formatRelative(now - 60 * MIN, now)).toBe('1 h ago');
    expect(formatRelative(now - 23.9 * 60 * MIN, now)).toBe('23 h ago');
    expect(formatRelative(now - 25 * 60 * MIN, now)).toBe('yesterday');
    expect(formatRelative(now - 3 * 24 * 60 * MIN, now)).toBe('3 days ago');
  });

  it('gives the date from a week on', () => {
    const text = formatRelative(now - 8 * 24 * 60 * MIN, now);
    expect(text).not.toMatch(/ago/);
    expect(text).toMatch(/2026/);
  });

  it('reads ISO times and gives nothing for a missing or bad one', () => {
    expect(relativeFromIso(new Date(now - 5 * MIN).toISOString(), now)).toBe('5 min ago');
    expect(relativeFromIso(null, now)).toBe('');
    expect(relativeFromIso('not a date', now)).toBe('');
  });
});
