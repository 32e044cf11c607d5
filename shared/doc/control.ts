/**
 * The control document: the facilitator-only state of a work session.
 *
 * Every board has a second Y.Doc, its control document, synced over its own room
 * (`/ws/<boardId>/control`). Every role may read it; the relay accepts writes to it only from
 * facilitator connections (and makes some itself, e.g. vote tallies), so a participant with a
 * modified client cannot move the step, run the timer, drive viewports or reveal votes.
 *
 * Layout:
 *  - `control` (Y.Map): one JSON value per key, each replaced whole:
 *      `step`   → SessionStep          the step the facilitator has the board on
 *      `timer`  → TimerState           (shared/timer.ts), times in server milliseconds
 *      `follow` → FollowState | null   "follow me": participants' viewports follow the leader
 *      `bring`  → BringRequest | null  "bring everyone to me": a one-off jump to the leader's view
 *      `vote`   → string | null        id of the vote round in progress or last revealed
 *      `banner` → Banner | null        a short message shown to everyone
 *      `takeEveryone` → boolean        the facilitators' "Take everyone there": a step change
 *                                      (theirs, or a trainer's broadcast) also moves everyone's
 *                                      view to the step (absent: true, the control's default)
 *  - `votes` (Y.Map): round id → VoteRound, written by the server only (through the votes API),
 *    so a round's tally exists nowhere before it is revealed.
 */

export const CONTROL_DOC_SUFFIX = '/control';
export const CONTROL_MAP = 'control';
export const CONTROL_VOTES = 'votes';

export const ControlKey = {
  Step: 'step',
  Timer: 'timer',
  Follow: 'follow',
  Bring: 'bring',
  Vote: 'vote',
  Banner: 'banner',
  TakeEveryone: 'takeEveryone',
} as const;

/** The WebSocket room name of a board's control document (appended to `/ws/`). */
export function controlRoomName(boardId: string): string {
  return `${boardId}${CONTROL_DOC_SUFFIX}`;
}

export interface SessionStep {
  stepId: string;
  /** Index in the template's steps (for display; stepId is authoritative). */
  index: number;
  /** Server time (ms since epoch) of the change. */
  changedAt: number;
  /** Display name of the facilitator who moved it. */
  by: string;
}

export interface FollowState {
  /** User id (the browser's random id, as in presence) of the person to follow. */
  leaderId: string;
  leaderName: string;
  /** Server time the facilitator started it; a participant's opt-out is remembered per value. */
  since: number;
}

export interface PageBounds {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface BringRequest {
  /** Unique per request: a client jumps once per id. */
  id: string;
  leaderId: string;
  leaderName: string;
  /** The leader's viewport, in page coordinates. */
  bounds: PageBounds;
  /**
   * A step change's zone: each person's view then shows that zone's cards at a readable zoom for
   * their own screen (client stepView.ts) rather than `bounds`, which stays as the fallback.
   */
  zoneId?: string;
  /** Server time of the request; clients that join later than BRING_FRESH_MS after it ignore it. */
  at: number;
}

export const BRING_FRESH_MS = 15_000;

export interface Banner {
  id: string;
  text: string;
  at: number;
  by: string;
}

export const BANNER_MAX_LENGTH = 280;

export type VoteRoundStatus = 'open' | 'revealed';

/** One dot-voting round, as the control document holds it. */
export interface VoteRound {
  id: string;
  stepId: string;
  /** Dots each person may place. */
  perPerson: number;
  /** Dots one person may put on a single item (null: up to perPerson). */
  perItem: number | null;
  status: VoteRoundStatus;
  /** Server times (ms since epoch). */
  startedAt: number;
  revealedAt: number | null;
  startedBy: string;
  /** How many people have placed at least one dot (counts are not known until the reveal). */
  voters: number;
  /** Item id → dots; present only once revealed. */
  tally: Record<string, number> | null;
}

export const VOTE_LIMITS = { maxPerPerson: 20 } as const;

// ---- Readers: a control document's values as stored, junk read as null ----

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/** The step a control document names (null when missing or junk). */
export function parseStep(v: unknown): SessionStep | null {
  if (!isObj(v) || !isStr(v.stepId) || !isNum(v.index)) return null;
  return { stepId: v.stepId, index: v.index, changedAt: isNum(v.changedAt) ? v.changedAt : 0, by: isStr(v.by) ? v.by : '' };
}

/** Who everyone is asked to follow (null when nobody, or junk). */
export function parseFollow(v: unknown): FollowState | null {
  if (!isObj(v) || !isStr(v.leaderId) || !isNum(v.since)) return null;
  return { leaderId: v.leaderId, leaderName: isStr(v.leaderName) ? v.leaderName : '', since: v.since };
}

/** The last "bring everyone here" request (null when none, or junk). */
export function parseBring(v: unknown): BringRequest | null {
  if (!isObj(v) || !isStr(v.id) || !isStr(v.leaderId) || !isNum(v.at) || !isObj(v.bounds)) return null;
  const b = v.bounds;
  if (!isNum(b.x) || !isNum(b.y) || !isNum(b.w) || !isNum(b.h) || b.w <= 0 || b.h <= 0) return null;
  const bring: BringRequest = { id: v.id, leaderId: v.leaderId, leaderName: isStr(v.leaderName) ? v.leaderName : '', bounds: { x: b.x, y: b.y, w: b.w, h: b.h }, at: v.at };
  if (isStr(v.zoneId) && v.zoneId) bring.zoneId = v.zoneId;
  return bring;
}

/** The banner shown to everyone (null when none, empty or junk). */
export function parseBanner(v: unknown): Banner | null {
  if (!isObj(v) || !isStr(v.id) || !isStr(v.text) || !v.text.trim()) return null;
  return { id: v.id, text: v.text, at: isNum(v.at) ? v.at : 0, by: isStr(v.by) ? v.by : '' };
}
