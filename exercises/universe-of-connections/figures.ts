import type { ExtractedBoard } from '../kit/extract';
import type { FieldValue, Figure, FigureStatus, ListFigure, NumberFigure, ResultItem, TableFigure } from '../../shared/results';
import { ORG_CATEGORIES, RINGS } from './items';
import { statusOf } from '../kit/figureKit';

/**
 * Derived figures of the Universe of Connections. Items count wherever they sit on the board.
 * A connection counts when both ends are bound to two different organizations or people; the
 * rest are reported as unfinished. Every pass is linear in items + connections (plus one sort).
 */

const text = (v: FieldValue | undefined): string => (typeof v === 'string' ? v.trim() : '');
// Unicode normalisation only when needed: most names are plain ASCII.
const nameKey = (s: string) => (/[^ -~\s]/.test(s) ? s.normalize('NFKC') : s).toLowerCase().replace(/\s+/g, ' ').trim();
const NODE_TYPES = new Set(['organization', 'person']);

/**
 * Categories a core support team is expected to include (checked by `missing-core-categories`):
 * the manual's regional support team of workforce development, community and technical
 * colleges, adult education, K-12 and economic development / chambers. Organized labor,
 * community organizations, government and others are welcome stakeholders, not required members.
 */
export const KEY_CORE_CATEGORIES = ['workforce-development', 'k12', 'community-college', 'economic-development', 'adult-education'] as const;

/** The category an organization counts under: chambers count with economic development, as in the manual. */
export function countedCategory(category: string): string {
  return category === 'chamber' ? 'economic-development' : category;
}

/** The rows of the category table: chambers share the economic development row. */
const CATEGORY_ROWS = ORG_CATEGORIES.filter((c) => c.value !== 'chamber').map((c) => (c.value === 'economic-development' ? { ...c, label: 'Economic development or chamber' } : c));

/**
 * The manual advises one convening organization or a pair of co-conveners: the figure warns when
 * none is named and when more than two organizations hold a convener or co-convener role.
 */
const MAX_CONVENERS = 2;

/** How many nodes `most-connected` lists. */
const TOP_CONNECTED = 5;

const label = (options: { value: string; label: string }[], value: string) => options.find((o) => o.value === value)?.label ?? value;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Name order: case-insensitive, then exact spelling, then id (fully deterministic). */
const byName = (a: ResultItem, b: ResultItem) => cmp(a.title.toLowerCase(), b.title.toLowerCase()) || cmp(a.title, b.title) || cmp(a.id, b.id);

/**
 * The TOP_CONNECTED nodes with the most distinct partners (ties by name), leaving out nodes with
 * none. One pass keeping a short sorted list, so a large board costs no full sort.
 */
function topConnected(nodes: ResultItem[], degree: (id: string) => number): ResultItem[] {
  const top: { node: ResultItem; degree: number; lower: string }[] = [];
  const before = (x: (typeof top)[number], y: (typeof top)[number]) =>
    x.degree !== y.degree ? x.degree > y.degree : (cmp(x.lower, y.lower) || cmp(x.node.title, y.node.title) || cmp(x.node.id, y.node.id)) < 0;
  for (const node of nodes) {
    const d = degree(node.id);
    if (d === 0) continue;
    if (top.length === TOP_CONNECTED && d < top[top.length - 1].degree) continue;
    const entry = { node, degree: d, lower: node.title.toLowerCase() };
    let i = top.length;
    while (i > 0 && before(entry, top[i - 1])) i--;
    if (i >= TOP_CONNECTED) continue;
    top.splice(i, 0, entry);
    if (top.length > TOP_CONNECTED) top.pop();
  }
  return top.map((t) => t.node);
}

function orgsByCategory(orgs: ResultItem[]): TableFigure {
  const ringKeys = [...RINGS.map((r) => r.value), ''];
  const cells = new Map<string, Map<string, string[]>>();
  for (const o of orgs) {
    const cat = countedCategory(text(o.fields.category));
    let byRing = cells.get(cat);
    if (!byRing) {
      byRing = new Map();
      cells.set(cat, byRing);
    }
    const ring = text(o.fields.ring);
    const ids = byRing.get(ring);
    if (ids) ids.push(o.id);
    else byRing.set(ring, [o.id]);
  }
  const rows: TableFigure['rows'] = [];
  for (const c of [...CATEGORY_ROWS, { value: '', label: 'Category not set' }]) {
    const byRing = cells.get(c.value);
    if (!byRing) continue;
    const counts = ringKeys.map((r) => byRing.get(r)?.length ?? 0);
    const ids = ringKeys.flatMap((r) => byRing.get(r) ?? []);
    rows.push({ key: c.value || 'not-set', cells: [c.label, ...counts, ids.length], itemIds: ids });
  }
  if (orgs.length) {
    const totals = ringKeys.map((r) => orgs.filter((o) => text(o.fields.ring) === r).length);
    rows.push({ key: 'all', cells: ['All organizations', ...totals, orgs.length], itemIds: orgs.map((o) => o.id) });
  }
  return {
    id: 'orgs-by-category',
    label: 'Organizations per category and ring',
    help: 'Who is on the board, by kind of organization and by how close they are to the support team.',
    kind: 'table',
    status: 'info',
    columns: ['Category', 'Core support team', 'Broader partners', 'Industry', 'Ring not set', 'Total'],
    rows,
  };
}

/** What the connection arrows say: distinct partners of each node, weak links, unfinished arrows. */
interface Links {
  neighbours: Map<string, Set<string>>;
  weak: string[];
  weakEnds: Set<string>;
  unfinished: string[];
  unfinishedEnds: Set<string>;
}

function readLinks(board: ExtractedBoard): Links {
  const l: Links = { neighbours: new Map(), weak: [], weakEnds: new Set(), unfinished: [], unfinishedEnds: new Set() };
  const link = (a: string, b: string) => {
    const s = l.neighbours.get(a);
    if (s) s.add(b);
    else l.neighbours.set(a, new Set([b]));
  };
  for (const c of board.connectionsOfKind('connection')) {
    const a = c.fromId ? board.byId.get(c.fromId) : undefined;
    const b = c.toId ? board.byId.get(c.toId) : undefined;
    if (!c.complete || !a || !b || a.id === b.id || !NODE_TYPES.has(a.type) || !NODE_TYPES.has(b.type)) {
      l.unfinished.push(c.id);
      if (a) l.unfinishedEnds.add(a.id);
      if (b) l.unfinishedEnds.add(b.id);
      continue;
    }
    link(a.id, b.id);
    link(b.id, a.id);
    if (c.fields.strength === 'weak') {
      l.weak.push(c.id);
      l.weakEnds.add(a.id);
      l.weakEnds.add(b.id);
    }
  }
  return l;
}

function isolatedOrganizations(orgs: ResultItem[], degree: (id: string) => number): ListFigure {
  const isolated = orgs.filter((o) => degree(o.id) === 0);
  return {
    id: 'isolated-organizations',
    label: 'Isolated organizations',
    help: 'Organizations with no connection to anyone on the board: a partner nobody works with yet, or a link not drawn.',
    kind: 'list',
    status: statusOf(isolated),
    entries: isolated.map((o) => {
      const ring = text(o.fields.ring);
      return { text: ring ? `${o.title} (${label(RINGS, ring)})` : o.title, status: 'warn' as FigureStatus, itemIds: [o.id] };
    }),
    empty: 'Every organization has at least one connection.',
  };
}

function mostConnected(nodes: ResultItem[], degree: (id: string) => number): TableFigure {
  return {
    id: 'most-connected',
    label: 'Most connected',
    help: `The ${TOP_CONNECTED} organizations or people linked to the most others (ties in name order): the natural hubs of the team.`,
    kind: 'table',
    status: 'info',
    columns: ['Name', 'Type', 'Connections'],
    rows: topConnected(nodes, degree).map((n) => ({ key: n.id, cells: [n.title, n.typeLabel, degree(n.id)], itemIds: [n.id] })),
  };
}

function missingCoreCategories(orgs: ResultItem[]): ListFigure {
  const coreCategories = new Set(orgs.filter((o) => o.fields.ring === 'core').map((o) => countedCategory(text(o.fields.category))));
  const byCategory = new Map<string, ResultItem[]>();
  for (const o of orgs) {
    const cat = countedCategory(text(o.fields.category));
    const list = byCategory.get(cat);
    if (list) list.push(o);
    else byCategory.set(cat, [o]);
  }
  const missing = KEY_CORE_CATEGORIES.filter((c) => !coreCategories.has(c)).map((c) => {
    const elsewhere = byCategory.get(c) ?? [];
    const name = label(CATEGORY_ROWS, c);
    return {
      text: elsewhere.length ? `${name} (on the board, not in the core: ${elsewhere.map((o) => o.title).join(', ')})` : name,
      status: 'warn' as FigureStatus,
      itemIds: elsewhere.map((o) => o.id),
    };
  });
  return {
    id: 'missing-core-categories',
    label: 'Missing from the core team',
    help: 'Key kinds of partner (workforce development, K-12, colleges, adult education, economic development or chambers) with no organization in the core support team; any already on the board are named. Labor, community groups and others are welcome but not required.',
    kind: 'list',
    status: statusOf(missing),
    entries: missing,
    empty: 'Every key category has an organization on the core team.',
  };
}

function convenersFigure(orgs: ResultItem[]): ListFigure {
  const conveners = orgs.filter((o) => o.fields.role === 'convener' || o.fields.role === 'co-convener');
  conveners.sort((a, b) => (a.fields.role === b.fields.role ? byName(a, b) : a.fields.role === 'convener' ? -1 : 1));
  const status: FigureStatus = conveners.length === 0 || conveners.length > MAX_CONVENERS ? 'warn' : 'ok';
  return {
    id: 'conveners',
    label: 'Convener',
    help: `The organization, or pair of co-conveners, that will run the partnership; warns when none is named or more than ${MAX_CONVENERS} are.`,
    kind: 'list',
    status,
    entries: conveners.map((o) => ({ text: `${o.title} (${o.fields.role === 'convener' ? 'convener' : 'co-convener'})`, status, itemIds: [o.id] })),
    empty: 'No convener named yet.',
  };
}

function agreedSectors(board: ExtractedBoard): ListFigure {
  const sectors = new Map<string, { name: string; ids: string[] }>();
  for (const s of board.ofType('sector')) {
    if (s.fields.agreed !== true) continue;
    const name = text(s.fields.name);
    const key = nameKey(name);
    const g = sectors.get(key);
    if (g) g.ids.push(s.id);
    else sectors.set(key, { name: name || 'Sector (not named)', ids: [s.id] });
  }
  return {
    id: 'agreed-sectors',
    label: 'Agreed target sectors',
    help: 'Sectors the whole team has committed to; the partnership needs at least one.',
    kind: 'list',
    status: sectors.size ? 'ok' : 'warn',
    entries: [...sectors.values()].map((s) => ({ text: s.name, itemIds: s.ids })),
    empty: 'No target sector agreed yet.',
  };
}

function weakConnections(l: Links): NumberFigure {
  return {
    id: 'weak-connections',
    label: 'Weak connections',
    help: 'Links the team rated weak: worth strengthening where the partner matters.',
    kind: 'number',
    status: 'info',
    value: l.weak.length,
    itemIds: [...l.weakEnds],
  };
}

function unfinishedConnectors(l: Links): NumberFigure {
  return {
    id: 'unfinished-connectors',
    label: 'Unfinished connectors',
    help: 'Connections with a loose end, or not joining two organizations or people: they are left out of the figures above.',
    kind: 'number',
    status: statusOf(l.unfinished),
    value: l.unfinished.length,
    itemIds: [...l.unfinishedEnds],
  };
}

export function figures(board: ExtractedBoard): Figure[] {
  const orgs = board.ofType('organization');
  const people = board.ofType('person');
  const links = readLinks(board);
  const degree = (id: string) => links.neighbours.get(id)?.size ?? 0;
  return [
    orgsByCategory(orgs),
    isolatedOrganizations(orgs, degree),
    mostConnected([...orgs, ...people], degree),
    missingCoreCategories(orgs),
    convenersFigure(orgs),
    agreedSectors(board),
    weakConnections(links),
    unfinishedConnectors(links),
  ];
}
