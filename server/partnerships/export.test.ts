import { afterEach, describe, expect, it } from 'vitest';
import { addAction } from '../../shared/doc/actionPlanDoc';
import { setScore } from '../../shared/doc/rubricDoc';
import { setReviewAnswer, setReviewText } from '../../shared/doc/reviewDoc';
import type { RunningServer } from '../../tests/helpers/server';
import { changeStoredBoard } from '../cohorts/testing';
import { connectClient, synced, type TestClient } from '../../tests/helpers/clients';
import { startTestServer } from '../../tests/helpers/server';
import { addTestBoard, api, createTestPartnership, nextEvent, partnershipSchemaErrors, tokenOf } from './testing';

let server: RunningServer | undefined;
const clients: TestClient[] = [];
const aborts: AbortController[] = [];
afterEach(async () => {
  for (const a of aborts.splice(0)) a.abort();
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
  server = undefined;
});

async function busyPartnership() {
  server = await startTestServer();
  const p = await createTestPartnership(server, { name: '=HYPERLINK("x") <b>Partners</b>' });
  const a = await addTestBoard(server, p, { meetingDate: '2026-01-10' });
  const b = await addTestBoard(server, p, { template: 'blank', title: 'Task forces <script>', meetingDate: '2026-02-10' });
  await changeStoredBoard(server.storage, a.id, (doc) => {
    setScore(doc, '2026-01-10', 'industry-engagement', 3);
    setReviewAnswer(doc, null, 'support-team.shared-table', 'yes', 'Ana');
    setReviewText(doc, 'place', 'support-team.one-sector', 'Manufacturing first', 'Ana');
    addAction(doc, { text: '=1+1', owner: 'Ana', due: '2020-01-01', createdBy: 'Ana' }, new Date('2026-01-10T10:00:00Z'), 'action:old');
  });
  await changeStoredBoard(server.storage, b.id, (doc) => {
    setScore(doc, '2026-02-10', 'industry-engagement', 5);
    addAction(doc, { text: 'Form task forces', owner: 'Lee', status: 'done', createdBy: 'Lee' }, new Date('2026-02-11T10:00:00Z'), 'action:new');
  });
  return { s: server, p, a, b };
}

describe('GET /api/partnerships/:id/export', () => {
  it('answers a JSON document valid against the published schema, with no link or token in it', async () => {
    const { s, p, a, b } = await busyPartnership();
    const res = await api(s, 'GET', `/api/partnerships/${p.id}/export?format=json`, p.member);
    expect(res.status).toBe(200);
    expect(partnershipSchemaErrors(res.body)).toEqual([]);
    expect(res.body.rubricOverTime).toEqual([
      { date: '2026-01-10', scores: { 'industry-engagement': { score: 3, board: a.id } } },
      { date: '2026-02-10', scores: { 'industry-engagement': { score: 5, board: b.id } } },
    ]);
    expect(res.body.actions.find((x: { id: string }) => x.id === 'action:old').overdue).toBe(true);
    const text = JSON.stringify(res.body);
    for (const token of [p.lead, p.member, a.facilitator]) expect(text).not.toContain(token);
    expect(text).not.toContain('?token=');
    const schema = await api(s, 'GET', '/api/partnership-export-schema.json', null);
    expect(schema.status).toBe(200);
  });

  it('answers the actions as CSV a spreadsheet opens safely', async () => {
    const { s, p } = await busyPartnership();
    const res = await api(s, 'GET', `/api/partnerships/${p.id}/export?format=csv`, p.lead);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = new TextDecoder().decode(res.body);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('board_id,board_title,meeting_date,action_id,action,owner,due,status,priority_area,overdue,source_item_id,source_title,created_at,updated_at');
    expect(lines).toHaveLength(1 + 2);
    expect(csv).toContain(",'=1+1,");
    expect(csv).not.toMatch(/,=1\+1,/);
  });

  it('answers a printable report with the rubric chart, open actions by owner and the review decisions, every text escaped', async () => {
    const { s, p } = await busyPartnership();
    const res = await api(s, 'GET', `/api/partnerships/${p.id}/export?format=html`, p.member);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = new TextDecoder().decode(res.body);
    expect(html).toContain('Rubric over time');
    expect(html).toContain('<svg');
    expect(html).toContain('Open actions by owner');
    expect(html).toContain('Manufacturing first');
    expect(html).toContain('&lt;b&gt;Partners&lt;/b&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('Form task forces</li>');
  });

  it('refuses an unknown format with 400 naming it, and a board token with 401', async () => {
    const { s, p, a } = await busyPartnership();
    const bad = await api(s, 'GET', `/api/partnerships/${p.id}/export?format=xlsx`, p.lead);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('format');
    expect((await api(s, 'GET', `/api/partnerships/${p.id}/export?format=json`, a.facilitator)).status).toBe(401);
  });
});

describe('GET /api/partnerships/:id/live', () => {
  it('tells an open page within a second that a board changed', async () => {
    server = await startTestServer();
    const p = await createTestPartnership(server);
    const board = await addTestBoard(server, p);
    const abort = new AbortController();
    aborts.push(abort);
    const res = await fetch(`${server.url}/api/partnerships/${p.id}/live?token=${p.member}`, { signal: abort.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    await nextEvent(res.body!, 'changed', () => true);
    const client = connectClient(server, board.id, tokenOf(board.links.editor));
    clients.push(client);
    await synced(client);
    const started = Date.now();
    addAction(client.doc, { text: 'Added on the board', createdBy: 'Ana' });
    const event = await nextEvent(res.body!, 'changed', (d) => d.boards.includes(board.id), 1000);
    expect(event.boards).toEqual([board.id]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('tells an open page about a board added after it opened, and refuses a board token', async () => {
    server = await startTestServer();
    const p = await createTestPartnership(server);
    const first = await addTestBoard(server, p);
    expect((await api(server, 'GET', `/api/partnerships/${p.id}/live`, first.facilitator)).status).toBe(401);
    const abort = new AbortController();
    aborts.push(abort);
    const res = await fetch(`${server.url}/api/partnerships/${p.id}/live?token=${p.lead}`, { signal: abort.signal });
    await nextEvent(res.body!, 'changed', () => true);
    const later = await addTestBoard(server, p, { template: 'blank', title: 'Later' });
    await nextEvent(res.body!, 'changed', (d) => d.boards.length === 0);
    const client = connectClient(server, later.id, later.facilitator);
    clients.push(client);
    await synced(client);
    addAction(client.doc, { text: 'On the later board', createdBy: 'Lee' });
    await nextEvent(res.body!, 'changed', (d) => d.boards.includes(later.id));
  });
});
