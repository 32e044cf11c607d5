import { HttpError } from './HttpError';

/**
 * Token buckets per key (a client address): `capacity` tokens at most, refilled at `perHour`
 * an hour. Taking more than is left is refused with the time until enough has refilled. Idle
 * full buckets are forgotten, and at most `maxKeys` are kept (the least recently used go first),
 * so a flood of addresses cannot grow the map without bound.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly capacity: number,
    readonly perHour: number,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `cost` tokens for `key`; otherwise says how many seconds until they would be there. */
  take(key: string, cost = 1): { ok: true } | { ok: false; retryAfterS: number } {
    const now = this.now();
    const perMs = this.perHour / 3_600_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    // Most recently used last, so the oldest is first to go.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { ok: true };
    }
    if (cost > this.capacity || perMs <= 0) return { ok: false, retryAfterS: 3600 };
    return { ok: false, retryAfterS: Math.max(1, Math.ceil((cost - bucket.tokens) / perMs / 1000)) };
  }
}

/** Board creations allowed per client address (POST /api/boards: 1, POST /api/cohorts: one per team). */
export interface CreationLimit {
  /** Boards an address may create at once (the bucket's size). */
  burst: number;
  /** Boards an address may create per hour, on average, once its burst is used. */
  perHour: number;
}

export const DEFAULT_CREATION_LIMIT: CreationLimit = { burst: 60, perHour: 120 };

/** Charges `boards` creations to the request's address; 429 with Retry-After when over the limit. */
export function chargeCreation(limiter: RateLimiter, address: string, boards: number): void {
  const verdict = limiter.take(address, boards);
  if (verdict.ok) return;
  const message =
    boards > limiter.capacity
      ? `At most ${limiter.capacity} boards can be created at once from one address.`
      : boards === 1
        ? `Too many boards were created from this address; try again in ${verdict.retryAfterS} s.`
        : `Creating ${boards} more boards from this address would pass its limit; try again in ${verdict.retryAfterS} s.`;
  throw new HttpError(429, 'rate_limited', message, undefined, { 'Retry-After': String(verdict.retryAfterS) });
}
