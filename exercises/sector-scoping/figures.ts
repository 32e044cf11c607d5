import type { Figure, FigureStatus, ListFigure, ResultItem, TableFigure } from '../../shared/results';
import type { ExtractedBoard } from '../kit/extract';
import { byTitle, endsOf, statusOf, unfinishedConnectors } from '../kit/figureKit';
import { cleanText } from '../kit/text';
import { FOOTPRINT_BASIS, FOOTPRINT_SIZE, JURISDICTIONAL_BASES, SECTOR_ORDER } from './items';

/**
 * Derived figures of sector scoping.
 *
 * Rules:
 *  - Signals of a candidate (the manual's reasons a sector merits joint action), one point each:
 *    wages above the regional average; concentration higher than the state or the nation (the
 *    choice, or else a location quotient above 1); jobs growing; two or more partners already
 *    reaching out to its employers; at least one first-hand "reason to target it" tied to it.
 *  - Ranking: most signals first, then most jobs (unknown last), then name; candidates equal on
 *    both share a rank (1, 1, 3).
 *  - First-hand knowledge and sub-segments count through complete About / Part of arrows (either
 *    direction); other arrows of these kinds are unfinished.
 *  - Footprint: each card is checked for the team's tick that it follows the industry, for being
 *    drawn around a service area or county lines, and for its size.
 */

const text = cleanText;
const ORDER_LABEL = new Map(SECTOR_ORDER.map((o) => [o.value, o.label]));
const BASIS_LABEL = new Map(FOOTPRINT_BASIS.map((o) => [o.value, o.label.toLowerCase()]));
const SIZE_LABEL = new Map(FOOTPRINT_SIZE.map((o) => [o.value, o.label.toLowerCase()]));
const SIGNAL_COUNT = 5;

export interface ScoredCandidate {
  item: ResultItem;
  signals: string[];
  reasons: ResultItem[];
  cautions: ResultItem[];
  jobs: number | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** Each candidate sector with its signals and the first-hand knowledge tied to it, in name order. */
export function scoreCandidates(board: ExtractedBoard): ScoredCandidate[] {
  const knowledge = new Map<string, ResultItem[]>();
  for (const c of board.connectionsOfKind('insight-about')) {
    const ends = endsOf(board, c, ['sector-insight'], ['candidate-sector']);
    if (!ends) continue;
    const list = knowledge.get(ends[1].id) ?? [];
    if (!list.includes(ends[0])) list.push(ends[0]);
    knowledge.set(ends[1].id, list);
  }
  return byTitle(board.ofType('candidate-sector')).map((item) => {
    const f = item.fields;
    const insights = byTitle(knowledge.get(item.id) ?? []);
    const reasons = insights.filter((i) => i.fields.leaning === 'reason');
    const concentrated = f.concentration ? f.concentration !== 'not-above' : (num(f.lq) ?? 0) > 1;
    const signals = [
      f.wages === 'above' && 'wages above average',
      concentrated && 'concentrated here',
      f.trend === 'growing' && 'growing',
      (num(f.partnersReaching) ?? 0) >= 2 && 'several partners knocking',
      reasons.length > 0 && 'first-hand reasons',
    ].filter((s): s is string => typeof s === 'string');
    return { item, signals, reasons, cautions: insights.filter((i) => i.fields.leaning === 'caution'), jobs: num(f.jobs) };
  });
}

function rankedCandidates(scored: ScoredCandidate[]): ListFigure {
  const ordered = [...scored].sort((a, b) => b.signals.length - a.signals.length || (b.jobs ?? -1) - (a.jobs ?? -1));
  let rank = 0;
  const entries = ordered.map((s, i) => {
    const prev = ordered[i - 1];
    if (!prev || prev.signals.length !== s.signals.length || prev.jobs !== s.jobs) rank = i + 1;
    const order = String(s.item.fields.order ?? '');
    const which = s.signals.length ? ` (${s.signals.join(', ')})` : '';
    const jobs = s.jobs !== null ? `; ${s.jobs.toLocaleString('en-US')} jobs` : '; jobs not known';
    const decided = ORDER_LABEL.get(order);
    const entry: ListFigure['entries'][number] = {
      text: `${rank}. ${s.item.title}: ${s.signals.length} of ${SIGNAL_COUNT} signals${which}${jobs}${decided ? `; ${decided.toLowerCase()}` : ''}`,
      itemIds: [s.item.id, ...s.reasons.map((r) => r.id), ...s.cautions.map((c) => c.id)],
    };
    if (order === 'first' || order === 'next') entry.status = 'ok';
    return entry;
  });
  return {
    id: 'ranked-candidates',
    kind: 'list',
    label: 'Candidate sectors, ranked',
    help: `How many of the ${SIGNAL_COUNT} signals each sector shows (wages above average, concentrated here, growing, several partners already knocking, first-hand reasons to target it); ties are broken by jobs and share a rank. A guide for the discussion, not the decision.`,
    status: 'info',
    entries,
    empty: 'No candidate sector on the board yet.',
  };
}

function firstAndNext(scored: ScoredCandidate[]): ListFigure {
  const entries: ListFigure['entries'] = [];
  for (const [value, label, missing] of [
    ['first', 'First', 'No sector marked First yet: agree where the partnership starts.'],
    ['next', 'Next', 'No sector marked Next yet.'],
  ] as const) {
    const chosen = scored.filter((s) => s.item.fields.order === value);
    if (chosen.length === 0) entries.push({ text: missing, status: value === 'first' ? 'warn' : 'info' });
    else if (chosen.length === 1) entries.push({ text: `${label}: ${chosen[0].item.title}`, status: 'ok', itemIds: [chosen[0].item.id] });
    else entries.push({ text: `${label}: ${chosen.map((s) => s.item.title).join(', ')} (${chosen.length} sectors; agree on one)`, status: 'warn', itemIds: chosen.map((s) => s.item.id) });
  }
  const status: FigureStatus = entries.some((e) => e.status === 'warn') ? 'warn' : entries.some((e) => e.status === 'info') ? 'info' : 'ok';
  return {
    id: 'first-and-next',
    kind: 'list',
    label: 'First and next sector',
    help: 'The sector the partnership starts with and the one it turns to next, as marked on the cards.',
    status: scored.length ? status : 'info',
    entries: scored.length ? entries : [],
    empty: 'No candidate sector on the board yet.',
  };
}

function dataGaps(scored: ScoredCandidate[]): ListFigure {
  const entries: ListFigure['entries'] = [];
  for (const s of scored) {
    const f = s.item.fields;
    const gaps = [
      s.jobs === null && 'jobs',
      num(f.averageWage) === null && !f.wages && 'wages',
      !f.trend && 'jobs trend',
      num(f.lq) === null && !f.concentration && 'concentration',
      num(f.partnersReaching) === null && 'partners reaching out',
      !text(f.dataSource) && 'data source',
      s.reasons.length + s.cautions.length === 0 && 'first-hand knowledge',
    ].filter((g): g is string => typeof g === 'string');
    if (gaps.length) entries.push({ text: `${s.item.title}: no ${gaps.join(', no ')}`, status: 'warn', itemIds: [s.item.id] });
  }
  return {
    id: 'data-gaps',
    kind: 'list',
    label: 'Gaps in the data',
    help: 'What each candidate still lacks: a figure from the data, its source, or anything a partner knows first-hand.',
    status: statusOf(entries),
    entries,
    empty: 'Every candidate has its data, a source and first-hand knowledge.',
  };
}

function workingDefinitions(board: ExtractedBoard, scored: ScoredCandidate[]): TableFigure {
  const segments = new Map<string, ResultItem[]>();
  const tied = new Set<string>();
  for (const c of board.connectionsOfKind('segment-of')) {
    const ends = endsOf(board, c, ['sector-segment'], ['candidate-sector']);
    if (!ends) continue;
    tied.add(ends[0].id);
    const list = segments.get(ends[1].id) ?? [];
    if (!list.includes(ends[0])) list.push(ends[0]);
    segments.set(ends[1].id, list);
  }
  const counts = (list: ResultItem[]) => ['in', 'margin', 'out'].map((v) => list.filter((s) => s.fields.scope === v).length);
  const rows: TableFigure['rows'] = [];
  const orderRank = (s: ScoredCandidate) => ['first', 'next'].indexOf(String(s.item.fields.order)) >>> 0;
  for (const s of [...scored].sort((a, b) => orderRank(a) - orderRank(b))) {
    const order = String(s.item.fields.order ?? '');
    const list = segments.get(s.item.id) ?? [];
    if (order !== 'first' && order !== 'next' && list.length === 0) continue;
    const defined = text(s.item.fields.definition) !== '';
    const row: TableFigure['rows'][number] = {
      key: s.item.id,
      cells: [s.item.title, ORDER_LABEL.get(order) ?? 'Not decided', defined ? 'Yes' : 'No', ...counts(list)],
      itemIds: [s.item.id, ...byTitle(list).map((x) => x.id)],
    };
    if (order === 'first' && !defined) row.status = 'warn';
    rows.push(row);
  }
  const loose = byTitle(board.ofType('sector-segment').filter((x) => !tied.has(x.id)));
  if (loose.length) rows.push({ key: 'not-tied', cells: ['Not tied to a sector', '', '', ...counts(loose)], status: 'info', itemIds: loose.map((x) => x.id) });
  return {
    id: 'working-definitions',
    kind: 'table',
    label: 'Working definitions',
    help: 'For the first and next sectors (then any other with sub-segments): whether a working definition is written, and the sub-segments kept in, at the margin and left out.',
    status: rows.some((r) => r.status === 'warn') ? 'warn' : 'ok',
    columns: ['Sector', 'Order', 'Definition written', 'In', 'At the margin', 'Left out'],
    rows,
  };
}

function footprintCheck(board: ExtractedBoard): ListFigure {
  const entries = byTitle(board.ofType('footprint')).map((fp) => {
    const f = fp.fields;
    const problems: string[] = [];
    const notes: string[] = [];
    const basis = String(f.basis ?? '');
    if (JURISDICTIONAL_BASES.has(basis)) problems.push(`drawn around ${BASIS_LABEL.get(basis)}, not the industry`);
    else if (basis) notes.push(`drawn around ${BASIS_LABEL.get(basis)}`);
    if (f.followsIndustry === true) notes.push('checked: follows the industry');
    else problems.push('not yet checked against where the industry is');
    const size = String(f.size ?? '');
    if (size === 'too-small' || size === 'too-big') problems.push(SIZE_LABEL.get(size)!);
    else if (size === 'right') notes.push('size about right');
    else problems.push('size not judged');
    return { text: `${fp.title}: ${[...problems, ...notes].join('; ')}`, status: (problems.length ? 'warn' : 'ok') as FigureStatus, itemIds: [fp.id] };
  });
  return {
    id: 'footprint-check',
    kind: 'list',
    label: 'Footprint check',
    help: 'The area should follow where the sector’s companies and workers are, not jurisdictions or service areas, and be neither too small nor too big.',
    status: entries.length === 0 ? 'info' : entries.some((e) => e.status === 'warn') ? 'warn' : 'ok',
    entries,
    empty: 'No footprint drawn yet.',
  };
}

export function figures(board: ExtractedBoard): Figure[] {
  const scored = scoreCandidates(board);
  return [
    rankedCandidates(scored),
    firstAndNext(scored),
    dataGaps(scored),
    workingDefinitions(board, scored),
    footprintCheck(board),
    unfinishedConnectors(
      board,
      [
        { kind: 'insight-about', from: ['sector-insight'], to: ['candidate-sector'] },
        { kind: 'segment-of', from: ['sector-segment'], to: ['candidate-sector'] },
      ],
      'About and Part of arrows with a loose end, or not joining a knowledge or sub-segment card to a candidate sector: they are left out of the figures above.',
    ),
  ];
}
