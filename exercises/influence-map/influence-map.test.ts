import { describe, expect, it } from 'vitest';
import { expectValidRecords, extractFixture, fixtureFor, migrateFromFirstVersion } from '../kit/testing';
import type { Figure } from '../../shared/results';
import { influenceMapFixture } from './fixtures';
import { influenceMap } from './index';

const figure = (figures: Figure[], id: string) => {
  const found = figures.find((f) => f.id === id);
  if (!found) throw new Error(`no figure ${id}`);
  return found;
};

describe('influence-map template', () => {
  it('lays out the priorities and the four quadrants apart, each step pointing at an existing zone', () => {
    const t = influenceMap.template;
    expect(t.id).toBe('influence-map');
    expect(t.zones.map((z) => z.id)).toEqual(['priorities', 'win-over', 'drivers', 'keep-informed', 'ready-to-help']);
    for (const a of t.zones) {
      for (const b of t.zones) {
        if (a === b) continue;
        const apart = a.x + a.w + 80 <= b.x || b.x + b.w + 80 <= a.x || a.y + a.h + 80 <= b.y || b.y + b.h + 80 <= a.y;
        expect(apart, `${a.id} / ${b.id}`).toBe(true);
      }
    }
    const zoneIds = new Set(t.zones.map((z) => z.id));
    for (const s of t.steps) if (s.zoneId) expect(zoneIds.has(s.zoneId)).toBe(true);
  });
});

describe('influence-map extraction of the Three Rivers fixture', () => {
  const { records, ids } = influenceMapFixture();
  const { results } = extractFixture(influenceMap, records);

  it('builds records the board schema accepts', () => {
    expectValidRecords(records);
  });

  it('extracts the stakeholders and priorities, without the deleted card or free content', () => {
    expect(results.items.filter((i) => i.type === 'stakeholder')).toHaveLength(10);
    expect(results.items.filter((i) => i.type === 'priority')).toHaveLength(4);
    expect(results.items).toHaveLength(14);
    expect(results.items.some((i) => i.id === ids.removed)).toBe(false);
    expect(results.items.find((i) => i.id === ids.priya)!.fields).toEqual({
      name: 'Priya Nair', organization: 'Valley Aerostructures', category: 'industry-partner', influence: 5, commitment: null, notes: '',
    });
    expect(results.items.find((i) => i.id === ids.blankStakeholder)).toMatchObject({ title: 'Stakeholder', zoneId: null, stepIds: [] });
    expect(results.items.find((i) => i.id === ids.transit)!.fields.quickWinIdentified).toBe(false);
  });

  it('lists each card under the step of the quadrant or zone it sits in', () => {
    const { machinists, supervisors, transit, blankPriority, gary, ann, dana, tom, mayor, priya, marcus, lena, raj } = ids;
    const priorities = [machinists, supervisors, transit, blankPriority];
    expect(results.steps.map((s) => [s.id, s.itemIds])).toEqual([
      ['priorities', priorities],
      ['drivers', [gary, ann, dana, tom]],
      ['win-over', [mayor, priya]],
      ['ready-to-help', [marcus, lena]],
      ['keep-informed', [raj]],
      ['task-forces', priorities],
      ['tip-the-scales', []],
    ]);
  });

  it('reads memberships and influence arrows, with loose ends null', () => {
    const member = results.connections.filter((c) => c.kind === 'member');
    const influence = results.connections.filter((c) => c.kind === 'influence');
    expect(member).toHaveLength(13);
    expect(influence).toHaveLength(5);
    expect(results.connections.find((c) => c.id === ids.backwards)).toMatchObject({ fromId: ids.supervisors, toId: ids.ann, fields: { role: 'member' }, complete: true });
    expect(results.connections.find((c) => c.id === ids.toRemoved)).toMatchObject({ fromId: ids.marcus, toId: null, complete: false });
    expect(results.connections.find((c) => c.id === ids.looseMember)).toMatchObject({ fromId: ids.blankStakeholder, toId: null, fields: { role: '' } });
  });

  it('computes the tipping-the-scales table and every other figure', () => {
    const { machinists, supervisors, transit, blankPriority, dana, marcus, priya, tom, lena, gary, ann, mayor, blankStakeholder, raj } = ids;
    expect(results.figures).toEqual([
      {
        id: 'tipping-the-scales',
        kind: 'table',
        label: 'Tipping the scales',
        help: 'Each task force should have an industry champion (and nobody outside industry in the chair), a majority of industry members, a support partner facilitating, the most relevant support partners on board, a measure of success and a quick win within 60 days; every No is a gap to fill. Quick wins achieved and members still to win over are shown.',
        columns: [
          'Priority area', 'Members', 'Industry champion', 'Industry majority', 'Facilitating support partner', 'Relevant support partners', 'Success measure', 'Quick win in 60 days', 'Quick win achieved', 'To win over',
        ],
        rows: [
          { key: machinists, cells: ['Machinist pipeline', 4, 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'Gary Pratt'], status: 'ok', itemIds: [machinists, dana, gary, lena, marcus] },
          { key: blankPriority, cells: ['Priority area', 0, 'No', 'No', 'No', 'No', 'No', 'No', 'No', ''], status: 'warn', itemIds: [blankPriority] },
          // Gary is an industry champion, but Lena, a support partner, chairs: not industry-led.
          { key: transit, cells: ['Second-shift transit', 2, 'No', 'No', 'No', 'No', 'No', 'No', 'No', 'Gary Pratt'], status: 'warn', itemIds: [transit, gary, lena] },
          { key: supervisors, cells: ['Supervisor training', 4, 'No', 'No', 'Yes', 'No', 'No', 'No', 'No', ''], status: 'warn', itemIds: [supervisors, ann, marcus, raj, tom] },
        ],
        status: 'warn',
      },
      {
        id: 'priority-count',
        kind: 'number',
        label: 'Priority areas',
        help: 'A partnership works best on three to five priority areas, each with its own task force.',
        value: 4,
        target: 3,
        status: 'ok',
        itemIds: [machinists, blankPriority, transit, supervisors],
      },
      {
        id: 'win-over',
        kind: 'list',
        label: 'High influence, low commitment: win them over',
        help: 'People with influence 4 or 5 whose commitment is 1, 2 or unknown, with whoever on the map can bring them in.',
        status: 'warn',
        entries: [
          { text: 'Gary Pratt (Pratt Tool & Die): influence 4, commitment 2; nobody on the map can bring them in yet', status: 'warn', itemIds: [gary] },
          { text: 'Mayor Jo Hart (City of Riverbend): influence not rated, commitment unknown; can be brought in by Tom Okafor', status: 'warn', itemIds: [mayor, tom] },
          { text: 'Priya Nair (Valley Aerostructures): influence 5, commitment unknown; can be brought in by Dana Ruiz, Tom Okafor', status: 'warn', itemIds: [priya, dana, tom] },
        ],
        empty: 'Nobody with high influence lacks commitment.',
      },
      {
        id: 'not-on-task-force',
        kind: 'list',
        label: 'Not on any task force',
        help: 'Stakeholders with no membership arrow to a priority area; an idle industry champion is the first to ask.',
        status: 'info',
        entries: [
          { text: 'Mayor Jo Hart (City of Riverbend): no role set', status: 'info', itemIds: [mayor] },
          { text: 'Priya Nair (Valley Aerostructures): Broader industry partner', status: 'info', itemIds: [priya] },
          { text: 'Stakeholder: no role set', status: 'info', itemIds: [blankStakeholder] },
        ],
        empty: 'Every stakeholder serves on a task force.',
      },
      {
        id: 'stakeholders-by-category',
        kind: 'table',
        label: 'Stakeholders by role',
        help: 'How many people of each role are on the map and on a task force; no industry champion, convener or core support partner is a gap.',
        columns: ['Role category', 'Stakeholders', 'On a task force'],
        rows: [
          { key: 'industry-champion', cells: ['Industry champion', 2, 2], itemIds: [gary, dana] },
          { key: 'industry-partner', cells: ['Broader industry partner', 2, 1], itemIds: [marcus, priya] },
          { key: 'convener', cells: ['Convener', 1, 1], itemIds: [tom] },
          { key: 'core-support', cells: ['Core support partner', 2, 2], itemIds: [raj, lena] },
          { key: 'community-partner', cells: ['Broader community partner', 1, 1], itemIds: [ann] },
          { key: 'not-set', cells: ['Not set', 2, 0], itemIds: [mayor, blankStakeholder], status: 'info' },
        ],
        status: 'ok',
      },
      {
        id: 'placement-mismatch',
        kind: 'list',
        label: 'Ratings that contradict the quadrant',
        help: 'Cards whose influence or commitment rating points to another quadrant; the ratings are what the figures use.',
        status: 'info',
        entries: [
          { text: 'Ann Lee sits in Drivers but is rated influence 2 and commitment 1', status: 'info', itemIds: [ann] },
          { text: 'Gary Pratt sits in Drivers but is rated commitment 2', status: 'info', itemIds: [gary] },
          { text: 'Raj Patel sits in Keep informed but is rated commitment 4', status: 'info', itemIds: [raj] },
        ],
        empty: 'Every rated card sits in a matching quadrant.',
      },
      {
        id: 'unfinished-connectors',
        kind: 'number',
        label: 'Unfinished or misdrawn arrows',
        help: 'Arrows with a loose end, or joining the wrong cards (membership goes between a stakeholder and a priority area, "can bring in" between two stakeholders).',
        value: 4,
        status: 'info',
        itemIds: [ann, marcus, blankStakeholder, dana],
      },
    ]);
  });
});

describe('influence-map figure rules', () => {
  it('needs strictly more than half industry members for a majority, counting members without a role as non-industry', () => {
    const f = fixtureFor(influenceMap);
    const p = f.item('priority', { name: 'Apprenticeships', quickWinIdentified: true, relevantPartners: true, successMeasure: 'Starts a year' }, { zone: 'priorities', x: 40, y: 80 });
    const champ = f.item('stakeholder', { name: 'A', category: 'industry-champion' }, { zone: 'drivers', x: 40, y: 80 });
    const facilitator = f.item('stakeholder', { name: 'B', category: 'core-support' }, { zone: 'drivers', x: 300, y: 80 });
    f.connect('member', champ, p, { role: 'chair' });
    f.connect('member', facilitator, p, { role: 'facilitator' });
    let rows = (figure(extractFixture(influenceMap, f.build()).results.figures, 'tipping-the-scales') as { rows: { cells: unknown[]; status?: string }[] }).rows;
    expect(rows[0]).toMatchObject({ cells: ['Apprenticeships', 2, 'Yes', 'No', 'Yes', 'Yes', 'Yes', 'Yes', 'No', ''], status: 'warn' });

    const partner = f.item('stakeholder', { name: 'C', category: 'industry-partner' }, { zone: 'drivers', x: 560, y: 80 });
    f.connect('member', partner, p, { role: 'member' });
    rows = (figure(extractFixture(influenceMap, f.build()).results.figures, 'tipping-the-scales') as { rows: { cells: unknown[]; status?: string }[] }).rows;
    expect(rows[0]).toMatchObject({ cells: ['Apprenticeships', 3, 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'No', ''], status: 'ok' });

    const unknown = f.item('stakeholder', { name: 'D' }, { zone: 'drivers', x: 800, y: 80 });
    f.connect('member', unknown, p, {});
    rows = (figure(extractFixture(influenceMap, f.build()).results.figures, 'tipping-the-scales') as { rows: { cells: unknown[]; status?: string }[] }).rows;
    expect(rows[0]).toMatchObject({ cells: ['Apprenticeships', 4, 'Yes', 'No', 'Yes', 'Yes', 'Yes', 'Yes', 'No', ''], status: 'warn' });
  });

  it('fails the champion check of a task force chaired by a support partner, even with an industry champion on it', () => {
    const f = fixtureFor(influenceMap);
    const p = f.item('priority', { name: 'Welding' }, { zone: 'priorities', x: 40, y: 80 });
    const champ = f.item('stakeholder', { name: 'A', category: 'industry-champion' }, { zone: 'drivers', x: 40, y: 80 });
    const convener = f.item('stakeholder', { name: 'B', category: 'convener' }, { zone: 'drivers', x: 300, y: 80 });
    f.connect('member', champ, p, { role: 'member' });
    const chair = f.connect('member', convener, p, { role: 'chair' });
    const cells = () => (figure(extractFixture(influenceMap, f.build()).results.figures, 'tipping-the-scales') as { rows: { cells: unknown[] }[] }).rows[0].cells;
    expect(cells()[2]).toBe('No');
    f.remove(chair);
    f.connect('member', convener, p, { role: 'facilitator' });
    expect(cells().slice(2, 5)).toEqual(['Yes', 'No', 'Yes']);
  });

  it('counts the priority areas against the three to five the partnership should have', () => {
    const f = fixtureFor(influenceMap);
    const count = () => figure(extractFixture(influenceMap, f.build()).results.figures, 'priority-count');
    for (let n = 0; n < 2; n++) f.item('priority', { name: `P${n}` }, { zone: 'priorities', x: 40, y: 80 + n * 200 });
    expect(count()).toMatchObject({ value: 2, target: 3, status: 'warn' });
    f.item('priority', { name: 'P2' }, { zone: 'priorities', x: 40, y: 480 });
    expect(count()).toMatchObject({ value: 3, status: 'ok' });
    for (let n = 3; n < 6; n++) f.item('priority', { name: `P${n}` }, { zone: 'priorities', x: 40, y: 80 + n * 200 });
    expect(count()).toMatchObject({ value: 6, status: 'warn' });
  });

  it('opens a priority card saved before the success measure, relevant partners and quick win achieved existed', () => {
    const f = fixtureFor(influenceMap);
    const p = f.item('priority', { name: 'Welding', quickWinIdentified: true }, { zone: 'priorities', x: 40, y: 80 });
    const records = f.build();
    const old = records.find((r) => r.id === p)! as { props: Record<string, unknown> };
    for (const key of ['successMeasure', 'relevantPartners', 'quickWinAchieved']) delete old.props[key];
    const props = migrateFromFirstVersion(records, 'priority')[p].props;
    expect(props).toMatchObject({ name: 'Welding', quickWinIdentified: true, successMeasure: '', relevantPartners: false, quickWinAchieved: false });
    // The extraction reads the old record too, with the empty values.
    const row = (figure(extractFixture(influenceMap, records).results.figures, 'tipping-the-scales') as { rows: { cells: unknown[] }[] }).rows[0];
    expect(row.cells.slice(5, 9)).toEqual(['No', 'No', 'Yes', 'No']);
  });

  it('does not accept an industry member, or a support partner without the facilitator role, as the facilitating support partner', () => {
    const f = fixtureFor(influenceMap);
    const p = f.item('priority', { name: 'Safety culture' }, { zone: 'priorities', x: 40, y: 80 });
    const champ = f.item('stakeholder', { name: 'A', category: 'industry-champion' }, { zone: 'drivers', x: 40, y: 80 });
    const college = f.item('stakeholder', { name: 'B', category: 'core-support' }, { zone: 'drivers', x: 300, y: 80 });
    const community = f.item('stakeholder', { name: 'C', category: 'community-partner' }, { zone: 'drivers', x: 560, y: 80 });
    f.connect('member', champ, p, { role: 'facilitator' });
    f.connect('member', college, p, { role: 'chair' });
    f.connect('member', community, p, { role: 'facilitator' });
    const table = figure(extractFixture(influenceMap, f.build()).results.figures, 'tipping-the-scales');
    // (B, a support partner, chairs: the champion check fails too.)
    expect(table).toMatchObject({ rows: [{ cells: ['Safety culture', 3, 'No', 'No', 'No', 'No', 'No', 'No', 'No', ''] }] });
  });

  it('names the task force members still to win over, without failing the row for it', () => {
    const f = fixtureFor(influenceMap);
    const p = f.item('priority', { name: 'Maintenance techs', quickWinIdentified: true, relevantPartners: true, successMeasure: 'Vacancies filled' }, { zone: 'priorities', x: 40, y: 80 });
    const champ = f.item('stakeholder', { name: 'Zoe Quinn', category: 'industry-champion', influence: 5, commitment: 1 }, { zone: 'win-over', x: 40, y: 80 });
    const partner = f.item('stakeholder', { name: 'al Brooks', category: 'industry-partner', influence: 4 }, { zone: 'win-over', x: 300, y: 80 });
    const college = f.item('stakeholder', { name: 'Mo Diaz', category: 'core-support', influence: 3, commitment: 5 }, { zone: 'ready-to-help', x: 40, y: 80 });
    f.connect('member', champ, p, { role: 'chair' });
    f.connect('member', partner, p, { role: 'member' });
    f.connect('member', college, p, { role: 'facilitator' });
    const table = figure(extractFixture(influenceMap, f.build()).results.figures, 'tipping-the-scales');
    expect(table).toMatchObject({
      status: 'ok',
      rows: [{ cells: ['Maintenance techs', 3, 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'Yes', 'No', 'al Brooks, Zoe Quinn'], status: 'ok', itemIds: [p, partner, college, champ] }],
    });
  });

  it('treats an unrated commitment as low unless the card sits in a committed quadrant, and an unrated influence by its row', () => {
    const f = fixtureFor(influenceMap);
    const inCommitted = f.item('stakeholder', { name: 'In drivers', influence: 5 }, { zone: 'drivers', x: 40, y: 80 });
    const outside = f.item('stakeholder', { name: 'Outside', influence: 4 }, { x: -3000, y: 0 });
    const lowRow = f.item('stakeholder', { name: 'Low row' }, { zone: 'keep-informed', x: 40, y: 80 });
    const topRow = f.item('stakeholder', { name: 'Top row, rated 3', influence: 3 }, { zone: 'win-over', x: 40, y: 80 });
    const { results } = extractFixture(influenceMap, f.build());
    const entries = (figure(results.figures, 'win-over') as { entries: { itemIds?: string[] }[] }).entries;
    expect(entries.map((e) => e.itemIds![0])).toEqual([outside]);
    expect([inCommitted, lowRow, topRow]).not.toContain(entries[0].itemIds![0]);
  });

  it('warns about an industry champion on no task force and about missing roles', () => {
    const f = fixtureFor(influenceMap);
    const champ = f.item('stakeholder', { name: 'Idle champion', organization: 'Delta Plastics', category: 'industry-champion' }, { zone: 'drivers', x: 40, y: 80 });
    const { results } = extractFixture(influenceMap, f.build());
    expect(figure(results.figures, 'not-on-task-force')).toMatchObject({
      status: 'warn',
      entries: [{ text: 'Idle champion (Delta Plastics): Industry champion', status: 'warn', itemIds: [champ] }],
    });
    expect(figure(results.figures, 'stakeholders-by-category')).toMatchObject({
      status: 'warn',
      rows: [
        { key: 'industry-champion', cells: ['Industry champion', 1, 0] },
        { key: 'industry-partner', cells: ['Broader industry partner', 0, 0] },
        { key: 'convener', cells: ['Convener', 0, 0], status: 'warn' },
        { key: 'core-support', cells: ['Core support partner', 0, 0], status: 'warn' },
        { key: 'community-partner', cells: ['Broader community partner', 0, 0] },
      ],
    });
  });

  it('counts a self-referencing "can bring in" arrow as misdrawn', () => {
    const f = fixtureFor(influenceMap);
    const a = f.item('stakeholder', { name: 'A', influence: 5, commitment: 1 }, { zone: 'win-over', x: 40, y: 80 });
    f.connect('influence', a, a);
    const { results } = extractFixture(influenceMap, f.build());
    expect(figure(results.figures, 'unfinished-connectors')).toMatchObject({ value: 1, itemIds: [a] });
    expect(figure(results.figures, 'win-over')).toMatchObject({ entries: [{ text: 'A: influence 5, commitment 1; nobody on the map can bring them in yet' }] });
  });

  it('produces every figure, empty and calm except for the missing roles, on an empty board', () => {
    const { results } = extractFixture(influenceMap, fixtureFor(influenceMap).build());
    expect(results.items).toEqual([]);
    expect(results.figures.map((f) => [f.id, f.status])).toEqual([
      ['tipping-the-scales', 'ok'],
      ['priority-count', 'info'],
      ['win-over', 'ok'],
      ['not-on-task-force', 'ok'],
      ['stakeholders-by-category', 'warn'],
      ['placement-mismatch', 'ok'],
      ['unfinished-connectors', 'ok'],
    ]);
    const categories = figure(results.figures, 'stakeholders-by-category') as { rows: { cells: unknown[] }[] };
    expect(categories.rows.map((r) => r.cells[1])).toEqual([0, 0, 0, 0, 0]);
    for (const f of results.figures) {
      if (f.kind === 'table' && f.id !== 'stakeholders-by-category') expect(f.rows).toEqual([]);
      if (f.kind === 'list') expect(f.entries).toEqual([]);
      if (f.kind === 'number') expect(f.value).toBe(0);
    }
  });
});
