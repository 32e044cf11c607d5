import { describe, expect, it } from 'vitest';
import { proposeEvidence } from '../kit/evidenceKit';
import { extractFixture, fixtureFor } from '../kit/testing';
import { launchMeetingFixture } from './fixtures';
import { launchMeeting } from './index';

const propose = (records: Record<string, unknown>[]) => {
  const { board, results } = extractFixture(launchMeeting, records);
  return proposeEvidence(launchMeeting, board, results);
};

describe('the launch meeting: rubric evidence', () => {
  it('proposes the shared priorities, the attendance, the next steps and the partners’ debrief', () => {
    const { records, ids } = launchMeetingFixture();
    expect(propose(records)).toEqual([
      {
        id: 'launch-meeting:shared-priorities:board',
        dimension: 'industry-engagement',
        text: 'Employers chose 4 shared priorities (Home-based care for an ageing population, Joint purchasing of supplies, Outpatient surgery centres opening and 1 more); 3 have a champion',
        itemIds: [ids.homeCare, ids.purchasing, ids.surgery, ids.telehealth],
        figureId: 'shared-priorities',
      },
      { id: 'launch-meeting:attendance:board', dimension: 'industry-engagement', text: '21 business leaders from 16 companies came to the launch', itemIds: [ids.record], figureId: 'business-leaders-present' },
      { id: 'launch-meeting:next-steps:board', dimension: 'industry-engagement', text: '3 next steps agreed at the launch, 2 with an owner', itemIds: [ids.calls, ids.summary, ids.nextMeeting], figureId: 'executive-summary' },
      { id: 'launch-meeting:partners-debriefed:board', dimension: 'regional-coordination', text: 'The support partners debriefed together after listening at the launch', itemIds: [ids.record] },
    ]);
  });

  it('proposes nothing on an empty board, and says when no priority is chosen and the summary went out', () => {
    expect(propose(fixtureFor(launchMeeting).build())).toEqual([]);
    const f = fixtureFor(launchMeeting);
    f.item('opportunity', { text: 'Grow exports' }, { zone: 'opportunities', x: 40, y: 80 });
    const record = f.item('launch-record', { name: 'Launch', summarySent: '2026-06-19' }, { zone: 'record', x: 40, y: 80 });
    expect(propose(f.build()).map((p) => [p.id, p.text, p.itemIds])).toEqual([
      ['launch-meeting:no-shared-priority:board', 'No shared priority chosen yet among 1 opportunity', []],
      ['launch-meeting:summary-sent:board', 'The meeting summary went to the business members on 2026-06-19', [record]],
    ]);
  });
});
