import { describe, expect, it } from 'vitest';
import { proposeEvidence } from '../kit/evidenceKit';
import { extractFixture, fixtureFor } from '../kit/testing';
import { manyTablesManyKnocks } from './index';
import { manyTablesFixture } from './fixtures';

const propose = (records: Record<string, unknown>[]) => {
  const { board, results } = extractFixture(manyTablesManyKnocks, records);
  return proposeEvidence(manyTablesManyKnocks, board, results);
};

describe('Many Tables, Many Knocks rubric evidence', () => {
  it('proposes evidence for each dimension from the Three Rivers board', () => {
    const { records, ids } = manyTablesFixture();
    expect(propose(records)).toEqual([
      {
        id: 'many-tables-many-knocks:knocks:board',
        dimension: 'regional-coordination',
        text: '7 knocks from 4 organizations contact businesses of the sector one by one',
        itemIds: [ids.knockBusinessServices, ids.knockVeterans, ids.knockCollege, ids.knockChamber, ids.knockSurvey, ids.knockYouth, ids.knockApprenticeship],
        figureId: 'knocks-per-organization',
      },
      {
        id: 'many-tables-many-knocks:redundant-businesses:board',
        dimension: 'regional-coordination',
        // Acme Tooling, North Fab, Riverside Castings, Smith & Sons Welding; the youth knock names none
        text: '6 knocks from 4 organizations contact the same businesses: Acme Tooling Inc., North Fab, Riverside Castings and 1 more',
        itemIds: [ids.knockBusinessServices, ids.knockVeterans, ids.knockCollege, ids.knockApprenticeship, ids.knockSurvey, ids.knockChamber],
        figureId: 'redundant-businesses',
      },
      {
        id: 'many-tables-many-knocks:employer-tables:board',
        dimension: 'industry-engagement',
        text: '1 of 6 tables is convened by employers themselves',
        itemIds: [ids.tableBreakfast],
        figureId: 'tables-per-convener-type',
      },
      {
        id: 'many-tables-many-knocks:table-overlaps:board',
        dimension: 'regional-coordination',
        // the reversed duplicate counts once; the overlap to the deleted table and the one to a knock not at all
        text: '2 pairs of tables gather the same businesses or serve the same purpose',
        itemIds: [ids.tableAdvisory, ids.tableWelding, ids.tableCouncil, ids.tableRoundtable],
        figureId: 'table-overlaps',
      },
      {
        id: 'many-tables-many-knocks:fatigue:board',
        dimension: 'industry-engagement',
        text: '1 pair of overlapping knocks risks wearing out the same employers',
        itemIds: [ids.knockBusinessServices, ids.knockVeterans],
        figureId: 'fatigue-risks',
      },
      {
        id: 'many-tables-many-knocks:gaps:board',
        dimension: 'industry-engagement',
        text: '2 gaps marked where no table brings the businesses together',
        itemIds: [ids.gapSmallShops, ids.gapEmpty],
        figureId: 'gaps',
      },
      {
        id: 'many-tables-many-knocks:knock-gaps:board',
        dimension: 'industry-engagement',
        text: '2 gaps marked where no program reaches out to the businesses',
        itemIds: [ids.gapSuppliers, ids.gapHomeShops],
        figureId: 'knock-gaps',
      },
      {
        id: 'many-tables-many-knocks:quotes-negative:employers-about-us',
        dimension: 'industry-engagement',
        // the third quote is what we say about employers
        text: '1 of 2 remarks employers make about us is negative',
        itemIds: [ids.quoteCall],
      },
      {
        id: 'many-tables-many-knocks:feasible-ideas:board',
        dimension: 'regional-coordination',
        text: 'The team sees 2 feasible steps toward coordinated engagement with businesses',
        itemIds: [ids.ideaCalendar, ids.ideaJointTeam],
        figureId: 'feasible-ideas',
      },
    ]);
  });

  it('proposes nothing on an empty board', () => {
    expect(propose(fixtureFor(manyTablesManyKnocks).build())).toEqual([]);
  });

  it('says so when no table is convened by employers, and when every remark is positive', () => {
    const f = fixtureFor(manyTablesManyKnocks);
    const a = f.item('table', { name: 'Advisory committee', convenerType: 'college' }, { zone: 'tables', x: 40, y: 80 });
    const b = f.item('table', { name: 'Chamber council', convenerType: 'chamber' }, { zone: 'tables', x: 320, y: 80 });
    const q = f.item('quote', { text: 'Quick to respond', side: 'employers-about-us', tone: 'positive' }, { zone: 'journey', x: 40, y: 80 });
    f.item('quote', { text: 'Unrated', side: 'employers-about-us' }, { zone: 'journey', x: 300, y: 80 });
    expect(propose(f.build()).map((p) => [p.id, p.text, p.itemIds])).toEqual([
      ['many-tables-many-knocks:no-employer-tables:board', 'None of the 2 tables is convened by employers themselves', [a, b]],
      ['many-tables-many-knocks:quotes-positive:employers-about-us', 'The one remark employers make about us is positive', [q]],
    ]);
  });

  it('keeps the ids of its proposals when the board changes, so a decision on one sticks', () => {
    const { records } = manyTablesFixture();
    const before = propose(records).map((p) => p.id);
    const f = fixtureFor(manyTablesManyKnocks);
    f.item('knock', { organization: 'Workforce Board', businesses: 'Acme' }, { zone: 'knocks', x: 0, y: 0 });
    f.item('knock', { organization: 'College', businesses: 'acme' }, { zone: 'knocks', x: 300, y: 0 });
    const after = propose(f.build());
    expect(after.map((p) => p.id)).toEqual(['many-tables-many-knocks:knocks:board', 'many-tables-many-knocks:redundant-businesses:board']);
    expect(before).toEqual(expect.arrayContaining(after.map((p) => p.id)));
    expect(after[1].text).toBe('2 knocks from 2 organizations contact the same businesses: Acme');
  });
});
