import { describe, expect, it } from 'vitest';
import type { Figure } from '../../shared/results';
import { expectValidRecords, extractFixture, fixtureFor } from '../kit/testing';
import { careerPathwaysFixture } from './fixtures';
import { careerPathways } from './index';

const figure = (figures: Figure[], id: string) => figures.find((f) => f.id === id)!;

describe('career pathways on the Upper Valley board', () => {
  const { records, ids } = careerPathwaysFixture();
  const { results } = extractFixture(careerPathways, records);

  it('builds records a client accepts, with the cards in their zones', () => {
    expectValidRecords(records);
    expect(results.steps.map((s) => [s.id, s.itemIds.length])).toEqual([
      ['needs', 4],
      ['programs', 10],
      ['links', 10],
      ['institutions', 5],
      ['gaps', 0],
    ]);
  });

  it('follows the pathways to each need, across institutions, and checks a beginner can get on', () => {
    expect(figure(results.figures, 'needs-coverage')).toMatchObject({
      status: 'warn',
      rows: [
        // The aide training answers through an arrow drawn backwards; the CNA is reached from the academy and the bridge.
        { key: ids.aide, cells: ['Home health aide', 2, 4, 4, 'Yes'], status: 'ok', itemIds: [ids.aide, ids.cna, ids.academy, ids.bridge, ids.hha] },
        { key: ids.coder, cells: ['Medical coder', 0, 0, 0, 'No'], status: 'warn', itemIds: [ids.coder] },
        // Two spellings of the college are one institution.
        { key: ids.rn, cells: ['Registered nurse', 2, 6, 4, 'Yes'], status: 'ok', itemIds: [ids.rn, ids.adn, ids.bsn, ids.cna, ids.academy, ids.bridge, ids.lpn] },
        { key: ids.surgTech, cells: ['Surgical technologist', 1, 1, 1, 'No'], status: 'warn', itemIds: [ids.surgTech, ids.surgical] },
      ],
    });
  });

  it('lists programs with no industry link, dead ends and missing on-ramps', () => {
    expect(figure(results.figures, 'no-industry-link')).toMatchObject({
      entries: [
        { text: 'Pathway program', itemIds: [ids.emptyProgram] },
        { text: 'Phlebotomy certificate (Riverside Career Institute)', itemIds: [ids.phlebotomy] },
      ],
    });
    expect(figure(results.figures, 'dead-ends')).toMatchObject({
      entries: [
        { text: 'Pathway program, then nowhere', itemIds: [ids.emptyProgram] },
        { text: 'Phlebotomy certificate, then nowhere', itemIds: [ids.phlebotomy] },
        { text: 'Surgical technology AAS: AAS, certification exam, then nowhere', itemIds: [ids.surgical] },
      ],
    });
    expect(figure(results.figures, 'missing-on-ramps')).toMatchObject({
      entries: [
        { text: 'Medical coder: no program prepares people for it', itemIds: [ids.coder] },
        { text: 'Surgical technologist: no program on the way to it is open to beginners', itemIds: [ids.surgTech, ids.surgical] },
      ],
    });
  });

  it('shows each institution as closed or open, with its links to other institutions', () => {
    const rows = (figure(results.figures, 'institutions') as { rows: { cells: unknown[]; status?: string }[] }).rows;
    expect(rows.map((r) => [...r.cells, r.status])).toEqual([
      ['Northside Adult Education', 'Adult education', 'Open and connected', 1, 1, 'ok'],
      ['Riverside Career Institute', 'Workforce training', 'Closed system', 1, 0, 'warn'],
      ['State University', 'University', 'Closed system', 1, 1, 'warn'],
      ['Upper Valley Unified', 'K-12', 'Open and connected', 1, 1, 'ok'],
      // Named on a program but with no Institution card.
      ['Upper Valley Workforce Board', '', 'Not marked', 1, 0, 'info'],
      ['Valley Community College', 'Community or technical college', 'Open and connected', 4, 3, 'ok'],
    ]);
    expect(figure(results.figures, 'stackable-programs')).toMatchObject({ value: 3, target: 10 });
    expect(figure(results.figures, 'unfinished-connectors')).toMatchObject({ value: 2, connectionIds: [ids.misdrawn, ids.loose] });
  });
});

describe('career pathways: rules', () => {
  it('finds an on-ramp several steps back, and flags an institution marked open with no link elsewhere', () => {
    const f = fixtureFor(careerPathways);
    const need = f.item('industry-need', { name: 'Machinist' }, { zone: 'needs', x: 40, y: 80 });
    const a = f.item('pathway-program', { name: 'A', institution: 'One', entryPoint: true }, { zone: 'programs', x: 40, y: 80 });
    const b = f.item('pathway-program', { name: 'B', institution: 'One' }, { zone: 'programs', x: 400, y: 80 });
    const c = f.item('pathway-program', { name: 'C', institution: 'One', leadsToJob: true }, { zone: 'programs', x: 800, y: 80 });
    f.item('institution', { name: 'One', openness: 'open' }, { zone: 'institutions', x: 40, y: 80 });
    f.connect('leads-to', a, b);
    f.connect('leads-to', b, c);
    f.connect('answers', c, need);
    const { results } = extractFixture(careerPathways, f.build());
    expect(figure(results.figures, 'missing-on-ramps')).toMatchObject({ status: 'ok', entries: [] });
    expect(figure(results.figures, 'no-industry-link')).toMatchObject({ status: 'ok', entries: [] });
    expect(figure(results.figures, 'institutions')).toMatchObject({ rows: [{ cells: ['One', '', 'Open and connected', 3, 0], status: 'info' }] });
  });

  it('produces every figure, quiet, on an empty board', () => {
    const { results } = extractFixture(careerPathways, fixtureFor(careerPathways).build());
    expect(results.figures.map((f) => [f.id, f.status])).toEqual([
      ['needs-coverage', 'ok'],
      ['no-industry-link', 'ok'],
      ['dead-ends', 'ok'],
      ['missing-on-ramps', 'ok'],
      ['institutions', 'info'],
      ['stackable-programs', 'info'],
      ['unfinished-connectors', 'ok'],
    ]);
  });
});
