import { describe, expect, it } from 'vitest';
import { proposeEvidence } from '../kit/evidenceKit';
import { extractFixture, fixtureFor } from '../kit/testing';
import { influenceMap } from './index';
import { influenceMapFixture } from './fixtures';

const propose = (records: Record<string, unknown>[]) => {
  const { board, results } = extractFixture(influenceMap, records);
  return proposeEvidence(influenceMap, board, results);
};

describe('Influence map rubric evidence', () => {
  it('turns the tipping-the-scales checks of the Three Rivers board into evidence', () => {
    const { records, ids } = influenceMapFixture();
    expect(propose(records)).toEqual([
      {
        id: 'influence-map:champion:board',
        dimension: 'industry-engagement',
        // Only the machinists: transit has Gary, but a support partner chairs it
        text: '1 of 4 task forces has an industry champion (not yet: an unnamed priority area, Second-shift transit and 1 more)',
        itemIds: [ids.blankPriority, ids.transit, ids.supervisors],
        figureId: 'tipping-the-scales',
      },
      {
        id: 'influence-map:industry-majority:board',
        dimension: 'industry-engagement',
        text: '1 of 4 task forces is mostly industry members (not yet: an unnamed priority area, Second-shift transit and 1 more)',
        itemIds: [ids.blankPriority, ids.transit, ids.supervisors],
        figureId: 'tipping-the-scales',
      },
      {
        id: 'influence-map:facilitator:board',
        dimension: 'regional-coordination',
        // Gary facilitates transit, but he is an industry champion, not a support partner
        text: '2 of 4 task forces are facilitated by a support partner (not yet: an unnamed priority area and Second-shift transit)',
        itemIds: [ids.blankPriority, ids.transit],
        figureId: 'tipping-the-scales',
      },
      {
        id: 'influence-map:relevant-partners:board',
        dimension: 'regional-coordination',
        text: '1 of 4 task forces has the most relevant support partners on board (not yet: an unnamed priority area, Second-shift transit and 1 more)',
        itemIds: [ids.blankPriority, ids.transit, ids.supervisors],
        figureId: 'tipping-the-scales',
      },
      {
        id: 'influence-map:success-measure:board',
        dimension: 'industry-engagement',
        text: '1 of 4 task forces knows how it will measure success (not yet: an unnamed priority area, Second-shift transit and 1 more)',
        itemIds: [ids.blankPriority, ids.transit, ids.supervisors],
        figureId: 'tipping-the-scales',
      },
      {
        id: 'influence-map:quick-win:board',
        dimension: 'industry-engagement',
        // transit wrote a quick win down but has not ticked it as agreed
        text: '1 of 4 task forces has a quick win agreed for the next 60 days (not yet: an unnamed priority area, Second-shift transit and 1 more)',
        itemIds: [ids.blankPriority, ids.transit, ids.supervisors],
        figureId: 'tipping-the-scales',
      },
      {
        id: 'influence-map:quick-wins-achieved:board',
        dimension: 'industry-engagement',
        text: '1 quick win achieved so far: Machinist pipeline',
        itemIds: [ids.machinists],
        figureId: 'tipping-the-scales',
      },
      {
        id: 'influence-map:win-over:board',
        dimension: 'industry-engagement',
        text: '3 people with high influence but low or unknown commitment still to win over: Gary Pratt, Mayor Jo Hart and Priya Nair',
        itemIds: [ids.gary, ids.mayor, ids.priya],
        figureId: 'win-over',
      },
    ]);
  });

  it('proposes nothing on an empty board', () => {
    expect(propose(fixtureFor(influenceMap).build())).toEqual([]);
  });

  it('says "all" and "none" plainly, and names an idle industry champion', () => {
    const f = fixtureFor(influenceMap);
    const a = f.item('priority', { name: 'Welding', quickWinIdentified: true, quickWinAchieved: true, successMeasure: 'Welders hired' }, { zone: 'priorities', x: 40, y: 80 });
    const b = f.item('priority', { name: 'Nursing', quickWinIdentified: true, successMeasure: 'Nurses hired' }, { zone: 'priorities', x: 40, y: 280 });
    const champ = f.item('stakeholder', { name: 'Rosa Diaz', category: 'industry-champion', influence: 5, commitment: 5 }, { zone: 'drivers', x: 40, y: 80 });
    const p1 = f.item('stakeholder', { name: 'Lee Park', category: 'industry-partner', influence: 3, commitment: 4 }, { zone: 'ready-to-help', x: 40, y: 80 });
    f.connect('member', p1, a, { role: 'member' });
    f.connect('member', p1, b, { role: 'member' });
    expect(propose(f.build()).map((p) => [p.id, p.text, p.itemIds])).toEqual([
      ['influence-map:champion:board', 'None of the 2 task forces has an industry champion', [b, a]],
      ['influence-map:industry-majority:board', 'All 2 task forces are mostly industry members', [b, a]],
      ['influence-map:facilitator:board', 'None of the 2 task forces is facilitated by a support partner', [b, a]],
      ['influence-map:relevant-partners:board', 'None of the 2 task forces has the most relevant support partners on board', [b, a]],
      ['influence-map:success-measure:board', 'All 2 task forces know how they will measure success', [b, a]],
      ['influence-map:quick-win:board', 'All 2 task forces have a quick win agreed for the next 60 days', [b, a]],
      ['influence-map:quick-wins-achieved:board', '1 quick win achieved so far: Welding', [a]],
      ['influence-map:idle-champions:board', '1 industry champion serves on no task force: Rosa Diaz', [champ]],
    ]);
  });

  it('speaks of the one task force when there is only one', () => {
    const f = fixtureFor(influenceMap);
    f.item('priority', { name: 'Welding' }, { zone: 'priorities', x: 40, y: 80 });
    expect(propose(f.build()).map((p) => p.text)).toEqual([
      'The one task force has no industry champion',
      'The one task force is not mostly industry members',
      'The one task force has no support partner facilitating it',
      'The one task force does not have the most relevant support partners on board',
      'The one task force has no measure of success yet',
      'The one task force has no quick win agreed for the next 60 days',
    ]);
  });
});
