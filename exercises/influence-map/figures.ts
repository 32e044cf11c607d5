import type { ExtractedBoard } from '../kit/extract';
import { cleanText, compareText } from '../kit/text';
import type { Figure, FigureStatus, ListFigure, NumberFigure, ResultItem, TableFigure } from '../../shared/results';
import { INDUSTRY_CATEGORIES, ROLE_CATEGORIES, SUPPORT_CATEGORIES } from './items';
import { quadrantOf, type QuadrantId } from './template';
import { statusOf } from '../kit/figureKit';

/**
 * Derived figures of the influence map and the tipping-the-scales assessment.
 *
 * Rules:
 *  - Membership: a complete `member` arrow joining a stakeholder and a priority, in either
 *    direction (an arrow drawn backwards still means membership). Several arrows between the
 *    same pair make one member holding every role they name.
 *  - Tipping the scales, per priority area:
 *      industry champion   = a member whose role category is industry champion, and nobody
 *                            outside industry in the chair (a task force chaired by a support
 *                            partner is not industry-led);
 *      industry majority   = industry members (champions + broader industry partners) are more
 *                            than half of all members (members without a category count as
 *                            non-industry; no members = No);
 *      facilitating support partner = a member with the task-force role "facilitator" whose
 *                            category is convener or core support partner;
 *      relevant support partners = the card's box, ticked once the team has checked the support
 *                            partners that matter most for this area are on it;
 *      success measure     = the card says how the task force will know it succeeded;
 *      quick win           = the card's "quick win identified" box is ticked;
 *      quick win achieved  = reported, not required (a task force may be new);
 *      to win over         = its members who are on the win-over list (named, not a check).
 *  - Priority areas: three to five is the aim.
 *  - Win over: influence 4-5 and commitment 1-2 or unknown. The rating is the truth; an
 *    unrated influence falls back to the quadrant row the card sits in (top = high), an
 *    unrated commitment is unknown and so low, unless the card sits in a right-hand
 *    (committed) quadrant.
 *  - Placement: a rating that contradicts the quadrant (influence 1-2 in the top row, 4-5 in the
 *    bottom row; commitment 1-2 on the right, 4-5 on the left) is reported as info; a 3 fits both.
 */

const CATEGORY_LABEL = new Map(ROLE_CATEGORIES.map((c) => [c.value, c.label]));
/** Categories whose absence from the map is a problem. */
const NEEDED_CATEGORIES = new Set(['industry-champion', 'convener', 'core-support']);
const QUADRANT_NAME: Record<QuadrantId, string> = {
  'win-over': 'Win them over',
  drivers: 'Drivers',
  'keep-informed': 'Keep informed',
  'ready-to-help': 'Ready to help',
};
export const PRIORITY_RANGE = { min: 3, max: 5 } as const;
/** The checks of the tipping-the-scales table, by column: each "No" is a gap in a task force. */
const TIPPING_CHECKS = ['Industry champion', 'Industry majority', 'Facilitating support partner', 'Relevant support partners', 'Success measure', 'Quick win in 60 days'] as const;

const text = cleanText;
const cmp = compareText;
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
const rating = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function who(s: ResultItem): string {
  const org = text(s.fields.organization);
  return org ? `${s.title} (${org})` : s.title;
}

/** Name order (case-insensitive, then id). */
function byName(list: readonly ResultItem[]): ResultItem[] {
  return list
    .map((i) => ({ i, name: i.title.toLowerCase() }))
    .sort((a, b) => cmp(a.name, b.name) || cmp(a.i.id, b.i.id))
    .map((o) => o.i);
}

/** What the arrows say: task-force memberships, who can bring in whom, and the misdrawn arrows. */
interface Links {
  /** priority id → stakeholder id → roles named on its arrows */
  members: Map<string, Map<string, Set<string>>>;
  onTaskForce: Set<string>;
  /** stakeholder id → who can bring them in */
  introducers: Map<string, Set<string>>;
  unfinished: number;
  unfinishedIds: Set<string>;
}

function readLinks(board: ExtractedBoard): Links {
  const isType = (id: string | null, type: string): id is string => id !== null && board.byId.get(id)?.type === type;
  const links: Links = { members: new Map(), onTaskForce: new Set(), introducers: new Map(), unfinished: 0, unfinishedIds: new Set() };
  const flag = (ids: (string | null)[]) => {
    links.unfinished++;
    for (const id of ids) if (id) links.unfinishedIds.add(id);
  };
  for (const c of board.connectionsOfKind('member')) {
    let s: string | null = null;
    let p: string | null = null;
    if (c.complete && isType(c.fromId, 'stakeholder') && isType(c.toId, 'priority')) [s, p] = [c.fromId, c.toId];
    else if (c.complete && isType(c.fromId, 'priority') && isType(c.toId, 'stakeholder')) [s, p] = [c.toId, c.fromId];
    if (!s || !p) {
      flag([c.fromId, c.toId]);
      continue;
    }
    let m = links.members.get(p);
    if (!m) links.members.set(p, (m = new Map()));
    let roles = m.get(s);
    if (!roles) m.set(s, (roles = new Set()));
    roles.add(String(c.fields.role ?? ''));
    links.onTaskForce.add(s);
  }
  for (const c of board.connectionsOfKind('influence')) {
    if (!c.complete || !isType(c.fromId, 'stakeholder') || !isType(c.toId, 'stakeholder') || c.fromId === c.toId) {
      flag([c.fromId, c.toId]);
      continue;
    }
    let set = links.introducers.get(c.toId);
    if (!set) links.introducers.set(c.toId, (set = new Set()));
    set.add(c.fromId);
  }
  return links;
}

/** Stakeholders with high influence and low or unknown commitment, in name order. */
function toWinOver(stakeholdersByName: ResultItem[]): ResultItem[] {
  return stakeholdersByName.filter((s) => {
    const q = quadrantOf(s.zoneId);
    const influence = rating(s.fields.influence);
    const commitment = rating(s.fields.commitment);
    const high = influence !== null ? influence >= 4 : q?.highInfluence === true;
    const low = commitment !== null ? commitment <= 2 : q?.highCommitment !== true;
    return high && low;
  });
}

function winOverFigure(board: ExtractedBoard, winOver: ResultItem[], links: Links, sortByName: (l: ResultItem[]) => ResultItem[]): ListFigure {
  const entries = winOver.map((s) => {
    const by = sortByName([...(links.introducers.get(s.id) ?? [])].map((id) => board.byId.get(id)!));
    const influence = rating(s.fields.influence);
    const commitment = rating(s.fields.commitment);
    return {
      text:
        `${who(s)}: influence ${influence ?? 'not rated'}, commitment ${commitment ?? 'unknown'}; ` +
        (by.length ? `can be brought in by ${by.map((b) => b.title).join(', ')}` : 'nobody on the map can bring them in yet'),
      status: 'warn' as FigureStatus,
      itemIds: [s.id, ...by.map((b) => b.id)],
    };
  });
  return {
    id: 'win-over',
    kind: 'list',
    label: 'High influence, low commitment: win them over',
    help: 'People with influence 4 or 5 whose commitment is 1, 2 or unknown, with whoever on the map can bring them in.',
    status: statusOf(entries),
    entries,
    empty: 'Nobody with high influence lacks commitment.',
  };
}

/** The tipping-the-scales row of one priority area. */
function tippingRow(board: ExtractedBoard, p: ResultItem, links: Links, winOverIds: Set<string>, sortByName: (l: ResultItem[]) => ResultItem[]): TableFigure['rows'][number] {
  const m = links.members.get(p.id) ?? new Map<string, Set<string>>();
  let champion = false;
  let chairedOutsideIndustry = false;
  let industry = 0;
  let facilitator = false;
  for (const [sid, roles] of m) {
    const category = String(board.byId.get(sid)!.fields.category ?? '');
    if (category === 'industry-champion') champion = true;
    if (INDUSTRY_CATEGORIES.has(category)) industry++;
    else if (roles.has('chair')) chairedOutsideIndustry = true;
    if (roles.has('facilitator') && SUPPORT_CATEGORIES.has(category)) facilitator = true;
  }
  const checks = [
    champion && !chairedOutsideIndustry,
    industry * 2 > m.size,
    facilitator,
    p.fields.relevantPartners === true,
    text(p.fields.successMeasure) !== '',
    p.fields.quickWinIdentified === true,
  ];
  const memberList = sortByName([...m.keys()].map((id) => board.byId.get(id)!));
  const winOverHere = memberList.filter((s) => winOverIds.has(s.id)).map((s) => s.title);
  return {
    key: p.id,
    cells: [p.title, m.size, ...checks.map(yesNo), yesNo(p.fields.quickWinAchieved === true), winOverHere.join(', ')],
    status: checks.every(Boolean) ? 'ok' : 'warn',
    itemIds: [p.id, ...memberList.map((s) => s.id)],
  };
}

function tippingTable(board: ExtractedBoard, priorities: ResultItem[], links: Links, winOverIds: Set<string>, sortByName: (l: ResultItem[]) => ResultItem[]): TableFigure {
  const rows = byName(priorities).map((p) => tippingRow(board, p, links, winOverIds, sortByName));
  return {
    id: 'tipping-the-scales',
    kind: 'table',
    label: 'Tipping the scales',
    help: 'Each task force should have an industry champion (and nobody outside industry in the chair), a majority of industry members, a support partner facilitating, the most relevant support partners on board, a measure of success and a quick win within 60 days; every No is a gap to fill. Quick wins achieved and members still to win over are shown.',
    columns: ['Priority area', 'Members', ...TIPPING_CHECKS, 'Quick win achieved', 'To win over'],
    rows,
    status: rows.some((r) => r.status === 'warn') ? 'warn' : 'ok',
  };
}

function priorityCount(priorities: ResultItem[]): NumberFigure {
  const n = priorities.length;
  return {
    id: 'priority-count',
    kind: 'number',
    label: 'Priority areas',
    help: 'A partnership works best on three to five priority areas, each with its own task force.',
    value: n,
    target: PRIORITY_RANGE.min,
    status: n === 0 ? 'info' : n >= PRIORITY_RANGE.min && n <= PRIORITY_RANGE.max ? 'ok' : 'warn',
    itemIds: byName(priorities).map((p) => p.id),
  };
}

function notOnTaskForce(stakeholdersByName: ResultItem[], links: Links): ListFigure {
  const entries = stakeholdersByName
    .filter((s) => !links.onTaskForce.has(s.id))
    .map((s) => ({
      text: `${who(s)}: ${CATEGORY_LABEL.get(String(s.fields.category)) ?? 'no role set'}`,
      status: (s.fields.category === 'industry-champion' ? 'warn' : 'info') as FigureStatus,
      itemIds: [s.id],
    }));
  return {
    id: 'not-on-task-force',
    kind: 'list',
    label: 'Not on any task force',
    help: 'Stakeholders with no membership arrow to a priority area; an idle industry champion is the first to ask.',
    status: entries.some((e) => e.status === 'warn') ? 'warn' : entries.length ? 'info' : 'ok',
    entries,
    empty: 'Every stakeholder serves on a task force.',
  };
}

function stakeholdersByCategory(stakeholders: ResultItem[], links: Links): TableFigure {
  const byCategory = new Map<string, ResultItem[]>();
  for (const s of stakeholders) {
    const c = String(s.fields.category ?? '');
    const list = byCategory.get(c);
    if (list) list.push(s);
    else byCategory.set(c, [s]);
  }
  const categoryRow = (value: string, label: string) => {
    const list = byCategory.get(value) ?? [];
    const row: TableFigure['rows'][number] = {
      key: value || 'not-set',
      cells: [label, list.length, list.filter((s) => links.onTaskForce.has(s.id)).length],
      itemIds: list.map((s) => s.id),
    };
    if (value === '') row.status = 'info';
    else if (list.length === 0 && NEEDED_CATEGORIES.has(value)) row.status = 'warn';
    return row;
  };
  const rows = [...ROLE_CATEGORIES.map((c) => categoryRow(c.value, c.label)), ...(byCategory.has('') ? [categoryRow('', 'Not set')] : [])];
  return {
    id: 'stakeholders-by-category',
    kind: 'table',
    label: 'Stakeholders by role',
    help: 'How many people of each role are on the map and on a task force; no industry champion, convener or core support partner is a gap.',
    columns: ['Role category', 'Stakeholders', 'On a task force'],
    rows,
    status: rows.some((r) => r.status === 'warn') ? 'warn' : 'ok',
  };
}

function placementMismatch(stakeholdersByName: ResultItem[]): ListFigure {
  const entries: ListFigure['entries'] = [];
  for (const s of stakeholdersByName) {
    const q = quadrantOf(s.zoneId);
    if (!q) continue;
    const influence = rating(s.fields.influence);
    const commitment = rating(s.fields.commitment);
    const reasons: string[] = [];
    if (influence !== null && (q.highInfluence ? influence <= 2 : influence >= 4)) reasons.push(`influence ${influence}`);
    if (commitment !== null && (q.highCommitment ? commitment <= 2 : commitment >= 4)) reasons.push(`commitment ${commitment}`);
    if (reasons.length) entries.push({ text: `${s.title} sits in ${QUADRANT_NAME[s.zoneId as QuadrantId]} but is rated ${reasons.join(' and ')}`, status: 'info', itemIds: [s.id] });
  }
  return {
    id: 'placement-mismatch',
    kind: 'list',
    label: 'Ratings that contradict the quadrant',
    help: 'Cards whose influence or commitment rating points to another quadrant; the ratings are what the figures use.',
    status: statusOf(entries, 'info'),
    entries,
    empty: 'Every rated card sits in a matching quadrant.',
  };
}

function unfinishedArrows(links: Links): NumberFigure {
  return {
    id: 'unfinished-connectors',
    kind: 'number',
    label: 'Unfinished or misdrawn arrows',
    help: 'Arrows with a loose end, or joining the wrong cards (membership goes between a stakeholder and a priority area, "can bring in" between two stakeholders).',
    value: links.unfinished,
    status: links.unfinished ? 'info' : 'ok',
    itemIds: [...links.unfinishedIds],
  };
}

export function figures(board: ExtractedBoard): Figure[] {
  const stakeholders = board.ofType('stakeholder');
  const priorities = board.ofType('priority');
  // Name order computed once: lists filter the ordered array, the few other sorts compare numbers.
  const stakeholdersByName = byName(stakeholders);
  const nameRank = new Map<string, number>(stakeholdersByName.map((s, n) => [s.id, n]));
  const sortByName = (list: ResultItem[]) => list.sort((a, b) => nameRank.get(a.id)! - nameRank.get(b.id)!);
  const links = readLinks(board);
  const winOver = toWinOver(stakeholdersByName);
  const winOverIds = new Set(winOver.map((s) => s.id));
  return [
    tippingTable(board, priorities, links, winOverIds, sortByName),
    priorityCount(priorities),
    winOverFigure(board, winOver, links, sortByName),
    notOnTaskForce(stakeholdersByName, links),
    stakeholdersByCategory(stakeholders, links),
    placementMismatch(stakeholdersByName),
    unfinishedArrows(links),
  ];
}
