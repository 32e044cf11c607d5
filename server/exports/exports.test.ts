import fs from 'node:fs';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../tests/helpers/server';
import { allAcked, connectClient, synced, type TestClient } from '../../tests/helpers/clients';
import { eventually } from '../../tests/helpers/eventually';
import { capturingLogger, createTestBoard, startTestServer, type TestBoard } from '../../tests/helpers/server';
import { recordsOf } from '../../shared/doc/boardDoc';
import { getTemplate } from '../../exercises/registry';
import { EXPORT_CSV_FILES, type BoardExport } from '../../shared/api/exportDocument';
import { frontlineFixture } from '../../exercises/frontline-communication/fixtures';
import { influenceMapFixture } from '../../exercises/influence-map/fixtures';
import { journeyMapFixture } from '../../exercises/journey-map/fixtures';
import { manyTablesFixture } from '../../exercises/many-tables-many-knocks/fixtures';
import { universeFixture } from '../../exercises/universe-of-connections/fixtures';
import { sectorScopingFixture } from '../../exercises/sector-scoping/fixtures';
import { launchPreparationFixture } from '../../exercises/launch-preparation/fixtures';
import { launchMeetingFixture } from '../../exercises/launch-meeting/fixtures';
import { criticalDecisionsFixture } from '../../exercises/critical-decisions/fixtures';
import { momentumFixture } from '../../exercises/momentum-and-sustaining/fixtures';
import { successMetricsFixture } from '../../exercises/success-metrics/fixtures';
import { careerPathwaysFixture } from '../../exercises/career-pathways/fixtures';
import { ACTION_COLUMNS, CONNECTION_COLUMNS, FIGURE_COLUMNS, ITEM_COLUMNS, RUBRIC_COLUMNS } from './csvFiles';
import { csvCell } from '../../shared/api/csv';
import { addRubricAndActions, schemaErrors, withoutExportedAt } from './testing';
import { participantStore } from '../participants/participantStore';

let server: RunningServer;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

const exportUrl = (board: TestBoard | string, query: string) => `${server.url}/api/boards/${typeof board === 'string' ? board : board.id}/export?${query}`;

async function getExport(board: TestBoard, format: string, token = board.tokens.viewer) {
  const res = await fetch(exportUrl(board, `format=${format}&token=${token}`));
  expect(res.status).toBe(200);
  return res;
}

async function jsonExport(board: TestBoard, token?: string): Promise<BoardExport> {
  return (await (await getExport(board, 'json', token)).json()) as BoardExport;
}

/** Writes fixture records (and a rubric and an action plan) through a real client, like the browser does. */
async function fillBoard(board: TestBoard, records: Record<string, unknown>[], options: { name?: string; keepOpen?: boolean } = {}) {
  const c = connectClient(server, board.id, board.tokens.editor, { ack: true });
  clients.push(c);
  await synced(c);
  const kv = recordsOf(c.doc);
  c.doc.transact(() => {
    for (const r of records) if (!kv.has(r.id as string)) kv.set(r.id as string, r as never);
  });
  const firstItem = records.find((r) => String(r.type ?? '').startsWith('pb-item-'));
  addRubricAndActions(c.doc, String(firstItem?.id ?? ''), 'First card');
  if (options.name) c.provider.awareness.setLocalState({ user: { id: 'maria01', name: options.name, color: '#FF802B', role: 'editor' }, presence: null });
  await eventually(() => expect(allAcked(c)).toBe(true));
  return c;
}

async function closeAndUnload(c: TestClient, boardId: string) {
  c.destroy();
  clients.splice(clients.indexOf(c), 1);
  await eventually(() => expect(server.relay.rooms.has(boardId)).toBe(false));
}

const FIXTURES: [string, () => { records: Record<string, unknown>[] }][] = [
  ['many-tables-many-knocks', manyTablesFixture],
  ['universe-of-connections', universeFixture],
  ['journey-map', journeyMapFixture],
  ['influence-map', influenceMapFixture],
  ['frontline-communication', frontlineFixture],
  ['sector-scoping', sectorScopingFixture],
  ['launch-preparation', launchPreparationFixture],
  ['launch-meeting', launchMeetingFixture],
  ['critical-decisions', criticalDecisionsFixture],
  ['momentum-and-sustaining', momentumFixture],
  ['success-metrics', successMetricsFixture],
  ['career-pathways', careerPathwaysFixture],
];

describe('GET /api/boards/:id/export?format=json', () => {
  it.each(FIXTURES)('the export of a %s board filled with its fixture validates against the published schema', async (template, fixture) => {
    server = await startTestServer();
    const board = await createTestBoard(server, { template });
    const { records } = fixture();
    await fillBoard(board, records);
    const doc = await jsonExport(board);
    expect(schemaErrors(doc)).toEqual([]);
    expect(doc.board.template.id).toBe(template);
    expect(doc.steps.flatMap((s) => s.items).length + doc.itemsOutsideSteps.length).toBeGreaterThan(0);
    expect(doc.rubric.sessions).toHaveLength(2);
    // Two added by the test, after any the template starts with.
    expect(doc.actions).toHaveLength(2 + (getTemplate(template)?.startingActions?.length ?? 0));
  });

  it('answers the same document for a board nobody has open as while it was open (apart from the export time)', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server, { template: 'many-tables-many-knocks', title: 'Open and closed' });
    const c = await fillBoard(board, manyTablesFixture().records, { name: 'Maria' });
    await eventually(async () => expect((await jsonExport(board)).participants).toHaveLength(1));
    expect(server.relay.rooms.has(board.id)).toBe(true);
    const open = await jsonExport(board);

    await closeAndUnload(c, board.id);
    const closed = await jsonExport(board);
    expect(server.relay.rooms.has(board.id)).toBe(false);

    // Leaving records the person's last-seen time once more; everything else is identical.
    expect(closed.participants[0].lastSeen >= open.participants[0].lastSeen).toBe(true);
    const sameSeen = (d: BoardExport) => ({ ...withoutExportedAt(d), participants: d.participants.map((p) => ({ ...p, lastSeen: '' })) });
    expect(sameSeen(closed)).toEqual(sameSeen(open));
    expect(open.exportedAt).not.toBe('');
  });

  it('records who was seen with the role of their link, never what else their awareness carries', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const c = connectClient(server, board.id, board.tokens.viewer);
    clients.push(c);
    await synced(c);
    // A viewer claiming to be a facilitator, with extra fields in its awareness state.
    c.provider.awareness.setLocalState({ user: { id: 'viewer42', name: '  Lee\n Chen ', color: '#123456', role: 'facilitator', email: 'lee@example.org' }, presence: { cursor: { x: 1, y: 2 } } });
    await eventually(async () => expect((await jsonExport(board)).participants).toHaveLength(1));
    const [p] = (await jsonExport(board)).participants;
    expect(p).toEqual({ id: 'viewer42', name: 'Lee Chen', role: 'viewer', firstSeen: p.firstSeen, lastSeen: p.lastSeen });
    const stored = JSON.stringify(await server.storage.feature(participantStore).list(board.id));
    expect(stored).not.toMatch(/#123456|example\.org|cursor|facilitator/);
  });

  it('does not write every cursor move to storage', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    let writes = 0;
    const participants = server.storage.feature(participantStore);
    const record = participants.record.bind(participants);
    participants.record = (...args) => {
      writes++;
      return record(...args);
    };
    const c = connectClient(server, board.id, board.tokens.editor);
    clients.push(c);
    await synced(c);
    for (let i = 0; i < 30; i++) {
      c.provider.awareness.setLocalState({ user: { id: 'moving01', name: 'Ana', color: '#FF802B', role: 'editor' }, presence: { cursor: { x: i, y: i } } });
      await new Promise((r) => setTimeout(r, 5));
    }
    await eventually(async () => expect((await server.storage.feature(participantStore).list(board.id)).map((p) => p.name)).toEqual(['Ana']));
    expect(writes).toBe(1);
  });
});

describe('GET /api/boards/:id/export: formats, headers and errors', () => {
  it('sends each format with its content type and a safe file name from the title and date', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server, { title: 'Région Nord: "Café" / 2026!' });
    const day = new Date().toISOString().slice(0, 10);
    const expected: Record<string, [RegExp, string]> = {
      json: [/^application\/json/, `attachment; filename="Region-Nord-Cafe-2026-${day}.json"`],
      csv: [/^application\/zip$/, `attachment; filename="Region-Nord-Cafe-2026-${day}-csv.zip"`],
      md: [/^text\/markdown; charset=utf-8$/, `attachment; filename="Region-Nord-Cafe-2026-${day}.md"`],
      html: [/^text\/html; charset=utf-8$/, `inline; filename="Region-Nord-Cafe-2026-${day}-report.html"`],
    };
    for (const [format, [type, disposition]] of Object.entries(expected)) {
      const res = await getExport(board, format);
      expect(res.headers.get('content-type')).toMatch(type);
      expect(res.headers.get('content-disposition')).toBe(disposition);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('answers 400 naming the field for an unknown or missing format, 401 without a valid token, 404 for an unknown board', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    const bad = await fetch(exportUrl(board, `format=pdf&token=${board.tokens.viewer}`));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'invalid_format', message: expect.stringContaining('json, csv, md, html'), field: 'format' } });
    const missing = await fetch(exportUrl(board, `token=${board.tokens.viewer}`));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { field: string } }).error.field).toBe('format');
    expect((await fetch(exportUrl(board, 'format=json'))).status).toBe(401);
    expect((await fetch(exportUrl(board, 'format=json&token=wrong'))).status).toBe(401);
    expect((await fetch(exportUrl('AAAAAAAAAAAAAAAA', `format=json&token=${board.tokens.viewer}`))).status).toBe(404);
    expect((await fetch(exportUrl('not-a-board', `format=json&token=${board.tokens.viewer}`))).status).toBe(404);
    expect((await fetch(exportUrl(board, `format=json&token=${board.tokens.viewer}`), { method: 'POST' })).status).toBe(405);
  });

  it('serves every role, and opens no room for a board nobody has open', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server);
    for (const token of Object.values(board.tokens)) expect((await jsonExport(board, token)).board.id).toBe(board.id);
    expect(server.relay.rooms.has(board.id)).toBe(false);
  });

  it('keeps tokens out of the exports and out of the logs', async () => {
    const { logger, lines } = capturingLogger();
    server = await startTestServer({ logger });
    const board = await createTestBoard(server, { template: 'journey-map' });
    await fillBoard(board, journeyMapFixture().records, { name: 'Maria' });
    const tokens = Object.values(board.tokens);
    for (const format of ['json', 'md', 'html']) {
      const body = await (await getExport(board, format, board.tokens.facilitator)).text();
      for (const t of tokens) expect(body).not.toContain(t);
    }
    const zip = unzipSync(new Uint8Array(await (await getExport(board, 'csv')).arrayBuffer()));
    for (const data of Object.values(zip)) for (const t of tokens) expect(new TextDecoder().decode(data)).not.toContain(t);
    await fetch(exportUrl(board, `format=bogus&token=${board.tokens.editor}`));
    for (const t of tokens) expect(lines.join('\n')).not.toContain(t);
  });

  it('zips the five CSV files with their headers, a BOM and CRLF row ends', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server, { template: 'many-tables-many-knocks' });
    await fillBoard(board, manyTablesFixture().records);
    const zip = unzipSync(new Uint8Array(await (await getExport(board, 'csv')).arrayBuffer()));
    expect(Object.keys(zip).sort()).toEqual([...EXPORT_CSV_FILES].sort());
    const text = (name: string) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(zip[name]);
    const header = (name: string) => text(name).slice(1).split('\r\n')[0].split(',');
    for (const name of EXPORT_CSV_FILES) {
      expect(text(name).startsWith('\uFEFF')).toBe(true);
      expect(text(name).endsWith('\r\n')).toBe(true);
    }
    expect(header('items.csv').slice(0, ITEM_COLUMNS.length)).toEqual([...ITEM_COLUMNS]);
    expect(header('items.csv')).toEqual(expect.arrayContaining(['field:organization', 'field:businesses', 'created_by', 'updated_at']));
    expect(header('connections.csv').slice(0, CONNECTION_COLUMNS.length)).toEqual([...CONNECTION_COLUMNS]);
    expect(header('figures.csv')).toEqual([...FIGURE_COLUMNS]);
    expect(header('rubric.csv')).toEqual([...RUBRIC_COLUMNS]);
    expect(header('actions.csv')).toEqual([...ACTION_COLUMNS]);
    const json = await jsonExport(board);
    const itemCount = json.steps.flatMap((s) => s.items).concat(json.itemsOutsideSteps).filter((i, n, all) => all.findIndex((j) => j.id === i.id) === n).length;
    // Quoted cells may hold line breaks, so count rows by the board id they start with (a
    // random id starting with '-' is written with the formula guard, like any such text).
    expect(text('items.csv').split(`\r\n${csvCell(board.id)},`)).toHaveLength(itemCount + 1);
    expect(text('rubric.csv').split('\r\n').filter((l) => l.startsWith(`${csvCell(board.id)},`))).toHaveLength(6);
    expect(text('actions.csv')).toContain('Recruit two business champions');
  });
});

describe('the HTML and Markdown reports of a board with a malicious title', () => {
  const TITLE = '<script>alert(1)</script><img src=x onerror=alert(2)> [click](javascript:alert(3))';

  it('show the title as text: no live script, element or link', async () => {
    server = await startTestServer();
    const board = await createTestBoard(server, { template: 'many-tables-many-knocks', title: TITLE, region: '<b>North</b>', sector: '=cmd|calc' });
    await fillBoard(board, manyTablesFixture().records, { name: '<i>Eve</i>' });
    const res = await getExport(board, 'html');
    const html = await res.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b>North|<i>Eve/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;i&gt;Eve&lt;/i&gt;');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/script-src/);

    const md = await (await getExport(board, 'md')).text();
    expect(md.split('\n')[0]).toBe('# \\<script\\>alert\\(1\\)\\</script\\>\\<img src=x onerror=alert\\(2\\)\\> \\[click\\]\\(javascript:alert\\(3\\)\\)');
    expect(md).not.toMatch(/(^|[^\\])<(script|img|b>|i>)/m);
    expect(md).not.toMatch(/(^|[^\\])\[click/);
  });
});

describe('GET /api/export-schema.json', () => {
  it('serves the published JSON Schema', async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/api/export-schema.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    const body = await res.json();
    expect(body).toEqual(JSON.parse(fs.readFileSync(new URL('../../shared/export.schema.json', import.meta.url), 'utf8')));
    expect(body.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});
