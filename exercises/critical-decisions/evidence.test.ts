import { describe, expect, it } from 'vitest';
import { proposeEvidence } from '../kit/evidenceKit';
import { extractFixture, fixtureFor } from '../kit/testing';
import { criticalDecisionsFixture } from './fixtures';
import { criticalDecisions } from './index';
import { categoryZoneId } from './template';

const propose = (records: Record<string, unknown>[]) => {
  const { board, results } = extractFixture(criticalDecisions, records);
  return proposeEvidence(criticalDecisions, board, results);
};

describe('critical decisions: rubric evidence', () => {
  it('proposes the practices in place, the single point of contact, the decisions, a category left out and what they change', () => {
    const { records, ids } = criticalDecisionsFixture();
    expect(propose(records)).toEqual([
      {
        id: 'critical-decisions:practices:board',
        dimension: 'regional-coordination',
        text: 'Of 9 coordination practices discussed, 2 are in place, 4 partly and 3 not yet',
        itemIds: [ids.training, ids.titles, ids.frontline, ids.expectations, ids.spoc, ids.spocAgain, ids.message],
        figureId: 'questions-answered',
      },
      {
        id: 'critical-decisions:single-contact:board',
        dimension: 'regional-coordination',
        text: 'Single point of contact (partly): Not one door, but one shared intake form and a named lead per employer',
        itemIds: [ids.spoc],
        figureId: 'single-point-of-contact',
      },
      {
        id: 'critical-decisions:decisions:board',
        dimension: 'regional-coordination',
        text: '5 decisions on coordinating business outreach, 3 agreed by all partners and 4 with an owner',
        itemIds: [ids.leads, ids.fitDecision, ids.intake, ids.logo, ids.plan],
        figureId: 'decisions-by-category',
      },
      { id: 'critical-decisions:no-decision:staff', dimension: 'regional-coordination', text: 'No decision yet on staff development', itemIds: [ids.training, ids.frontline], figureId: 'decisions-by-category' },
      {
        id: 'critical-decisions:outreach-addressed:board',
        dimension: 'regional-coordination',
        text: 'The decisions change 3 of the 5 tables and knocks mapped',
        itemIds: [ids.vets, ids.college, ids.breakfast],
        figureId: 'outreach-addressed',
      },
    ]);
  });

  it('proposes nothing on an empty board, nor for answers without a status', () => {
    expect(propose(fixtureFor(criticalDecisions).build())).toEqual([]);
    const f = fixtureFor(criticalDecisions);
    f.item('coordination-answer', { question: 'outreach.titles', answer: 'Five titles' }, { zone: categoryZoneId('outreach'), x: 40, y: 80 });
    expect(propose(f.build())).toEqual([]);
  });
});
