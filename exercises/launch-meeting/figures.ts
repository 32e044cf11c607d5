import type { Figure, FigureStatus, ListFigure, NumberFigure, ResultItem, TableFigure } from '../../shared/results';
import type { ExtractedBoard } from '../kit/extract';
import { byTitle, endsOf, unfinishedConnectors } from '../kit/figureKit';
import { cleanText, shorten } from '../kit/text';
import { REQUIREMENT_KINDS } from './items';

/**
 * Derived figures of the launch meeting.
 *
 * Rules:
 *  - A requirement belongs to the opportunities it has a complete Needed for arrow with (either
 *    direction). A champion commits to an opportunity directly, or through a requirement of it.
 *  - Shared priorities are the opportunities ticked as such; three to five is the aim.
 *  - The executive summary is drafted from the board: the meeting record (the first by title),
 *    the shared priorities with their requirements (priority ones first) and champions, and the
 *    next steps (Action cards with text).
 */

const text = cleanText;
export const PRIORITY_RANGE = { min: 3, max: 5 } as const;

export interface PriorityLinks {
  opportunity: ResultItem;
  requirements: ResultItem[];
  champions: ResultItem[];
}

/** Each opportunity with its requirements and champions (direct or through a requirement). */
export function linkOpportunities(board: ExtractedBoard): Map<string, PriorityLinks> {
  const out = new Map<string, PriorityLinks>();
  for (const o of byTitle(board.ofType('opportunity'))) out.set(o.id, { opportunity: o, requirements: [], champions: [] });
  const opportunitiesOf = new Map<string, string[]>();
  for (const c of board.connectionsOfKind('needed-for')) {
    const ends = endsOf(board, c, ['requirement'], ['opportunity']);
    if (!ends) continue;
    const links = out.get(ends[1].id)!;
    if (!links.requirements.includes(ends[0])) links.requirements.push(ends[0]);
    opportunitiesOf.set(ends[0].id, [...(opportunitiesOf.get(ends[0].id) ?? []), ends[1].id]);
  }
  for (const c of board.connectionsOfKind('commits-to')) {
    const ends = endsOf(board, c, ['champion'], ['opportunity', 'requirement']);
    if (!ends) continue;
    const targets = ends[1].type === 'opportunity' ? [ends[1].id] : (opportunitiesOf.get(ends[1].id) ?? []);
    for (const t of targets) {
      const links = out.get(t)!;
      if (!links.champions.includes(ends[0])) links.champions.push(ends[0]);
    }
  }
  for (const links of out.values()) {
    links.requirements = byTitle(links.requirements).sort((a, b) => Number(b.fields.priority === true) - Number(a.fields.priority === true));
    links.champions = byTitle(links.champions);
  }
  return out;
}

function sharedPriorities(priorities: PriorityLinks[]): TableFigure {
  const rows = priorities.map((p) => {
    const ok = p.requirements.length > 0 && p.champions.length > 0;
    return {
      key: p.opportunity.id,
      cells: [p.opportunity.title, p.requirements.length, p.requirements.filter((r) => r.fields.priority === true).length, p.champions.length],
      status: (ok ? 'ok' : 'warn') as FigureStatus,
      itemIds: [p.opportunity.id, ...p.requirements.map((r) => r.id), ...p.champions.map((c) => c.id)],
    };
  });
  return {
    id: 'shared-priorities',
    kind: 'table',
    label: 'Shared priorities',
    help: 'The opportunities the employers chose, what it takes to seize each and the champions who carry it: the employers’ own agenda, and the priority areas of the task forces.',
    status: rows.some((r) => r.status === 'warn') ? 'warn' : 'ok',
    columns: ['Shared priority', 'Needs', 'Priority needs', 'Champions'],
    rows,
  };
}

function priorityCount(priorities: PriorityLinks[], opportunities: number): NumberFigure {
  const n = priorities.length;
  return {
    id: 'priority-count',
    kind: 'number',
    label: 'Shared priorities chosen',
    help: `Three to five shared priorities give the partnership a focused agenda: fewer leaves employers out, more spreads the task forces thin.`,
    value: n,
    target: PRIORITY_RANGE.min,
    status: n >= PRIORITY_RANGE.min && n <= PRIORITY_RANGE.max ? 'ok' : opportunities === 0 ? 'info' : 'warn',
    itemIds: priorities.map((p) => p.opportunity.id),
  };
}

function requirementsByKind(requirements: ResultItem[]): TableFigure {
  const options = [...REQUIREMENT_KINDS, { value: '', label: 'Kind not set' }];
  const rows: TableFigure['rows'] = [];
  for (const o of options) {
    const list = requirements.filter((r) => String(r.fields.kind ?? '') === o.value);
    if (list.length === 0) continue;
    rows.push({ key: o.value || 'not-set', cells: [o.label, list.length, list.filter((r) => r.fields.priority === true).length], itemIds: byTitle(list).map((r) => r.id) });
  }
  return {
    id: 'requirements-by-kind',
    kind: 'table',
    label: 'Requirements by kind',
    help: 'Most requirements are usually about people and training, some about transport, technology, regulation or markets: each kind needs different support partners.',
    status: 'info',
    columns: ['Kind', 'Requirements', 'Priority'],
    rows,
  };
}

function championCommitments(board: ExtractedBoard, links: Map<string, PriorityLinks>): ListFigure {
  const committedTo = new Map<string, string[]>();
  for (const l of links.values()) for (const c of l.champions) committedTo.set(c.id, [...(committedTo.get(c.id) ?? []), l.opportunity.title]);
  const entries = byTitle(board.ofType('champion')).map((c) => {
    const step = text(c.fields.nextStep);
    const to = committedTo.get(c.id) ?? [];
    const company = text(c.fields.company);
    const parts = [to.length ? `for ${to.join(', ')}` : 'not tied to a priority', step ? `next step: ${shorten(step)}` : 'no next step yet', c.fields.leads === true ? 'will lead a task force' : ''].filter(Boolean);
    return { text: `${c.title}${company ? ` (${company})` : ''}: ${parts.join('; ')}`, status: (to.length && step ? 'ok' : 'warn') as FigureStatus, itemIds: [c.id] };
  });
  return {
    id: 'champions',
    kind: 'list',
    label: 'Champions and their next steps',
    help: 'Every champion should be tied to a priority and have a concrete step to take after the meeting.',
    status: entries.some((e) => e.status === 'warn') ? 'warn' : entries.length ? 'ok' : 'info',
    entries,
    empty: 'No champion has stepped forward yet.',
  };
}

function criticalMass(records: ResultItem[]): NumberFigure {
  const leaders = records.map((r) => r.fields.businessLeaders).filter((v): v is number => typeof v === 'number');
  return {
    id: 'business-leaders-present',
    kind: 'number',
    label: 'Business leaders at the launch',
    help: 'How many business leaders came (from the meeting record): enough of them to speak for the sector is the critical mass the launch needs.',
    value: leaders.reduce((n, x) => n + x, 0),
    status: 'info',
    itemIds: records.map((r) => r.id),
  };
}

function nextStepLine(a: ResultItem): string {
  const who = text(a.fields.owner);
  const due = text(a.fields.due);
  const meta = [who, due].filter(Boolean).join(', ');
  return `${shorten(text(a.fields.text))}${meta ? ` (${meta})` : ' (no owner yet)'}`;
}

function executiveSummary(priorities: PriorityLinks[], records: ResultItem[], actions: ResultItem[]): ListFigure {
  const record = byTitle(records)[0];
  const entries: ListFigure['entries'] = [];
  if (record) {
    const f = record.fields;
    const who = [typeof f.businessLeaders === 'number' ? `${f.businessLeaders} business leaders` : '', typeof f.companies === 'number' ? `from ${f.companies} companies` : ''].filter(Boolean).join(' ');
    entries.push({ text: `${record.title}${text(f.date) ? `, ${text(f.date)}` : ''}${who ? `: ${who}` : ''}.`, itemIds: [record.id] });
  }
  if (priorities.length) entries.push({ text: `Shared priorities: ${priorities.map((p) => p.opportunity.title).join('; ')}.`, itemIds: priorities.map((p) => p.opportunity.id) });
  for (const p of priorities) {
    const needs = p.requirements.map((r) => (r.fields.priority === true ? `${r.title} (priority)` : r.title));
    const parts = [needs.length ? `needs ${needs.join(', ')}` : 'requirements still to define', p.champions.length ? `champions: ${p.champions.map((c) => c.title).join(', ')}` : 'no champion yet'];
    const entry: ListFigure['entries'][number] = { text: `${p.opportunity.title}: ${parts.join('; ')}.`, itemIds: [p.opportunity.id] };
    if (!p.champions.length) entry.status = 'warn';
    entries.push(entry);
  }
  const steps = byTitle(actions.filter((a) => text(a.fields.text)));
  if (steps.length) entries.push({ text: `Next steps: ${steps.map(nextStepLine).join('; ')}.`, itemIds: steps.map((a) => a.id) });
  const sent = record ? text(record.fields.summarySent) : '';
  if (entries.length) entries.push(sent ? { text: `Sent to the business members on ${sent}.`, status: 'ok' } : { text: 'Not sent to the business members yet.', status: 'warn' });
  return {
    id: 'executive-summary',
    kind: 'list',
    label: 'Executive summary to send',
    help: 'A draft of the summary for the business members, built from the board: check it, send it straight after the meeting and note the date on the meeting record.',
    status: entries.some((e) => e.status === 'warn') ? 'warn' : entries.length ? 'ok' : 'info',
    entries,
    empty: 'Nothing to summarise yet.',
  };
}

export function figures(board: ExtractedBoard): Figure[] {
  const links = linkOpportunities(board);
  const priorities = [...links.values()].filter((l) => l.opportunity.fields.sharedPriority === true);
  const records = board.ofType('launch-record');
  const actions = board.ofType('action');
  return [
    sharedPriorities(priorities),
    priorityCount(priorities, links.size),
    requirementsByKind(board.ofType('requirement')),
    championCommitments(board, links),
    criticalMass(records),
    executiveSummary(priorities, records, actions),
    unfinishedConnectors(
      board,
      [
        { kind: 'needed-for', from: ['requirement'], to: ['opportunity'] },
        { kind: 'commits-to', from: ['champion'], to: ['opportunity', 'requirement'] },
      ],
      'Needed for and Commits to arrows with a loose end or joining the wrong cards (a requirement to an opportunity; a champion to an opportunity or a requirement): they are left out of the figures above.',
    ),
  ];
}
