import type { ActionRow } from '../actionPlan';
import type { NoteBlock } from '../doc/notes';
import type { FieldValue, Figure, ResultConnection, ResultReviewAnswer, ResultVoteRound } from '../results';
import type { EvidenceEntry, RubricBandId, RubricDimensionId } from '../rubric';
import type { Role } from '../roles';

/**
 * The export of one board: one self-contained, versioned JSON document (JSON Schema:
 * shared/export.schema.json, served at GET /api/export-schema.json). The CSV files, the Markdown
 * and the HTML report are all rendered from it, and it is built from the same functions the
 * board's panels use (extraction, rubric and action plan readers), so every format and the
 * panels agree.
 *
 * Bump EXPORT_VERSION on any change that removes or renames a property or changes its meaning;
 * adding an optional property is not a breaking change.
 */
export const EXPORT_VERSION = 1;

export const EXPORT_FORMATS = ['json', 'csv', 'md', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** ASCII letters and digits joined by single dashes, accents dropped, at most `max` characters ('' when nothing is left). */
export function fileSlug(text: string, max = 60): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/**
 * A file name from the board's title and the export date: the title's slug ("Région Nord: 2026!"
 * → "Region-Nord-2026"), "board" when nothing is left, then the date and the suffix:
 * `Region-Nord-2026-2026-05-04.json`.
 */
export function exportFilename(title: string, date: string, suffix: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : 'undated';
  return `${fileSlug(title) || 'board'}-${day}${suffix}`;
}

/** The files inside the CSV zip, one per entity type. */
export const EXPORT_CSV_FILES = ['items.csv', 'connections.csv', 'figures.csv', 'rubric.csv', 'actions.csv', 'notes.csv', 'review.csv', 'votes.csv'] as const;

/**
 * The element of the HTML report that stands where the board image goes. The server leaves a
 * note in it; the board page replaces the whole element with the canvas as SVG when it opens the
 * report (the server has no renderer for the canvas).
 */
export const BOARD_IMAGE_SLOT_START = '<!--board-image:start-->';
export const BOARD_IMAGE_SLOT_END = '<!--board-image:end-->';

/**
 * The report with the board image in its slot: everything between the slot's markers is
 * replaced by `figureHtml` (markup the caller made safe). Returns null when the report has no
 * slot, so the caller can tell the image was not placed.
 */
export function insertBoardImage(reportHtml: string, figureHtml: string): string | null {
  const start = reportHtml.indexOf(BOARD_IMAGE_SLOT_START);
  const end = reportHtml.indexOf(BOARD_IMAGE_SLOT_END, start);
  if (start < 0 || end < 0) return null;
  return reportHtml.slice(0, start) + figureHtml + reportHtml.slice(end + BOARD_IMAGE_SLOT_END.length);
}

export interface ExportFieldDef {
  key: string;
  label: string;
  kind: 'text' | 'longtext' | 'choice' | 'scale' | 'number' | 'boolean';
  /** choice: the stored values and their labels. */
  options?: { value: string; label: string }[];
  /** scale: the range. */
  min?: number;
  max?: number;
}

/** An item type used on the board (the exercise's palette plus any type pasted in). */
export interface ExportItemType {
  type: string;
  label: string;
  /** The field whose value is the item's title. */
  titleField: string;
  fields: ExportFieldDef[];
}

export interface ExportConnectorKind {
  kind: string;
  label: string;
  fields: ExportFieldDef[];
}

/** A typed item (a card made from a palette). Its fields are described by its type in `itemTypes`. */
export interface ExportItem {
  id: string;
  type: string;
  typeLabel: string;
  title: string;
  /** Field key → value: text / longtext / choice as strings ('' = empty; choice holds the option's value),
   * scale / number as numbers or null, boolean as true / false. */
  fields: Record<string, FieldValue>;
  /** The template zone holding the item's centre, or null outside every zone. */
  zoneId: string | null;
  zoneLabel: string | null;
  /** Every step working in that zone. */
  stepIds: string[];
  /** Canvas position and size (page coordinates). */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Display names as written on the card when it was made and last edited. */
  createdBy: string | null;
  createdAt: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** A step of the exercise with the items in its zone. Steps sharing a zone list the same items. */
export interface ExportStep {
  id: string;
  title: string;
  prompt: string;
  minutes: number;
  zoneId: string | null;
  zoneLabel: string | null;
  items: ExportItem[];
}

export interface ExportConnection extends ResultConnection {
  /** Titles of the items at either end (null when that end is not bound to a typed item). */
  fromTitle: string | null;
  toTitle: string | null;
}

/** Someone who opened the board, as recorded by the server (name and link role only). */
export interface ExportParticipant {
  /** The random id their browser uses (not a credential). */
  id: string;
  name: string;
  role: Role;
  firstSeen: string;
  lastSeen: string;
}

export interface ExportRubricScore {
  score: number | null;
  band: RubricBandId | null;
  bandLabel: string | null;
  /** What a region in this band typically looks like on this dimension (null when not scored). */
  guidepost?: string | null;
  /** Where the team could put its effort next, for this band and dimension (null when not scored). */
  next?: string | null;
  rationale: string;
  /** Every evidence entry, including the ones the team dismissed (see `status`). */
  evidence: EvidenceEntry[];
}

export interface ExportRubricAssessment {
  /** Session date, YYYY-MM-DD. */
  date: string;
  scores: Record<RubricDimensionId, ExportRubricScore>;
}

export interface ExportRubric {
  /** The dimensions with what each measures (`description`, always written by this server). */
  dimensions: { id: RubricDimensionId; label: string; description?: string }[];
  /** The bands with what a region in each looks like overall (`description`, always written by this server). */
  bands: { id: RubricBandId; label: string; min: number; max: number; description?: string }[];
  /** Oldest first; the last one is the current session. */
  sessions: ExportRubricAssessment[];
}

export interface ExportAction extends ActionRow {
  statusLabel: string;
  /** True when the action was promoted from a board item that is still on the board. */
  sourceExists: boolean;
}

/** A question of the after-action review of a note's step, with its answer (shared/results.ts). */
export type ExportReviewAnswer = ResultReviewAnswer;

/**
 * The team's notes of one step (collaborative rich text, one per step; on a board without steps
 * one for the whole board) with the step's after-action review. Only steps with text or an
 * answered question are listed (see ResultNote).
 */
export interface ExportNote {
  /** The step the note belongs to, or null for a note about the whole board. */
  stepId: string | null;
  /** The step's title ("Whole board" for the board's own note). */
  stepTitle: string;
  /** Plain text: blocks separated by a blank line, list items as "- " / "1. ", link addresses in brackets. */
  text: string;
  /** CommonMark (with GitHub's strikethrough and task lists); typed text escaped. */
  markdown: string;
  /** The note's structure, for renderers that format it. Links are http, https or mailto only. */
  blocks: NoteBlock[];
  /** Every question of the step's review phase, answered or not, then answered ones of other phases. */
  review: ExportReviewAnswer[];
}

export interface BoardExport {
  exportVersion: typeof EXPORT_VERSION;
  /** Version of the results definitions (shared/results.ts) the items and figures follow. */
  resultsVersion: number;
  exportedAt: string;
  board: {
    id: string;
    title: string;
    region: string;
    sector: string;
    template: { id: string; title: string; version: number };
    variant: { id: string; title: string } | null;
    createdAt: string;
  };
  participants: ExportParticipant[];
  itemTypes: ExportItemType[];
  connectorKinds: ExportConnectorKind[];
  steps: ExportStep[];
  /** Typed items that sit in no step's zone (outside every zone, or in a zone no step uses). */
  itemsOutsideSteps: ExportItem[];
  connections: ExportConnection[];
  figures: Figure[];
  rubric: ExportRubric;
  actions: ExportAction[];
  notes: ExportNote[];
  /**
   * The dot-voting rounds, oldest first. Counts appear only once a round is revealed (`ranking`
   * is null while it is open). Added without a version change: optional for readers of older
   * exports; this server always writes it.
   */
  votes?: ExportVoteRound[];
}

/** A dot-voting round (shared/results.ts ResultVoteRound): ranked items once revealed, titles as they are now. */
export type ExportVoteRound = ResultVoteRound;
