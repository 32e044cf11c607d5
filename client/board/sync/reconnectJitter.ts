import type { WebsocketProvider } from 'y-websocket';

/** The longest wait between two reconnection attempts (y-websocket's own default). */
export const MAX_RECONNECT_DELAY_MS = 2500;

/**
 * The wait before the next reconnection attempt, "equal jitter": half of y-websocket's
 * exponential backoff (200 ms, 400 ms, … up to MAX_RECONNECT_DELAY_MS) plus a random part of the
 * other half. When a server dies, its hundreds of clients then come back spread over the
 * interval instead of all in the same millisecond.
 */
export function jitteredDelay(failuresSoFar: number, random: () => number = Math.random): number {
  const backoff = Math.min(2 ** (failuresSoFar + 1) * 100, MAX_RECONNECT_DELAY_MS);
  return Math.max(1, Math.round(backoff / 2 + random() * (backoff / 2)));
}

/**
 * Gives a provider's reconnections jitter. y-websocket waits min(2^n × 100 ms, maxBackoffTime)
 * after its n-th failed attempt, and emits `connection-close` just before it schedules the next
 * one: setting maxBackoffTime there to the jittered delay makes that the wait.
 */
export function addReconnectJitter(provider: WebsocketProvider, random: () => number = Math.random): void {
  provider.on('connection-close', () => {
    provider.maxBackoffTime = jitteredDelay(provider.wsUnsuccessfulReconnects, random);
  });
}
