import { describe, expect, it } from 'vitest';
import { proposeEvidence } from '../kit/evidenceKit';
import { extractFixture, fixtureFor } from '../kit/testing';
import { frontlineCommunication } from './index';
import { frontlineFixture } from './fixtures';

const propose = (records: Record<string, unknown>[]) => {
  const { board, results } = extractFixture(frontlineCommunication, records);
  return proposeEvidence(frontlineCommunication, board, results);
};

const slot = (zone: string, n = 0) => ({ zone, x: 40 + n * 260, y: 80 });

describe('Frontline communication rubric evidence', () => {
  it('proposes evidence from the Three Rivers board', () => {
    const { records, ids } = frontlineFixture();
    expect(propose(records)).toEqual([
      {
        id: 'frontline-communication:broken-chain:board',
        dimension: 'regional-coordination',
        // the seniors were deleted; the adult learners only send feedback
        text: 'No flow reaches jobseekers and students',
        itemIds: [ids.learners, ids.blankAudience],
        figureId: 'broken-chain',
      },
      {
        id: 'frontline-communication:flows-unowned:board',
        dimension: 'regional-coordination',
        // the brief and the learners' feedback have no owner, the training no cadence
        text: '3 of 7 flows have no owner or no cadence',
        itemIds: [ids.steering, ids.deans, ids.supervisors, ids.navigators, ids.learners, ids.counselors],
        figureId: 'flows-without-owner-or-cadence',
      },
      {
        id: 'frontline-communication:role-overlaps:board',
        dimension: 'regional-coordination',
        text: '1 overlap and 1 connection marked between frontline roles of the region',
        itemIds: [ids.navigatorJc, ids.navigatorCc],
        figureId: 'role-overlaps',
      },
      {
        id: 'frontline-communication:ten-ways:board',
        // How the partnership's information shapes frontline services is regional coordination.
        dimension: 'regional-coordination',
        text: '6 ways so far of using sector information in frontline service (the aim is 10)',
        itemIds: [ids.wayCalendar, ids.wayLadder, ids.ideaBrief, ids.ideaSkills, ids.ideaWages, ids.ideaTours],
        figureId: 'ten-ways',
      },
    ]);
  });

  it('proposes nothing on an empty board, and no chain from frontline roles alone', () => {
    expect(propose(fixtureFor(frontlineCommunication).build())).toEqual([]);
    const f = fixtureFor(frontlineCommunication);
    f.item('frontline-role', { title: 'Career navigator' }, slot('frontline'));
    expect(propose(f.build())).toEqual([]);
  });

  it('says when the chain is complete and every flow is owned and scheduled', () => {
    const f = fixtureFor(frontlineCommunication);
    const layers = ['partnership', 'decision-makers', 'program-staff', 'frontline-workers', 'jobseekers-students'];
    const cards = layers.map((l) => f.item('audience', { name: l }, slot(`layer-${l}`)));
    for (let i = 0; i + 1 < cards.length; i++) f.connect('flow', cards[i], cards[i + 1], { channel: 'meeting', cadence: 'monthly', owner: 'Staff' });
    expect(propose(f.build()).map((p) => [p.id, p.text])).toEqual([
      ['frontline-communication:chain-complete:board', 'Sector information flows from the partnership all the way to jobseekers and students'],
      ['frontline-communication:flows-owned:board', 'All 4 flows have an owner and a cadence'],
    ]);
  });

  it('names a silent partnership and every layer nothing reaches', () => {
    const f = fixtureFor(frontlineCommunication);
    const a = f.item('audience', { name: 'Steering committee' }, slot('layer-partnership'));
    expect(propose(f.build())).toEqual([
      {
        id: 'frontline-communication:broken-chain:board',
        dimension: 'regional-coordination',
        text: 'Nothing flows out of the industry-led partnership; no flow reaches decision makers, program staff, frontline workers and jobseekers and students',
        itemIds: [a],
        figureId: 'broken-chain',
      },
    ]);
  });
});
