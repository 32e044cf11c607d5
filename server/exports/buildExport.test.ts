import { describe, expect, it } from 'vitest';
import { readActions } from '../../shared/doc/actionPlanDoc';
import { readRubric } from '../../shared/doc/rubricDoc';
import { BAND_DESCRIPTIONS, RUBRIC_GUIDE } from '../../shared/rubricGuide';
import type { ExerciseDef } from '../../exercises/kit/definitions';
import { extractFixture } from '../../exercises/kit/testing';
import { blank } from '../../exercises/blank';
import { frontlineCommunication } from '../../exercises/frontline-communication';
import { frontlineFixture } from '../../exercises/frontline-communication/fixtures';
import { influenceMap } from '../../exercises/influence-map';
import { influenceMapFixture } from '../../exercises/influence-map/fixtures';
import { journeyMap } from '../../exercises/journey-map';
import { journeyMapFixture } from '../../exercises/journey-map/fixtures';
import { manyTablesManyKnocks } from '../../exercises/many-tables-many-knocks';
import { manyTablesFixture } from '../../exercises/many-tables-many-knocks/fixtures';
import { universeOfConnections } from '../../exercises/universe-of-connections';
import { universeFixture } from '../../exercises/universe-of-connections/fixtures';
import { buildExport } from './buildExport';
import { addRubricAndActions, boardDoc, boardRow, schemaErrors } from './testing';

const FIXTURES: [string, ExerciseDef, () => { records: Record<string, unknown>[] }][] = [
  ['many-tables-many-knocks', manyTablesManyKnocks, manyTablesFixture],
  ['universe-of-connections', universeOfConnections, universeFixture],
  ['journey-map', journeyMap, journeyMapFixture],
  ['influence-map', influenceMap, influenceMapFixture],
  ['frontline-communication', frontlineCommunication, frontlineFixture],
];

const NOW = new Date('2026-05-04T12:00:00.000Z');

describe('buildExport on the exercise fixtures', () => {
  it.each(FIXTURES)('%s: the export validates against the JSON Schema and carries what the panels show', (_id, exercise, fixture) => {
    const { records } = fixture();
    const row = boardRow(exercise);
    const doc = boardDoc(exercise, row, records);
    const expected = extractFixture(exercise, records, row.variant).results;
    const source = expected.items[0];
    addRubricAndActions(doc, source.id, source.title);

    const out = buildExport(doc, row, [], NOW);
    expect(schemaErrors(out)).toEqual([]);

    expect(out.exportVersion).toBe(1);
    expect(out.exportedAt).toBe(NOW.toISOString());
    expect(out.board).toMatchObject({ id: row.id, title: row.title, region: row.region, sector: row.sector, createdAt: row.createdAt });
    expect(out.board.template).toEqual({ id: exercise.template.id, title: exercise.template.title, version: exercise.template.version });

    // Every item the panels extract is in the export exactly once (steps + outside), with its fields.
    const exported = new Map([...out.steps.flatMap((s) => s.items), ...out.itemsOutsideSteps].map((i) => [i.id, i]));
    expect([...exported.keys()].sort()).toEqual(expected.items.map((i) => i.id).sort());
    for (const item of expected.items) {
      expect(exported.get(item.id)?.fields).toEqual(item.fields);
      expect(exported.get(item.id)?.stepIds).toEqual(item.stepIds);
    }
    for (const step of out.steps) {
      expect(step.items.map((i) => i.id)).toEqual(expected.steps.find((s) => s.id === step.id)?.itemIds);
      expect(step.prompt).toBe(exercise.template.steps.find((s) => s.id === step.id)?.prompt);
    }
    expect(out.itemsOutsideSteps.every((i) => i.stepIds.length === 0)).toBe(true);
    expect(out.connections.map(({ fromTitle: _f, toTitle: _t, ...c }) => c)).toEqual(expected.connections);
    expect(out.figures).toEqual(expected.figures);

    expect(out.rubric.sessions.map((s) => s.date)).toEqual(readRubric(doc).map((s) => s.date));
    expect(out.actions.map((a) => a.id)).toEqual(readActions(doc).map((a) => a.id));
    expect(out.notes).toEqual([]);
  });

  it('lists items outside every zone apart, and names the ends of connections', () => {
    const { records, ids } = journeyMapFixture();
    const row = boardRow(journeyMap);
    const out = buildExport(boardDoc(journeyMap, row, records), row, [], NOW);
    expect(out.itemsOutsideSteps.map((i) => i.id)).toContain(ids.vrCoaching);
    expect(out.itemsOutsideSteps.find((i) => i.id === ids.vrCoaching)?.zoneId).toBeNull();
    const handoff = out.connections.find((c) => c.id === ids.hJcToCollege);
    expect(handoff?.fromTitle).toBe(out.steps.flatMap((s) => s.items).find((i) => i.id === ids.jcRefer)?.title);
    expect(out.board.variant).toEqual({ id: 'employer', title: journeyMap.template.variants?.[0].title });
  });
});

describe('buildExport: rubric, action plan, participants', () => {
  const exercise = manyTablesManyKnocks;
  const { records, ids } = manyTablesFixture();
  const row = boardRow(exercise);

  it('keeps every rubric session with bands, rationale and all evidence (dismissed ones marked)', () => {
    const doc = boardDoc(exercise, row, records);
    addRubricAndActions(doc, ids.ideaFrontDoor, 'Front door');
    const { rubric } = buildExport(doc, row, [], NOW);
    expect(rubric.dimensions.map((d) => d.id)).toEqual(['industry-engagement', 'regional-coordination', 'career-pathways']);
    expect(rubric.sessions.map((s) => s.date)).toEqual(['2026-01-15', '2026-04-20']);
    const current = rubric.sessions[1].scores;
    expect(current['industry-engagement']).toMatchObject({ score: 6, band: 'active', bandLabel: 'Active' });
    expect(current['industry-engagement'].rationale).toContain('\nThe chamber joined.');
    expect(current['regional-coordination']).toMatchObject({ score: 5, band: 'developing' });
    expect(current['regional-coordination'].evidence.map((e) => [e.id, e.status])).toEqual([
      ['proposed:gone', 'dismissed'],
      ['team:1', 'accepted'],
    ]);
    expect(current['career-pathways']).toEqual({ score: null, band: null, bandLabel: null, guidepost: null, next: null, rationale: '', evidence: [] });
  });

  it('explains the rubric: what each dimension measures, each band overall, and the guidepost and next step of each score', () => {
    const doc = boardDoc(exercise, row, records);
    addRubricAndActions(doc, ids.ideaFrontDoor, 'Front door');
    const { rubric } = buildExport(doc, row, [], NOW);
    expect(rubric.dimensions[0]).toEqual({ id: 'industry-engagement', label: 'Industry engagement', description: RUBRIC_GUIDE['industry-engagement'].description });
    expect(rubric.bands.map((b) => [b.id, b.description])).toEqual(Object.entries(BAND_DESCRIPTIONS));
    expect(rubric.sessions[1].scores['industry-engagement']).toMatchObject({
      guidepost: RUBRIC_GUIDE['industry-engagement'].bands.active.guidepost,
      next: RUBRIC_GUIDE['industry-engagement'].bands.active.next,
    });
    expect(rubric.sessions[0].scores['regional-coordination']).toMatchObject({ score: 4, next: RUBRIC_GUIDE['regional-coordination'].bands.developing.next });
  });

  it('marks whether each action’s source item is still on the board', () => {
    const doc = boardDoc(exercise, row, records);
    addRubricAndActions(doc, ids.ideaFrontDoor, 'Front door');
    const { actions } = buildExport(doc, row, [], NOW);
    expect(actions.map((a) => [a.id, a.sourceExists, a.statusLabel])).toEqual([
      ['action:one', true, 'In progress'],
      ['action:two', false, 'Not started'],
    ]);
  });

  it('says no source exists for an action added directly', () => {
    const doc = boardDoc(blank, boardRow(blank));
    addRubricAndActions(doc, '', '');
    expect(buildExport(doc, boardRow(blank), [], NOW).actions[0]).toMatchObject({ sourceItemId: '', sourceExists: false });
  });

  it('reports the participants storage recorded, and nothing else about them', () => {
    const doc = boardDoc(exercise, row, records);
    const out = buildExport(doc, row, [{ userId: 'abc123', name: 'Maria', role: 'facilitator', firstSeen: '2026-04-20T09:00:00.000Z', lastSeen: '2026-04-20T11:00:00.000Z' }], NOW);
    expect(out.participants).toEqual([{ id: 'abc123', name: 'Maria', role: 'facilitator', firstSeen: '2026-04-20T09:00:00.000Z', lastSeen: '2026-04-20T11:00:00.000Z' }]);
    expect(schemaErrors(out)).toEqual([]);
  });

  it('exports a blank board with empty lists that still validates', () => {
    const out = buildExport(boardDoc(blank, boardRow(blank)), boardRow(blank), [], NOW);
    expect(schemaErrors(out)).toEqual([]);
    expect(out).toMatchObject({ steps: [], itemsOutsideSteps: [], connections: [], figures: [], actions: [], notes: [], participants: [] });
    expect(out.rubric.sessions).toEqual([]);
  });

  it('is deterministic: the same doc and time give the same document', () => {
    const doc = boardDoc(exercise, row, records);
    expect(JSON.stringify(buildExport(doc, row, [], NOW))).toBe(JSON.stringify(buildExport(doc, row, [], NOW)));
  });
});

describe('the JSON Schema', () => {
  const row = boardRow(blank);
  const valid = () => buildExport(boardDoc(blank, row), row, [], NOW) as unknown as Record<string, unknown>;

  it('refuses a document missing a required property, with an unknown one, or of another version', () => {
    const { board: _board, ...noBoard } = valid();
    expect(schemaErrors(noBoard)).not.toEqual([]);
    expect(schemaErrors({ ...valid(), extra: 1 })).not.toEqual([]);
    expect(schemaErrors({ ...valid(), exportVersion: 2 })).not.toEqual([]);
    expect(schemaErrors({ ...valid(), exportedAt: 'yesterday' })).not.toEqual([]);
  });

  it('refuses a token-like property on a participant (only id, name, role and times are allowed)', () => {
    const doc = valid();
    doc.participants = [{ id: 'a', name: 'A', role: 'editor', firstSeen: NOW.toISOString(), lastSeen: NOW.toISOString(), token: 'x' }];
    expect(schemaErrors(doc)).not.toEqual([]);
  });

  it('refuses a score outside 1-10 and a figure of an unknown kind', () => {
    const doc = valid();
    const bad = { score: 11, band: 'role-model', bandLabel: 'Role Model', rationale: '', evidence: [] };
    const empty = { score: null, band: null, bandLabel: null, rationale: '', evidence: [] };
    (doc.rubric as { sessions: unknown[] }).sessions = [{ date: '2026-01-01', scores: { 'industry-engagement': bad, 'regional-coordination': empty, 'career-pathways': empty } }];
    expect(schemaErrors(doc)).not.toEqual([]);
    expect(schemaErrors({ ...valid(), figures: [{ id: 'f', label: 'F', kind: 'pie', value: 1 }] })).not.toEqual([]);
  });
});
