import type { Figure, FigureStatus, ListFigure, NumberFigure, ResultItem, TableFigure } from '../../shared/results';
import type { ExtractedBoard } from '../kit/extract';
import { byTitle, statusOf } from '../kit/figureKit';
import { cleanText, compareText } from '../kit/text';
import { METRIC_CATEGORIES, METRIC_KINDS } from './items';
import { cellZoneId } from './template';

/**
 * Derived figures of the success metrics.
 *
 * Rules:
 *  - The cell a metric sits in gives its category and kind; outside the grid its two fields
 *    count (either may be unknown).
 *  - A metric is complete when it has a baseline, a target, a data source and an owner.
 *  - Owners and data sources are matched with case and runs of spaces ignored, shown as first
 *    written (cards in name order).
 */

const text = cleanText;
/** Short category names for table rows (the side panel is narrow). */
const SHORT: Record<string, string> = { business: 'Business and industry', jobseekers: 'Jobseekers and students', public: 'Public programs' };
const CELL = new Map(METRIC_CATEGORIES.flatMap((c) => METRIC_KINDS.map((k) => [cellZoneId(c.value, k.value), { category: c.value, kind: k.value }] as const)));
const DETAILS = [
  ['baseline', 'baseline'],
  ['target', 'target'],
  ['dataSource', 'data source'],
  ['owner', 'owner'],
] as const;

/** The category and kind a metric counts in ('' when unknown). */
export function placeOf(metric: ResultItem): { category: string; kind: string } {
  return CELL.get(metric.zoneId ?? '') ?? { category: String(metric.fields.category ?? ''), kind: String(metric.fields.kind ?? '') };
}

const missingDetails = (m: ResultItem): string[] => DETAILS.filter(([key]) => !text(m.fields[key])).map(([, label]) => label);
export const isComplete = (m: ResultItem): boolean => missingDetails(m).length === 0;

function metricsGrid(metrics: ResultItem[]): TableFigure {
  const rows = METRIC_CATEGORIES.map((c) => {
    const here = metrics.filter((m) => placeOf(m).category === c.value);
    const process = here.filter((m) => placeOf(m).kind === 'process').length;
    const impact = here.filter((m) => placeOf(m).kind === 'impact').length;
    return {
      key: c.value,
      cells: [SHORT[c.value], process, impact, here.filter(isComplete).length],
      status: (process && impact ? 'ok' : 'warn') as FigureStatus,
      itemIds: byTitle(here).map((m) => m.id),
    };
  });
  return {
    id: 'metrics-grid',
    kind: 'table',
    label: 'Metrics by category',
    help: 'Every category needs both process metrics (what the partnership does) and impact metrics (what changes because of it); complete means baseline, target, source and owner are all set.',
    status: rows.some((r) => r.status === 'warn') ? 'warn' : 'ok',
    columns: ['Category', 'Process', 'Impact', 'Complete'],
    rows,
  };
}

function incompleteMetrics(metrics: ResultItem[]): ListFigure {
  const entries = byTitle(metrics)
    .filter((m) => !isComplete(m))
    .map((m) => ({ text: `${m.title}: no ${missingDetails(m).join(', no ')}`, status: 'warn' as FigureStatus, itemIds: [m.id] }));
  return {
    id: 'incomplete-metrics',
    kind: 'list',
    label: 'Metrics still missing details',
    help: 'A metric can only be reported once it has a baseline, a target, a data source and an owner.',
    status: statusOf(entries),
    entries,
    empty: 'Every metric has its baseline, target, source and owner.',
  };
}

function metricsReady(metrics: ResultItem[]): NumberFigure {
  const complete = byTitle(metrics.filter(isComplete));
  return {
    id: 'metrics-ready',
    kind: 'number',
    label: 'Metrics ready to track',
    help: 'Metrics with a baseline, a target, a data source and an owner, out of all the metrics on the board.',
    value: complete.length,
    target: metrics.length,
    status: metrics.length === 0 ? 'info' : complete.length === metrics.length ? 'ok' : 'info',
    itemIds: complete.map((m) => m.id),
  };
}

function groupedBy(metrics: ResultItem[], key: 'owner' | 'dataSource', id: string, label: string, column: string, none: string, help: string): TableFigure {
  const groups = new Map<string, { label: string; items: ResultItem[] }>();
  for (const m of byTitle(metrics)) {
    const value = text(m.fields[key]);
    const k = value.toLowerCase();
    const g = groups.get(k) ?? { label: value || none, items: [] };
    g.items.push(m);
    groups.set(k, g);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : compareText(a, b)));
  const rows = keys.map((k) => {
    const g = groups.get(k)!;
    const row: TableFigure['rows'][number] = { key: k || 'not-set', cells: [g.label, g.items.length], itemIds: g.items.map((m) => m.id) };
    if (k === '') row.status = key === 'owner' ? 'warn' : 'info';
    return row;
  });
  return { id, kind: 'table', label, help, status: rows.some((r) => r.status === 'warn') ? 'warn' : 'info', columns: [column, 'Metrics'], rows };
}

export function figures(board: ExtractedBoard): Figure[] {
  const metrics = board.ofType('metric');
  return [
    metricsGrid(metrics),
    metricsReady(metrics),
    incompleteMetrics(metrics),
    groupedBy(metrics, 'owner', 'metrics-by-owner', 'Metrics by owner', 'Owner', 'No owner', 'Who collects and reports each metric; a long list on one person is a risk, a metric with no owner will not be reported.'),
    groupedBy(metrics, 'dataSource', 'data-sources', 'Data sources', 'Source', 'Source not named', 'Where the numbers come from: sources several metrics share are worth agreeing on once, as shared measurement.'),
  ];
}
