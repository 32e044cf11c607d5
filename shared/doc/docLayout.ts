/**
 * The layout of a board's Y.Doc. Every client and the server read and write the document
 * through these names; renaming one is a document migration.
 *
 *  - `records` (Y.Array, used as a key-value store by y-utility's YKeyValue): every tldraw
 *    document-scope record (document, pages, shapes, bindings, assets) as plain JSON keyed by
 *    record id.
 *  - `schema` (Y.Map): `tldraw` holds the serialized tldraw schema the records were written with,
 *    so a newer client can migrate them and an older client can refuse to touch them.
 *  - `board` (Y.Map): board-level metadata (see BoardMeta).
 *
 * Presence (cursors, names, colours, viewports) never enters the document: it travels in Yjs
 * awareness.
 */
export const DOC_RECORDS = 'records';
export const DOC_SCHEMA = 'schema';
export const DOC_SCHEMA_TLDRAW_KEY = 'tldraw';
export const DOC_BOARD = 'board';
/**
 * `rubric` (Y.Map, flat): `<date>|<dimension>|score` → number | null, `<date>|<dimension>|rationale`
 * → string, `<date>|<dimension>|evidence|<id>` → EvidenceEntry; date is the session's YYYY-MM-DD.
 * One register per value, so concurrent edits never drop each other (shared/doc/rubricDoc.ts; it
 * still reads the earlier nested form date → dimension → { score, rationale, evidence }).
 */
export const DOC_RUBRIC = 'rubric';
/**
 * `actions` (Y.Map): action id → Y.Map of the ActionRow fields (shared/actionPlan.ts), so two
 * people editing different fields of one action both win.
 */
export const DOC_ACTIONS = 'actions';
/**
 * `note:<stepId>` (Y.XmlText, one per template step; `note:board` on boards whose template has no
 * steps): the team's notes as one Lexical document each, in @lexical/yjs's layout (elements as
 * nested Y.XmlText with `__type` attributes, text as a Y.Map of properties followed by its
 * characters). Top-level, so every client gets the same type by name without creating anything;
 * an empty or missing one is an empty note (no client seeds a first paragraph: see
 * client/CONTEXT.md "Notes"). Read with shared/doc/notes.ts.
 */
export const DOC_NOTE_PREFIX = 'note:';
/** The note key of a board without steps. No template step may use this id. */
export const BOARD_NOTE_KEY = 'board';
/** The top-level name of a step's note (`null`: the whole board's note). */
export function noteName(stepId: string | null): string {
  return `${DOC_NOTE_PREFIX}${stepId ?? BOARD_NOTE_KEY}`;
}
/**
 * `review` (Y.Map, flat): the after-action review answers (`board|…` on boards without steps),
 * two registers per question: `<stepId>|<questionId>` → `{ answer: 'yes' | 'no' | 'not-yet' |
 * null, checked, by, at }` and `<stepId>|<questionId>|text` → `{ text, by, at }`, so two people
 * answering different questions, or the choice and the text of one, never drop each other's
 * edit. Earlier boards hold ticks `{ checked, by, at }`, read as yes / unanswered
 * (shared/doc/reviewDoc.ts).
 */
export const DOC_REVIEW = 'review';

/** Version of our own document layout (not tldraw's); bump with a migration in boardDoc.ts. */
export const DOC_LAYOUT_VERSION = 1;

export interface BoardMeta {
  id: string;
  title: string;
  region: string;
  sector: string;
  templateId: string;
  templateVersion: number;
  variant?: string;
  createdAt: string;
  layoutVersion: number;
}

/** The awareness state each client publishes. */
export interface PresenceState {
  user: {
    id: string;
    name: string;
    color: string;
    role: 'viewer' | 'editor' | 'facilitator';
    /** When this colour was taken on the board (server ms; client/board/presenceColors.ts). */
    colorSince?: number;
  };
  /** tldraw instance presence record (cursor, viewport, selection), as JSON. */
  presence?: Record<string, unknown> | null;
}
