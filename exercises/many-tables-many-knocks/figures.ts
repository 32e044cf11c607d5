import type { ExtractedBoard } from '../kit/extract';
import type { FieldValue, Figure, FigureStatus, ListFigure, ResultConnection, ResultItem, TableFigure } from '../../shared/results';
import { CONVENER_TYPES } from './items';
import { knockName, nameKey, splitBusinesses } from './names';
import { statusOf } from '../kit/figureKit';

/**
 * Derived figures of Many Tables, Many Knocks. Every figure counts items of its type wherever
 * they sit on the board (a card outside every zone still counts). Connectors count only when both
 * ends are bound to items of the right type; the rest are reported as unfinished.
 * Every pass is linear in items + connections.
 */

const text = (v: FieldValue | undefined): string => (typeof v === 'string' ? v.trim() : '');

export { knockName, nameKey, splitBusinesses, type BusinessName } from './names';

const byName = (a: string, b: string) => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/** Both ends exist and are of the given type (self-links excluded). */
function endsOfType(board: ExtractedBoard, c: ResultConnection, type: string): [ResultItem, ResultItem] | null {
  if (!c.complete || !c.fromId || !c.toId || c.fromId === c.toId) return null;
  const a = board.byId.get(c.fromId);
  const b = board.byId.get(c.toId);
  return a && b && a.type === type && b.type === type ? [a, b] : null;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function tablesPerConvenerType(tables: ResultItem[]): TableFigure {
  const groups = new Map<string, { ids: string[]; ratings: number[] }>();
  for (const t of tables) {
    const type = text(t.fields.convenerType);
    let g = groups.get(type);
    if (!g) {
      g = { ids: [], ratings: [] };
      groups.set(type, g);
    }
    g.ids.push(t.id);
    if (typeof t.fields.servesPurpose === 'number') g.ratings.push(t.fields.servesPurpose);
  }
  const options = [...CONVENER_TYPES, { value: '', label: 'Convener type not set' }];
  const rows: TableFigure['rows'] = [];
  for (const o of options) {
    const g = groups.get(o.value);
    if (!g) continue;
    const avg = g.ratings.length ? Math.round((g.ratings.reduce((s, r) => s + r, 0) / g.ratings.length) * 10) / 10 : '';
    rows.push({ key: o.value || 'not-set', cells: [o.label, g.ids.length, avg], itemIds: g.ids });
  }
  return {
    id: 'tables-per-convener-type',
    label: 'Tables per convener type',
    help: 'Who brings businesses of the sector together, and how well those tables serve their purpose on average (1-5).',
    kind: 'table',
    status: 'info',
    columns: ['Convener type', 'Tables', 'Serves its purpose (average)'],
    rows,
  };
}

function knocksPerOrganization(knocks: ResultItem[]): TableFigure {
  const groups = new Map<string, { name: string; ids: string[]; programs: Set<string> }>();
  for (const k of knocks) {
    const org = text(k.fields.organization);
    const key = nameKey(org);
    let g = groups.get(key);
    if (!g) {
      g = { name: org.replace(/\s+/g, ' '), ids: [], programs: new Set() };
      groups.set(key, g);
    }
    g.ids.push(k.id);
    const program = nameKey(text(k.fields.program));
    if (program) g.programs.add(program);
  }
  const named = [...groups.entries()].filter(([key]) => key !== '');
  named.sort(([, a], [, b]) => b.ids.length - a.ids.length || byName(a.name, b.name));
  const rows: TableFigure['rows'] = named.map(([key, g]) => ({ key, cells: [g.name, g.ids.length, g.programs.size], itemIds: g.ids }));
  const unnamed = groups.get('');
  if (unnamed) rows.push({ key: 'not-named', cells: ['Organization not named', unnamed.ids.length, unnamed.programs.size], itemIds: unnamed.ids });
  return {
    id: 'knocks-per-organization',
    label: 'Knocks per organization',
    help: 'How many separate contacts with businesses each organization makes, and from how many of its programs.',
    kind: 'table',
    status: 'info',
    columns: ['Organization', 'Knocks', 'Programs'],
    rows,
  };
}

function redundantBusinesses(knocks: ResultItem[]): TableFigure {
  const byBusiness = new Map<string, { display: string; ids: string[]; orgs: Set<string> }>();
  for (const k of knocks) {
    const org = nameKey(text(k.fields.organization));
    for (const b of splitBusinesses(text(k.fields.businesses))) {
      let g = byBusiness.get(b.key);
      if (!g) {
        g = { display: b.display, ids: [], orgs: new Set() };
        byBusiness.set(b.key, g);
      }
      g.ids.push(k.id);
      if (org) g.orgs.add(org);
    }
  }
  const repeated = [...byBusiness.entries()].filter(([, g]) => g.ids.length > 1);
  repeated.sort(([, a], [, b]) => b.ids.length - a.ids.length || byName(a.display, b.display));
  return {
    id: 'redundant-businesses',
    label: 'Businesses contacted by more than one knock',
    help: 'Businesses (or segments) named on two or more knocks: the same employers are being approached separately.',
    kind: 'table',
    status: statusOf(repeated),
    columns: ['Business', 'Knocks', 'Organizations'],
    rows: repeated.map(([key, g]) => ({ key, cells: [g.display, g.ids.length, g.orgs.size], status: 'warn' as FigureStatus, itemIds: g.ids })),
  };
}

function tableOverlaps(board: ExtractedBoard): ListFigure {
  const pairs = new Map<string, { a: ResultItem; b: ResultItem; businesses: boolean; purpose: boolean }>();
  for (const c of board.connectionsOfKind('overlaps')) {
    const ends = endsOfType(board, c, 'table');
    if (!ends) continue;
    const key = pairKey(ends[0].id, ends[1].id);
    let p = pairs.get(key);
    if (!p) {
      p = { a: ends[0], b: ends[1], businesses: false, purpose: false };
      pairs.set(key, p);
    }
    const what = c.fields.overlap;
    if (what === 'same-businesses' || what === 'both') p.businesses = true;
    if (what === 'same-purpose' || what === 'both') p.purpose = true;
  }
  const entries = [...pairs.values()].map((p) => {
    const what = p.businesses && p.purpose ? 'same businesses and purpose' : p.businesses ? 'same businesses' : p.purpose ? 'same purpose' : 'overlap not described';
    return { text: `${p.a.title} ↔ ${p.b.title}: ${what}`, itemIds: [p.a.id, p.b.id] };
  });
  return {
    id: 'table-overlaps',
    label: 'Overlapping tables',
    help: 'Pairs of tables marked as gathering the same businesses or serving the same purpose: candidates to merge or align.',
    kind: 'list',
    status: 'info',
    entries,
    empty: 'No overlaps marked between tables.',
  };
}

interface KnockPair {
  a: ResultItem;
  b: ResultItem;
  aName: string;
  bName: string;
  businesses: boolean;
  purpose: boolean;
  fatigue: boolean;
}

function knockPairs(board: ExtractedBoard): KnockPair[] {
  const pairs = new Map<string, KnockPair>();
  const names = new Map<string, string>();
  const nameOf = (k: ResultItem) => {
    let n = names.get(k.id);
    if (n === undefined) {
      n = knockName(k);
      names.set(k.id, n);
    }
    return n;
  };
  for (const c of board.connectionsOfKind('knock-overlap')) {
    const ends = endsOfType(board, c, 'knock');
    if (!ends) continue;
    const key = pairKey(ends[0].id, ends[1].id);
    let p = pairs.get(key);
    if (!p) {
      p = { a: ends[0], b: ends[1], aName: nameOf(ends[0]), bName: nameOf(ends[1]), businesses: false, purpose: false, fatigue: false };
      pairs.set(key, p);
    }
    p.businesses ||= c.fields.sameBusinesses === true;
    p.purpose ||= c.fields.samePurpose === true;
    p.fatigue ||= c.fields.fatigueRisk === true;
  }
  return [...pairs.values()];
}

function describeKnockPair(p: KnockPair): string {
  const what = [p.businesses && 'same businesses', p.purpose && 'same purpose', p.fatigue && 'fatigue risk'].filter(Boolean).join(', ');
  return `${p.aName} ↔ ${p.bName}: ${what || 'overlap not described'}`;
}

function knockOverlaps(pairs: KnockPair[]): ListFigure {
  return {
    id: 'knock-overlaps',
    label: 'Overlapping knocks',
    help: 'Pairs of knocks marked as reaching the same businesses or asking for the same thing.',
    kind: 'list',
    status: 'info',
    entries: pairs.map((p) =>
      p.fatigue
        ? { text: describeKnockPair(p), status: 'warn' as FigureStatus, itemIds: [p.a.id, p.b.id] }
        : { text: describeKnockPair(p), itemIds: [p.a.id, p.b.id] },
    ),
    empty: 'No overlaps marked between knocks.',
  };
}

function fatigueRisks(pairs: KnockPair[]): ListFigure {
  const risky = pairs.filter((p) => p.fatigue);
  return {
    id: 'fatigue-risks',
    label: 'Employer-fatigue risks',
    help: 'Overlapping knocks the team flagged as asking the same employers too often.',
    kind: 'list',
    status: risky.length ? 'warn' : 'info',
    entries: risky.map((p) => ({ text: `${p.aName} ↔ ${p.bName}`, status: 'warn' as FigureStatus, itemIds: [p.a.id, p.b.id] })),
    empty: 'No fatigue risk flagged.',
  };
}

/** Whether a gap is in the tables or in the knocks: its field, else the knocks zone, else tables. */
export function gapKind(gap: ResultItem): 'tables' | 'knocks' {
  if (gap.fields.about === 'tables' || gap.fields.about === 'knocks') return gap.fields.about;
  return gap.zoneId === 'knocks' ? 'knocks' : 'tables';
}

function gapEntries(items: ResultItem[]): ListFigure['entries'] {
  return items.map((g) => {
    const what = text(g.fields.text) || 'Gap (not described)';
    const who = text(g.fields.businesses);
    return { text: who ? `${what} (left out: ${who})` : what, status: 'warn' as FigureStatus, itemIds: [g.id] };
  });
}

function gaps(items: ResultItem[]): ListFigure {
  const here = items.filter((g) => gapKind(g) === 'tables');
  return {
    id: 'gaps',
    label: 'Gaps in who convenes businesses',
    help: 'Businesses or purposes that no table brings together today.',
    kind: 'list',
    status: here.length ? 'warn' : 'info',
    entries: gapEntries(here),
    empty: 'No gaps marked yet.',
  };
}

function knockGaps(items: ResultItem[]): ListFigure {
  const here = items.filter((g) => gapKind(g) === 'knocks');
  return {
    id: 'knock-gaps',
    label: 'Gaps in outreach',
    help: 'Businesses, or needs of theirs, that no program reaches out to today.',
    kind: 'list',
    status: here.length ? 'warn' : 'info',
    entries: gapEntries(here),
    empty: 'No gaps in outreach marked yet.',
  };
}

const OUTCOMES = [
  { value: 'industry', label: 'Industry' },
  { value: 'jobseekers-students', label: 'Jobseekers and students' },
  { value: 'both', label: 'Both' },
];

function ideasByOutcome(ideas: ResultItem[]): TableFigure {
  const groups = new Map<string, { ids: string[]; feasible: number }>();
  for (const i of ideas) {
    const v = text(i.fields.outcomeFor);
    let g = groups.get(v);
    if (!g) {
      g = { ids: [], feasible: 0 };
      groups.set(v, g);
    }
    g.ids.push(i.id);
    if (i.fields.feasible === true) g.feasible++;
  }
  const rows: TableFigure['rows'] = OUTCOMES.map((o) => {
    const g = groups.get(o.value);
    return { key: o.value, cells: [o.label, g?.ids.length ?? 0, g?.feasible ?? 0], itemIds: g?.ids ?? [] };
  });
  const unset = groups.get('');
  if (unset) rows.push({ key: 'not-set', cells: ['Outcome not set', unset.ids.length, unset.feasible], itemIds: unset.ids });
  return {
    id: 'ideas-by-outcome',
    label: 'Ideas by outcome',
    help: 'Whom the ideas would benefit, and how many of each the team judges feasible now.',
    kind: 'table',
    status: 'info',
    columns: ['Outcome for', 'Ideas', 'Feasible now'],
    rows,
  };
}

function feasibleIdeas(ideas: readonly ResultItem[]): Figure {
  const feasible = ideas.filter((i) => i.fields.feasible === true).map((i) => i.id);
  return {
    id: 'feasible-ideas',
    label: 'Feasible ideas',
    help: 'Ideas the team judges doable with what the region has today: the makings of the real alternative.',
    kind: 'number',
    status: feasible.length ? 'ok' : 'info',
    value: feasible.length,
    itemIds: feasible,
  };
}

function actionCount(actions: readonly ResultItem[]): Figure {
  return {
    id: 'actions',
    label: 'Actions',
    help: 'First steps the team committed to; promote each to the action plan.',
    kind: 'number',
    status: actions.length ? 'ok' : 'info',
    value: actions.length,
    itemIds: actions.map((a) => a.id),
  };
}

function actionsWithoutOwner(actions: readonly ResultItem[]): Figure {
  const ownerless = actions.filter((a) => !text(a.fields.owner)).map((a) => a.id);
  return {
    id: 'actions-without-owner',
    label: 'Actions without an owner',
    help: 'An action nobody has taken on rarely happens: name who is committed.',
    kind: 'number',
    status: statusOf(ownerless),
    value: ownerless.length,
    itemIds: ownerless,
  };
}

/** Connectors of this exercise that do not link two items of the right type. */
function unfinishedConnectors(board: ExtractedBoard): Figure {
  const unfinished: string[] = [];
  const unfinishedEnds = new Set<string>();
  for (const [kind, type] of [['overlaps', 'table'], ['knock-overlap', 'knock']] as const) {
    for (const c of board.connectionsOfKind(kind)) {
      if (endsOfType(board, c, type)) continue;
      unfinished.push(c.id);
      for (const end of [c.fromId, c.toId]) if (end) unfinishedEnds.add(end);
    }
  }
  return {
    id: 'unfinished-connectors',
    label: 'Unfinished connectors',
    help: 'Overlap connectors with a loose end, or that do not join two tables or two knocks: they are left out of the figures above.',
    kind: 'number',
    status: statusOf(unfinished),
    value: unfinished.length,
    itemIds: [...unfinishedEnds],
  };
}

export function figures(board: ExtractedBoard): Figure[] {
  const knocks = board.ofType('knock');
  const ideas = board.ofType('idea');
  const actions = board.ofType('action');
  const pairs = knockPairs(board);
  return [
    tablesPerConvenerType(board.ofType('table')),
    tableOverlaps(board),
    gaps(board.ofType('gap')),
    knocksPerOrganization(knocks),
    redundantBusinesses(knocks),
    knockOverlaps(pairs),
    fatigueRisks(pairs),
    knockGaps(board.ofType('gap')),
    ideasByOutcome(ideas),
    feasibleIdeas(ideas),
    actionCount(actions),
    actionsWithoutOwner(actions),
    unfinishedConnectors(board),
  ];
}
