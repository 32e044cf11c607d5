/**
 * A sector partnership's own space: its meeting boards, its rubric over time and one action plan
 * gathered across the boards (server/partnerships/). Types of the API answers and the pure
 * functions both the server (exports) and the partnership page use.
 *
 * The boards stay the home of their content: the rubric scores and actions listed here live in
 * each board's document and are only gathered (each entry names its board); an edit made on the
 * partnership page is written into that board's document.
 */
import type { ActionStatus } from './actionPlan';
import type { Role } from './roles';
import { RUBRIC_DIMENSION_IDS, type RubricBandId, type RubricDimensionId } from './rubric';

export type PartnershipRole = 'lead' | 'member';
export const MEMBER_ROLES = ['editor', 'viewer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/**
 * The order a partnership usually meets in, following the manual's six steps (build the support
 * team, define the scope, prepare to launch, launch, move to action, sustain). The page suggests
 * the first of these the partnership has no board for yet.
 */
export const JOURNEY_ORDER: readonly string[] = [
  'universe-of-connections',
  'many-tables-many-knocks',
  'sector-scoping',
  'launch-preparation',
  'launch-meeting',
  'influence-map',
  'critical-decisions',
  'journey-map',
  'frontline-communication',
  'career-pathways',
  'success-metrics',
  'momentum-and-sustaining',
];

/** The next exercise on the journey the partnership has no board for yet (null when all are done). */
export function suggestedTemplate(usedTemplates: Iterable<string>): string | null {
  const used = new Set(usedTemplates);
  return JOURNEY_ORDER.find((t) => !used.has(t)) ?? null;
}

/** The state of a board's after-action review: how many of its questions have an answer. */
export interface ReviewStatus {
  answered: number;
  total: number;
  /** `none` (no question answered), `partial`, `complete`. */
  status: 'none' | 'partial' | 'complete';
}

/** A decision recorded in a board's after-action review (an answered question). */
export interface ReviewDecision {
  question: string;
  answer: 'yes' | 'no' | 'not-yet' | null;
  answerLabel: string;
  text: string;
}

export interface PartnershipBoard {
  id: string;
  title: string;
  template: string;
  templateTitle: string;
  variant: string | null;
  createdAt: string;
  /** The meeting the board is for (YYYY-MM-DD). */
  meetingDate: string;
  lastActivity: string | null;
  /** Names of the people seen on the board (who came). */
  participants: string[];
  review: ReviewStatus;
  decisions: ReviewDecision[];
  /** Small SVG of the board (no text), see shared/api/dashboard.ts. */
  thumbnail: string;
  /**
   * The board's links this partnership link opens: the lead gets all three, a member the role the
   * lead chose. Left out when the board's own facilitator replaced them.
   */
  links?: Partial<Record<Role, string>>;
}

/** One dimension's score in one rubric session of one board. */
export interface PartnershipRubricEntry {
  date: string;
  dimension: RubricDimensionId;
  score: number;
  band: RubricBandId;
  rationale: string;
  /** The board the session was scored on. */
  board: string;
}

export interface PartnershipAction {
  id: string;
  text: string;
  owner: string;
  due: string;
  status: ActionStatus;
  priorityArea: string;
  /** The board the action lives on. */
  board: string;
  /** The board item it was promoted from, if any. */
  source: { itemId: string; title: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/partnerships/<id>?token=` */
export interface PartnershipAnswer {
  id: string;
  name: string;
  region: string;
  sector: string;
  createdAt: string;
  /** The role of the link the request was made with. */
  role: PartnershipRole;
  memberRole: MemberRole;
  /** Lead only: both partnership links. */
  links?: { lead: string; member: string };
  boards: PartnershipBoard[];
  rubric: PartnershipRubricEntry[];
  actions: PartnershipAction[];
}

/** The rubric over time: per assessment date, each dimension's score (the last board's when two scored the same day). */
export interface RubricPoint {
  date: string;
  scores: Partial<Record<RubricDimensionId, { score: number; board: string }>>;
}

/**
 * Merges the rubric sessions of every board by date, oldest first. When boards scored the same
 * dimension on the same date, the entry listed last wins (the answer lists boards in meeting
 * order, so the later meeting's board).
 */
export function rubricOverTime(entries: readonly PartnershipRubricEntry[]): RubricPoint[] {
  const byDate = new Map<string, RubricPoint>();
  for (const e of entries) {
    let p = byDate.get(e.date);
    if (!p) byDate.set(e.date, (p = { date: e.date, scores: {} }));
    p.scores[e.dimension] = { score: e.score, board: e.board };
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The latest score of each dimension across sessions (null when never scored). */
export function latestScores(points: readonly RubricPoint[]): Record<RubricDimensionId, { score: number; date: string } | null> {
  const out = Object.fromEntries(RUBRIC_DIMENSION_IDS.map((d) => [d, null])) as Record<RubricDimensionId, { score: number; date: string } | null>;
  for (const p of points) for (const d of RUBRIC_DIMENSION_IDS) if (p.scores[d]) out[d] = { score: p.scores[d]!.score, date: p.date };
  return out;
}

/** True when an action's due date (YYYY-MM-DD) is before `today` and it is not done. */
export function isOverdue(action: Pick<PartnershipAction, 'due' | 'status'>, today: string): boolean {
  return action.status !== 'done' && /^\d{4}-\d{2}-\d{2}$/.test(action.due) && action.due < today;
}

export interface ChangesSince {
  /** The date changes are counted from (the last meeting before the latest), or null when there was none. */
  since: string | null;
  added: PartnershipAction[];
  done: PartnershipAction[];
  overdue: PartnershipAction[];
}

/**
 * What changed since the last meeting: the meeting date of the board before the latest one
 * (boards in meeting order). New = created after it; done = done and changed after it; overdue =
 * past due and not done, whenever it was created.
 */
export function changesSinceLastMeeting(boards: readonly Pick<PartnershipBoard, 'meetingDate'>[], actions: readonly PartnershipAction[], today: string): ChangesSince {
  const dates = [...new Set(boards.map((b) => b.meetingDate))].sort();
  const since = dates.length >= 2 ? dates[dates.length - 2] : (dates[0] ?? null);
  const after = (iso: string) => since !== null && iso.slice(0, 10) > since;
  return {
    since,
    added: since === null ? [] : actions.filter((a) => after(a.createdAt)),
    done: since === null ? [] : actions.filter((a) => a.status === 'done' && after(a.updatedAt)),
    overdue: actions.filter((a) => isOverdue(a, today)),
  };
}

export interface ActionFilter {
  board?: string;
  owner?: string;
  status?: ActionStatus;
  priorityArea?: string;
  overdueOnly?: boolean;
}

/** The actions a filter keeps (owner and priority area compared without case or surrounding spaces). */
export function filterActions(actions: readonly PartnershipAction[], f: ActionFilter, today: string): PartnershipAction[] {
  const same = (a: string, b: string) => a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');
  return actions.filter(
    (a) =>
      (!f.board || a.board === f.board) &&
      (f.owner === undefined || f.owner === '' || same(a.owner, f.owner)) &&
      (!f.status || a.status === f.status) &&
      (f.priorityArea === undefined || f.priorityArea === '' || same(a.priorityArea, f.priorityArea)) &&
      (!f.overdueOnly || isOverdue(a, today)),
  );
}

/** Names of the SSE events of `GET /api/partnerships/:id/live`. */
export const PartnershipEvent = {
  /** `{ boards: string[] }`: these boards (or the partnership itself, `[]`) changed; read it again. */
  Changed: 'changed',
} as const;
