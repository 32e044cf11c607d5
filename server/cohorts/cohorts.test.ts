import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../storage/sqliteDatabase';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../tests/helpers/server';
import { capturingLogger, sqliteIn, startTestServer, tempDir } from '../../tests/helpers/server';
import { api, createTestCohort, tokenOf, type CreatedTestCohort } from './testing';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const valid = { name: 'Spring Academy', template: 'many-tables-many-knocks', teams: ['North Valley', 'Lake County', 'Tri-County'] };

/** Every plain token a cohort's creation handed out. */
function issuedTokens(c: CreatedTestCohort): string[] {
  return [c.trainer, ...c.boards.flatMap((b) => Object.values(b.tokens))];
}

function countRows(file: string): Record<string, number> {
  const db = openDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const n = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { boards: n('boards'), tokens: n('tokens'), compactions: n('compactions'), cohorts: n('cohorts'), cohort_tokens: n('cohort_tokens'), cohort_boards: n('cohort_boards') };
  } finally {
    db.close();
  }
}

describe('POST /api/cohorts', () => {
  it('creates one board per team from the template, each link opening its board with its role', async () => {
    server = await startTestServer();
    const c = await createTestCohort(server, { ...valid, sector: 'Healthcare' });
    expect(c.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(c.links.trainer).toBe(`${server.url}/c/${c.id}?token=${c.trainer}`);
    expect(c.boards.map((b) => b.team)).toEqual(valid.teams);
    expect(new Set(c.boards.map((b) => b.id)).size).toBe(3);
    for (const b of c.boards) {
      for (const role of ['facilitator', 'editor', 'viewer'] as const) {
        expect(b.links[role]).toBe(`${server.url}/b/${b.id}?token=${b.tokens[role]}`);
        const res = await api(server, 'GET', `/api/boards/${b.id}`, b.tokens[role]);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          id: b.id,
          role,
          title: `Spring Academy · ${b.team}`,
          templateId: 'many-tables-many-knocks',
          // No region given: each board's region is its team's name.
          region: b.team,
          sector: 'Healthcare',
        });
      }
    }
    // 3 boards × 3 roles + 1 trainer: all different.
    expect(new Set(issuedTokens(c)).size).toBe(10);
  });

  it('names teams Team 1 … Team N with count, and uses the region and variant given', async () => {
    server = await startTestServer();
    const c = await createTestCohort(server, { name: 'Fall cohort', template: 'journey-map', variant: 'jobseeker', region: 'Three Rivers', count: 4 });
    expect(c.boards.map((b) => b.team)).toEqual(['Team 1', 'Team 2', 'Team 3', 'Team 4']);
    const board = await api(server, 'GET', `/api/boards/${c.boards[3].id}`, c.boards[3].tokens.viewer);
    expect(board.body).toMatchObject({ title: 'Fall cohort · Team 4', region: 'Three Rivers', sector: '', variant: 'jobseeker', templateId: 'journey-map' });
    const cohort = await api(server, 'GET', `/api/cohorts/${c.id}`, c.trainer);
    expect(cohort.body).toMatchObject({ name: 'Fall cohort', templateId: 'journey-map', variant: 'jobseeker' });
  });

  it('defaults the variant to the template’s first one', async () => {
    server = await startTestServer();
    const c = await createTestCohort(server, { template: 'journey-map', count: 1 });
    expect((await api(server, 'GET', `/api/cohorts/${c.id}`, c.trainer)).body.variant).toBe('employer');
  });

  it.each([
    [{ ...valid, name: undefined }, 'name'],
    [{ ...valid, name: '  ' }, 'name'],
    [{ ...valid, name: 'x'.repeat(121) }, 'name'],
    [{ ...valid, name: 'Cohort\u0007' }, 'name'],
    [{ ...valid, template: 'no-such-exercise' }, 'template'],
    [{ ...valid, template: undefined }, 'template'],
    [{ ...valid, variant: 'employer' }, 'variant'],
    [{ ...valid, template: 'journey-map', variant: 'nope' }, 'variant'],
    [{ ...valid, region: '' }, 'region'],
    [{ ...valid, region: 7 }, 'region'],
    [{ ...valid, sector: ['a'] }, 'sector'],
    [{ ...valid, teams: [] }, 'teams'],
    [{ ...valid, teams: 'North' }, 'teams'],
    [{ ...valid, teams: Array.from({ length: 41 }, (_, i) => `T${i}`) }, 'teams'],
    [{ ...valid, teams: ['North', ' '] }, 'teams.1'],
    [{ ...valid, teams: ['North', 'x'.repeat(61)] }, 'teams.1'],
    [{ ...valid, teams: ['North', 'south', 'North '] }, 'teams.2'],
    [{ ...valid, teams: ['North', 'NORTH'] }, 'teams.1'],
    [{ ...valid, teams: ['North', 'Line\nbreak'] }, 'teams.1'],
    [{ ...valid, teams: ['North', 3] }, 'teams.1'],
    [{ ...valid, count: 2 }, 'count'],
    [{ name: 'X', template: 'blank' }, 'teams'],
    [{ name: 'X', template: 'blank', count: 0 }, 'count'],
    [{ name: 'X', template: 'blank', count: 41 }, 'count'],
    [{ name: 'X', template: 'blank', count: 2.5 }, 'count'],
    [{ name: 'X', template: 'blank', count: '3' }, 'count'],
    [{ ...valid, owner: 'me' }, 'owner'],
  ])('rejects %j with 400 naming %s, creating nothing', async (body, field) => {
    const dir = tempDir();
    server = await startTestServer({ storage: sqliteIn(dir) });
    const res = await api(server, 'POST', '/api/cohorts', null, body);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toEqual(expect.any(String));
    expect(countRows(path.join(dir, 'boards.sqlite'))).toEqual({ boards: 0, tokens: 0, compactions: 0, cohorts: 0, cohort_tokens: 0, cohort_boards: 0 });
  });

  it('refuses other methods, a body that is not JSON and a wrong content type', async () => {
    server = await startTestServer();
    expect((await api(server, 'GET', '/api/cohorts', null)).status).toBe(405);
    expect((await api(server, 'POST', '/api/cohorts', null, '{nope')).status).toBe(400);
    const res = await fetch(`${server.url}/api/cohorts`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(valid) });
    expect(res.status).toBe(415);
  });
});

describe('cohort tokens', () => {
  it('keeps teams apart: a team token opens only its own board and never the cohort; the trainer token opens no board', async () => {
    server = await startTestServer();
    const c = await createTestCohort(server, valid);
    for (const [i, b] of c.boards.entries()) {
      for (const [j, other] of c.boards.entries()) {
        if (i === j) continue;
        for (const token of Object.values(b.tokens)) expect((await api(server, 'GET', `/api/boards/${other.id}`, token)).status).toBe(401);
      }
      for (const token of Object.values(b.tokens)) {
        const res = await api(server, 'GET', `/api/cohorts/${c.id}`, token);
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('invalid_token');
      }
      expect((await api(server, 'GET', `/api/boards/${b.id}`, c.trainer)).status).toBe(401);
      expect((await api(server, 'GET', `/api/boards/${b.id}/results`, c.trainer)).status).toBe(401);
    }
  });

  it('answers the cohort to its trainer with the same links as at creation; 401 without or with a wrong token, 404 unknown', async () => {
    server = await startTestServer();
    const c = await createTestCohort(server, valid);
    const other = await createTestCohort(server, { ...valid, name: 'Other cohort' });
    const res = await api(server, 'GET', `/api/cohorts/${c.id}`, c.trainer);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: c.id,
      name: 'Spring Academy',
      templateId: 'many-tables-many-knocks',
      variant: null,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      links: c.links,
      boards: c.boards.map(({ team, id, links }) => ({ team, id, links })),
    });
    expect((await api(server, 'GET', `/api/cohorts/${c.id}`, null)).status).toBe(401);
    expect((await api(server, 'GET', `/api/cohorts/${c.id}`, '')).status).toBe(401);
    expect((await api(server, 'GET', `/api/cohorts/${c.id}`, other.trainer)).status).toBe(401);
    expect((await api(server, 'GET', `/api/cohorts/${c.id}`, c.trainer.slice(0, -1))).status).toBe(401);
    expect((await api(server, 'GET', '/api/cohorts/AAAAAAAAAAAAAAAA', c.trainer)).status).toBe(404);
    expect((await api(server, 'GET', '/api/cohorts/not-an-id', c.trainer)).status).toBe(404);
    expect((await api(server, 'GET', `/api/cohorts/${c.id}/nothing`, c.trainer)).status).toBe(404);
    expect((await api(server, 'POST', `/api/cohorts/${c.id}`, c.trainer, {})).status).toBe(405);
  });

  it('stores no token in clear: neither in the SQLite files nor in the logs', async () => {
    const dir = tempDir();
    const { logger, lines } = capturingLogger();
    server = await startTestServer({ storage: sqliteIn(dir), logger });
    const c = await createTestCohort(server, { ...valid, teams: ['=cmd', '../evil', 'North'] });
    expect((await api(server, 'GET', `/api/cohorts/${c.id}`, c.trainer)).status).toBe(200);
    expect((await api(server, 'POST', `/api/cohorts/${c.id}/broadcast`, c.trainer, { banner: 'Hello' })).status).toBe(200);
    const tokens = issuedTokens(c);
    expect(tokens).toHaveLength(10);

    const scan = () => {
      const files = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)));
      expect(files.reduce((n, f) => n + f.length, 0)).toBeGreaterThan(0);
      for (const token of tokens) {
        for (const needle of [Buffer.from(token, 'utf8'), Buffer.from(token, 'base64url')]) {
          for (const bytes of files) expect(bytes.includes(needle), `token found in the data files`).toBe(false);
        }
      }
    };
    scan(); // while running: the database and its WAL
    // The cohort's own rows hold hashes and sealed bytes only.
    const db = openDatabase(path.join(dir, 'boards.sqlite'), { readonly: true });
    const rows = [
      ...db.prepare('SELECT * FROM cohorts').all(),
      ...db.prepare('SELECT * FROM cohort_tokens').all(),
      ...db.prepare('SELECT * FROM cohort_boards').all(),
    ] as Record<string, unknown>[];
    db.close();
    expect(rows).toHaveLength(1 + 1 + 3);
    const text = JSON.stringify(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('latin1') : v]))));
    for (const token of tokens) expect(text.includes(token)).toBe(false);

    await server.close();
    server = undefined;
    scan(); // after the WAL is checkpointed into the database file
    const logged = lines.join('\n');
    expect(logged).toContain('cohort.create');
    for (const token of tokens) expect(logged.includes(token)).toBe(false);
  });

  it('still answers the links after a restart (only the trainer token unseals them)', async () => {
    const dir = tempDir();
    server = await startTestServer({ storage: sqliteIn(dir) });
    const c = await createTestCohort(server, { template: 'blank', count: 2 });
    await server.close();
    server = await startTestServer({ storage: sqliteIn(dir) });
    const res = await api(server, 'GET', `/api/cohorts/${c.id}`, c.trainer);
    expect(res.status).toBe(200);
    // The origin may differ between runs; the tokens are what must come back.
    expect(res.body.boards.map((b: any) => [b.id, tokenOf(b.links.facilitator), tokenOf(b.links.editor), tokenOf(b.links.viewer)])).toEqual(
      c.boards.map((b) => [b.id, b.tokens.facilitator, b.tokens.editor, b.tokens.viewer]),
    );
  });
});
