import { afterEach, describe, expect, it } from 'vitest';
import { addAction } from '../../shared/doc/actionPlanDoc';
import { setScore } from '../../shared/doc/rubricDoc';
import type { RunningServer } from '../../tests/helpers/server';
import { changeStoredBoard } from '../cohorts/testing';
import { connectClient, synced, type TestClient } from '../../tests/helpers/clients';
import { eventually } from '../../tests/helpers/eventually';
import { createTestBoard, sqliteIn, startTestServer, tempDir } from '../../tests/helpers/server';
import { readActions } from '../../shared/doc/actionPlanDoc';
import { CloseCodes } from '../../shared/closeCodes';
import { addTestBoard, api, createTestPartnership, PARTNERSHIP, tokenOf, type TestPartnership } from './testing';

let server: RunningServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
  server = undefined;
});

async function started(): Promise<RunningServer> {
  server = await startTestServer();
  return server;
}

const get = (s: RunningServer, p: TestPartnership, token: string) => api(s, 'GET', `/api/partnerships/${p.id}`, token);

describe('POST /api/partnerships', () => {
  it('creates a partnership with a lead and a member link to its page', async () => {
    const s = await started();
    const res = await api(s, 'POST', '/api/partnerships', null, PARTNERSHIP);
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(res.body.links.lead).toMatch(new RegExp(`^${s.url}/p/${res.body.id}\\?token=[A-Za-z0-9_-]{43}$`));
    expect(res.body.links.member).toMatch(new RegExp(`^${s.url}/p/${res.body.id}\\?token=[A-Za-z0-9_-]{43}$`));
    expect(res.body.links.lead).not.toBe(res.body.links.member);
  });

  it.each([
    [{ region: 'Tri-County', sector: 'Healthcare' }, 'name'],
    [{ ...PARTNERSHIP, name: '   ' }, 'name'],
    [{ ...PARTNERSHIP, region: 42 }, 'region'],
    [{ ...PARTNERSHIP, sector: '' }, 'sector'],
    [{ ...PARTNERSHIP, name: 'x'.repeat(121) }, 'name'],
    [{ ...PARTNERSHIP, name: 'Bell\u0007' }, 'name'],
    [{ ...PARTNERSHIP, memberRole: 'facilitator' }, 'memberRole'],
    [{ ...PARTNERSHIP, colour: 'red' }, 'colour'],
  ])('answers 400 naming the bad field of %j', async (body, field) => {
    const s = await started();
    const res = await api(s, 'POST', '/api/partnerships', null, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', field });
  });

  it('refuses a body that is not JSON', async () => {
    const s = await started();
    expect((await api(s, 'POST', '/api/partnerships', null, '{nope')).status).toBe(400);
  });
});

describe('GET /api/partnerships/:id', () => {
  it('answers the lead with both links and the member without them', async () => {
    const s = await started();
    const p = await createTestPartnership(s);
    const lead = await get(s, p, p.lead);
    expect(lead.status).toBe(200);
    expect(lead.body).toMatchObject({ id: p.id, ...PARTNERSHIP, role: 'lead', memberRole: 'editor', links: p.links, boards: [], rubric: [], actions: [] });
    const member = await get(s, p, p.member);
    expect(member.status).toBe(200);
    expect(member.body.role).toBe('member');
    expect(member.body.links).toBeUndefined();
  });

  it('refuses a missing or wrong token with 401 and an unknown partnership with 404', async () => {
    const s = await started();
    const p = await createTestPartnership(s);
    const other = await createTestPartnership(s);
    expect((await api(s, 'GET', `/api/partnerships/${p.id}`, null)).status).toBe(401);
    expect((await get(s, p, other.lead)).status).toBe(401);
    expect((await get(s, p, 'x'.repeat(43))).status).toBe(401);
    expect((await api(s, 'GET', '/api/partnerships/AAAAAAAAAAAAAAAA', p.lead)).status).toBe(404);
    expect((await api(s, 'GET', '/api/partnerships/not-an-id', p.lead)).status).toBe(404);
  });

  it('refuses every token of its boards: a board token is not a partnership token', async () => {
    const s = await started();
    const p = await createTestPartnership(s);
    const board = await addTestBoard(s, p);
    for (const link of Object.values(board.links)) {
      const res = await get(s, p, tokenOf(link));
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('invalid_token');
    }
  });
});

describe('POST /api/partnerships/:id/boards', () => {
  it('creates a meeting board with the partnership’s region and sector, opened by the links it answers', async () => {
    const s = await started();
    const p = await createTestPartnership(s);
    const res = await api(s, 'POST', `/api/partnerships/${p.id}/boards`, p.lead, { template: 'journey-map', title: 'Employer journey', variant: 'jobseeker', meetingDate: '2026-03-02' });
    expect(res.status).toBe(201);
    for (const role of ['facilitator', 'editor', 'viewer'] as const) {
      const board = await api(s, 'GET', `/api/boards/${res.body.id}`, tokenOf(res.body.links[role]));
      expect(board.status).toBe(200);
      expect(board.body).toMatchObject({ role, title: 'Employer journey', region: 'Tri-County', sector: 'Advanced manufacturing', templateId: 'journey-map', variant: 'jobseeker' });
    }
    const listed = await get(s, p, p.lead);
    expect(listed.body.boards).toEqual([
      expect.objectContaining({ id: res.body.id, title: 'Employer journey', template: 'journey-map', meetingDate: '2026-03-02', links: res.body.links, review: expect.any(Object) }),
    ]);
  });

  it.each([
    [{ title: 'No template' }, 'template'],
    [{ template: 'no-such-exercise', title: 'x' }, 'template'],
    [{ template: 'blank' }, 'title'],
    [{ template: 'journey-map', title: 'x', variant: 'both' }, 'variant'],
    [{ template: 'blank', title: 'x', meetingDate: '2026-02-30' }, 'meetingDate'],
    [{ template: 'blank', title: 'x', region: 'Elsewhere' }, 'region'],
  ])('answers 400 naming the bad field of %j and creates nothing', async (body, field) => {
    const s = await started();
    const p = await createTestPartnership(s);
    const res = await api(s, 'POST', `/api/partnerships/${p.id}/boards`, p.lead, body);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect((await get(s, p, p.lead)).body.boards).toEqual([]);
  });

  it('lets only the lead add boards: 403 for the member link, 401 for a board token', async () => {
    const s = await started();
    const p = await createTestPartnership(s);
    const board = await addTestBoard(s, p);
    const body = { template: 'blank', title: 'Launch' };
    expect((await api(s, 'POST', `/api/partnerships/${p.id}/boards`, p.member, body)).status).toBe(403);
    expect((await api(s, 'POST', `/api/partnerships/${p.id}/boards`, board.facilitator, body)).status).toBe(401);
    expect((await get(s, p, p.lead)).body.boards).toHaveLength(1);
  });
});

describe('POST /api/partnerships/:id/boards/attach', () => {
  it('adds an existing board with its facilitator token; the partnership’s links then open it', async () => {
    const s = await started();
    const p = await createTestPartnership(s);
    const existing = await createTestBoard(s, { title: 'Earlier board' });
    const res = await api(s, 'POST', `/api/partnerships/${p.id}/boards/attach`, p.lead, { board: existing.id, token: existing.tokens.facilitator });
    expect(res.status).toBe(201);
    expect((await api(s, 'GET', `/api/boards/${existing.id}`, tokenOf(res.body.links.facilitator))).body.role).toBe('facilitator');
    // The board's own links keep working.
    expect((await api(s, 'GET', `/api/boards/${existing.id}`, existing.tokens.editor)).body.role).toBe('editor');
    const member = await get(s, p, p.member);
    expect(member.body.boards[0].id).toBe(existing.id);
    expect(Object.keys(member.body.boards[0].links)).toEqual(['editor']);
    expect((await api(s, 'GET', `/api/boards/${existing.id}`, tokenOf(member.body.boards[0].links.editor))).body.role).toBe('editor');
  });

  it('refuses a token below facilitator, an unknown board, a board already in a partnership and a member link', async () => {
    const s = await started();
    const p = await createTestPartnership(s);
    const other = await createTestPartnership(s);
    const existing = await createTestBoard(s);
    const attach = (token: string, body: Record<string, unknown>) => api(s, 'POST', `/api/partnerships/${p.id}/boards/attach`, token, body);
    const editor = await attach(p.lead, { board: existing.id, token: existing.tokens.editor });
    expect(editor.status).toBe(403);
    expect(editor.body.error.field).toBe('token');
    const unknown = await attach(p.lead, { board: 'AAAAAAAAAAAAAAAA', token: existing.tokens.facilitator });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('board');
    expect((await attach(p.lead, { board: existing.id })).body.error.field).toBe('token');
    expect((await attach(p.member, { board: existing.id, token: existing.tokens.facilitator })).status).toBe(403);
    expect((await attach(p.lead, { board: existing.id, token: existing.tokens.facilitator })).status).toBe(201);
    const again = await api(s, 'POST', `/api/partnerships/${other.id}/boards/attach`, other.lead, { board: existing.id, token: existing.tokens.facilitator });
    expect(again.status).toBe(409);
    expect((await get(s, other, other.lead)).body.boards).toEqual([]);
  });
});

describe('the rubric and actions gathered across boards', () => {
  it('merges rubric sessions of two boards by date, each entry naming its board', async () => {
    const s = await started();
    const p = await createTestPartnership(s);
    const first = await addTestBoard(s, p, { meetingDate: '2026-01-15' });
    const second = await addTestBoard(s, p, { template: 'sector-scoping', title: 'Scope', meetingDate: '2026-03-10' });
    await changeStoredBoard(s.storage, first.id, (doc) => {
      setScore(doc, '2026-01-15', 'industry-engagement', 3);
      setScore(doc, '2026-01-15', 'regional-coordination', 4);
    });
    await changeStoredBoard(s.storage, second.id, (doc) => {
      setScore(doc, '2026-03-10', 'industry-engagement', 6);
      setScore(doc, '2026-03-10', 'career-pathways', 9);
    });
    const res = await get(s, p, p.member);
    expect(res.body.rubric).toEqual([
      { date: '2026-01-15', dimension: 'industry-engagement', score: 3, band: 'exploring', rationale: '', board: first.id },
      { date: '2026-01-15', dimension: 'regional-coordination', score: 4, band: 'developing', rationale: '', board: first.id },
      { date: '2026-03-10', dimension: 'industry-engagement', score: 6, band: 'active', rationale: '', board: second.id },
      { date: '2026-03-10', dimension: 'career-pathways', score: 9, band: 'role-model', rationale: '', board: second.id },
    ]);
  });

  it('lists every board’s actions, each naming its board', async () => {
    const s = await started();
    const p = await createTestPartnership(s);
    const a = await addTestBoard(s, p);
    const b = await addTestBoard(s, p, { template: 'blank', title: 'Task forces' });
    await changeStoredBoard(s.storage, a.id, (doc) => addAction(doc, { text: 'Invite the college', owner: 'Ana', createdBy: 'Ana' }, new Date(), 'action:a'));
    await changeStoredBoard(s.storage, b.id, (doc) => addAction(doc, { text: 'Recruit two champions', owner: 'Lee', due: '2026-05-01', createdBy: 'Lee' }, new Date(), 'action:b'));
    const res = await get(s, p, p.lead);
    expect(res.body.actions).toEqual([
      expect.objectContaining({ id: 'action:a', text: 'Invite the college', owner: 'Ana', board: a.id, status: 'not-started', source: null }),
      expect.objectContaining({ id: 'action:b', text: 'Recruit two champions', owner: 'Lee', due: '2026-05-01', board: b.id }),
    ]);
  });
});

describe('editing from the partnership page', () => {
  it('writes an edited action into its board’s document: open clients see it and the board’s own export shows it', async () => {
    const s = await started();
    const p = await createTestPartnership(s);
    const board = await addTestBoard(s, p);
    await changeStoredBoard(s.storage, board.id, (doc) => addAction(doc, { text: 'Call the chamber', createdBy: 'Ana' }, new Date(), 'action:one'));
    const client = connectClient(s, board.id, tokenOf(board.links.editor));
    clients.push(client);
    await synced(client);
    const res = await api(s, 'PATCH', `/api/partnerships/${p.id}/boards/${board.id}/actions/action:one`, p.member, { owner: 'Maria', status: 'done', due: '2026-04-01' });
    expect(res.status).toBe(200);
    await eventually(() => expect(readActions(client.doc)[0]).toMatchObject({ id: 'action:one', owner: 'Maria', status: 'done', due: '2026-04-01' }));
    const exported = await api(s, 'GET', `/api/boards/${board.id}/export?format=json`, board.facilitator);
    expect(exported.body.actions).toEqual([
      expect.objectContaining({ id: 'action:one', text: 'Call the chamber', owner: 'Maria', status: 'done' }),
    ]);
  });

  it('adds an action and scores a session on the chosen board', async () => {
    const s = await started();
    const p = await createTestPartnership(s);
    const board = await addTestBoard(s, p);
    const added = await api(s, 'POST', `/api/partnerships/${p.id}/boards/${board.id}/actions`, p.lead, { text: 'Set the next quarterly meeting', owner: 'Lee', by: 'Lee' });
    expect(added.status).toBe(201);
    const scored = await api(s, 'POST', `/api/partnerships/${p.id}/boards/${board.id}/rubric`, p.member, {
      date: '2026-04-02',
      scores: { 'industry-engagement': 5, 'career-pathways': 2 },
      rationale: { 'industry-engagement': 'Two employers chair task forces' },
    });
    expect(scored.status).toBe(200);
    const res = await get(s, p, p.lead);
    expect(res.body.actions).toEqual([expect.objectContaining({ id: added.body.id, text: 'Set the next quarterly meeting', owner: 'Lee', board: board.id })]);
    expect(res.body.rubric).toEqual([
      { date: '2026-04-02', dimension: 'industry-engagement', score: 5, band: 'developing', rationale: 'Two employers chair task forces', board: board.id },
      { date: '2026-04-02', dimension: 'career-pathways', score: 2, band: 'exploring', rationale: '', board: board.id },
    ]);
  });

  it('refuses bad edits with 400 naming the field and changes nothing', async () => {
    const s = await started();
    const p = await createTestPartnership(s);
    const board = await addTestBoard(s, p);
    await changeStoredBoard(s.storage, board.id, (doc) => addAction(doc, { text: 'Call the chamber', createdBy: 'Ana' }, new Date(), 'action:one'));
    const patch = (body: unknown) => api(s, 'PATCH', `/api/partnerships/${p.id}/boards/${board.id}/actions/action:one`, p.lead, body);
    expect((await patch({ status: 'finished' })).body.error.field).toBe('status');
    expect((await patch({ text: '' })).body.error.field).toBe('text');
    expect((await patch({ createdBy: 'me' })).body.error.field).toBe('createdBy');
    expect((await patch({})).status).toBe(400);
    const rubric = (body: unknown) => api(s, 'POST', `/api/partnerships/${p.id}/boards/${board.id}/rubric`, p.lead, body);
    expect((await rubric({ date: '2026-13-01', scores: { 'industry-engagement': 3 } })).body.error.field).toBe('date');
    expect((await rubric({ date: '2026-04-01', scores: { 'industry-engagement': 11 } })).body.error.field).toBe('scores.industry-engagement');
    expect((await rubric({ date: '2026-04-01', scores: { vibes: 3 } })).body.error.field).toBe('vibes');
    expect((await rubric({ date: '2026-04-01', scores: {} })).body.error.field).toBe('scores');
    const res = await get(s, p, p.lead);
    expect(res.body.rubric).toEqual([]);
    expect(res.body.actions).toEqual([expect.objectContaining({ text: 'Call the chamber', status: 'not-started', owner: '' })]);
  });

  it('answers 404 for an unknown action and for a board outside the partnership', async () => {
    const s = await started();
    const p = await createTestPartnership(s);
    const board = await addTestBoard(s, p);
    const outside = await createTestBoard(s);
    expect((await api(s, 'PATCH', `/api/partnerships/${p.id}/boards/${board.id}/actions/action:nope`, p.lead, { owner: 'x' })).status).toBe(404);
    expect((await api(s, 'POST', `/api/partnerships/${p.id}/boards/${outside.id}/actions`, p.lead, { text: 'x' })).status).toBe(404);
  });

  it('lets members who view the boards read but not edit (403), and their board links open as viewers', async () => {
    const s = await started();
    const p = await createTestPartnership(s, { memberRole: 'viewer' });
    const board = await addTestBoard(s, p);
    const res = await api(s, 'POST', `/api/partnerships/${p.id}/boards/${board.id}/actions`, p.member, { text: 'x' });
    expect(res.status).toBe(403);
    const member = await get(s, p, p.member);
    expect(Object.keys(member.body.boards[0].links)).toEqual(['viewer']);
    expect((await api(s, 'GET', `/api/boards/${board.id}`, tokenOf(member.body.boards[0].links.viewer))).body.role).toBe('viewer');
  });
});

describe('the lead manages the links', () => {
  it('changes the members’ role: their old board links stop at once, the new ones open with the new role', async () => {
    const s = await started();
    const p = await createTestPartnership(s);
    const board = await addTestBoard(s, p);
    const before = (await get(s, p, p.member)).body.boards[0].links.editor as string;
    expect((await api(s, 'POST', `/api/partnerships/${p.id}/settings`, p.member, { memberRole: 'viewer' })).status).toBe(403);
    expect((await api(s, 'POST', `/api/partnerships/${p.id}/settings`, p.lead, { memberRole: 'owner' })).body.error.field).toBe('memberRole');
    expect((await api(s, 'POST', `/api/partnerships/${p.id}/settings`, p.lead, { memberRole: 'viewer' })).status).toBe(200);
    expect((await api(s, 'GET', `/api/boards/${board.id}`, tokenOf(before))).status).toBe(401);
    const after = (await get(s, p, p.member)).body;
    expect(after.memberRole).toBe('viewer');
    expect((await api(s, 'GET', `/api/boards/${board.id}`, tokenOf(after.boards[0].links.viewer))).body.role).toBe('viewer');
  });

  it('rotates the member link: the old one and the board links it gave stop working; the lead’s stay', async () => {
    const s = await started();
    const p = await createTestPartnership(s);
    const board = await addTestBoard(s, p);
    const oldBoardLink = (await get(s, p, p.member)).body.boards[0].links.editor as string;
    expect((await api(s, 'POST', `/api/partnerships/${p.id}/links/member/rotate`, p.member)).status).toBe(403);
    const res = await api(s, 'POST', `/api/partnerships/${p.id}/links/member/rotate`, p.lead);
    expect(res.status).toBe(200);
    const next = tokenOf(res.body.link);
    expect((await get(s, p, p.member)).status).toBe(401);
    expect((await api(s, 'GET', `/api/boards/${board.id}`, tokenOf(oldBoardLink))).status).toBe(401);
    const member = (await get(s, p, next)).body;
    expect((await api(s, 'GET', `/api/boards/${board.id}`, tokenOf(member.boards[0].links.editor))).body.role).toBe('editor');
    expect((await api(s, 'GET', `/api/boards/${board.id}`, board.facilitator)).body.role).toBe('facilitator');
    expect((await get(s, p, p.lead)).body.links.member).toBe(res.body.link);
  });

  it('closes at once the board sockets opened with the board links a replaced member link gave', async () => {
    const s = await started();
    const p = await createTestPartnership(s);
    const board = await addTestBoard(s, p);
    const memberLink = (await get(s, p, p.member)).body.boards[0].links.editor as string;
    const member = connectClient(s, board.id, tokenOf(memberLink), { maxBackoffTime: 60_000 });
    const lead = connectClient(s, board.id, board.facilitator);
    clients.push(member, lead);
    await synced(member);
    await synced(lead);
    expect((await api(s, 'POST', `/api/partnerships/${p.id}/links/member/rotate`, p.lead)).status).toBe(200);
    await eventually(() => expect(member.closes.map((c) => c.code)).toContain(CloseCodes.LinkReplaced.code));
    expect(lead.closes).toEqual([]);
  });

  it('rotates the lead link: the old one is refused, the new one still shows the member link', async () => {
    const s = await started();
    const p = await createTestPartnership(s);
    const board = await addTestBoard(s, p);
    const res = await api(s, 'POST', `/api/partnerships/${p.id}/links/lead/rotate`, p.lead);
    expect(res.status).toBe(200);
    expect((await get(s, p, p.lead)).status).toBe(401);
    expect((await api(s, 'GET', `/api/boards/${board.id}`, board.facilitator)).status).toBe(401);
    const lead = (await get(s, p, tokenOf(res.body.link))).body;
    expect(lead.links).toEqual({ lead: res.body.link, member: p.links.member });
    expect((await api(s, 'GET', `/api/boards/${board.id}`, tokenOf(lead.boards[0].links.facilitator))).body.role).toBe('facilitator');
    expect((await get(s, p, p.member)).status).toBe(200);
  });
});

describe('storage', () => {
  it('keeps partnerships, their boards and links across a restart of the embedded store', async () => {
    const dir = tempDir();
    server = await startTestServer({ storage: sqliteIn(dir) });
    const p = await createTestPartnership(server);
    const board = await addTestBoard(server, p, { meetingDate: '2026-02-02' });
    await server.close();
    server = await startTestServer({ storage: sqliteIn(dir) });
    const res = await get(server, p, p.member);
    expect(res.status).toBe(200);
    expect(res.body.boards).toEqual([expect.objectContaining({ id: board.id, meetingDate: '2026-02-02' })]);
    expect((await api(server, 'GET', `/api/boards/${board.id}`, tokenOf(res.body.boards[0].links.editor))).body.role).toBe('editor');
  });
});
