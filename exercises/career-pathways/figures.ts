import type { Figure, FigureStatus, ListFigure, NumberFigure, ResultItem, TableFigure } from '../../shared/results';
import type { ExtractedBoard } from '../kit/extract';
import { byTitle, endsOf, statusOf, unfinishedConnectors, yesNo } from '../kit/figureKit';
import { cleanText, compareText } from '../kit/text';
import { INSTITUTION_TYPES } from './items';

/**
 * Derived figures of career pathway systems.
 *
 * Rules:
 *  - Links count when complete: Leads to between two different programs (in the direction
 *    drawn), Answers between a program and an industry need (either direction).
 *  - Industry link: a program with an Answers arrow to some need, or one that leads step by step
 *    to such a program.
 *  - Dead end: a program that leads to no other program and does not lead straight to a job.
 *  - On-ramps: for each need, the programs answering it and every program that leads to them,
 *    step by step; the need has an on-ramp when one of those is open to beginners. A need no
 *    program answers has no pathway at all.
 *  - Institution of a program: its institution text matched to an Institution card's name with
 *    case and runs of spaces ignored; programs naming an institution with no card still form a
 *    row ("not marked"). A cross-institution link is a Leads to between programs of two
 *    different institutions.
 */

const text = cleanText;
const TYPE_LABEL = new Map(INSTITUTION_TYPES.map((t) => [t.value, t.label]));
const key = (s: string) => s.toLowerCase();

export interface PathwayGraph {
  programs: ResultItem[];
  next: Map<string, Set<string>>;
  previous: Map<string, Set<string>>;
  answers: Map<string, Set<string>>;
  answeredBy: Map<string, Set<string>>;
}

const add = (m: Map<string, Set<string>>, a: string, b: string) => {
  const s = m.get(a);
  if (s) s.add(b);
  else m.set(a, new Set([b]));
};

/** The programs and their links: next / previous programs, needs answered and who answers each need. */
export function pathwayGraph(board: ExtractedBoard): PathwayGraph {
  const g: PathwayGraph = { programs: byTitle(board.ofType('pathway-program')), next: new Map(), previous: new Map(), answers: new Map(), answeredBy: new Map() };
  for (const c of board.connectionsOfKind('leads-to')) {
    const from = c.fromId ? board.byId.get(c.fromId) : undefined;
    const to = c.toId ? board.byId.get(c.toId) : undefined;
    if (!c.complete || !from || !to || from.id === to.id || from.type !== 'pathway-program' || to.type !== 'pathway-program') continue;
    add(g.next, from.id, to.id);
    add(g.previous, to.id, from.id);
  }
  for (const c of board.connectionsOfKind('answers')) {
    const ends = endsOf(board, c, ['pathway-program'], ['industry-need']);
    if (!ends) continue;
    add(g.answers, ends[0].id, ends[1].id);
    add(g.answeredBy, ends[1].id, ends[0].id);
  }
  return g;
}

/** Every program that leads, directly or step by step, to one of `start` (the start included). */
function upstream(g: PathwayGraph, start: Iterable<string>): Set<string> {
  const seen = new Set<string>(start);
  const queue = [...seen];
  while (queue.length) {
    for (const p of g.previous.get(queue.pop()!) ?? []) {
      if (seen.has(p)) continue;
      seen.add(p);
      queue.push(p);
    }
  }
  return seen;
}

/** Programs that answer a need, or lead step by step to one that does. */
function industryLinked(g: PathwayGraph): Set<string> {
  return upstream(g, g.programs.filter((p) => g.answers.has(p.id)).map((p) => p.id));
}

function noIndustryLink(g: PathwayGraph): ListFigure {
  const linked = industryLinked(g);
  const entries = g.programs.filter((p) => !linked.has(p.id)).map((p) => ({ text: `${p.title}${text(p.fields.institution) ? ` (${text(p.fields.institution)})` : ''}`, status: 'warn' as FigureStatus, itemIds: [p.id] }));
  return {
    id: 'no-industry-link',
    kind: 'list',
    label: 'Programs with no industry link',
    help: 'Programs that neither answer an industry need nor lead, step by step, to a program that does: either a link is missing on the board, or the program is not built on what employers need.',
    status: statusOf(entries),
    entries,
    empty: 'Every program leads to an industry need.',
  };
}

function deadEnds(g: PathwayGraph): ListFigure {
  const entries = g.programs
    .filter((p) => !g.next.has(p.id) && p.fields.leadsToJob !== true)
    .map((p) => ({ text: `${p.title}${text(p.fields.credential) ? `: ${text(p.fields.credential)}` : ''}, then nowhere`, status: 'warn' as FigureStatus, itemIds: [p.id] }));
  return {
    id: 'dead-ends',
    kind: 'list',
    label: 'Dead ends',
    help: 'Programs that lead neither to a next program nor straight to a job: people finish them with nowhere to go.',
    status: statusOf(entries),
    entries,
    empty: 'Every program leads on, or to a job.',
  };
}

function missingOnRamps(board: ExtractedBoard, g: PathwayGraph): ListFigure {
  const byId = new Map(g.programs.map((p) => [p.id, p]));
  const entries: ListFigure['entries'] = [];
  for (const need of byTitle(board.ofType('industry-need'))) {
    const direct = g.answeredBy.get(need.id);
    if (!direct?.size) {
      entries.push({ text: `${need.title}: no program prepares people for it`, status: 'warn', itemIds: [need.id] });
      continue;
    }
    const reach = upstream(g, direct);
    if (![...reach].some((id) => byId.get(id)?.fields.entryPoint === true)) {
      entries.push({ text: `${need.title}: no program on the way to it is open to beginners`, status: 'warn', itemIds: [need.id, ...byTitle([...reach].map((id) => byId.get(id)!)).map((p) => p.id)] });
    }
  }
  return {
    id: 'missing-on-ramps',
    kind: 'list',
    label: 'Missing on-ramps',
    help: 'Industry needs that someone starting out cannot reach: no program prepares for them, or none of the programs leading to them takes beginners.',
    status: statusOf(entries),
    entries,
    empty: 'Every need has a way in for beginners.',
  };
}

function institutions(board: ExtractedBoard, g: PathwayGraph): TableFigure {
  const cards = new Map<string, ResultItem>();
  for (const i of byTitle(board.ofType('institution'))) if (!cards.has(key(text(i.fields.name)))) cards.set(key(text(i.fields.name)), i);
  const institutionOf = new Map(g.programs.map((p) => [p.id, key(text(p.fields.institution))]));
  const names = new Map<string, string>();
  for (const [k, i] of cards) if (k) names.set(k, text(i.fields.name));
  for (const p of g.programs) {
    const k = institutionOf.get(p.id)!;
    if (k && !names.has(k)) names.set(k, text(p.fields.institution));
  }
  const rows = [...names.keys()].sort(compareText).map((k) => {
    const card = cards.get(k);
    const programs = g.programs.filter((p) => institutionOf.get(p.id) === k);
    let cross = 0;
    for (const p of programs) {
      for (const n of g.next.get(p.id) ?? []) if (institutionOf.get(n) !== k) cross++;
      for (const n of g.previous.get(p.id) ?? []) if (institutionOf.get(n) !== k) cross++;
    }
    const openness = String(card?.fields.openness ?? '');
    const status: FigureStatus = openness === 'closed' ? 'warn' : openness === 'open' ? (cross ? 'ok' : 'info') : 'info';
    return {
      key: k,
      cells: [names.get(k)!, TYPE_LABEL.get(String(card?.fields.type ?? '')) ?? '', openness === 'closed' ? 'Closed system' : openness === 'open' ? 'Open and connected' : 'Not marked', programs.length, cross],
      status,
      itemIds: [...(card ? [card.id] : []), ...programs.map((p) => p.id)],
    };
  });
  return {
    id: 'institutions',
    kind: 'table',
    label: 'Institutions',
    help: 'How each institution operates, its programs on the map, and its links to programs elsewhere; a closed system, or one marked open with no link to any other institution, is where people get stuck.',
    status: rows.some((r) => r.status === 'warn') ? 'warn' : 'info',
    columns: ['Institution', 'Type', 'Operates as', 'Programs', 'Links to other institutions'],
    rows,
  };
}

function needsCoverage(board: ExtractedBoard, g: PathwayGraph): TableFigure {
  const byId = new Map(g.programs.map((p) => [p.id, p]));
  const rows = byTitle(board.ofType('industry-need')).map((need) => {
    const direct = [...(g.answeredBy.get(need.id) ?? [])];
    const reach = upstream(g, direct);
    const onRamp = [...reach].some((id) => byId.get(id)?.fields.entryPoint === true);
    const places = new Set([...reach].map((id) => key(text(byId.get(id)?.fields.institution))).filter(Boolean));
    return {
      key: need.id,
      cells: [need.title, direct.length, reach.size, places.size, yesNo(onRamp)],
      status: (direct.length && onRamp ? 'ok' : 'warn') as FigureStatus,
      itemIds: [need.id, ...byTitle([...reach].map((id) => byId.get(id)!)).map((p) => p.id)],
    };
  });
  return {
    id: 'needs-coverage',
    kind: 'table',
    label: 'Pathways to each need',
    help: 'For each industry need: the programs answering it, all the programs on the way to it, how many institutions those span, and whether a beginner can get on (an on-ramp).',
    status: rows.some((r) => r.status === 'warn') ? 'warn' : 'ok',
    columns: ['Industry need', 'Answering', 'On the way', 'Institutions', 'On-ramp'],
    rows,
  };
}

function stackable(g: PathwayGraph): NumberFigure {
  const list = g.programs.filter((p) => p.fields.stackable === true);
  return {
    id: 'stackable-programs',
    kind: 'number',
    label: 'Stackable programs',
    help: 'Programs whose credential or credits stack into a further credential, out of all programs on the map.',
    value: list.length,
    target: g.programs.length,
    status: 'info',
    itemIds: list.map((p) => p.id),
  };
}

export function figures(board: ExtractedBoard): Figure[] {
  const g = pathwayGraph(board);
  return [
    needsCoverage(board, g),
    noIndustryLink(g),
    deadEnds(g),
    missingOnRamps(board, g),
    institutions(board, g),
    stackable(g),
    unfinishedConnectors(
      board,
      [
        { kind: 'leads-to', from: ['pathway-program'], to: ['pathway-program'] },
        { kind: 'answers', from: ['pathway-program'], to: ['industry-need'] },
      ],
      'Leads to and Answers arrows with a loose end or joining the wrong cards (program to program; program to industry need): they are left out of the figures above.',
    ),
  ];
}
