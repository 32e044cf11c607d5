import { describe, expect, it } from 'vitest';
import { expectValidRecords, extractFixture, fixtureFor } from '../kit/testing';
import type { Figure } from '../../shared/results';
import { frontlineFixture } from './fixtures';
import { frontlineCommunication } from './index';

const figure = (figures: Figure[], id: string) => {
  const found = figures.find((f) => f.id === id);
  if (!found) throw new Error(`no figure ${id}`);
  return found;
};

describe('frontline-communication template', () => {
  it('has the three steps and five layer lanes, laid out apart in reading order', () => {
    const t = frontlineCommunication.template;
    expect(t.id).toBe('frontline-communication');
    expect(t.steps.map((s) => s.id)).toEqual(['map-frontline', 'ten-ways', 'communication']);
    expect(frontlineCommunication.itemTypes.map((i) => i.type)).toEqual(['frontline-role', 'sector-info-use', 'audience']);
    expect(t.zones.map((z) => z.id)).toEqual([
      'frontline', 'ten-ways',
      'layer-partnership', 'layer-decision-makers', 'layer-program-staff', 'layer-frontline-workers', 'layer-jobseekers-students',
    ]);
    for (const a of t.zones) {
      for (const b of t.zones) {
        if (a === b) continue;
        const apart = a.x + a.w + 80 <= b.x || b.x + b.w + 80 <= a.x || a.y + a.h + 80 <= b.y || b.y + b.h + 80 <= a.y;
        expect(apart, `${a.id} / ${b.id}`).toBe(true);
      }
    }
    const lanes = t.zones.slice(2);
    for (let i = 1; i < lanes.length; i++) expect(lanes[i].x).toBeGreaterThan(lanes[i - 1].x);
  });
});

describe('frontline-communication extraction of the Three Rivers fixture', () => {
  const { records, ids } = frontlineFixture();
  const { results } = extractFixture(frontlineCommunication, records);

  it('builds records the board schema accepts', () => {
    expectValidRecords(records);
  });

  it('extracts roles, ideas and audiences, without the deleted audience or free content', () => {
    const count = (type: string) => results.items.filter((i) => i.type === type).length;
    expect(count('frontline-role')).toBe(7);
    expect(count('idea')).toBe(5);
    expect(count('audience')).toBe(8);
    expect(count('sector-info-use')).toBe(2);
    expect(results.items).toHaveLength(22);
    expect(results.items.some((i) => i.id === ids.seniors)).toBe(false);
    expect(results.items.find((i) => i.id === ids.blankRole)).toMatchObject({ title: 'Frontline role', fields: { title: '', organization: '', serves: '', does: '' } });
    expect(results.items.find((i) => i.id === ids.learners)).toMatchObject({ zoneId: null, stepIds: [] });
    expect(results.items.find((i) => i.id === ids.navigators)).toMatchObject({ zoneId: 'layer-program-staff', fields: { layer: 'frontline-workers' } });
  });

  it('lists the cards of each step by the zone they sit in', () => {
    expect(results.steps.map((s) => [s.id, s.itemIds])).toEqual([
      ['map-frontline', [ids.navigatorJc, ids.developer, ids.instructor, ids.counselor, ids.navigatorCc, ids.blankRole]],
      ['ten-ways', [ids.ideaBrief, ids.ideaSkills, ids.ideaBlank, ids.ideaWages, ids.ideaTours, ids.wayCalendar, ids.wayLadder]],
      ['communication', [ids.steering]],
    ]);
  });

  it('reads the flows with their fields and loose ends', () => {
    expect(results.connections.filter((c) => c.kind === 'flow').map((c) => [c.id, c.fromId, c.toId, c.complete])).toEqual([
      [ids.fQuarterly, ids.steering, ids.boardDirectors, true],
      [ids.fBrief, ids.steering, ids.deans, true],
      [ids.fNewsletter, ids.boardDirectors, ids.supervisors, true],
      [ids.fTraining, ids.supervisors, ids.navigators, true],
      [ids.fHuddle, ids.supervisors, ids.counselors, true],
      [ids.fToDeleted, ids.counselors, null, false],
      [ids.fLoose, ids.deans, null, false],
      [ids.fFeedback, ids.learners, ids.counselors, true],
      [ids.fFromRole, ids.navigatorJc, ids.counselors, true],
    ]);
    expect(results.connections.find((c) => c.id === ids.fBrief)!.fields).toEqual({ channel: 'lmi-brief', cadence: 'monthly', owner: '' });
  });

  it('computes every figure', () => {
    const { steering, boardDirectors, deans, supervisors, navigators, counselors, learners, blankAudience, navigatorJc } = ids;
    expect(results.figures).toEqual([
      {
        id: 'flows-by-layer-pair',
        kind: 'table',
        label: 'Flows between layers',
        help: 'How many finished flow arrows go from each layer to each other layer, and through which channels.',
        columns: ['From layer', 'To layer', 'Flows', 'Channels'],
        rows: [
          { key: 'partnership>decision-makers', cells: ['Industry-led partnership', 'Decision makers', 2, 'Meeting 1, Labor-market brief 1'], itemIds: [steering, boardDirectors, deans] },
          { key: 'decision-makers>program-staff', cells: ['Decision makers', 'Program staff', 1, 'Email / newsletter 1'], itemIds: [boardDirectors, supervisors] },
          { key: 'program-staff>program-staff', cells: ['Program staff', 'Program staff', 1, 'Training 1'], itemIds: [supervisors, navigators] },
          { key: 'program-staff>frontline-workers', cells: ['Program staff', 'Frontline workers', 1, 'Meeting 1'], itemIds: [supervisors, counselors] },
          { key: 'jobseekers-students>frontline-workers', cells: ['Jobseekers and students', 'Frontline workers', 1, 'Other 1'], itemIds: [learners, counselors] },
          { key: 'none>frontline-workers', cells: ['Layer not set', 'Frontline workers', 1, 'Training 1'], itemIds: [navigatorJc, counselors], status: 'info' },
        ],
        status: 'info',
      },
      {
        id: 'broken-chain',
        kind: 'list',
        label: 'Broken chain',
        help: 'Layers no finished flow reaches, or a partnership that sends nothing: information stops there.',
        status: 'warn',
        entries: [{ text: 'Jobseekers and students: no flow reaches its 2 audiences', status: 'warn', itemIds: [learners, blankAudience] }],
        empty: 'Information flows from the partnership all the way to jobseekers and students.',
      },
      {
        id: 'audiences-without-owner-or-cadence',
        kind: 'list',
        label: 'Audiences without an owner or cadence',
        help: 'Audiences none of whose flows names who is responsible, or how often it happens.',
        status: 'warn',
        entries: [
          { text: 'Career navigators (Program staff): no cadence', status: 'warn', itemIds: [navigators] },
          { text: 'Adult learners (Jobseekers and students): no owner', status: 'warn', itemIds: [learners] },
          { text: 'Audience (Jobseekers and students): no flow in or out', status: 'warn', itemIds: [blankAudience] },
        ],
        empty: 'Every audience has an owned, scheduled flow.',
      },
      {
        id: 'flows-without-owner-or-cadence',
        kind: 'number',
        label: 'Flows missing an owner or cadence',
        help: 'Finished flow arrows that do not say who owns them or how often they happen.',
        value: 3,
        status: 'warn',
        itemIds: [steering, deans, supervisors, navigators, learners, counselors],
      },
      {
        id: 'ten-ways',
        kind: 'number',
        label: 'Ways to use sector information',
        help: 'Ways written so far for how industry information can drive frontline service; the exercise aims for ten.',
        // The dedicated cards and the idea cards of an earlier board both count.
        value: 6,
        target: 10,
        status: 'info',
        itemIds: [ids.wayCalendar, ids.wayLadder, ids.ideaBrief, ids.ideaSkills, ids.ideaWages, ids.ideaTours],
      },
      {
        id: 'ways-to-finish',
        kind: 'list',
        label: 'Ways still to think through',
        help: 'For each way: how it will actually happen on the frontline, and why it matters.',
        status: 'info',
        entries: [{ text: 'Wage ladder for machinists in every counselor office: not yet why it matters', status: 'info', itemIds: [ids.wayLadder] }],
        empty: 'Every way says how and why.',
      },
      {
        id: 'roles-per-organization',
        kind: 'table',
        label: 'Frontline roles per organization',
        help: 'Who employs the people serving jobseekers and students, and in which roles.',
        columns: ['Organization', 'Frontline roles', 'Roles'],
        rows: [
          { key: 'three rivers job center', cells: ['Three Rivers Job Center', 2, 'Career navigator, Job developer'], itemIds: [ids.navigatorJc, ids.developer] },
          { key: 'northside adult education', cells: ['Northside Adult Education', 1, 'Adult education instructor'], itemIds: [ids.instructor] },
          { key: 'riverbend community college', cells: ['Riverbend Community College', 1, 'Career navigator'], itemIds: [ids.navigatorCc] },
          { key: 'riverbend high school', cells: ['Riverbend High School', 1, 'School counselor'], itemIds: [ids.counselor] },
          { key: 'vocational rehabilitation', cells: ['Vocational Rehabilitation', 1, 'Vocational rehabilitation counselor'], itemIds: [ids.vrCounselor] },
          { key: '(no organization)', cells: ['(no organization)', 1, ''], itemIds: [ids.blankRole], status: 'info' },
        ],
        status: 'info',
      },
      {
        id: 'role-overlaps',
        kind: 'list',
        label: 'Where frontline roles overlap or connect',
        help: 'Roles that serve the same people or do the same work (overlaps: coordinate or divide the work) and roles that refer to each other (connections: keep them).',
        status: 'warn',
        // The overlap drawn twice counts once; the loose arrow not at all.
        entries: [
          { text: 'Career navigator (Three Rivers Job Center) ↔ Career navigator (Riverbend Community College): overlap (Both advise first-year adult students)', status: 'warn', itemIds: [ids.navigatorJc, ids.navigatorCc] },
          { text: 'Job developer (three rivers job center) ↔ Adult education instructor (Northside Adult Education): connect (Instructor sends GED completers)', status: 'info', itemIds: [ids.developer, ids.instructor] },
        ],
        empty: 'No overlap or connection marked between frontline roles yet.',
      },
      {
        id: 'layer-mismatch',
        kind: 'list',
        label: 'Layer field differs from lane',
        help: 'Audiences placed in one lane but marked with another layer; the lane is what counts.',
        status: 'info',
        entries: [{ text: 'Career navigators sits in Program staff but is marked Frontline workers', status: 'info', itemIds: [navigators] }],
        empty: 'Every audience sits in the lane of its layer.',
      },
      {
        id: 'unfinished-flows',
        kind: 'number',
        label: 'Unfinished flows',
        help: 'Flow arrows with an end not attached to a card; attach both ends so they count.',
        value: 2,
        status: 'info',
        itemIds: [counselors, deans],
      },
    ]);
  });
});

describe('frontline-communication figure rules', () => {
  it('reports a partnership that sends nothing and layers with no audience as broken links', () => {
    const f = fixtureFor(frontlineCommunication);
    const partnership = f.item('audience', { name: 'Steering committee' }, { zone: 'layer-partnership', x: 40, y: 80 });
    const directors = f.item('audience', { name: 'Directors' }, { zone: 'layer-decision-makers', x: 40, y: 80 });
    const staff = f.item('audience', { name: 'Staff' }, { zone: 'layer-program-staff', x: 40, y: 80 });
    f.connect('flow', directors, staff, { channel: 'meeting', cadence: 'monthly', owner: 'Ops' });
    const { results } = extractFixture(frontlineCommunication, f.build());
    expect(figure(results.figures, 'broken-chain')).toMatchObject({
      status: 'warn',
      entries: [
        { text: 'Industry-led partnership: nothing flows out of it', itemIds: [partnership] },
        { text: 'Decision makers: no flow reaches its audience', itemIds: [directors] },
        { text: 'Frontline workers: no audience placed yet', itemIds: [] },
        { text: 'Jobseekers and students: no audience placed yet', itemIds: [] },
      ],
    });
  });

  it('counts a layer as receiving from a flow inside the same layer, but not from an unfinished flow', () => {
    const f = fixtureFor(frontlineCommunication);
    const a = f.item('audience', { name: 'Board chair' }, { zone: 'layer-decision-makers', x: 40, y: 80 });
    const b = f.item('audience', { name: 'Dean' }, { zone: 'layer-decision-makers', x: 40, y: 300 });
    const c = f.item('audience', { name: 'Coaches' }, { zone: 'layer-frontline-workers', x: 40, y: 80 });
    f.connect('flow', a, b);
    f.connect('flow', null, c, { owner: 'Someone', cadence: 'weekly' });
    const { results } = extractFixture(frontlineCommunication, f.build());
    const texts = (figure(results.figures, 'broken-chain') as { entries: { text: string }[] }).entries.map((e) => e.text);
    expect(texts).not.toContain('Decision makers: no flow reaches its 2 audiences');
    expect(texts).toContain('Frontline workers: no flow reaches its audience');
    // The loose flow still names an owner and a cadence for the coaches.
    const unowned = (figure(results.figures, 'audiences-without-owner-or-cadence') as { entries: { text: string }[] }).entries.map((e) => e.text);
    expect(unowned).toEqual(['Board chair (Decision makers): no owner, no cadence', 'Dean (Decision makers): no owner, no cadence']);
  });

  it('takes the layer field of an audience outside the lanes, and the lane over the field inside one', () => {
    const f = fixtureFor(frontlineCommunication);
    const outside = f.item('audience', { name: 'Students', layer: 'jobseekers-students' }, { x: -2000, y: 0 });
    const lane = f.item('audience', { name: 'Coaches', layer: 'decision-makers' }, { zone: 'layer-frontline-workers', x: 40, y: 80 });
    const nowhere = f.item('audience', { name: 'Unknown' }, { x: -2000, y: 400 });
    f.connect('flow', lane, outside, { channel: 'training' });
    f.connect('flow', nowhere, lane);
    const { results } = extractFixture(frontlineCommunication, f.build());
    expect(figure(results.figures, 'flows-by-layer-pair')).toMatchObject({
      rows: [
        { key: 'frontline-workers>jobseekers-students', cells: ['Frontline workers', 'Jobseekers and students', 1, 'Training 1'], itemIds: [lane, outside] },
        { key: 'none>frontline-workers', cells: ['Layer not set', 'Frontline workers', 1, 'channel not set 1'], itemIds: [nowhere, lane], status: 'info' },
      ],
    });
    expect(figure(results.figures, 'layer-mismatch')).toMatchObject({ entries: [{ text: 'Coaches sits in Frontline workers but is marked Decision makers', itemIds: [lane] }] });
  });

  it('reaches the ten-ways target with ten written ways, ignoring empty cards', () => {
    const f = fixtureFor(frontlineCommunication);
    for (let n = 0; n < 10; n++) f.item('sector-info-use', { text: `Way ${n + 1}` }, { zone: 'ten-ways', x: 40 + (n % 5) * 260, y: 80 + Math.floor(n / 5) * 200 });
    f.item('sector-info-use', { text: '   ' }, { zone: 'ten-ways', x: 40, y: 600 });
    const { results } = extractFixture(frontlineCommunication, f.build());
    expect(figure(results.figures, 'ten-ways')).toMatchObject({ value: 10, target: 10, status: 'ok' });
  });

  it('produces every figure on an empty board, with the whole chain reported missing', () => {
    const { results } = extractFixture(frontlineCommunication, fixtureFor(frontlineCommunication).build());
    expect(results.items).toEqual([]);
    expect(results.figures.map((f) => [f.id, f.status])).toEqual([
      ['flows-by-layer-pair', 'ok'],
      ['broken-chain', 'warn'],
      ['audiences-without-owner-or-cadence', 'ok'],
      ['flows-without-owner-or-cadence', 'ok'],
      ['ten-ways', 'info'],
      ['ways-to-finish', 'ok'],
      ['roles-per-organization', 'ok'],
      ['role-overlaps', 'ok'],
      ['layer-mismatch', 'ok'],
      ['unfinished-flows', 'ok'],
    ]);
    expect((figure(results.figures, 'broken-chain') as { entries: unknown[] }).entries).toHaveLength(5);
    expect(figure(results.figures, 'ten-ways')).toMatchObject({ value: 0, target: 10, itemIds: [] });
    for (const f of results.figures) {
      if (f.kind === 'table') expect(f.rows).toEqual([]);
      if (f.kind === 'number') expect(f.value).toBe(0);
    }
  });
});
