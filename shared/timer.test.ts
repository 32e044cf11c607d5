import { describe, expect, it } from 'vitest';
import { estimateOffset } from './clock';
import { addTime, formatRemaining, hasEnded, idleTimer, MAX_TIMER_MS, parseTimer, pause, remainingMs, reset, start } from './timer';

const MIN = 60_000;
const T0 = 1_800_000_000_000; // a server time

describe('session timer', () => {
  it('counts down from the start, in server time', () => {
    const t = start(idleTimer(5 * MIN, 'map'), T0);
    expect(t).toEqual({ status: 'running', durationMs: 5 * MIN, endsAt: T0 + 5 * MIN, stepId: 'map' });
    expect(remainingMs(t, T0)).toBe(5 * MIN);
    expect(remainingMs(t, T0 + 90_000)).toBe(3.5 * MIN);
    expect(hasEnded(t, T0 + 5 * MIN - 1)).toBe(false);
    expect(hasEnded(t, T0 + 5 * MIN)).toBe(true);
    expect(remainingMs(t, T0 + 6 * MIN)).toBe(0);
  });

  it('pauses and resumes without losing or gaining time', () => {
    let t = start(idleTimer(5 * MIN), T0);
    t = pause(t, T0 + 2 * MIN);
    expect(t).toEqual({ status: 'paused', durationMs: 5 * MIN, remainingMs: 3 * MIN });
    // Time passing while paused changes nothing.
    expect(remainingMs(t, T0 + 60 * MIN)).toBe(3 * MIN);
    t = start(t, T0 + 10 * MIN);
    expect(t.status).toBe('running');
    expect(remainingMs(t, T0 + 10 * MIN)).toBe(3 * MIN);
    expect(remainingMs(t, T0 + 12 * MIN)).toBe(1 * MIN);
    // Pausing twice or starting a running timer is a no-op.
    expect(start(t, T0 + 11 * MIN)).toBe(t);
    const p = pause(t, T0 + 11 * MIN);
    expect(pause(p, T0 + 12 * MIN)).toBe(p);
  });

  it('adds a minute in every state, and restarts an ended timer from now', () => {
    expect(addTime(idleTimer(5 * MIN), T0, MIN)).toEqual(idleTimer(6 * MIN));
    const paused = pause(start(idleTimer(5 * MIN), T0), T0 + 4 * MIN);
    expect(remainingMs(addTime(paused, T0 + 9 * MIN, MIN), T0 + 9 * MIN)).toBe(2 * MIN);
    const running = start(idleTimer(5 * MIN), T0);
    expect(remainingMs(addTime(running, T0 + MIN, MIN), T0 + MIN)).toBe(5 * MIN);
    // Ran out two minutes ago: one more minute counts from now, not from the old end.
    const late = addTime(running, T0 + 7 * MIN, MIN);
    expect(remainingMs(late, T0 + 7 * MIN)).toBe(MIN);
    expect(hasEnded(late, T0 + 7 * MIN)).toBe(false);
  });

  it('resets to idle at the (possibly extended) duration', () => {
    const t = addTime(start(idleTimer(5 * MIN, 's1'), T0), T0, MIN);
    expect(reset(t)).toEqual(idleTimer(6 * MIN, 's1'));
    expect(reset(t, 10 * MIN)).toEqual(idleTimer(10 * MIN, 's1'));
  });

  it('shows the same remaining time to a late joiner and to a client with a wrong clock', () => {
    const t = start(idleTimer(10 * MIN), T0);
    // The facilitator started it at T0; a participant joins 4 minutes later. Their computer clock
    // is 7 minutes fast, but they read the server clock through their estimate of the offset.
    const serverNowAtJoin = T0 + 4 * MIN;
    const skew = 7 * MIN;
    const clientNow = serverNowAtJoin + skew;
    const estimate = estimateOffset([
      { sentAt: clientNow - 40, receivedAt: clientNow, serverNow: serverNowAtJoin - 20 },
      { sentAt: clientNow - 300, receivedAt: clientNow + 100, serverNow: serverNowAtJoin + 500 },
    ]);
    expect(estimate).not.toBeNull();
    const participantView = remainingMs(t, clientNow + (estimate?.offsetMs ?? 0));
    expect(Math.abs(participantView - 6 * MIN)).toBeLessThanOrEqual(estimate?.errorMs ?? 0);
    // Reading the local clock instead would show 7 minutes less: the bug this design avoids.
    expect(remainingMs(t, clientNow)).toBe(0);
  });

  it('clamps durations and refuses malformed states', () => {
    expect(idleTimer(-5).durationMs).toBe(0);
    expect(idleTimer(Number.NaN).durationMs).toBe(0);
    expect(idleTimer(10 * MAX_TIMER_MS).durationMs).toBe(MAX_TIMER_MS);
    expect(parseTimer({ status: 'running', durationMs: 1000 })).toBeNull();
    expect(parseTimer({ status: 'bogus', durationMs: 1000 })).toBeNull();
    expect(parseTimer('5 minutes')).toBeNull();
    expect(parseTimer({ status: 'paused', durationMs: MIN, remainingMs: 30_000, stepId: 'x' })).toEqual({
      status: 'paused',
      durationMs: MIN,
      remainingMs: 30_000,
      stepId: 'x',
    });
  });

  it('formats remaining time rounded up to the second', () => {
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(1)).toBe('0:01');
    expect(formatRemaining(59_001)).toBe('1:00');
    expect(formatRemaining(5 * MIN)).toBe('5:00');
    expect(formatRemaining(61 * MIN + 5000)).toBe('1:01:05');
  });
});

describe('server clock estimate', () => {
  it('takes the sample with the shortest round trip', () => {
    const e = estimateOffset([
      { sentAt: 1000, receivedAt: 1400, serverNow: 5300 },
      { sentAt: 2000, receivedAt: 2020, serverNow: 6010 },
    ]);
    expect(e).toEqual({ offsetMs: 4000, errorMs: 10 });
  });

  it('ignores impossible samples and answers null without any', () => {
    expect(estimateOffset([])).toBeNull();
    expect(estimateOffset([{ sentAt: 10, receivedAt: 5, serverNow: 100 }])).toBeNull();
    expect(estimateOffset([{ sentAt: Number.NaN, receivedAt: 5, serverNow: 100 }])).toBeNull();
  });
});
