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

export interface BoardResults {
  resultsVersion: typeof RESULTS_VERSION;
  templateId: string;
  templateVersion: number;
  variant: string | null;
  steps: ResultStep[];
  items: ResultItem[];
  connections: ResultConnection[];
  figures: Figure[];
}
