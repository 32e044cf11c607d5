import { describe, expect, it } from 'vitest';
import { expectValidRecords, extractFixture, fixtureFor } from '../kit/testing';
import type { Figure } from '../../shared/results';
import { universeFixture } from './fixtures';
import { universeOfConnections } from './index';

const figure = (figures: Figure[], id: string) => {
  const f = figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
};

describe('Universe of Connections template', () => {
  it('has the discussion step as the only step without a zone (its registration: exercises/tests/registry.test.ts)', () => {
    const { steps, zones } = universeOfConnections.template;
    expect(steps.map((s) => [s.id, s.zoneId])).toEqual([
      ['place', 'universe'],
      ['connect', 'universe'],
      ['strength', 'universe'],
      ['roles', 'universe'],
      ['sectors', 'sectors'],
      ['discuss', undefined],
    ]);
    expect(zones.map((z) => z.id)).toEqual(['universe', 'sectors']);
    const [a, b] = zones;
    expect(a.x + a.w + 80).toBeLessThanOrEqual(b.x);
    for (const z of zones) expect(z.x + z.w <= 6000 && z.y + z.h <= 4000).toBe(true);
  });

  it('offers organizations, people and sectors, joined by one connection kind', () => {
    expect(universeOfConnections.itemTypes.map((t) => t.type)).toEqual(['organization', 'person', 'sector']);
    expect(universeOfConnections.connectorKinds.map((k) => [k.kind, k.from, k.to])).toEqual([
      ['connection', ['organization', 'person'], ['organization', 'person']],
    ]);
  });
});

describe('Universe of Connections extraction', () => {
  const { records, ids } = universeFixture();
  const { results } = extractFixture(universeOfConnections, records);

  it('builds records the board schema accepts', () => {
    expectValidRecords(records);
  });

  it('extracts every typed item once, ignoring the sticky and the deleted organization', () => {
    const perType: Record<string, number> = {};
    for (const i of results.items) perType[i.type] = (perType[i.type] ?? 0) + 1;
    expect(perType).toEqual({ organization: 11, person: 3, sector: 3 });
    expect(results.items.some((i) => i.id === ids.transit || i.id === ids.sticky)).toBe(false);
  });

  it('places cards in the universe or sectors zone, and none for a card outside every zone', () => {
    const item = (id: string) => {
      const found = results.items.find((i) => i.id === id);
      if (!found) throw new Error(`no item ${id}`);
      return found;
    };
    expect(item(ids.university)).toMatchObject({ zoneId: null, stepIds: [], title: 'State University School of Nursing' });
    expect(item(ids.orgEmpty)).toMatchObject({ zoneId: 'universe', title: 'Organization', fields: { name: '', category: '', ring: '', role: '', notes: '' } });
    expect(item(ids.healthcare)).toMatchObject({ zoneId: 'sectors', stepIds: ['sectors'], fields: { name: 'Healthcare', agreed: true } });
    const universe = [
      ids.workforceBoard, ids.orgEmpty, ids.college, ids.econAlliance, ids.schoolDistrict, ids.adultEd, ids.chamber, ids.hospital, ids.homeCare, ids.union,
      ids.maria, ids.okafor, ids.personEmpty,
    ];
    expect(results.steps).toEqual([
      { id: 'place', title: 'Place organizations and people', zoneId: 'universe', itemIds: universe },
      { id: 'connect', title: 'Draw today’s connections', zoneId: 'universe', itemIds: universe },
      { id: 'strength', title: 'Mark the strength', zoneId: 'universe', itemIds: universe },
      { id: 'roles', title: 'Name the convener', zoneId: 'universe', itemIds: universe },
      { id: 'sectors', title: 'Agree on target sectors', zoneId: 'sectors', itemIds: [ids.healthcare, ids.manufacturing, ids.healthcareAgain] },
      { id: 'discuss', title: 'Guiding questions', zoneId: null, itemIds: [] },
    ]);
  });

  it('reads every typed connection with its strength and kind, leaving the untyped arrow out', () => {
    const c = (id: string, fromId: string, toId: string | null, strength: string, formality: string) => ({
      id,
      kind: 'connection',
      kindLabel: 'Connection',
      fromId,
      toId,
      fields: { strength, formality },
      complete: toId !== null,
    });
    expect(results.connections).toEqual([
      c(ids.wbCollege, ids.workforceBoard, ids.college, 'strong', 'formal'),
      c(ids.wbAlliance, ids.workforceBoard, ids.econAlliance, 'moderate', 'formal'),
      c(ids.collegeAdultEd, ids.college, ids.adultEd, 'strong', 'informal'),
      c(ids.wbAdultEd, ids.workforceBoard, ids.adultEd, 'weak', 'informal'),
      c(ids.collegeSchools, ids.college, ids.schoolDistrict, 'weak', 'formal'),
      c(ids.mariaWb, ids.maria, ids.workforceBoard, 'strong', 'formal'),
      c(ids.okaforHospital, ids.okafor, ids.hospital, 'strong', 'formal'),
      c(ids.mariaOkafor, ids.maria, ids.okafor, 'moderate', 'informal'),
      c(ids.chamberAlliance, ids.chamber, ids.econAlliance, 'moderate', ''),
      c(ids.collegeUniversity, ids.college, ids.university, '', ''),
      c(ids.allianceTransit, ids.econAlliance, null, 'weak', 'informal'), // its organization was deleted
      c(ids.chamberLoose, ids.chamber, null, 'weak', ''),
      c(ids.adultEdSector, ids.adultEd, ids.healthcare, 'strong', ''),
    ]);
  });

  it('derives every figure of the exercise from the fixture', () => {
    expect(results.figures).toEqual([
      {
        id: 'orgs-by-category',
        label: 'Organizations per category and ring',
        help: 'Who is on the board, by kind of organization and by how close they are to the support team.',
        kind: 'table',
        status: 'info',
        columns: ['Category', 'Core support team', 'Broader partners', 'Industry', 'Ring not set', 'Total'],
        rows: [
          { key: 'workforce-development', cells: ['Workforce development', 1, 0, 0, 0, 1], itemIds: [ids.workforceBoard] },
          { key: 'k12', cells: ['K-12', 0, 1, 0, 0, 1], itemIds: [ids.schoolDistrict] },
          { key: 'community-college', cells: ['Community or technical college', 1, 0, 0, 0, 1], itemIds: [ids.college] },
          { key: 'university', cells: ['University', 0, 0, 0, 1, 1], itemIds: [ids.university] },
          { key: 'adult-education', cells: ['Adult education', 1, 0, 0, 0, 1], itemIds: [ids.adultEd] },
          // Chambers count with economic development, as in the manual.
          { key: 'economic-development', cells: ['Economic development or chamber', 1, 1, 0, 0, 2], itemIds: [ids.econAlliance, ids.chamber] },
          { key: 'organized-labor', cells: ['Organized labor or apprenticeship', 0, 1, 0, 0, 1], itemIds: [ids.union] },
          { key: 'business', cells: ['Business', 0, 0, 2, 0, 2], itemIds: [ids.hospital, ids.homeCare] },
          { key: 'not-set', cells: ['Category not set', 0, 0, 0, 1, 1], itemIds: [ids.orgEmpty] },
          {
            key: 'all',
            cells: ['All organizations', 4, 3, 2, 2, 11],
            itemIds: [ids.workforceBoard, ids.orgEmpty, ids.university, ids.college, ids.econAlliance, ids.schoolDistrict, ids.adultEd, ids.chamber, ids.hospital, ids.homeCare, ids.union],
          },
        ],
      },
      {
        id: 'isolated-organizations',
        label: 'Isolated organizations',
        help: 'Organizations with no connection to anyone on the board: a partner nobody works with yet, or a link not drawn.',
        kind: 'list',
        status: 'warn',
        entries: [
          { text: 'Organization', status: 'warn', itemIds: [ids.orgEmpty] },
          { text: 'Valley Home Care Partners (Industry)', status: 'warn', itemIds: [ids.homeCare] },
          { text: 'Healthcare Workers Local 410 (Broader partner)', status: 'warn', itemIds: [ids.union] },
        ],
        empty: 'Every organization has at least one connection.',
      },
      {
        id: 'most-connected',
        label: 'Most connected',
        help: 'The 5 organizations or people linked to the most others (ties in name order): the natural hubs of the team.',
        kind: 'table',
        status: 'info',
        columns: ['Name', 'Type', 'Connections'],
        rows: [
          // college: workforce board, adult ed, schools, university; board: college, alliance, adult ed, Maria
          { key: ids.college, cells: ['Cedar Valley Community College', 'Organization', 4], itemIds: [ids.college] },
          { key: ids.workforceBoard, cells: ['Cedar Valley Workforce Board', 'Organization', 4], itemIds: [ids.workforceBoard] },
          // four nodes with 2 (the link to the sector and the one to the deleted org do not count): Maria Chen comes last by name
          { key: ids.adultEd, cells: ['Cedar Valley Adult Learning Center', 'Organization', 2], itemIds: [ids.adultEd] },
          { key: ids.econAlliance, cells: ['Cedar Valley Economic Alliance', 'Organization', 2], itemIds: [ids.econAlliance] },
          { key: ids.okafor, cells: ['Dr. Sam Okafor', 'Person', 2], itemIds: [ids.okafor] },
        ],
      },
      {
        id: 'missing-core-categories',
        label: 'Missing from the core team',
        help: 'Key kinds of partner (workforce development, K-12, colleges, adult education, economic development or chambers) with no organization in the core support team; any already on the board are named. Labor, community groups and others are welcome but not required.',
        kind: 'list',
        status: 'warn',
        // The union is a welcome stakeholder, not a required core member.
        entries: [{ text: 'K-12 (on the board, not in the core: Cedar Valley Unified School District)', status: 'warn', itemIds: [ids.schoolDistrict] }],
        empty: 'Every key category has an organization on the core team.',
      },
      {
        id: 'conveners',
        label: 'Convener',
        help: 'The organization, or pair of co-conveners, that will run the partnership; warns when none is named or more than 2 are.',
        kind: 'list',
        status: 'ok',
        entries: [
          { text: 'Cedar Valley Workforce Board (convener)', status: 'ok', itemIds: [ids.workforceBoard] },
          { text: 'Cedar Valley Community College (co-convener)', status: 'ok', itemIds: [ids.college] },
        ],
        empty: 'No convener named yet.',
      },
      {
        id: 'agreed-sectors',
        label: 'Agreed target sectors',
        help: 'Sectors the whole team has committed to; the partnership needs at least one.',
        kind: 'list',
        status: 'ok',
        // "Healthcare" and " healthcare " are one sector; manufacturing is not agreed
        entries: [{ text: 'Healthcare', itemIds: [ids.healthcare, ids.healthcareAgain] }],
        empty: 'No target sector agreed yet.',
      },
      {
        id: 'weak-connections',
        label: 'Weak connections',
        help: 'Links the team rated weak: worth strengthening where the partner matters.',
        kind: 'number',
        status: 'info',
        // the weak links to the deleted transit agency and the loose one from the chamber are unfinished
        value: 2,
        itemIds: [ids.workforceBoard, ids.adultEd, ids.college, ids.schoolDistrict],
      },
      {
        id: 'unfinished-connectors',
        label: 'Unfinished connectors',
        help: 'Connections with a loose end, or not joining two organizations or people: they are left out of the figures above.',
        kind: 'number',
        status: 'warn',
        value: 3,
        itemIds: [ids.econAlliance, ids.chamber, ids.adultEd, ids.healthcare],
      },
    ]);
  });
});

describe('Universe of Connections figure rules', () => {
  const org = (f: ReturnType<typeof fixtureFor>, name: string, fields: Record<string, string> = {}, col = 0) =>
    f.item('organization', { name, ...fields }, { zone: 'universe', x: 40 + col * 260, y: 80 });

  it('ranks by distinct partners: two arrows between the same pair, or a self-link, add nothing', () => {
    const f = fixtureFor(universeOfConnections);
    const a = org(f, 'Alpha', {}, 0);
    const b = org(f, 'beta', {}, 1);
    const c = org(f, 'Beta', {}, 2);
    f.connect('connection', a, b, { strength: 'weak' });
    f.connect('connection', b, a, { strength: 'strong' });
    f.connect('connection', c, c);
    f.connect('connection', a, c);
    const { results } = extractFixture(universeOfConnections, f.build());
    expect(figure(results.figures, 'most-connected')).toMatchObject({
      rows: [
        { key: a, cells: ['Alpha', 'Organization', 2] },
        // a tie, broken by name regardless of case, then by exact spelling
        { key: c, cells: ['Beta', 'Organization', 1] },
        { key: b, cells: ['beta', 'Organization', 1] },
      ],
    });
    expect(figure(results.figures, 'weak-connections')).toMatchObject({ value: 1, itemIds: [a, b] });
    expect(figure(results.figures, 'unfinished-connectors')).toMatchObject({ value: 1, status: 'warn', itemIds: [c] });
    // a self-link does not take an organization out of isolation; c is linked to a
    expect(figure(results.figures, 'isolated-organizations')).toMatchObject({ status: 'ok', entries: [] });
  });

  it('lists at most five nodes and leaves unconnected ones out', () => {
    const f = fixtureFor(universeOfConnections);
    const hub = org(f, 'Hub');
    const spokes = ['F', 'E', 'D', 'C', 'B', 'A'].map((n, i) => f.item('person', { name: n }, { zone: 'universe', x: 40 + i * 260, y: 600 }));
    for (const s of spokes) f.connect('connection', hub, s);
    org(f, 'Alone', {}, 3);
    const { results } = extractFixture(universeOfConnections, f.build());
    const top = figure(results.figures, 'most-connected');
    expect(top.kind === 'table' && top.rows.map((r) => r.cells)).toEqual([
      ['Hub', 'Organization', 6],
      ['A', 'Person', 1],
      ['B', 'Person', 1],
      ['C', 'Person', 1],
      ['D', 'Person', 1],
    ]);
  });

  it('warns when no convener is named, and when more than two organizations claim the role', () => {
    const none = fixtureFor(universeOfConnections);
    org(none, 'Board', { role: 'support-partner' });
    expect(figure(extractFixture(universeOfConnections, none.build()).results.figures, 'conveners')).toMatchObject({ status: 'warn', entries: [] });

    const pair = fixtureFor(universeOfConnections);
    org(pair, 'Zeta College', { role: 'co-convener' }, 0);
    org(pair, 'Alpha Board', { role: 'co-convener' }, 1);
    expect(figure(extractFixture(universeOfConnections, pair.build()).results.figures, 'conveners')).toMatchObject({
      status: 'ok',
      entries: [{ text: 'Alpha Board (co-convener)' }, { text: 'Zeta College (co-convener)' }],
    });

    const crowd = fixtureFor(universeOfConnections);
    org(crowd, 'Chamber', { role: 'co-convener' }, 0);
    org(crowd, 'College', { role: 'co-convener' }, 1);
    org(crowd, 'Board', { role: 'convener' }, 2);
    expect(figure(extractFixture(universeOfConnections, crowd.build()).results.figures, 'conveners')).toMatchObject({
      status: 'warn',
      entries: [
        { text: 'Board (convener)', status: 'warn' },
        { text: 'Chamber (co-convener)', status: 'warn' },
        { text: 'College (co-convener)', status: 'warn' },
      ],
    });
  });

  it('counts a category as present on the core team only through a core organization, a chamber as economic development', () => {
    const f = fixtureFor(universeOfConnections);
    const categories = ['workforce-development', 'k12', 'community-college', 'chamber'];
    categories.forEach((category, i) => {
      org(f, category, { category, ring: 'core' }, i);
    });
    const adult = org(f, 'Northside Adult Learning', { category: 'adult-education', ring: 'broader' }, 4);
    org(f, 'Neighbors United', { category: 'community-organization', ring: 'broader' }, 5);
    const { results } = extractFixture(universeOfConnections, f.build());
    expect(figure(results.figures, 'missing-core-categories')).toMatchObject({
      status: 'warn',
      entries: [{ text: 'Adult education (on the board, not in the core: Northside Adult Learning)', itemIds: [adult] }],
    });
    // Labor and community organizations are not required: the five key kinds are enough.
    const all = fixtureFor(universeOfConnections);
    [...categories, 'adult-education'].forEach((category, i) => {
      org(all, category, { category, ring: 'core' }, i);
    });
    expect(figure(extractFixture(universeOfConnections, all.build()).results.figures, 'missing-core-categories')).toMatchObject({ status: 'ok', entries: [] });
  });

  it('gives every figure on an empty board, warning only about what a team must still decide', () => {
    const { results } = extractFixture(universeOfConnections, fixtureFor(universeOfConnections).build());
    expect(results.items).toEqual([]);
    const summary = results.figures.map((f) =>
      f.kind === 'number' ? [f.id, f.value, f.status] : f.kind === 'table' ? [f.id, f.rows.length, f.status] : [f.id, f.entries.length, f.status],
    );
    expect(summary).toEqual([
      ['orgs-by-category', 0, 'info'],
      ['isolated-organizations', 0, 'ok'],
      ['most-connected', 0, 'info'],
      ['missing-core-categories', 5, 'warn'],
      ['conveners', 0, 'warn'],
      ['agreed-sectors', 0, 'warn'],
      ['weak-connections', 0, 'info'],
      ['unfinished-connectors', 0, 'ok'],
    ]);
  });
});
