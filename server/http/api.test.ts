import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../tests/helpers/server';
import { createTestBoard, startTestServer } from '../../tests/helpers/server';

let server: RunningServer;
afterEach(async () => server?.close());

async function post(body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(`${server.url}/api/boards`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

const valid = { template: 'blank', title: 'Welding pipeline', region: 'Tri-County', sector: 'Advanced manufacturing' };

describe('HTTP API', () => {
  it('answers /healthz with 200 JSON once storage is open', async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, storage: 'memory' });
  });

  it('answers 404, not 500, for a board id with a malformed percent-encoding', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    for (const path of ['/api/boards/%E0%A4%A', '/api/boards/%E0%A4%A/results', `/api/boards/${board.id}/votes/%E0%A4%A/reveal`]) {
      const res = await fetch(`${server.url}${path}?token=${board.tokens.facilitator}`, { method: path.endsWith('reveal') ? 'POST' : 'GET' });
      expect(res.status, path).toBe(404);
    }
  });

  it('answers a malformed path segment with the 404 of what it names', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const bad = '%E0%A4%A';
    const cases: [method: string, path: string, code: string][] = [
      ['GET', `/api/boards/${bad}/results`, 'board_not_found'],
      ['GET', `/api/cohorts/${bad}/summaries`, 'cohort_not_found'],
      ['GET', `/api/partnerships/${bad}`, 'partnership_not_found'],
      ['GET', `/api/boards/${board.id}/snapshots/${bad}/state`, 'snapshot_not_found'],
      ['POST', `/api/boards/${board.id}/snapshots/${bad}/restore`, 'snapshot_not_found'],
      ['POST', `/api/boards/${board.id}/votes/${bad}/reveal`, 'not_found'],
    ];
    for (const [method, path, code] of cases) {
      const res = await fetch(`${server.url}${path}?token=${board.tokens.facilitator}`, { method });
      expect([res.status, ((await res.json()) as { error: { code: string } }).error.code], path).toEqual([404, code]);
    }
  });

  it('lists templates with id, title, version and steps', async () => {
    server = await startTestServer();
    const list = (await (await fetch(`${server.url}/api/templates`)).json()) as any[];
    expect(list.find((t) => t.id === 'blank')).toMatchObject({ id: 'blank', version: 1, steps: [] });
  });

  it('creates a board and answers 201 with three distinct role links', async () => {
    server = await startTestServer();
    const { status, body } = await post(valid);
    expect(status).toBe(201);
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const links = Object.values(body.links) as string[];
    expect(Object.keys(body.links).sort()).toEqual(['editor', 'facilitator', 'viewer']);
    expect(new Set(links.map((l) => new URL(l).searchParams.get('token'))).size).toBe(3);
    for (const l of links) expect(l.startsWith(`${server.url}/b/${body.id}?token=`)).toBe(true);
  });

  it.each([
    [{ ...valid, template: 'no-such-exercise' }, 'template'],
    [{ ...valid, template: undefined }, 'template'],
    [{ ...valid, title: '   ' }, 'title'],
    [{ ...valid, title: 'x'.repeat(121) }, 'title'],
    [{ ...valid, region: undefined }, 'region'],
    [{ ...valid, region: 42 }, 'region'],
    [{ ...valid, sector: ['a'] }, 'sector'],
    [{ ...valid, variant: 'employer' }, 'variant'],
    [{ ...valid, owner: 'me' }, 'owner'],
  ])('rejects %j with 400 naming the field %s', async (body, field) => {
    server = await startTestServer();
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(typeof res.body.error.message).toBe('string');
  });

  it('rejects a body that is not JSON, or not an object', async () => {
    server = await startTestServer();
    expect((await post('{not json')).status).toBe(400);
    expect((await post('[]')).status).toBe(400);
    expect((await post(valid, { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('rejects a body over the size limit with 413', async () => {
    server = await startTestServer();
    expect((await post({ ...valid, title: 'x'.repeat(100_000) })).status).toBe(413);
  });

  it('answers a board by token with its role, 401 for a bad token and 404 for an unknown board', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server, { title: 'Nursing' });
    for (const role of ['facilitator', 'editor', 'viewer'] as const) {
      const res = await fetch(`${server.url}/api/boards/${board.id}?token=${board.tokens[role]}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ id: board.id, title: 'Nursing', role });
    }
    const bad = await fetch(`${server.url}/api/boards/${board.id}?token=wrong`);
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as any).error.code).toBe('invalid_token');
    expect((await fetch(`${server.url}/api/boards/${board.id}`)).status).toBe(401);
    const missing = await fetch(`${server.url}/api/boards/AAAAAAAAAAAAAAAA?token=${board.tokens.editor}`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).error.code).toBe('board_not_found');
  });

  it('answers unknown API paths and wrong methods with JSON errors', async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('not_found');
    expect((await fetch(`${server.url}/api/boards`)).status).toBe(405);
  });
});
