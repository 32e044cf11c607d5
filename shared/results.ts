/**
 * Structured results of a board: the single definition used by the client panels, the server's
 * results endpoint and the exports. Versioned: bump RESULTS_VERSION on any breaking change.
 */
export const RESULTS_VERSION = 1;

export type FieldValue = string | number | boolean | null;

/** A typed item placed on the board (a card made from an exercise's palette). */
export interface ResultItem {
  id: string;
  /** Item type id within the exercise, e.g. `knock`. */
  type: string;
  /** Human label of the type, e.g. `Knock`. */
  typeLabel: string;
  /** The item's title: the value of its title field, or its type label when empty. */
  title: string;
  fields: Record<string, FieldValue>;
  /** The template zone the item sits in (by its centre), or null when outside every zone. */
  zoneId: string | null;
  /** Steps whose zone holds the item. */
  stepIds: string[];
  /** Canvas position (page coordinates of the top-left corner) and size. */
  x: number;
  y: number;
  w: number;
  h: number;
  createdBy?: string;
  updatedBy?: string;
  createdAt?: string;
  updatedAt?: string;
}

/** A typed connector (an arrow given a kind) between two items. */
export interface ResultConnection {
  id: string;
  kind: string;
  kindLabel: string;
  fromId: string | null;
  toId: string | null;
  fields: Record<string, FieldValue>;
  /** True when both ends are bound to typed items that exist. */
  complete: boolean;
}

export type FigureStatus = 'ok' | 'warn' | 'info';

interface FigureBase {
  id: string;
  label: string;
  /** Typed connectors behind the figure (e.g. unfinished arrows), for zooming to them. */
  connectionIds?: string[];
  /** One short sentence saying what the figure means for the team. */
  help?: string;
  status?: FigureStatus;
}

export interface NumberFigure extends FigureBase {
  kind: 'number';
  value: number;
  /** Optional target (e.g. 10 ideas). */
  target?: number;
  itemIds?: string[];
}

export interface TableFigure extends FigureBase {
  kind: 'table';
  columns: string[];
  rows: { key: string; cells: (string | number)[]; status?: FigureStatus; itemIds?: string[] }[];
}

export interface ListFigure extends FigureBase {
  kind: 'list';
  entries: { text: string; status?: FigureStatus; itemIds?: string[] }[];
  /** Shown when the list is empty. */
  empty?: string;
}

export type Figure = NumberFigure | TableFigure | ListFigure;

export interface ResultStep {
  id: string;
  title: string;
  zoneId: string | null;
  itemIds: string[];
}

/** One after-action review question of a note's step (exercises/kit/review.ts). */
export interface ResultReviewAnswer {
  questionId: string;
  /** The phase of building a partnership the question closes. */
  phaseId: string;
  question: string;
  /** Yes, no or not yet; null while unanswered. A tick on an earlier board reads as yes. */
  answer: 'yes' | 'no' | 'not-yet' | null;
  /** The answer as people read it ("Yes", "No", "Not yet"), '' while unanswered. */
  answerLabel: string;
  /** The short answer in words ('' when none). */
  text: string;
  /** True when the answer is yes (what earlier exports called ticked). */
  checked: boolean;
  /** Who last set the answer or its text (only when answered). */
  answeredBy?: string;
  /** When, ISO (only when answered). */
  answeredAt?: string;
}

/**
 * The team's notes of one step (or of the whole board, `stepId` null, on boards without steps):
 * the rich text as Markdown and as plain text, and the step's after-action review. Only steps
 * whose note has text or that have an answered question are listed; their `review` lists every
 * question of the step's review phase (answered or not) and any question of another phase the
 * team answered, so what is still open shows too.
 */
export interface ResultNote {
  stepId: string | null;
  stepTitle: string;
  markdown: string;
  text: string;
  review: ResultReviewAnswer[];
}

/** One item of a revealed dot-voting round, ranked (shared/doc/votes.ts `ranking`). */
export interface ResultVoteEntry {
  itemId: string;
  /** The item's title now; "(removed)" when it is no longer on the board. */
  title: string;
  /** The item type id for a typed card (e.g. `knock`), else the shape type (`note`, `geo`, `text`…); null once removed. */
  type: string | null;
  votes: number;
  /** Standard competition ranking: ties share a rank (1, 1, 3). */
  rank: number;
}

/**
 * A dot-voting round of the board (from its control document). No count appears before the
 * reveal: `ranking` is null while the round is open, and `voters` only says how many people have
 * placed dots.
 */
export interface ResultVoteRound {
  id: string;
  stepId: string;
  /** The step's title (its id when the template no longer has it). */
  stepTitle: string;
  status: 'open' | 'revealed';
  perPerson: number;
  perItem: number | null;
  /** ISO times. */
  startedAt: string;
  revealedAt: string | null;
  voters: number;
  /** Items that got dots, most first; null while the round is open. */
  ranking: ResultVoteEntry[] | null;
}

export interface BoardResults {
  resultsVersion: typeof RESULTS_VERSION;
  templateId: string;
  templateVersion: number;
  variant: string | null;
  steps: ResultStep[];
  items: ResultItem[];
  connections: ResultConnection[];
  figures: Figure[];
  /**
   * The notes and review answers (ResultNote). They live beside the canvas records in the board's
   * doc, so only readers of the doc fill them in (the results endpoint and the exports); the
   * live panels' results, extracted from the canvas alone, leave them out.
   */
  notes?: ResultNote[];
  /**
   * The dot-voting rounds, oldest first (ResultVoteRound). They live in the board's control
   * document, so only the results endpoint and the exports fill them in.
   */
  votes?: ResultVoteRound[];
}
