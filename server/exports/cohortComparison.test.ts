import { describe, expect, it } from 'vitest';
import { readActions } from '../../shared/doc/actionPlanDoc';
import { readRubric } from '../../shared/doc/rubricDoc';
import type { Figure } from '../../shared/results';
import { manyTablesManyKnocks } from '../../exercises/many-tables-many-knocks';
import { manyTablesFixture } from '../../exercises/many-tables-many-knocks/fixtures';
import { journeyMap } from '../../exercises/journey-map';
import { addRubricAndActions, boardDoc, boardRow } from './testing';
import { BOM } from '../../shared/api/csv';
import { resultsOfDoc } from './boardResults';
import { buildComparison, comparisonCsv, type TeamResults } from './cohortComparison';
import { exerciseNumberFigures } from './cohortResults';

/** A team's results read from a board doc the way readTeamResults reads a stored board. */
function teamOf(team: string, records: readonly Record<string, unknown>[], withRubric: boolean, id: string): TeamResults {
  const row = boardRow(manyTablesManyKnocks, { id });
  const doc = boardDoc(manyTablesManyKnocks, row, records);
  if (withRubric) addRubricAndActions(doc, '', '');
  const results = resultsOfDoc(doc, row);
  const out = {
    team,
    boardId: id,
    items: results.items.length,
    connections: results.connections.length,
    figures: results.figures,
    rubric: readRubric(doc),
    actions: readActions(doc),
  };
  doc.destroy();
  return out;
}

const cohort = { id: 'CoHoRtIdCoHoRtId', name: 'Spring Academy' };
const template = { id: 'many-tables-many-knocks', title: 'Many Tables, Many Knocks' };

describe('buildComparison', () => {
  it('compares a worked board (the exercise fixture) with an empty one', () => {
    const fixture = manyTablesFixture();
    const worked = teamOf('North Valley', fixture.records, true, 'BoardNorthValley');
    const empty = teamOf('Lake County', [], false, 'BoardLakeCounty0');
    const c = buildComparison({ cohort, template, figures: exerciseNumberFigures('many-tables-many-knocks', null), teams: [worked, empty] });

    expect(c.template).toEqual(template);
    expect(c.figures).toEqual([
      { id: 'feasible-ideas', label: 'Feasible ideas' },
      { id: 'actions', label: 'Actions' },
      { id: 'actions-without-owner', label: 'Actions without an owner' },
      { id: 'unfinished-connectors', label: 'Unfinished connectors' },
    ]);
    expect(c.dimensions.map((d) => d.id)).toEqual(['industry-engagement', 'regional-coordination', 'career-pathways']);
    expect(c.dimensions.every((d) => d.label.length > 0)).toBe(true);
    expect(c.statuses).toEqual([
      { id: 'not-started', label: 'Not started' },
      { id: 'in-progress', label: 'In progress' },
      { id: 'done', label: 'Done' },
      { id: 'blocked', label: 'Blocked' },
    ]);
    expect(c.teams[0]).toEqual({
      team: 'North Valley',
      boardId: 'BoardNorthValley',
      // 3 quotes, 2 journey steps, 6 tables (one deleted), 2 gaps, 7 knocks, 5 ideas, 2 actions; 9 typed connectors.
      items: 29,
      connections: 9,
      // The values the fixture's own test expects (many-tables-many-knocks.test.ts).
      figures: { 'feasible-ideas': 2, actions: 2, 'actions-without-owner': 1, 'unfinished-connectors': 3 },
      // The latest of the two sessions; career pathways never scored.
      rubric: { date: '2026-04-20', scores: { 'industry-engagement': 6, 'regional-coordination': 5, 'career-pathways': null } },
      actions: { 'not-started': 1, 'in-progress': 1, done: 0, blocked: 0 },
    });
    expect(c.teams[1]).toEqual({
      team: 'Lake County',
      boardId: 'BoardLakeCounty0',
      items: 0,
      connections: 0,
      figures: { 'feasible-ideas': 0, actions: 0, 'actions-without-owner': 0, 'unfinished-connectors': 0 },
      rubric: { date: null, scores: { 'industry-engagement': null, 'regional-coordination': null, 'career-pathways': null } },
      actions: { 'not-started': 0, 'in-progress': 0, done: 0, blocked: 0 },
    });
  });

  it('lists a figure only some boards have, null for the others, and ignores table and list figures', () => {
    const n = (id: string, value: number): Figure => ({ id, label: id.toUpperCase(), kind: 'number', value });
    const base = { items: 0, connections: 0, rubric: [], actions: [] };
    const c = buildComparison({
      cohort,
      template,
      figures: [{ id: 'a', label: 'A' }],
      teams: [
        { ...base, team: 'T1', boardId: 'b1', figures: [n('a', 1), { id: 't', label: 'T', kind: 'table', columns: [], rows: [] }] },
        { ...base, team: 'T2', boardId: 'b2', figures: [n('b', 4)], actions: [{ status: 'done' }, { status: 'done' }, { status: 'junk' }] },
      ],
    });
    expect(c.figures).toEqual([
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ]);
    expect(c.teams.map((t) => t.figures)).toEqual([
      { a: 1, b: null },
      { a: null, b: 4 },
    ]);
    expect(c.teams[1].actions).toEqual({ 'not-started': 0, 'in-progress': 0, done: 2, blocked: 0 });
  });

  it('knows each exercise’s number figures, per variant', () => {
    expect(exerciseNumberFigures('blank', null)).toEqual([]);
    expect(exerciseNumberFigures('journey-map', 'employer').map((f) => f.id)).toEqual(['unfinished-handoffs']);
    expect(exerciseNumberFigures(journeyMap.template.id, 'jobseeker')).toHaveLength(1);
    expect(exerciseNumberFigures('no-such-exercise', null)).toEqual([]);
  });
});

describe('comparisonCsv', () => {
  it('writes one row per team, neutralising formulas in team names', () => {
    const worked = teamOf("=cmd|' /C calc'!A0", manyTablesFixture().records, true, 'BoardNorthValley');
    const other = teamOf('+Lake, "County"', [], false, 'BoardLakeCounty0');
    const csv = comparisonCsv(buildComparison({ cohort, template, figures: exerciseNumberFigures('many-tables-many-knocks', null), teams: [worked, other] }));
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'team,board_id,items,connections,figure:feasible-ideas,figure:actions,figure:actions-without-owner,figure:unfinished-connectors,rubric_date,rubric:industry-engagement,rubric:regional-coordination,rubric:career-pathways,actions:not-started,actions:in-progress,actions:done,actions:blocked',
      "'=cmd|' /C calc'!A0,BoardNorthValley,29,9,2,2,1,3,2026-04-20,6,5,,1,1,0,0",
      `"'+Lake, ""County""",BoardLakeCounty0,0,0,0,0,0,0,,,,,0,0,0,0`,
      '',
    ]);
  });
});
