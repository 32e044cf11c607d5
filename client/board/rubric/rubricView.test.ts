import { describe, expect, it } from 'vitest';
import type { EvidenceEntry, ProposedEvidence, RubricAssessment } from '../../../shared/rubric';
import {
  acceptedEntry,
  dismissedEntry,
  evidenceTextProblem,
  evidenceView,
  formatDate,
  localDate,
  previousAssessment,
  assessmentDates,
  assessmentOn,
  teamEvidenceId,
} from './rubricView';

const none = { score: null, rationale: '', evidence: [] };
function assessment(date: string, ie: number | null, rc: number | null = null, cp: number | null = null): RubricAssessment {
  return {
    date,
    scores: {
      'industry-engagement': { ...none, score: ie },
      'regional-coordination': { ...none, score: rc },
      'career-pathways': { ...none, score: cp },
    },
  };
}

const proposal = (id: string, text: string, dimension: ProposedEvidence['dimension'] = 'regional-coordination'): ProposedEvidence => ({
  id,
  dimension,
  text,
  itemIds: [`shape:${id}`],
  figureId: 'fig',
});

describe('rubric assessments', () => {
  it('writes today in local time as YYYY-MM-DD', () => {
    expect(localDate(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
    expect(localDate(new Date(2025, 11, 31, 0, 1))).toBe('2025-12-31');
  });

  it('shows dates as day, month and year', () => {
    expect([formatDate('2025-03-04'), formatDate('2024-12-31'), formatDate('junk')]).toEqual(['4 Mar 2025', '31 Dec 2024', 'junk']);
  });

  it('offers every stored assessment date, today and the selected date, newest first and once each', () => {
    const assessments = [assessment('2024-11-20', 3), assessment('2025-03-04', 5)];
    expect(assessmentDates(assessments, '2025-06-01', '2025-03-04')).toEqual(['2025-06-01', '2025-03-04', '2024-11-20']);
    expect(assessmentDates([], '2025-06-01', '2025-01-01')).toEqual(['2025-06-01', '2025-01-01']);
  });

  it('reads a date with nothing stored as an empty assessment', () => {
    expect(assessmentOn([assessment('2025-03-04', 5)], '2025-06-01')).toEqual(assessment('2025-06-01', null));
    expect(assessmentOn([assessment('2025-03-04', 5)], '2025-03-04').scores['industry-engagement'].score).toBe(5);
  });

  it('compares with the latest earlier assessment that has a score', () => {
    const assessments = [assessment('2024-09-01', 2), assessment('2024-11-20', 3, 4), assessment('2025-01-10', null), assessment('2025-03-04', 5), assessment('2025-05-01', 6)];
    expect(previousAssessment(assessments, '2025-03-04')?.date).toBe('2024-11-20');
    expect(previousAssessment(assessments, '2025-06-01')?.date).toBe('2025-05-01');
    expect(previousAssessment(assessments, '2024-09-01')).toBeNull();
    expect(previousAssessment([], '2025-01-01')).toBeNull();
  });
});

describe('rubric evidence view', () => {
  const live = [proposal('a', 'A now'), proposal('b', 'B'), proposal('c', 'C'), proposal('x', 'other dimension', 'career-pathways')];

  it('lists the board\'s proposals for the dimension when the team has decided nothing', () => {
    expect(evidenceView('regional-coordination', [], live)).toEqual({ accepted: [], proposals: live.slice(0, 3), dismissed: [] });
  });

  it('keeps a dismissed proposal out of the proposals, even as the board rewords it', () => {
    const stored = [{ ...dismissedEntry(proposal('b', 'B as it was')) }];
    const view = evidenceView('regional-coordination', stored, live);
    expect(view.proposals.map((p) => p.id)).toEqual(['a', 'c']);
    expect(view.dismissed.map((e) => e.id)).toEqual(['b']);
  });

  it('shows accepted proposals in the board\'s order, then those the board dropped, then the team\'s own', () => {
    const stored: EvidenceEntry[] = [
      { id: 'team:2', text: 'Second note', origin: 'team', status: 'accepted', itemIds: [] },
      { id: 'team:1', text: 'First note', origin: 'team', status: 'accepted', itemIds: [] },
      acceptedEntry(proposal('gone', 'No longer true')),
      acceptedEntry(proposal('c', 'C')),
      acceptedEntry(proposal('a', 'A before')),
    ];
    const view = evidenceView('regional-coordination', stored, live);
    expect(view.accepted.map((e) => [e.id, e.freshness, e.current?.text])).toEqual([
      ['a', 'changed', 'A now'],
      ['c', 'same', undefined],
      ['gone', 'gone', undefined],
      ['team:1', 'team', undefined],
      ['team:2', 'team', undefined],
    ]);
    expect(view.proposals.map((p) => p.id)).toEqual(['b']);
  });

  it('does not report a proposal the team reworded as changed by the board', () => {
    const stored = [acceptedEntry(proposal('a', 'A now'), 'A, in our words')];
    expect(stored[0]).toMatchObject({ text: 'A, in our words', edited: true });
    expect(evidenceView('regional-coordination', stored, live).accepted[0].freshness).toBe('same');
  });

  it('treats an entry stored as "proposed" as undecided', () => {
    const stored: EvidenceEntry[] = [{ ...acceptedEntry(proposal('a', 'A now')), status: 'proposed' }];
    expect(evidenceView('regional-coordination', stored, live).proposals.map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('rubric evidence entries', () => {
  it('stores an accepted proposal with its items and figure, trimmed', () => {
    expect(acceptedEntry(proposal('a', 'A'), '  A  ')).toEqual({ id: 'a', text: 'A', origin: 'proposed', status: 'accepted', itemIds: ['shape:a'], figureId: 'fig' });
    expect(dismissedEntry(proposal('a', 'A'))).toEqual({ id: 'a', text: 'A', origin: 'proposed', status: 'dismissed', itemIds: ['shape:a'], figureId: 'fig' });
  });

  it('gives team evidence ids that sort in writing order', () => {
    const ids = [teamEvidenceId(1_700_000_000_000, () => 0.9), teamEvidenceId(1_700_000_000_001, () => 0.1), teamEvidenceId(1_800_000_000_000, () => 0.5)];
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toMatch(/^team:[0-9a-z]{9}-[0-9a-z]{4}$/);
  });

  it('refuses empty or overlong evidence text', () => {
    expect(evidenceTextProblem('  ')).toBe('Write what the evidence is.');
    expect(evidenceTextProblem('x'.repeat(2001))).toMatch(/2000 characters/);
    expect(evidenceTextProblem('Three programs call the same plant')).toBeNull();
  });
});
