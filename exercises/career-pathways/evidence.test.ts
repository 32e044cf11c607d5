import { describe, expect, it } from 'vitest';
import { proposeEvidence } from '../kit/evidenceKit';
import { extractFixture, fixtureFor } from '../kit/testing';
import { careerPathwaysFixture } from './fixtures';
import { careerPathways } from './index';

const propose = (records: Record<string, unknown>[]) => {
  const { board, results } = extractFixture(careerPathways, records);
  return proposeEvidence(careerPathways, board, results);
};

describe('career pathways: rubric evidence', () => {
  it('proposes on-ramps to needs, programs without an industry link, dead ends and how open the institutions are', () => {
    const { records, ids } = careerPathwaysFixture();
    expect(propose(records)).toEqual([
      { id: 'career-pathways:needs-on-ramp:board', dimension: 'career-pathways', text: '2 of 4 industry needs have a pathway a beginner can get on', itemIds: [ids.coder, ids.surgTech], figureId: 'needs-coverage' },
      { id: 'career-pathways:no-industry-link:board', dimension: 'career-pathways', text: '2 of 10 programs lead to no industry need', itemIds: [ids.emptyProgram, ids.phlebotomy], figureId: 'no-industry-link' },
      {
        id: 'career-pathways:dead-ends:board',
        dimension: 'career-pathways',
        text: '3 programs lead neither to a next program nor to a job: Pathway program, Phlebotomy certificate and Surgical technology AAS',
        itemIds: [ids.emptyProgram, ids.phlebotomy, ids.surgical],
        figureId: 'dead-ends',
      },
      {
        id: 'career-pathways:institutions:board',
        dimension: 'career-pathways',
        text: '6 institutions on the map: 3 open and connected, 2 working as closed systems; 3 links between programs of different institutions',
        itemIds: [ids.riverside, ids.university],
        figureId: 'institutions',
      },
    ]);
  });

  it('proposes nothing on an empty board', () => {
    expect(propose(fixtureFor(careerPathways).build())).toEqual([]);
  });
});
