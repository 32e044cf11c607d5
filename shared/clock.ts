/**
 * Estimating the server's clock from a client whose own clock may be wrong.
 *
 * A sample is one round trip to `GET /api/time`: the client's clock when it sent the request and
 * when the answer came back, and the server's clock in the answer. Assuming the answer was
 * written half-way through the round trip, the offset (server minus client) is
 * `serverNow - (sentAt + receivedAt) / 2`, wrong by at most half the round trip. The sample with
 * the shortest round trip is the most precise.
 */
export interface ClockSample {
  sentAt: number;
  receivedAt: number;
  serverNow: number;
}

export interface ClockEstimate {
  /** Add to the client's clock to get the server's. */
  offsetMs: number;
  /** Half the round trip of the sample used: the worst-case error of the offset. */
  errorMs: number;
}

export function estimateOffset(samples: readonly ClockSample[]): ClockEstimate | null {
  let best: ClockSample | null = null;
  for (const s of samples) {
    if (![s.sentAt, s.receivedAt, s.serverNow].every(Number.isFinite) || s.receivedAt < s.sentAt) continue;
    if (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s;
  }
  if (!best) return null;
  return { offsetMs: Math.round(best.serverNow - (best.sentAt + best.receivedAt) / 2), errorMs: (best.receivedAt - best.sentAt) / 2 };
}
