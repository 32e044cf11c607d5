/**
 * The cohort dashboard's view of a board: a summary the server computes from the board's
 * documents and presence, so the trainer's page shows every team's board as a live tile without
 * loading any canvas (server/dashboard/).
 *
 * HTTP (trainer token of the cohort):
 *  - `GET /api/cohorts/:id/summaries?token=` → `{ boards: BoardSummary[] }` in team order;
 *  - `GET /api/cohorts/:id/live?token=` → Server-Sent Events: first `snapshot` (`{ boards }`),
 *    then `summary` (one BoardSummary) whenever a board's summary changes (at most about once a
 *    second per board), and `: ping` comments every 15 s.
 */
import type { Role } from '../roles';
import type { TimerState } from '../timer';

export interface PresentPerson {
  name: string;
  /** The role of the link they are connected with, as checked by the server. */
  role: Role;
}

export interface BoardSummary {
  boardId: string;
  /** The team the board belongs to in the cohort. */
  team: string;
  title: string;
  /** Distinct people on the board right now (by their browser's user id), by name. */
  present: PresentPerson[];
  /** The step the facilitator has the board on (control document), null before the first. */
  stepId: string | null;
  /** Index of the step in the template's steps. */
  stepIndex: number | null;
  stepTitle: string | null;
  timer: TimerState | null;
  /** The banner shown to everyone, if any. */
  banner: string | null;
  /** Typed exercise cards (`pb-item-*` shapes of a known item type). */
  items: number;
  /** tldraw sticky notes. */
  stickies: number;
  /** Typed arrows (connector kinds of the board's exercise). */
  connections: number;
  /** Last write by a participant to the board or its control document (ISO), null if none known. */
  lastActivity: string | null;
  /**
   * A small SVG of the board (zones as tinted rectangles, cards and stickies as small coloured
   * rectangles; no text, no links, no script). Attributes are single-quoted and colours are
   * `rgb()`, but encode it (encodeURIComponent) for a `data:image/svg+xml` URL all the same.
   */
  thumbnail: string;
}

export interface CohortSummaries {
  boards: BoardSummary[];
}

/** Names of the SSE events of `GET /api/cohorts/:id/live`. */
export const DashboardEvent = {
  /** `{ boards: BoardSummary[] }`, once, first. */
  Snapshot: 'snapshot',
  /**
   * One BoardSummary that changed. Its `thumbnail` is left out when it is the one this stream
   * last sent for the board: keep the previous one.
   */
  Summary: 'summary',
} as const;

/** A thumbnail as an `<img src>`. */
export function thumbnailDataUrl(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}
