import type { Role } from '../roles';
import type { BoardLinks } from './boards';

/** `POST /api/cohorts` and `POST /api/cohorts/<id>/broadcast`: the bodies, as their schemas (cohortRequests.ts) read them. */
export type { BroadcastRequest, CreateCohortRequest } from './cohortRequests';

/** A team board of a new cohort. */
export interface CohortBoard {
  team: string;
  id: string;
  links: BoardLinks;
}

/** `POST /api/cohorts` answer. */
export interface CreateCohortResponse {
  id: string;
  links: { trainer: string };
  boards: CohortBoard[];
}

/** A team's links as the trainer sees them later: null where the board's facilitator replaced the link. */
export type TeamLinks = Record<Role, string | null>;

/** `GET /api/cohorts/<id>?token=` */
export interface CohortInfo {
  id: string;
  name: string;
  templateId: string;
  variant: string | null;
  createdAt: string;
  links: { trainer: string };
  boards: { team: string; id: string; links: TeamLinks }[];
}


/** `POST /api/cohorts/<id>/broadcast` answer. */
export interface BroadcastResponse {
  /** Boards written. */
  boards: number;
  /** Ids of the boards the write failed on. */
  failed: string[];
}

export interface Labelled {
  id: string;
  label: string;
}

/** One team in the comparison. */
export interface TeamComparison {
  team: string;
  boardId: string;
  items: number;
  connections: number;
  /** Figure id → its value on this board, null when the board does not have it. */
  figures: Record<string, number | null>;
  /** The latest session's scores (null when not scored); date null when the team has no session. */
  rubric: { date: string | null; scores: Record<string, number | null> };
  /** Status → number of actions (every status listed, 0 included). */
  actions: Record<string, number>;
}

/** `GET /api/cohorts/<id>/comparison?token=` */
export interface CohortComparison {
  cohort: { id: string; name: string };
  template: { id: string; title: string };
  /** The exercise's number figures, in the exercise's order (then any other a board has). */
  figures: Labelled[];
  /** The rubric's dimensions. */
  dimensions: Labelled[];
  /** The action statuses. */
  statuses: Labelled[];
  teams: TeamComparison[];
}
