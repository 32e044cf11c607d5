import { describe, expect, it } from 'vitest';
import { proposeEvidence } from '../kit/evidenceKit';
import { extractFixture, fixtureFor } from '../kit/testing';
import { sectorScopingFixture } from './fixtures';
import { sectorScoping } from './index';

const propose = (records: Record<string, unknown>[]) => {
  const { board, results } = extractFixture(sectorScoping, records);
  return proposeEvidence(sectorScoping, board, results);
};

describe('sector scoping rubric evidence', () => {
  it('proposes the chosen sectors, the data behind them, separate outreach and the footprint', () => {
    const { records, ids } = sectorScopingFixture();
    expect(propose(records)).toEqual([
      {
        id: 'sector-scoping:first-sector:board',
        dimension: 'regional-coordination',
        text: 'The team chose Healthcare as the first sector and Advanced manufacturing next',
        itemIds: [ids.healthcare, ids.manufacturing],
        figureId: 'first-and-next',
      },
      {
        id: 'sector-scoping:data-and-knowledge:board',
        dimension: 'regional-coordination',
        text: '3 of 7 candidate sectors were weighed with both labour market data and partners’ first-hand knowledge',
        itemIds: [ids.manufacturing, ids.healthcare, ids.logistics],
        figureId: 'ranked-candidates',
      },
      {
        id: 'sector-scoping:separate-outreach:board',
        dimension: 'regional-coordination',
        text: 'Several of our partners already reach out separately to employers in 2 candidate sectors: Advanced manufacturing (3) and Healthcare (5)',
        itemIds: [ids.manufacturing, ids.healthcare],
        figureId: 'ranked-candidates',
      },
      {
        id: 'sector-scoping:footprint-unchecked:board',
        dimension: 'regional-coordination',
        text: 'The footprint is not yet shown to follow the industry rather than official boundaries: Workforce area 3',
        itemIds: [ids.area3],
        figureId: 'footprint-check',
      },
    ]);
  });

  it('proposes nothing on an empty board, and says when no first sector is chosen and the footprint follows the industry', () => {
    expect(propose(fixtureFor(sectorScoping).build())).toEqual([]);
    const f = fixtureFor(sectorScoping);
    const a = f.item('candidate-sector', { name: 'Logistics' }, { zone: 'candidates', x: 40, y: 80 });
    const fp = f.item('footprint', { name: 'Port region', basis: 'commute', followsIndustry: true }, { zone: 'footprint', x: 40, y: 80 });
    expect(propose(f.build()).map((p) => [p.id, p.text, p.itemIds])).toEqual([
      ['sector-scoping:no-first-sector:board', 'No first sector chosen yet among 1 candidate', [a]],
      ['sector-scoping:data-and-knowledge:board', '0 of 1 candidate sector was weighed with both labour market data and partners’ first-hand knowledge', []],
      ['sector-scoping:footprint-follows:board', 'The partnership’s footprint follows the industry: Port region', [fp]],
    ]);
  });
});
