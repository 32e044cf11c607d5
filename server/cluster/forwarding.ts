import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Names the node a request was passed on by (the loop guard: such a request is never passed on again). */
export const VIA_HEADER = 'x-boards-via';
/** The real client's address and the proof that a node of this cluster vouches for it: `<ms>;<address>;<hmac>`. */
export const CLIENT_HEADER = 'x-boards-client';

/** A vouched address is believed for this long (clock skew between nodes plus a slow hop). */
const MAX_AGE_MS = 60_000;

/**
 * The key nodes sign forwarded requests with: CLUSTER_SECRET when set, else derived from
 * DATABASE_URL (every node of a cluster is given the same one, and whoever knows it can read
 * the database anyway). Set CLUSTER_SECRET when nodes reach the database by different URLs or
 * the URL holds no password.
 */
export function clusterKey(secret: string | undefined, databaseUrl: string): Buffer {
  return createHash('sha256').update('partnership-boards cluster v1\n').update(secret ?? databaseUrl).digest();
}

function signature(key: Buffer, at: string, address: string, req: IncomingMessage): Buffer {
  return createHmac('sha256', key)
    .update(`${at}\n${address}\n${req.method ?? 'GET'}\n${req.url ?? '/'}`)
    .digest();
}

/** The headers a node adds to a request it passes on to the board's owner. */
export function forwardHeaders(key: Buffer, nodeId: string, address: string, req: IncomingMessage): Record<string, string> {
  const at = String(Date.now());
  return { [VIA_HEADER]: nodeId, [CLIENT_HEADER]: `${at};${address};${signature(key, at, address, req).toString('base64url')}` };
}

/**
 * The client address another node of the cluster vouches for in this request, or null (no such
 * header, a bad or stale signature: then the request is treated as any client's).
 */
export function vouchedAddress(key: Buffer, req: IncomingMessage): string | null {
  const raw = req.headers[CLIENT_HEADER];
  if (typeof raw !== 'string' || typeof req.headers[VIA_HEADER] !== 'string') return null;
  const parts = raw.split(';');
  if (parts.length !== 3) return null;
  const [at, address, sig] = parts;
  const age = Date.now() - Number(at);
  if (!/^\d+$/.test(at) || !(Math.abs(age) <= MAX_AGE_MS)) return null;
  const expected = signature(key, at, address, req);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return address;
}
