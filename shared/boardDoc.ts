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
import type { ExerciseTemplate } from './template';

export const DEFAULT_PAGE_ID = 'page:page';

/** The key-value view of a board's tldraw records. */
export function recordsOf(doc: Y.Doc): YKeyValue<TLRecord> {
  return new YKeyValue<TLRecord>(doc.getArray<{ key: string; val: TLRecord }>(DOC_RECORDS));
}

export function readBoardMeta(doc: Y.Doc): BoardMeta | null {
  const map = doc.getMap<unknown>(DOC_BOARD);
  if (!map.has('id')) return null;
  return map.toJSON() as BoardMeta;
}

/**
 * Builds the first state of a board: its metadata, the tldraw document and page records, the
 * template's own records (zones) and the schema they were written with. The server seeds every
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
  });
}
