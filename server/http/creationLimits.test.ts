import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import type { RunningServer } from '../../tests/helpers/server';
import { startTestServer } from '../../tests/helpers/server';
import { clientAddress } from '../runtime/clientAddress';
import { RateLimiter } from './rateLimit';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const boardBody = { template: 'blank', title: 'Flood', region: 'Here', sector: 'Any' };

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server!.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
}

describe('anonymous creation from one address', () => {
  it('refuses a burst of 300 boards past the allowance with 429 and Retry-After, and leaves other addresses alone', async () => {
    server = await startTestServer({ config: { creationLimit: { burst: 60, perHour: 120 }, trustProxy: true } });
    const me = { 'x-forwarded-for': '203.0.113.7' };
    const answers = [];
    for (let i = 0; i < 300; i++) answers.push(await post('/api/boards', boardBody, me));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(60);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(240);
    expect(refused[0].body.error).toMatchObject({ code: 'rate_limited' });
    expect(Number(refused[0].retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused[0].retryAfter)).toBeLessThanOrEqual(30);
    // Someone else is not affected.
    expect((await post('/api/boards', boardBody, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(201);
  });

  it("counts a cohort as its teams: a trainer's 30-team cohort goes through, a flood of cohorts does not", async () => {
    server = await startTestServer({ config: { creationLimit: { burst: 60, perHour: 120 } } });
    const cohort = (count: number) => post('/api/cohorts', { name: 'Academy', template: 'many-tables-many-knocks', count });
    expect((await cohort(30)).status).toBe(201);
    expect((await cohort(30)).status).toBe(201);
    const third = await cohort(30);
    expect(third.status).toBe(429);
    expect(third.body.error.message).toMatch(/^Creating 30 more boards from this address would pass its limit/);
    // The teams of one cohort are capped.
    expect((await cohort(41)).status).toBe(400);
  });
});

describe('RateLimiter', () => {
  it('refills over time and says when enough will be back', () => {
    let now = 0;
    const limiter = new RateLimiter(10, 3600, 100, () => now); // one a second
    expect(limiter.take('a', 10)).toEqual({ ok: true });
    expect(limiter.take('a', 3)).toEqual({ ok: false, retryAfterS: 3 });
    now += 3000;
    expect(limiter.take('a', 3)).toEqual({ ok: true });
    expect(limiter.take('a', 11)).toEqual({ ok: false, retryAfterS: 3600 });
  });

  it('keeps at most maxKeys addresses, forgetting the least recently used', () => {
    const limiter = new RateLimiter(1, 1, 2, () => 0);
    limiter.take('a');
    limiter.take('b');
    limiter.take('c'); // forgets a
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('c').ok).toBe(false);
  });
});

describe('clientAddress', () => {
  const req = (remoteAddress: string, forwarded?: string) => ({ socket: { remoteAddress }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} }) as unknown as IncomingMessage;
  it('is the peer, IPv4-mapped addresses as IPv4, IPv6 per /64', () => {
    expect(clientAddress(req('::ffff:192.0.2.1'))).toBe('192.0.2.1');
    expect(clientAddress(req('2001:db8:1:2:3:4:5:6'))).toBe('2001:db8:1:2::/64');
    expect(clientAddress(req('2001:db8::1'))).toBe('2001:db8:0:0::/64');
  });
  it("takes the proxy's X-Forwarded-For entry only when told to trust it", () => {
    expect(clientAddress(req('10.0.0.1', '203.0.113.9, 198.51.100.4'))).toBe('10.0.0.1');
    expect(clientAddress(req('10.0.0.1', '203.0.113.9, 198.51.100.4'), true)).toBe('198.51.100.4');
  });
});
