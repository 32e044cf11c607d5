import { describe, expect, it } from 'vitest';
import type { Figure } from '../../shared/results';
import { expectValidRecords, extractFixture, fixtureFor } from '../kit/testing';
import { sectorScopingFixture } from './fixtures';
import { sectorScoping } from './index';

const figure = (figures: Figure[], id: string) => figures.find((f) => f.id === id)!;

describe('sector scoping on the Upper Valley board', () => {
  const { records, ids } = sectorScopingFixture();
  const { results } = extractFixture(sectorScoping, records);

  it('builds records a client accepts, and places cards in their zones', () => {
    expectValidRecords(records);
    const zoneOf = (id: string) => results.items.find((i) => i.id === id)?.zoneId;
    expect([zoneOf(ids.healthcare), zoneOf(ids.nurses), zoneOf(ids.hospitals), zoneOf(ids.valley), zoneOf(ids.agriculture)]).toEqual(['candidates', 'knowledge', 'segments', 'footprint', null]);
    expect(results.steps.map((s) => [s.id, s.itemIds.length])).toEqual([
      ['gather-data', 6],
      ['ground-truth', 5],
      ['choose', 6],
      ['define', 5],
      ['footprint', 2],
    ]);
  });

  it('ranks the candidates by their signals, then their jobs, ties sharing a rank', () => {
    const ranked = figure(results.figures, 'ranked-candidates') as { status: string; entries: { text: string; status?: string; itemIds?: string[] }[] };
    expect(ranked.status).toBe('info');
    expect(ranked.entries.map((e) => [e.text, e.status])).toEqual([
      ['1. Healthcare: 5 of 5 signals (wages above average, concentrated here, growing, several partners knocking, first-hand reasons); 18,400 jobs; first', 'ok'],
      ['2. Advanced manufacturing: 4 of 5 signals (wages above average, concentrated here, several partners knocking, first-hand reasons); 9,300 jobs; next', 'ok'],
      // A caution is not a reason; a location quotient under 1 with no choice is not concentrated.
      ['3. Logistics: 1 of 5 signals (growing); 6,100 jobs; later', undefined],
      ['4. Agriculture: 1 of 5 signals (concentrated here); 2,300 jobs', undefined],
      // The choice "not higher" wins over a quotient of 1.3.
      ['5. Hospitality: 0 of 5 signals; 11,000 jobs; not a target', undefined],
      ['6. Candidate sector: 0 of 5 signals; jobs not known', undefined],
      ['6. Construction: 0 of 5 signals; jobs not known', undefined],
    ]);
    expect(ranked.entries[0].itemIds).toEqual([ids.healthcare, ids.nurses, ids.homeHealth]);
    expect(ranked.entries[2].itemIds).toEqual([ids.logistics, ids.automation]);
  });

  it('names the first and the next sector', () => {
    expect(figure(results.figures, 'first-and-next')).toMatchObject({
      status: 'ok',
      entries: [
        { text: 'First: Healthcare', status: 'ok', itemIds: [ids.healthcare] },
        { text: 'Next: Advanced manufacturing', status: 'ok', itemIds: [ids.manufacturing] },
      ],
    });
  });

  it('lists what each candidate still lacks', () => {
    expect(figure(results.figures, 'data-gaps')).toMatchObject({
      status: 'warn',
      entries: [
        { text: 'Agriculture: no first-hand knowledge', itemIds: [ids.agriculture] },
        { text: 'Candidate sector: no jobs, no wages, no jobs trend, no concentration, no partners reaching out, no data source, no first-hand knowledge', itemIds: [ids.emptyCandidate] },
        { text: 'Construction: no jobs, no wages, no jobs trend, no concentration, no partners reaching out, no data source, no first-hand knowledge', itemIds: [ids.construction] },
        { text: 'Hospitality: no first-hand knowledge', itemIds: [ids.hospitality] },
      ],
    });
  });

  it('shows the working definitions of the first and next sectors with their sub-segments', () => {
    expect(figure(results.figures, 'working-definitions')).toMatchObject({
      status: 'ok',
      rows: [
        { key: ids.healthcare, cells: ['Healthcare', 'First', 'Yes', 2, 0, 1], itemIds: [ids.healthcare, ids.hospitals, ids.homeCare, ids.vets] },
        { key: ids.manufacturing, cells: ['Advanced manufacturing', 'Next', 'No', 0, 1, 0], itemIds: [ids.manufacturing, ids.devices] },
        { key: 'not-tied', cells: ['Not tied to a sector', '', '', 0, 1, 0], status: 'info', itemIds: [ids.pharmacies] },
      ],
    });
  });

  it('checks that each footprint follows the industry and is the right size', () => {
    expect(figure(results.figures, 'footprint-check')).toMatchObject({
      status: 'warn',
      entries: [
        { text: 'Upper river valley: drawn around where the companies and their workers are; checked: follows the industry; size about right', status: 'ok', itemIds: [ids.valley] },
        { text: 'Workforce area 3: drawn around county or city lines, not the industry; not yet checked against where the industry is; too small', status: 'warn', itemIds: [ids.area3] },
      ],
    });
  });

  it('counts arrows that do not join knowledge or a sub-segment to a candidate', () => {
    expect(figure(results.figures, 'unfinished-connectors')).toEqual({
      id: 'unfinished-connectors',
      kind: 'number',
      label: 'Unfinished connectors',
      help: expect.any(String),
      value: 3,
      status: 'warn',
      itemIds: [ids.loose, ids.automation, ids.construction, ids.pharmacies],
      connectionIds: [ids.betweenInsights, ids.toRemoved, ids.looseSegment],
    });
  });
});

describe('sector scoping rules', () => {
  it('warns when no sector or two sectors are marked first, and a first sector has no definition', () => {
    const f = fixtureFor(sectorScoping);
    const a = f.item('candidate-sector', { name: 'A', order: 'next' }, { zone: 'candidates', x: 40, y: 80 });
    let figures = extractFixture(sectorScoping, f.build()).results.figures;
    expect(figure(figures, 'first-and-next')).toMatchObject({
      status: 'warn',
      entries: [{ text: 'No sector marked First yet: agree where the partnership starts.', status: 'warn' }, { text: 'Next: A', itemIds: [a] }],
    });
    const b = f.item('candidate-sector', { name: 'B', order: 'first' }, { zone: 'candidates', x: 400, y: 80 });
    const c = f.item('candidate-sector', { name: 'C', order: 'first' }, { zone: 'candidates', x: 800, y: 80 });
    figures = extractFixture(sectorScoping, f.build()).results.figures;
    expect(figure(figures, 'first-and-next')).toMatchObject({ entries: [{ text: 'First: B, C (2 sectors; agree on one)', status: 'warn', itemIds: [b, c] }, { text: 'Next: A' }] });
    expect(figure(figures, 'working-definitions')).toMatchObject({ status: 'warn', rows: [{ key: b, status: 'warn' }, { key: c, status: 'warn' }, { key: a }] });
  });

  it('produces every figure, calm, on an empty board', () => {
    const { results } = extractFixture(sectorScoping, fixtureFor(sectorScoping).build());
    expect(results.figures.map((f) => [f.id, f.status])).toEqual([
      ['ranked-candidates', 'info'],
      ['first-and-next', 'info'],
      ['data-gaps', 'ok'],
      ['working-definitions', 'ok'],
      ['footprint-check', 'info'],
      ['unfinished-connectors', 'ok'],
    ]);
  });
});
