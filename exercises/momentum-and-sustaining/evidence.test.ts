import { describe, expect, it } from 'vitest';
import { proposeEvidence } from '../kit/evidenceKit';
import { extractFixture, fixtureFor } from '../kit/testing';
import { momentumFixture } from './fixtures';
import { momentumAndSustaining } from './index';

const propose = (records: Record<string, unknown>[]) => {
  const { board, results } = extractFixture(momentumAndSustaining, records);
  return proposeEvidence(momentumAndSustaining, board, results);
};

describe('building momentum: rubric evidence', () => {
  it('proposes the ideas-to-action checks met and what the people in each role answered', () => {
    const { records, ids } = momentumFixture();
    expect(propose(records)).toEqual([
      {
        id: 'momentum-and-sustaining:ideas-to-action:board',
        dimension: 'industry-engagement',
        // A check counts as met only when every card answering it says yes.
        text: 'From ideas to action: 3 of 5 checks met (not yet: outcomes and quick wins; lead employer champions)',
        itemIds: [ids.transit, ids.team],
        figureId: 'ideas-to-action',
      },
      { id: 'momentum-and-sustaining:employers-partners:board', dimension: 'industry-engagement', text: '2 of 3 employers act as partners rather than customers', itemIds: [ids.gary], figureId: 'employer-answers' },
      { id: 'momentum-and-sustaining:employers-resources:board', dimension: 'industry-engagement', text: '1 of 2 employers contributes resources to the partnership', itemIds: [ids.gary], figureId: 'employer-answers' },
      { id: 'momentum-and-sustaining:support-contributes:board', dimension: 'regional-coordination', text: '2 of 2 support partners give staff time, in-kind support or money', itemIds: [], figureId: 'support-team-answers' },
      { id: 'momentum-and-sustaining:support-formalized:board', dimension: 'regional-coordination', text: '1 of 2 support partners has made its commitment formal in writing', itemIds: [ids.raj], figureId: 'support-team-answers' },
      { id: 'momentum-and-sustaining:yearly-review:board', dimension: 'industry-engagement', text: '1 of 1 convener leads employers through a fresh look at opportunities at least yearly', itemIds: [], figureId: 'convener-answers' },
    ]);
  });

  it('proposes nothing on an empty board, nor for cards with no answers', () => {
    expect(propose(fixtureFor(momentumAndSustaining).build())).toEqual([]);
    const f = fixtureFor(momentumAndSustaining);
    f.item('employer-check', { name: 'Dana' }, { zone: 'employers', x: 40, y: 80 });
    f.item('ideas-to-action', { answeredBy: 'Team' }, { zone: 'ideas', x: 40, y: 80 });
    expect(propose(f.build())).toEqual([]);
  });
});
