import type * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { DocumentRecordType, PageRecordType, TLDOCUMENT_ID } from '@tldraw/tlschema';
import type { TLRecord, TLSchema } from '@tldraw/tlschema';
import {
  DOC_BOARD,
  DOC_LAYOUT_VERSION,
  DOC_RECORDS,
  DOC_SCHEMA,
  DOC_SCHEMA_TLDRAW_KEY,
  type BoardMeta,
} from './docLayout';
import type { ExerciseTemplate } from '../template';
import { addAction } from './actionPlanDoc';

/** Who the action plan names as the author of a template's starting actions. */
export const STARTING_ACTION_AUTHOR = 'Board template';

/** Id of the n-th starting action of a template (stable within a board). */
export function startingActionId(n: number): string {
  return `action:starting-${n + 1}`;
}

export const DEFAULT_PAGE_ID = 'page:page';

/**
 * The live key-value view of a board's tldraw records, for a client that edits them. It observes
 * the document for as long as the document lives and may remove duplicate entries when created,
 * so one-off readers (results, exports) use `readRecords` instead.
 */
export function recordsOf(doc: Y.Doc): YKeyValue<TLRecord> {
  return new YKeyValue<TLRecord>(doc.getArray<{ key: string; val: TLRecord }>(DOC_RECORDS));
}

/**
 * Whether an entry of the `records` array is what a writer puts there: `{ key, val }` with the
 * record as `val` (a plain object whose `id` is the key and whose `typeName` is a string).
 * Anything else is junk every reader skips and the relay refuses to store.
 */
export function isRecordEntry(entry: unknown): entry is { key: string; val: TLRecord } {
  if (!isPlainObject(entry)) return false;
  const { key, val } = entry as { key?: unknown; val?: unknown };
  return typeof key === 'string' && isPlainObject(val) && (val as { id?: unknown }).id === key && typeof (val as { typeName?: unknown }).typeName === 'string';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A snapshot of a board's records by id, read without observing or writing the document. Like
 * YKeyValue, the right-most entry of a key wins; entries that are not records are skipped.
 */
export function readRecords(doc: Y.Doc): Map<string, TLRecord> {
  const out = new Map<string, TLRecord>();
  for (const entry of doc.getArray<unknown>(DOC_RECORDS).toArray()) {
    if (isRecordEntry(entry)) out.set(entry.key, entry.val);
  }
  return out;
}

const META_STRINGS = ['id', 'title', 'region', 'sector', 'templateId', 'variant', 'createdAt'] as const;
const META_NUMBERS = ['templateVersion', 'layoutVersion'] as const;

/**
 * The board's metadata as the server seeded it, or null when the document has none. Each field
 * is read only when it has its type (strings as strings, versions as whole numbers), so a value
 * of the wrong type reads as missing and callers fall back to the board's stored row.
 */
export function readBoardMeta(doc: Y.Doc): Partial<BoardMeta> | null {
  const map = doc.getMap<unknown>(DOC_BOARD);
  if (!map.has('id')) return null;
  const out: Partial<BoardMeta> = {};
  for (const key of META_STRINGS) {
    const v = map.get(key);
    if (typeof v === 'string') out[key] = v;
  }
  for (const key of META_NUMBERS) {
    const v = map.get(key);
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) out[key] = v;
  }
  return out;
}

/**
 * Builds the first state of a board: its metadata, the tldraw document and page records, the
 * template's own records (zones, starter cards), its starting actions (ExerciseTemplate
 * `startingActions`, a millisecond apart from the board's creation time so they keep their order)
 * and the schema they were written with. The server seeds every
 * new board with it, so that no client ever has to create the page itself (two clients doing so
 * at once would race).
 */
export function seedBoardDoc(
  doc: Y.Doc,
  meta: Omit<BoardMeta, 'layoutVersion' | 'templateVersion' | 'templateId'>,
  template: ExerciseTemplate,
  schema: TLSchema,
  templateRecords: readonly Record<string, unknown>[] = [],
): void {
  doc.transact(() => {
    const board = doc.getMap<unknown>(DOC_BOARD);
    const full: BoardMeta = {
      ...meta,
      templateId: template.id,
      templateVersion: template.version,
      layoutVersion: DOC_LAYOUT_VERSION,
    };
    for (const [k, v] of Object.entries(full)) if (v !== undefined) board.set(k, v);
    doc.getMap<unknown>(DOC_SCHEMA).set(DOC_SCHEMA_TLDRAW_KEY, schema.serialize());
    const records = recordsOf(doc);
    const document = DocumentRecordType.create({ id: TLDOCUMENT_ID, name: meta.title });
    const page = PageRecordType.create({
      id: DEFAULT_PAGE_ID as never,
      name: 'Board',
      index: 'a1' as never,
    });
    records.set(document.id, document);
    records.set(page.id, page);
    for (const record of templateRecords) {
      // Validate against the schema so a template can never seed a record clients would reject.
      const valid = schema.validateRecord(null as never, record as unknown as TLRecord, 'initialize', null);
      records.set(valid.id, valid);
    }
    const created = Date.parse(meta.createdAt);
    const base = Number.isNaN(created) ? Date.now() : created;
    (template.startingActions ?? []).forEach((text, n) => {
      addAction(doc, { text, createdBy: STARTING_ACTION_AUTHOR }, new Date(base + n), startingActionId(n));
    });
  });
}
