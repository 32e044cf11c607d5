import { describe, expect, it } from 'vitest';
import { proposeEvidence } from '../kit/evidenceKit';
import { extractFixture, fixtureFor } from '../kit/testing';
import { launchPreparationFixture } from './fixtures';
import { launchPreparation } from './index';

const propose = (records: Record<string, unknown>[]) => {
  const { board, results } = extractFixture(launchPreparation, records);
  return proposeEvidence(launchPreparation, board, results);
};

describe('preparing to launch: rubric evidence', () => {
  it('proposes the convener, the listening partners, the champions, the invitation list and the venue', () => {
    const { records, ids } = launchPreparationFixture();
    expect(propose(records)).toEqual([
      {
        id: 'launch-preparation:convener:board',
        dimension: 'regional-coordination',
        text: 'Convener chosen: Upper Valley Workforce Board (lead) and Valley Economic Alliance (co-convener)',
        itemIds: [ids.workforce, ids.alliance],
        figureId: 'convener-choice',
      },
      {
        id: 'launch-preparation:listening:board',
        dimension: 'regional-coordination',
        text: '2 of 3 support partners agreed to listen rather than pitch at meetings with employers',
        itemIds: [ids.chamberSupport],
        figureId: 'support-roles',
      },
      {
        id: 'launch-preparation:champions:board',
        dimension: 'industry-engagement',
        text: '3 company leaders will sign the invitation (Dr. Alicia Moreno, James Whitfield and Priya Shah); 3 chair candidates named, 3 of them civic entrepreneurs',
        itemIds: [ids.moreno, ids.whitfield, ids.shah, ids.liu],
        figureId: 'champions-signing',
      },
      {
        id: 'launch-preparation:invitations:board',
        dimension: 'industry-engagement',
        text: '9 company leaders from 4 sub-sectors on the invitation list; 2 confirmed',
        itemIds: [ids.emptyCeo, ids.moreno, ids.liu, ids.whitfield, ids.olsen, ids.shah, ids.vega, ids.ito, ids.becker],
        figureId: 'invitation-list',
      },
      {
        id: 'launch-preparation:at-company:board',
        dimension: 'industry-engagement',
        text: 'The launch is hosted at a company’s site: St. Brigid Regional Hospital, conference center',
        itemIds: [ids.meeting],
        figureId: 'meeting-readiness',
      },
    ]);
  });

  it('proposes nothing on an empty board, and says when nobody is chosen or signing yet', () => {
    expect(propose(fixtureFor(launchPreparation).build())).toEqual([]);
    const f = fixtureFor(launchPreparation);
    const c = f.item('convener-candidate', { organization: 'Chamber' }, { zone: 'convener', x: 40, y: 80 });
    const ceo = f.item('ceo', { name: 'Dana', subSector: 'Clinics' }, { zone: 'companies', x: 40, y: 80 });
    expect(propose(f.build()).map((p) => [p.id, p.text, p.itemIds])).toEqual([
      ['launch-preparation:no-convener:board', 'No convener chosen yet among 1 candidate', [c]],
      ['launch-preparation:champions:board', 'No company leader has agreed to sign the invitation yet; 0 chair candidates named, 0 of them civic entrepreneurs', []],
      ['launch-preparation:invitations:board', '1 company leader from 1 sub-sector on the invitation list; 0 confirmed', [ceo]],
    ]);
  });
});
