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
 * One register per value, so concurrent edits never drop each other (shared/rubricDoc.ts; it
 * still reads the earlier nested form date → dimension → { score, rationale, evidence }).
 */
export const DOC_RUBRIC = 'rubric';
/**
 * `actions` (Y.Map): action id → Y.Map of the ActionRow fields (shared/actionPlan.ts), so two
 * people editing different fields of one action both win.
 */
export const DOC_ACTIONS = 'actions';

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
  };
  /** tldraw instance presence record (cursor, viewport, selection), as JSON. */
  presence?: Record<string, unknown> | null;
}
