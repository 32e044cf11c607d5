import { describe, expect, it } from 'vitest';
import { expectValidRecords, extractFixture, fixtureFor, migrateFromFirstVersion } from '../kit/testing';
import type { Figure } from '../../shared/results';
import { manyTablesFixture } from './fixtures';
import { splitBusinesses } from './figures';
import { manyTablesManyKnocks } from './index';

const figure = (figures: Figure[], id: string) => {
  const f = figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
};

describe('Many Tables, Many Knocks template', () => {
  it('has five steps, each working in its own zone (its registration: exercises/tests/registry.test.ts)', () => {
    const { steps, zones } = manyTablesManyKnocks.template;
    expect(steps.map((s) => s.id)).toEqual(['employer-journey', 'map-tables', 'map-knocks', 'ideal-alternative', 'real-alternative']);
    expect(steps.map((s) => s.zoneId)).toEqual(['journey', 'tables', 'knocks', 'ideal', 'real']);
    expect(zones.map((z) => z.id)).toEqual(['journey', 'tables', 'knocks', 'ideal', 'real']);
  });

  it('lays its zones out without overlap, at least 80 px apart, inside the canvas', () => {
    const zones = manyTablesManyKnocks.template.zones;
    for (const z of zones) {
      expect(z.x).toBeGreaterThanOrEqual(0);
      expect(z.y).toBeGreaterThanOrEqual(0);
      expect(z.x + z.w).toBeLessThanOrEqual(6000);
      expect(z.y + z.h).toBeLessThanOrEqual(4000);
    }
    for (const a of zones) {
      for (const b of zones) {
        if (a === b) continue;
        const apart = a.x + a.w + 80 <= b.x || b.x + b.w + 80 <= a.x || a.y + a.h + 80 <= b.y || b.y + b.h + 80 <= a.y;
        expect(apart, `${a.id} / ${b.id}`).toBe(true);
      }
    }
  });

  it('offers its own item types and reuses the shared ones', () => {
    expect(manyTablesManyKnocks.itemTypes.map((t) => t.type)).toEqual(['quote', 'journey-step', 'table', 'gap', 'knock', 'idea', 'action']);
    expect(manyTablesManyKnocks.connectorKinds.map((k) => k.kind)).toEqual(['overlaps', 'knock-overlap']);
  });
});

describe('Many Tables, Many Knocks extraction', () => {
  const { records, ids } = manyTablesFixture();
  const { results } = extractFixture(manyTablesManyKnocks, records);

  it('builds records the board schema accepts', () => {
    expectValidRecords(records);
  });

  it('extracts every typed item once, ignoring the sticky and the deleted table', () => {
    const perType: Record<string, number> = {};
    for (const i of results.items) perType[i.type] = (perType[i.type] ?? 0) + 1;
    expect(perType).toEqual({ quote: 3, 'journey-step': 2, table: 6, gap: 4, knock: 7, idea: 5, action: 2 });
    expect(results.items.some((i) => i.id === ids.tableDeleted || i.id === ids.sticky)).toBe(false);
  });

  it('places items in the zone and step holding their centre, and none for a card outside every zone', () => {
    const item = (id: string) => {
      const found = results.items.find((i) => i.id === id);
      if (!found) throw new Error(`no item ${id}`);
      return found;
    };
    expect(item(ids.tableAdvisory)).toMatchObject({ zoneId: 'tables', stepIds: ['map-tables'], title: 'Manufacturing Advisory Committee' });
    expect(item(ids.ideaCalendar)).toMatchObject({ zoneId: 'real', stepIds: ['real-alternative'] });
    expect(item(ids.knockApprenticeship)).toMatchObject({ zoneId: null, stepIds: [], title: 'Apprenticeship office' });
    expect(item(ids.tableEmpty)).toMatchObject({ title: 'Table', fields: { name: '', convenerType: '', servesPurpose: null } });
    expect(results.steps).toEqual([
      { id: 'employer-journey', title: 'Employer journey', zoneId: 'journey', itemIds: [ids.stepCold, ids.stepReferral, ids.quoteCall, ids.quoteTraining, ids.quoteWelders] },
      { id: 'map-tables', title: 'Map the tables', zoneId: 'tables', itemIds: [ids.gapSmallShops, ids.gapEmpty, ids.tableWelding, ids.tableEmpty, ids.tableAdvisory, ids.tableCouncil, ids.tableRoundtable, ids.tableBreakfast] },
      { id: 'map-knocks', title: 'Map the knocks', zoneId: 'knocks', itemIds: [ids.gapSuppliers, ids.gapHomeShops, ids.knockBusinessServices, ids.knockVeterans, ids.knockCollege, ids.knockChamber, ids.knockSurvey, ids.knockYouth] },
      { id: 'ideal-alternative', title: 'Ideal alternative', zoneId: 'ideal', itemIds: [ids.ideaFrontDoor, ids.ideaJobBoard, ids.ideaEmpty] },
      { id: 'real-alternative', title: 'Real alternative', zoneId: 'real', itemIds: [ids.actionList, ids.actionInvite, ids.ideaCalendar, ids.ideaJointTeam] },
    ]);
  });

  it('reads the typed connectors with their fields, leaving the untyped arrow out', () => {
    const noNotes = { notes: '' };
    expect(results.connections).toEqual([
      { id: ids.overlapAdvisory, kind: 'overlaps', kindLabel: 'Overlaps', fromId: ids.tableAdvisory, toId: ids.tableWelding, fields: { overlap: 'same-businesses', ...noNotes }, complete: true },
      { id: ids.overlapCouncil, kind: 'overlaps', kindLabel: 'Overlaps', fromId: ids.tableCouncil, toId: ids.tableRoundtable, fields: { overlap: 'both', ...noNotes }, complete: true },
      { id: ids.overlapCouncilBack, kind: 'overlaps', kindLabel: 'Overlaps', fromId: ids.tableRoundtable, toId: ids.tableCouncil, fields: { overlap: 'same-purpose', ...noNotes }, complete: true },
      { id: ids.overlapToDeleted, kind: 'overlaps', kindLabel: 'Overlaps', fromId: ids.tableAdvisory, toId: null, fields: { overlap: 'same-purpose', ...noNotes }, complete: false },
      {
        id: ids.knockOverlapWorkforce,
        kind: 'knock-overlap',
        kindLabel: 'Knock overlap',
        fromId: ids.knockBusinessServices,
        toId: ids.knockVeterans,
        fields: { sameBusinesses: true, samePurpose: false, fatigueRisk: true, notes: 'Both call Acme Tooling' },
        complete: true,
      },
      {
        id: ids.knockOverlapCollege,
        kind: 'knock-overlap',
        kindLabel: 'Knock overlap',
        fromId: ids.knockCollege,
        toId: ids.knockBusinessServices,
        fields: { sameBusinesses: true, samePurpose: true, fatigueRisk: false, notes: '' },
        complete: true,
      },
      {
        id: ids.knockOverlapLoose,
        kind: 'knock-overlap',
        kindLabel: 'Knock overlap',
        fromId: ids.knockChamber,
        toId: null,
        fields: { sameBusinesses: false, samePurpose: false, fatigueRisk: true, notes: '' },
        complete: false,
      },
      { id: ids.overlapMisplaced, kind: 'overlaps', kindLabel: 'Overlaps', fromId: ids.tableBreakfast, toId: ids.knockSurvey, fields: { overlap: 'same-businesses', ...noNotes }, complete: true },
      {
        id: ids.knockOverlapBare,
        kind: 'knock-overlap',
        kindLabel: 'Knock overlap',
        fromId: ids.knockSurvey,
        toId: ids.knockChamber,
        fields: { sameBusinesses: false, samePurpose: false, fatigueRisk: false, notes: '' },
        complete: true,
      },
    ]);
  });

  it('derives every figure of the exercise from the fixture', () => {
    const bs = 'Three Rivers Workforce Board – Business services';
    const vet = 'three rivers workforce board – Veterans employment';
    expect(results.figures).toEqual([
      {
        id: 'tables-per-convener-type',
        label: 'Tables per convener type',
        help: 'Who brings businesses of the sector together, and how well those tables serve their purpose on average (1-5).',
        kind: 'table',
        status: 'info',
        columns: ['Convener type', 'Tables', 'Serves its purpose (average)'],
        rows: [
          // the welding board (4) and the advisory committee (3); the deleted table is gone
          { key: 'college', cells: ['College', 2, 3.5], itemIds: [ids.tableWelding, ids.tableAdvisory] },
          { key: 'workforce-board', cells: ['Workforce board', 1, ''], itemIds: [ids.tableRoundtable] },
          { key: 'chamber', cells: ['Chamber of commerce', 1, 4], itemIds: [ids.tableCouncil] },
          { key: 'employers', cells: ['Self-convened by employers', 1, 5], itemIds: [ids.tableBreakfast] },
          { key: 'not-set', cells: ['Convener type not set', 1, ''], itemIds: [ids.tableEmpty] },
        ],
      },
      {
        id: 'table-overlaps',
        label: 'Overlapping tables',
        help: 'Pairs of tables marked as gathering the same businesses or serving the same purpose: candidates to merge or align.',
        kind: 'list',
        status: 'info',
        entries: [
          { text: 'Manufacturing Advisory Committee ↔ Valley College Welding Advisory Board: same businesses', itemIds: [ids.tableAdvisory, ids.tableWelding] },
          // drawn twice (both ways, one "both", one "same purpose"): one pair
          { text: 'Precision Manufacturing Council ↔ Workforce Board Industry Roundtable: same businesses and purpose', itemIds: [ids.tableCouncil, ids.tableRoundtable] },
        ],
        empty: 'No overlaps marked between tables.',
      },
      {
        id: 'gaps',
        label: 'Gaps in who convenes businesses',
        help: 'Businesses or purposes that no table brings together today.',
        kind: 'list',
        status: 'warn',
        entries: [
          { text: 'No table for the small shops in Lower County (left out: Shops under 20 employees)', status: 'warn', itemIds: [ids.gapSmallShops] },
          { text: 'Gap (not described)', status: 'warn', itemIds: [ids.gapEmpty] },
        ],
        empty: 'No gaps marked yet.',
      },
      {
        id: 'knocks-per-organization',
        label: 'Knocks per organization',
        help: 'How many separate contacts with businesses each organization makes, and from how many of its programs.',
        kind: 'table',
        status: 'info',
        columns: ['Organization', 'Knocks', 'Programs'],
        rows: [
          { key: 'three rivers community college', cells: ['Three Rivers Community College', 2, 2], itemIds: [ids.knockCollege, ids.knockApprenticeship] },
          // "three rivers  workforce board" is the same organization, differently typed
          { key: 'three rivers workforce board', cells: ['Three Rivers Workforce Board', 2, 2], itemIds: [ids.knockBusinessServices, ids.knockVeterans] },
          { key: 'lower county economic development', cells: ['Lower County Economic Development', 1, 1], itemIds: [ids.knockSurvey] },
          { key: 'three rivers chamber', cells: ['Three Rivers Chamber', 1, 1], itemIds: [ids.knockChamber] },
          { key: 'not-named', cells: ['Organization not named', 1, 1], itemIds: [ids.knockYouth] },
        ],
      },
      {
        id: 'redundant-businesses',
        label: 'Businesses contacted by more than one knock',
        help: 'Businesses (or segments) named on two or more knocks: the same employers are being approached separately.',
        kind: 'table',
        status: 'warn',
        columns: ['Business', 'Knocks', 'Organizations'],
        rows: [
          // "Acme Tooling Inc.", "acme tooling", "Acme Tooling" and (twice on one card) "Acme Tooling; acme tooling"
          { key: 'acme tooling', cells: ['Acme Tooling Inc.', 4, 2], status: 'warn', itemIds: [ids.knockBusinessServices, ids.knockVeterans, ids.knockCollege, ids.knockApprenticeship] },
          { key: 'north fab', cells: ['North Fab', 3, 3], status: 'warn', itemIds: [ids.knockBusinessServices, ids.knockCollege, ids.knockSurvey] },
          { key: 'riverside castings', cells: ['Riverside Castings', 3, 3], status: 'warn', itemIds: [ids.knockBusinessServices, ids.knockChamber, ids.knockSurvey] },
          // "and Smith & Sons Welding" and "Smith and Sons Welding"
          { key: 'smith and sons welding', cells: ['Smith & Sons Welding', 2, 2], status: 'warn', itemIds: [ids.knockCollege, ids.knockChamber] },
        ],
      },
      {
        id: 'knock-overlaps',
        label: 'Overlapping knocks',
        help: 'Pairs of knocks marked as reaching the same businesses or asking for the same thing.',
        kind: 'list',
        status: 'info',
        entries: [
          { text: `${bs} ↔ ${vet}: same businesses, fatigue risk`, status: 'warn', itemIds: [ids.knockBusinessServices, ids.knockVeterans] },
          { text: `Three Rivers Community College – Custom training ↔ ${bs}: same businesses, same purpose`, itemIds: [ids.knockCollege, ids.knockBusinessServices] },
          {
            text: 'Lower County Economic Development – Business retention survey ↔ Three Rivers Chamber – Membership drive: overlap not described',
            itemIds: [ids.knockSurvey, ids.knockChamber],
          },
        ],
        empty: 'No overlaps marked between knocks.',
      },
      {
        id: 'fatigue-risks',
        label: 'Employer-fatigue risks',
        help: 'Overlapping knocks the team flagged as asking the same employers too often.',
        kind: 'list',
        status: 'warn',
        // the loose knock overlap is flagged too, but has only one knock: not counted
        entries: [{ text: `${bs} ↔ ${vet}`, status: 'warn', itemIds: [ids.knockBusinessServices, ids.knockVeterans] }],
        empty: 'No fatigue risk flagged.',
      },
      {
        id: 'knock-gaps',
        label: 'Gaps in outreach',
        help: 'Businesses, or needs of theirs, that no program reaches out to today.',
        kind: 'list',
        status: 'warn',
        entries: [
          { text: 'Nobody reaches the suppliers moving in near the battery plant', status: 'warn', itemIds: [ids.gapSuppliers] },
          // no "gap in" chosen: among the knocks, so a gap in outreach
          { text: 'Home-based machine shops get no visits', status: 'warn', itemIds: [ids.gapHomeShops] },
        ],
        empty: 'No gaps in outreach marked yet.',
      },
      {
        id: 'ideas-by-outcome',
        label: 'Ideas by outcome',
        help: 'Whom the ideas would benefit, and how many of each the team judges feasible now.',
        kind: 'table',
        status: 'info',
        columns: ['Outcome for', 'Ideas', 'Feasible now'],
        rows: [
          { key: 'industry', cells: ['Industry', 2, 1], itemIds: [ids.ideaFrontDoor, ids.ideaJointTeam] },
          { key: 'jobseekers-students', cells: ['Jobseekers and students', 1, 0], itemIds: [ids.ideaJobBoard] },
          { key: 'both', cells: ['Both', 1, 1], itemIds: [ids.ideaCalendar] },
          { key: 'not-set', cells: ['Outcome not set', 1, 0], itemIds: [ids.ideaEmpty] },
        ],
      },
      {
        id: 'feasible-ideas',
        label: 'Feasible ideas',
        help: 'Ideas the team judges doable with what the region has today: the makings of the real alternative.',
        kind: 'number',
        status: 'ok',
        value: 2,
        itemIds: [ids.ideaCalendar, ids.ideaJointTeam],
      },
      {
        id: 'actions',
        label: 'Actions',
        help: 'First steps the team committed to; promote each to the action plan.',
        kind: 'number',
        status: 'ok',
        value: 2,
        itemIds: [ids.actionList, ids.actionInvite],
      },
      {
        id: 'actions-without-owner',
        label: 'Actions without an owner',
        help: 'An action nobody has taken on rarely happens: name who is committed.',
        kind: 'number',
        status: 'warn',
        value: 1,
        itemIds: [ids.actionInvite],
      },
      {
        id: 'unfinished-connectors',
        label: 'Unfinished connectors',
        help: 'Overlap connectors with a loose end, or that do not join two tables or two knocks: they are left out of the figures above.',
        kind: 'number',
        status: 'warn',
        // the overlap to the deleted table, the table-to-knock overlap, the knock overlap bound at one end
        value: 3,
        itemIds: [ids.tableAdvisory, ids.tableBreakfast, ids.knockSurvey, ids.knockChamber],
      },
    ]);
  });
});

describe('Many Tables, Many Knocks figure rules', () => {
  it('splits business lists on commas, semicolons, line breaks and bullets, never on "and" inside a name', () => {
    expect(splitBusinesses('Acme Tooling; North Fab,Riverside Castings\n• Blue Ridge | Smith and Sons, and Harbor Co.')).toEqual([
      { key: 'acme tooling', display: 'Acme Tooling' },
      { key: 'north fab', display: 'North Fab' },
      { key: 'riverside castings', display: 'Riverside Castings' },
      { key: 'blue ridge', display: 'Blue Ridge' },
      { key: 'smith and sons', display: 'Smith and Sons' },
      { key: 'harbor', display: 'Harbor Co.' },
    ]);
  });

  it('matches names regardless of case, spacing, "&" and a trailing legal suffix, and drops fillers', () => {
    const keys = (s: string) => splitBusinesses(s).map((b) => b.key);
    expect(keys('  ACME   Tooling, LLC ; acme tooling inc.; Acme Tooling Corp')).toEqual(['acme tooling']);
    expect(keys('Smith & Sons; smith and sons')).toEqual(['smith and sons']);
    expect(keys('- Valley Health\n2) Metro Clinic\netc.\nothers')).toEqual(['valley health', 'metro clinic']);
    expect(keys('')).toEqual([]);
    expect(keys(' , ;; ')).toEqual([]);
  });

  it('counts a business once per knock and needs two different knocks to call it redundant', () => {
    const f = fixtureFor(manyTablesManyKnocks);
    const a = f.item('knock', { organization: 'Workforce Board', businesses: 'Acme, ACME, North Fab' }, { zone: 'knocks', x: 0, y: 0 });
    const b = f.item('knock', { organization: 'workforce board', businesses: 'north fab' }, { zone: 'knocks', x: 300, y: 0 });
    const { results } = extractFixture(manyTablesManyKnocks, f.build());
    expect(figure(results.figures, 'redundant-businesses')).toMatchObject({
      status: 'warn',
      rows: [{ key: 'north fab', cells: ['North Fab', 2, 1], status: 'warn', itemIds: [a, b] }],
    });
  });

  it('ignores self-links and merges the flags of every arrow drawn between the same two knocks', () => {
    const f = fixtureFor(manyTablesManyKnocks);
    const a = f.item('knock', { organization: 'College', program: 'Training' }, { zone: 'knocks', x: 0, y: 0 });
    const b = f.item('knock', { organization: 'Chamber' }, { zone: 'knocks', x: 300, y: 0 });
    f.connect('knock-overlap', a, b, { samePurpose: true });
    f.connect('knock-overlap', b, a, { fatigueRisk: true });
    f.connect('knock-overlap', a, a, { fatigueRisk: true });
    const { results } = extractFixture(manyTablesManyKnocks, f.build());
    expect(figure(results.figures, 'knock-overlaps')).toMatchObject({
      entries: [{ text: 'College – Training ↔ Chamber: same purpose, fatigue risk', status: 'warn', itemIds: [a, b] }],
    });
    expect(figure(results.figures, 'fatigue-risks')).toMatchObject({ status: 'warn', entries: [{ text: 'College – Training ↔ Chamber', itemIds: [a, b] }] });
    expect(figure(results.figures, 'unfinished-connectors')).toMatchObject({ value: 1, itemIds: [a] });
  });

  it('opens a gap card saved before gaps said whether they are in the tables or the knocks', () => {
    const f = fixtureFor(manyTablesManyKnocks);
    const gap = f.item('gap', { text: 'Nobody visits the home shops' }, { zone: 'knocks', x: 40, y: 600 });
    const records = f.build();
    delete (records.find((r) => r.id === gap) as { props: Record<string, unknown> }).props.about;
    expect(migrateFromFirstVersion(records, 'gap')[gap].props).toEqual(expect.objectContaining({ text: 'Nobody visits the home shops', about: '' }));
    expect(figure(extractFixture(manyTablesManyKnocks, records).results.figures, 'knock-gaps')).toMatchObject({ entries: [{ itemIds: [gap] }] });
  });

  it('gives every figure, empty and calm, on an empty board', () => {
    const { results } = extractFixture(manyTablesManyKnocks, fixtureFor(manyTablesManyKnocks).build());
    expect(results.items).toEqual([]);
    const summary = results.figures.map((f) =>
      f.kind === 'number' ? [f.id, f.value, f.status] : f.kind === 'table' ? [f.id, f.rows.length, f.status] : [f.id, f.entries.length, f.status],
    );
    expect(summary).toEqual([
      ['tables-per-convener-type', 0, 'info'],
      ['table-overlaps', 0, 'info'],
      ['gaps', 0, 'info'],
      ['knocks-per-organization', 0, 'info'],
      ['redundant-businesses', 0, 'ok'],
      ['knock-overlaps', 0, 'info'],
      ['fatigue-risks', 0, 'info'],
      ['knock-gaps', 0, 'info'],
      ['ideas-by-outcome', 3, 'info'],
      ['feasible-ideas', 0, 'info'],
      ['actions', 0, 'info'],
      ['actions-without-owner', 0, 'ok'],
      ['unfinished-connectors', 0, 'ok'],
    ]);
    expect(figure(results.figures, 'ideas-by-outcome')).toMatchObject({
      rows: [
        { key: 'industry', cells: ['Industry', 0, 0], itemIds: [] },
        { key: 'jobseekers-students', cells: ['Jobseekers and students', 0, 0], itemIds: [] },
        { key: 'both', cells: ['Both', 0, 0], itemIds: [] },
      ],
    });
  });
});
