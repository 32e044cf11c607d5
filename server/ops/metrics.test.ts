import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../tests/helpers/server';
import { createApp } from '../../tests/helpers/server';
import { silentLogger } from '../runtime/log';
import { Relay } from '../sync/Relay';
import { DEFAULT_LIMITS } from '../sync/relayLimits';
import { MemoryStorage } from '../storage/MemoryStorage';
import { allAcked, connectClient, synced, type TestClient } from '../../tests/helpers/clients';
import { eventually } from '../../tests/helpers/eventually';
import { capturingLogger, createTestBoard, startTestServer } from '../../tests/helpers/server';
import { entries } from '../../tests/helpers/boardContent';

let server: RunningServer | null = null;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
  server = null;
});

/** The scrape as a map from `name{labels}` to its value. */
async function scrape(url: string, headers: Record<string, string> = {}): Promise<{ text: string; value(series: string): number }> {
  const res = await fetch(`${url}/metrics`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  return {
    text,
    value(series: string) {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line ? Number(line.slice(series.length + 1)) : 0;
    },
  };
}

function connect(board: { id: string }, token: string): TestClient {
  const c = connectClient(server!, board.id, token, { ack: true });
  clients.push(c);
  return c;
}

describe('GET /metrics', () => {
  it('counts rooms, connections by role, and updates and bytes stored as people edit', async () => {
    server = await startTestServer({ limits: { compactAfterUpdates: 5, compactIdleMs: 0 } });
    const board = await createTestBoard(server);
    const before = await scrape(server.url);
    expect(before.value('pb_rooms_open{doc="board"}')).toBe(0);

    const editor = connect(board, board.tokens.editor);
    const viewer = connect(board, board.tokens.viewer);
    await synced(editor);
    await synced(viewer);
    for (let i = 0; i < 12; i++) entries(editor.doc).set(`k${i}`, 'x'.repeat(100));
    await eventually(() => expect(allAcked(editor)).toBe(true));

    const after = await scrape(server.url);
    expect(after.value('pb_rooms_open{doc="board"}')).toBe(1);
    expect(after.value('pb_connections{doc="board",role="editor"}')).toBe(1);
    expect(after.value('pb_connections{doc="board",role="viewer"}')).toBe(1);
    expect(after.value('pb_connections{doc="board",role="facilitator"}')).toBe(0);
    const stored = after.value('pb_updates_stored_total{doc="board"}') - before.value('pb_updates_stored_total{doc="board"}');
    expect(stored).toBeGreaterThanOrEqual(1);
    expect(stored).toBeLessThanOrEqual(12);
    expect(after.value('pb_update_bytes_stored_total{doc="board"}')).toBeGreaterThan(12 * 100);
    expect(after.value('pb_ack_latency_seconds_count{doc="board"}')).toBeGreaterThanOrEqual(1);
    expect(after.value('pb_compaction_duration_seconds_count{doc="board"}')).toBe(after.value('pb_compactions_total{doc="board",result="ok"}'));
  });

  it('counts compactions and their durations', async () => {
    server = await startTestServer({ limits: { compactAfterUpdates: 2, compactIdleMs: 0 } });
    const board = await createTestBoard(server);
    const editor = connect(board, board.tokens.editor);
    await synced(editor);
    for (let i = 0; i < 6; i++) {
      entries(editor.doc).set(`k${i}`, i);
      await eventually(() => expect(allAcked(editor)).toBe(true));
    }
    const m = await scrape(server.url);
    expect(m.value('pb_compactions_total{doc="board",result="ok"}')).toBeGreaterThanOrEqual(2);
    expect(m.value('pb_compaction_duration_seconds_count{doc="board"}')).toBeGreaterThanOrEqual(2);
  });

  it('counts HTTP requests by route pattern and status, and times exports by format', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    await fetch(`${server.url}/api/boards/${board.id}?token=${board.tokens.viewer}`);
    await fetch(`${server.url}/api/boards/${board.id}?token=wrong`);
    await fetch(`${server.url}/api/boards/${board.id}/export?format=json&token=${board.tokens.viewer}`);
    await fetch(`${server.url}/api/boards/${board.id}/export?format=csv&token=${board.tokens.viewer}`);
    const m = await scrape(server.url);
    expect(m.value('pb_http_requests_total{method="POST",route="/api/boards",status="201"}')).toBe(1);
    expect(m.value('pb_http_requests_total{method="GET",route="/api/boards/:id",status="200"}')).toBe(1);
    expect(m.value('pb_http_requests_total{method="GET",route="/api/boards/:id",status="401"}')).toBe(1);
    expect(m.value('pb_http_requests_total{method="GET",route="/api/boards/:id/export",status="200"}')).toBe(2);
    expect(m.value('pb_export_duration_seconds_count{format="json"}')).toBe(1);
    expect(m.value('pb_export_duration_seconds_count{format="csv"}')).toBe(1);
  });

  it('reports the process: memory, event-loop lag, build info', async () => {
    server = await startTestServer();
    const m = await scrape(server.url);
    expect(m.value('process_resident_memory_bytes')).toBeGreaterThan(10 * 1024 * 1024);
    expect(m.text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(m.text).toContain('nodejs_heap_size_used_bytes');
    expect(m.value(`pb_build_info{node="${process.versions.node}"}`)).toBe(1);
  });

  it('never puts a token, a board id or a title in a label', async () => {
    server = await startTestServer();
    const title = 'Secret Cohort Of Welders';
    const board = await createTestBoard(server, { title });
    const editor = connect(board, board.tokens.editor);
    await synced(editor);
    entries(editor.doc).set('a', title);
    await eventually(() => expect(allAcked(editor)).toBe(true));
    for (const token of Object.values(board.tokens)) {
      await fetch(`${server.url}/api/boards/${board.id}/results?token=${token}`);
      await fetch(`${server.url}/b/${board.id}?token=${token}`);
    }
    await fetch(`${server.url}/api/boards/${board.id}/nothing-here?token=${board.tokens.facilitator}`);
    const { text } = await scrape(server.url);
    for (const token of Object.values(board.tokens)) expect(text).not.toContain(token);
    expect(text).not.toContain(board.id);
    expect(text).not.toContain('Secret');
    expect(text).toContain('route="/api/boards/:id/results"');
    expect(text).toContain('route="/api/unknown"');
  });

  it("labels a request with its route's pattern from the route table, whichever feature serves it", async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    await fetch(`${server.url}/api/boards/${board.id}/votes/r1/ballots/v1?token=${board.tokens.editor}`);
    await fetch(`${server.url}/api/boards/${board.id}/snapshots/SnapZebra42/state?token=${board.tokens.viewer}`);
    await fetch(`${server.url}/api/partnerships/AAAAAAAAAAAAAAAA?token=nope`);
    const { text } = await scrape(server.url);
    expect(text).toContain('route="/api/boards/:id/votes/:round/ballots/:voter"');
    expect(text).toContain('route="/api/boards/:id/snapshots/:snapshot/state"');
    expect(text).toContain('route="/api/partnerships/:id"');
    expect(text).not.toContain("SnapZebra42");
  });

  it('asks for the METRICS_TOKEN when one is set', async () => {
    const storage = new MemoryStorage();
    const { Metrics } = await import('./metrics');
    const metrics = new Metrics();
    const relay = new Relay(storage, DEFAULT_LIMITS, silentLogger);
    const app = createApp({ storage, relay, logger: silentLogger, clientDir: '/nonexistent', metrics, metricsToken: 'scrape-secret-1234' });
    const httpServer = http.createServer((req, res) => void app.handle(req, res));
    await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(httpServer.address() as { port: number }).port}`;
    try {
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await scrape(url, { authorization: 'Bearer scrape-secret-1234' })).text).toContain('pb_http_requests_total');
    } finally {
      await relay.close();
      httpServer.close();
    }
  });
});

describe('the access log', () => {
  it('writes one line per request with method, route pattern, status and time, never the query string', async () => {
    const { logger, lines } = capturingLogger();
    server = await startTestServer({ logger });
    const board = await createTestBoard(server);
    await fetch(`${server.url}/api/boards/${board.id}?token=${board.tokens.facilitator}`);
    await fetch(`${server.url}/api/boards/${board.id}/export?format=md&token=${board.tokens.editor}`);
    await eventually(() => expect(lines.filter((l) => l.includes('"http.request"'))).toHaveLength(3));
    const entries = lines.filter((l) => l.includes('"http.request"')).map((l) => JSON.parse(l));
    expect(entries.map((e) => [e.method, e.route, e.status])).toEqual([
      ['POST', '/api/boards', 201],
      ['GET', '/api/boards/:id', 200],
      ['GET', '/api/boards/:id/export', 200],
    ]);
    for (const e of entries) expect(typeof e.ms).toBe('number');
    const all = lines.join('\n');
    for (const token of Object.values(board.tokens)) expect(all).not.toContain(token);
    expect(all).not.toContain('format=md');
  });

  it('logs probes and scrapes at debug level only', async () => {
    const { logger, lines } = capturingLogger();
    server = await startTestServer({ logger });
    await fetch(`${server.url}/healthz`);
    await fetch(`${server.url}/readyz`);
    await fetch(`${server.url}/api/time`);
    await eventually(() => expect(lines.filter((l) => l.includes('"http.request"'))).toHaveLength(3));
    const levels = lines.filter((l) => l.includes('"http.request"')).map((l) => JSON.parse(l)).map((e) => [e.route, e.level]);
    expect(levels).toEqual([
      ['/healthz', 'debug'],
      ['/readyz', 'debug'],
      ['/api/time', 'info'],
    ]);
  });
});

describe('GET /readyz', () => {
  it('is 200 while storage answers, 503 once it does not; /healthz stays 200', async () => {
    const storage = new MemoryStorage();
    server = await startTestServer({ storage });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ ready: true, storage: 'memory' });
    storage.ping = async () => {
      throw new Error('disk gone');
    };
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ready: false, reason: 'storage' });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('is 503 while the server is stopping', async () => {
    const storage = new MemoryStorage();
    let draining = false;
    const relay = new Relay(storage, DEFAULT_LIMITS, silentLogger);
    const app = createApp({ storage, relay, logger: silentLogger, clientDir: '/nonexistent', isDraining: () => draining });
    const httpServer = http.createServer((req, res) => void app.handle(req, res));
    await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(httpServer.address() as { port: number }).port}`;
    try {
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      draining = true;
      const res = await fetch(`${url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ ready: false, reason: 'draining' });
    } finally {
      await relay.close();
      httpServer.close();
    }
  });
});
