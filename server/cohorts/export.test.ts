import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../tests/helpers/server';
import { allAcked, connectClient, synced, type TestClient } from '../../tests/helpers/clients';
import { eventually } from '../../tests/helpers/eventually';
import { sqliteIn, startTestServer, tempDir } from '../../tests/helpers/server';
import { EXPORT_CSV_FILES } from '../../shared/api/exportDocument';
import { setScore } from '../../shared/doc/rubricDoc';
import { addAction } from '../../shared/doc/actionPlanDoc';
import { manyTablesFixture } from '../../exercises/many-tables-many-knocks/fixtures';
import { addRubricAndActions, schemaErrors } from '../exports/testing';
import { BOM, csvCell } from '../../shared/api/csv';
import { teamFolder } from '../exports/cohortZip';
import { addRecords, api, changeStoredBoard, createTestCohort, type CreatedTestCohort } from './testing';

let server: RunningServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
  server = undefined;
});

/** UTF-8 text, keeping a byte-order mark (fflate's strFromU8 drops it). */
const strFromU8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

const EVIL = "=cmd|' /C calc'!A0";
const TEAMS = ['North Valley', EVIL, '../evil'];

/**
 * A cohort of three Many Tables boards: North Valley worked (the exercise fixture, two rubric
 * sessions, two actions; written to storage, nobody has it open), the second team with a few
 * cards, a score and a done action written live by an editor who stays connected, the third
 * untouched.
 */
async function workedCohort(): Promise<CreatedTestCohort> {
  server = await startTestServer({ storage: sqliteIn(tempDir()) });
  const c = await createTestCohort(server, { name: 'Spring Academy: Région Nord', teams: TEAMS });
  await changeStoredBoard(server.storage, c.boards[0].id, (doc) => {
    addRecords(doc, manyTablesFixture().records);
    addRubricAndActions(doc, '', '');
  });
  const editor = connectClient(server, c.boards[1].id, c.boards[1].tokens.editor, { ack: true });
  clients.push(editor);
  await synced(editor);
  const records = manyTablesFixture().records.filter((r) => r.typeName !== 'shape' || ['pb-item-idea', 'pb-item-action'].includes(r.type as string));
  addRecords(editor.doc, records);
  setScore(editor.doc, '2026-05-01', 'career-pathways', 8);
  addAction(editor.doc, { text: 'Book the plant tour', status: 'done', createdBy: 'Ana' });
  await eventually(() => expect(allAcked(editor)).toBe(true));
  return c;
}

describe('GET /api/cohorts/:id/comparison', () => {
  it('compares the teams’ results, reading open and closed boards alike', async () => {
    const c = await workedCohort();
    const res = await api(server!, 'GET', `/api/cohorts/${c.id}/comparison`, c.trainer);
    expect(res.status).toBe(200);
    expect(res.body.template).toEqual({ id: 'many-tables-many-knocks', title: 'Many Tables, Many Knocks' });
    expect(res.body.figures.map((f: any) => f.id)).toEqual(['feasible-ideas', 'actions', 'actions-without-owner', 'unfinished-connectors']);
    expect(res.body.teams).toEqual([
      {
        team: 'North Valley',
        boardId: c.boards[0].id,
        items: 29,
        connections: 9,
        figures: { 'feasible-ideas': 2, actions: 2, 'actions-without-owner': 1, 'unfinished-connectors': 3 },
        rubric: { date: '2026-04-20', scores: { 'industry-engagement': 6, 'regional-coordination': 5, 'career-pathways': null } },
        actions: { 'not-started': 1, 'in-progress': 1, done: 0, blocked: 0 },
      },
      {
        team: EVIL,
        boardId: c.boards[1].id,
        // The fixture's 5 ideas and 2 action cards only.
        items: 7,
        connections: 0,
        figures: { 'feasible-ideas': 2, actions: 2, 'actions-without-owner': 1, 'unfinished-connectors': 0 },
        rubric: { date: '2026-05-01', scores: { 'industry-engagement': null, 'regional-coordination': null, 'career-pathways': 8 } },
        actions: { 'not-started': 0, 'in-progress': 0, done: 1, blocked: 0 },
      },
      {
        team: '../evil',
        boardId: c.boards[2].id,
        items: 0,
        connections: 0,
        figures: { 'feasible-ideas': 0, actions: 0, 'actions-without-owner': 0, 'unfinished-connectors': 0 },
        rubric: { date: null, scores: { 'industry-engagement': null, 'regional-coordination': null, 'career-pathways': null } },
        actions: { 'not-started': 0, 'in-progress': 0, done: 0, blocked: 0 },
      },
    ]);
    for (const token of [c.boards[0].tokens.facilitator, null]) expect((await api(server!, 'GET', `/api/cohorts/${c.id}/comparison`, token)).status).toBe(401);
  });
});

describe('GET /api/cohorts/:id/export', () => {
  it('zips every team board’s export under a safe folder, with comparison.csv and a README', async () => {
    const c = await workedCohort();
    const res = await api(server!, 'GET', `/api/cohorts/${c.id}/export`, c.trainer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const day = new Date().toISOString().slice(0, 10);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Spring-Academy-Region-Nord-${day}-cohort.zip"`);

    const files = unzipSync(res.body as Uint8Array);
    const folders = ['01-North-Valley', '02-cmd-C-calc-A0', '03-evil'];
    const expected = [
      'README.txt',
      'comparison.csv',
      ...folders.flatMap((f) => [`${f}/board.json`, `${f}/report.html`, `${f}/report.md`, ...EXPORT_CSV_FILES.map((n) => `${f}/csv/${n}`)]),
    ];
    expect(Object.keys(files).sort()).toEqual(expected.sort());
    for (const name of Object.keys(files)) {
      for (const segment of name.split('/')) {
        expect(segment).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
        expect(segment).not.toBe('..');
      }
    }

    // Each folder holds its own board's export, as GET /api/boards/:id/export would give it.
    for (const [i, folder] of folders.entries()) {
      const doc = JSON.parse(strFromU8(files[`${folder}/board.json`]));
      expect(doc.board.id).toBe(c.boards[i].id);
      expect(doc.board.title).toBe(`Spring Academy: Région Nord · ${TEAMS[i]}`);
      expect(schemaErrors(doc)).toEqual([]);
      expect(strFromU8(files[`${folder}/report.html`]).startsWith('<!doctype html>')).toBe(true);
      expect(strFromU8(files[`${folder}/report.md`]).length).toBeGreaterThan(0);
      expect(strFromU8(files[`${folder}/csv/items.csv`]).startsWith(`${BOM}board_id,`)).toBe(true);
    }
    const items = strFromU8(files['01-North-Valley/csv/items.csv']).split('\r\n').filter((l) => l.length > 0);
    expect(items).toHaveLength(1 + 29);
    expect(strFromU8(files['01-North-Valley/report.md'])).toContain('North Valley');

    const csv = strFromU8(files['comparison.csv']);
    expect(csv.startsWith(BOM)).toBe(true);
    const rows = csv.slice(1).split('\r\n');
    expect(rows).toEqual([
      'team,board_id,items,connections,figure:feasible-ideas,figure:actions,figure:actions-without-owner,figure:unfinished-connectors,rubric_date,rubric:industry-engagement,rubric:regional-coordination,rubric:career-pathways,actions:not-started,actions:in-progress,actions:done,actions:blocked',
      `North Valley,${csvCell(c.boards[0].id)},29,9,2,2,1,3,2026-04-20,6,5,,1,1,0,0`,
      `'=cmd|' /C calc'!A0,${csvCell(c.boards[1].id)},7,0,2,2,1,0,2026-05-01,,,8,0,0,1,0`,
      `../evil,${csvCell(c.boards[2].id)},0,0,0,0,0,0,,,,,0,0,0,0`,
      '',
    ]);
    const readme = strFromU8(files['README.txt']);
    expect(readme).toContain('Spring Academy: Région Nord');
    for (const f of folders) expect(readme).toContain(`${f}/`);
  });

  it('answers 401 to team tokens, 404 to an unknown cohort', async () => {
    server = await startTestServer();
    const c = await createTestCohort(server, { count: 1 });
    for (const token of [...Object.values(c.boards[0].tokens), null]) expect((await api(server, 'GET', `/api/cohorts/${c.id}/export`, token)).status).toBe(401);
    expect((await api(server, 'GET', '/api/cohorts/AAAAAAAAAAAAAAAA/export', c.trainer)).status).toBe(404);
    expect((await api(server, 'POST', `/api/cohorts/${c.id}/export`, c.trainer, {})).status).toBe(405);
  });
});

describe('teamFolder', () => {
  it.each([
    [0, 'North Valley', '01-North-Valley'],
    [1, '../evil', '02-evil'],
    [2, '..', '03-team'],
    [3, 'a/b\\c', '04-a-b-c'],
    [4, 'Région Nord', '05-Region-Nord'],
    [9, '東京', '10-team'],
    [39, EVIL, '40-cmd-C-calc-A0'],
  ])('numbers team %i %j as %j', (position, team, folder) => {
    expect(teamFolder(position, team)).toBe(folder);
  });
});
