import { describe, expect, it } from 'vitest';
import type { Figure } from '../../shared/results';
import { exerciseRecords } from '../kit/seed';
import { expectValidRecords, extractFixture, fixtureFor } from '../kit/testing';
import { successMetricsFixture } from './fixtures';
import { successMetrics } from './index';
import { SAMPLE_METRICS } from './starters';
import { cellZoneId } from './template';

const figure = (figures: Figure[], id: string) => figures.find((f) => f.id === id)!;

describe('a new success-metrics board', () => {
  it('starts with the manual’s sample metrics in all six cells of the grid', () => {
    const records = exerciseRecords(successMetrics);
    expectValidRecords(records);
    const { results } = extractFixture(successMetrics, records);
    expect(results.items).toHaveLength(16);
    const byZone = new Map<string, string[]>();
    for (const i of results.items) byZone.set(i.zoneId!, [...(byZone.get(i.zoneId!) ?? []), i.title]);
    for (const [zone, names] of Object.entries(SAMPLE_METRICS)) expect(byZone.get(zone)?.sort(), zone).toEqual([...names].sort());
    expect(figure(results.figures, 'metrics-grid')).toMatchObject({
      status: 'ok',
      rows: [
        { key: 'business', cells: ['Business and industry', 3, 3, 0] },
        { key: 'jobseekers', cells: ['Jobseekers and students', 3, 3, 0] },
        { key: 'public', cells: ['Public programs', 2, 2, 0] },
      ],
    });
    expect(figure(results.figures, 'metrics-ready')).toMatchObject({ value: 0, target: 16 });
  });
});

describe('success metrics on the Three Rivers board', () => {
  const { records, ids } = successMetricsFixture();
  const { results } = extractFixture(successMetrics, records);

  it('builds records a client accepts', () => {
    expectValidRecords(records);
    expect(results.items).toHaveLength(16);
  });

  it('counts process and impact metrics per category and flags an empty cell', () => {
    expect(figure(results.figures, 'metrics-grid')).toMatchObject({
      status: 'warn',
      rows: [
        // The supplier metric outside the grid counts as business impact by its fields.
        { key: 'business', cells: ['Business and industry', 2, 5, 2], status: 'ok' },
        { key: 'jobseekers', cells: ['Jobseekers and students', 3, 4, 3], status: 'ok' },
        { key: 'public', cells: ['Public programs', 2, 0, 0], status: 'warn', itemIds: [ids.grants, ids.shared] },
      ],
    });
    expect(figure(results.figures, 'metrics-ready')).toMatchObject({ value: 5, target: 16, itemIds: [ids.apprentices, ids.engaged, ids.timeToHire, ids.suppliers, ids.programs] });
  });

  it('lists what each metric still lacks', () => {
    const entries = (figure(results.figures, 'incomplete-metrics') as { entries: { text: string }[] }).entries.map((e) => e.text);
    expect(entries).toHaveLength(11);
    expect(entries).toContain('Business investment, in kind and in dollars: no data source');
    expect(entries).toContain('Joint projects or grants backing the partnership: no baseline, no target, no owner');
    expect(entries).toContain('Metric: no baseline, no target, no data source, no owner');
  });

  it('groups metrics by owner and by data source, whatever the case and spacing', () => {
    const owners = figure(results.figures, 'metrics-by-owner') as { status: string; rows: { cells: unknown[]; status?: string }[] };
    expect(owners.status).toBe('warn');
    expect(owners.rows.map((r) => r.cells)).toEqual([
      ['Ann (chamber)', 2],
      ['Lena (college)', 3],
      ['Tom (workforce board)', 2],
      ['No owner', 9],
    ]);
    const sources = figure(results.figures, 'data-sources') as { rows: { cells: unknown[] }[] };
    expect(sources.rows.find((r) => r.cells[0] === 'State wage records')?.cells).toEqual(['State wage records', 2]);
  });
});

describe('success metrics: rules', () => {
  it('reads a metric outside the grid by its fields, and the cell wins over the fields inside it', () => {
    const f = fixtureFor(successMetrics);
    const inside = f.item('metric', { name: 'A', category: 'public', kind: 'impact' }, { zone: cellZoneId('business', 'process'), x: 30, y: 70 });
    f.item('metric', { name: 'B' }, { x: -2000, y: 0 });
    const grid = figure(extractFixture(successMetrics, f.build()).results.figures, 'metrics-grid') as { rows: { cells: unknown[]; itemIds?: string[] }[] };
    expect(grid.rows.map((r) => r.cells.slice(1))).toEqual([
      [1, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(grid.rows[0].itemIds).toEqual([inside]);
  });
});
