import { describe, expect, it } from 'vitest';
import { proposeEvidence } from '../kit/evidenceKit';
import { exerciseRecords } from '../kit/seed';
import { extractFixture, fixtureFor } from '../kit/testing';
import { successMetricsFixture } from './fixtures';
import { successMetrics } from './index';

const propose = (records: Record<string, unknown>[]) => {
  const { board, results } = extractFixture(successMetrics, records);
  return proposeEvidence(successMetrics, board, results);
};

describe('success metrics: rubric evidence', () => {
  it('proposes, per category with a metric ready to track, how many metrics it has', () => {
    const { records, ids } = successMetricsFixture();
    expect(propose(records)).toEqual([
      {
        id: 'success-metrics:category:business',
        dimension: 'industry-engagement',
        text: 'Impact on business and industry: 7 metrics (2 process, 5 impact), 2 ready to track with a baseline, target, source and owner',
        itemIds: [ids.engaged, ids.suppliers],
        figureId: 'metrics-grid',
      },
      {
        id: 'success-metrics:category:jobseekers',
        dimension: 'career-pathways',
        text: 'Impact on jobseekers and students: 7 metrics (3 process, 4 impact), 3 ready to track with a baseline, target, source and owner',
        itemIds: [ids.apprentices, ids.timeToHire, ids.programs],
        figureId: 'metrics-grid',
      },
    ]);
  });

  it('proposes nothing for an empty board, nor for a new board’s untouched samples', () => {
    expect(propose(fixtureFor(successMetrics).build())).toEqual([]);
    expect(propose(exerciseRecords(successMetrics))).toEqual([]);
  });
});
