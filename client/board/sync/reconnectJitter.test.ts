import { describe, expect, it } from 'vitest';
import { jitteredDelay, MAX_RECONNECT_DELAY_MS } from './reconnectJitter';

describe('reconnect jitter', () => {
  it('waits between half and all of the exponential backoff', () => {
    expect(jitteredDelay(0, () => 0)).toBe(100);
    expect(jitteredDelay(0, () => 1)).toBe(200);
    expect(jitteredDelay(2, () => 0)).toBe(400);
    expect(jitteredDelay(2, () => 1)).toBe(800);
  });

  it('never waits longer than the cap, and spreads clients over its second half', () => {
    const delays = Array.from({ length: 1000 }, () => jitteredDelay(10));
    expect(Math.max(...delays)).toBeLessThanOrEqual(MAX_RECONNECT_DELAY_MS);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(MAX_RECONNECT_DELAY_MS / 2);
    // Not all in one moment: a thousand clients land in at least 50 different 10 ms slots.
    expect(new Set(delays.map((d) => Math.floor(d / 10))).size).toBeGreaterThan(50);
  });
});
