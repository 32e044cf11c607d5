import { describe, expect, it } from 'vitest';
import { DEFAULT_STUCK_MINUTES, isWorking, parseStuckMinutes, stuckFor, updateWorkingSince } from './stuck';

const MIN = 60_000;
const now = 1_000 * MIN;
const threshold = 10 * MIN;
const editor = { name: 'Ada', role: 'editor' };
const viewer = { name: 'Trainer', role: 'viewer' };
const facilitator = { name: 'Fatima', role: 'facilitator' };

describe('isWorking', () => {
  it('is true while someone who can change the board has it open', () => {
    expect(isWorking({ present: [editor] })).toBe(true);
    expect(isWorking({ present: [viewer, facilitator] })).toBe(true);
  });

  it('is false for an empty board or one only viewers watch', () => {
    expect(isWorking({ present: [] })).toBe(false);
    expect(isWorking({ present: [viewer] })).toBe(false);
  });
});

describe('stuckFor', () => {
  it('flags a working board without a change for longer than the threshold', () => {
    expect(stuckFor({ working: true, lastActivity: now - 12 * MIN, workingSince: now - 30 * MIN, now, thresholdMs: threshold })).toEqual({ idleMs: 12 * MIN, atLeast: false });
    expect(stuckFor({ working: true, lastActivity: now - 10 * MIN, workingSince: now - 30 * MIN, now, thresholdMs: threshold })).toEqual({ idleMs: 10 * MIN, atLeast: false });
  });

  it('does not flag a board changed within the threshold', () => {
    expect(stuckFor({ working: true, lastActivity: now - 9 * MIN, workingSince: now - 30 * MIN, now, thresholdMs: threshold })).toBeNull();
  });

  it('never flags a board nobody works on, however old its last change', () => {
    expect(stuckFor({ working: false, lastActivity: now - 300 * MIN, workingSince: null, now, thresholdMs: threshold })).toBeNull();
  });

  it('counts from when the team started working, not from a change made last week', () => {
    const lastWeek = now - 7 * 24 * 60 * MIN;
    expect(stuckFor({ working: true, lastActivity: lastWeek, workingSince: now - 2 * MIN, now, thresholdMs: threshold })).toBeNull();
    expect(stuckFor({ working: true, lastActivity: lastWeek, workingSince: now - 11 * MIN, now, thresholdMs: threshold })).toEqual({ idleMs: 11 * MIN, atLeast: true });
  });

  it('flags a team that never changed its board once it has worked past the threshold', () => {
    expect(stuckFor({ working: true, lastActivity: null, workingSince: now - 10 * MIN, now, thresholdMs: threshold })).toEqual({ idleMs: 10 * MIN, atLeast: true });
    expect(stuckFor({ working: true, lastActivity: null, workingSince: null, now, thresholdMs: threshold })).toBeNull();
  });
});

describe('updateWorkingSince', () => {
  const board = (boardId: string, working: boolean) => ({ boardId, present: working ? [editor] : [] });

  it('stamps boards that start working, keeps the time of those that go on, drops those that stop', () => {
    const first = updateWorkingSince(new Map(), [board('a', true), board('b', false)], 100);
    expect([...first]).toEqual([['a', 100]]);
    const second = updateWorkingSince(first, [board('a', true), board('b', true)], 200);
    expect([...second]).toEqual([
      ['a', 100],
      ['b', 200],
    ]);
    const third = updateWorkingSince(second, [board('a', false), board('b', true)], 300);
    expect([...third]).toEqual([['b', 200]]);
  });

  it('returns the same map when nothing changed', () => {
    const m = updateWorkingSince(new Map(), [board('a', true)], 100);
    expect(updateWorkingSince(m, [board('a', true)], 500)).toBe(m);
  });
});

describe('parseStuckMinutes', () => {
  it('accepts the offered choices and falls back to the default otherwise', () => {
    expect(parseStuckMinutes(5)).toBe(5);
    expect(parseStuckMinutes('30')).toBe(30);
    expect(parseStuckMinutes(7)).toBe(DEFAULT_STUCK_MINUTES);
    expect(parseStuckMinutes(null)).toBe(DEFAULT_STUCK_MINUTES);
  });
});
