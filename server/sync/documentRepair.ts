import type * as Y from 'yjs';
import { isRecordEntry } from '../../shared/doc/boardDoc';
import { DOC_RECORDS, DOC_SCHEMA, DOC_SCHEMA_TLDRAW_KEY } from '../../shared/doc/docLayout';
import { isSerializedSchema } from '../../shared/doc/schemaRelation';
import { boardSchema } from '../../exercises/registry';

export interface RepairReport {
  /** Entries of `records` that were not `{ key, val }` records (null, a number, a record under another key…). */
  removedEntries: number;
  /** Their keys where they had one (at most 20), for the log. */
  removedKeys: string[];
  /** `schema.tldraw` was missing or not a schema and now holds the board schema. */
  schemaReset: boolean;
}

/**
 * Makes a board document that was stored with junk in it safe to open, when its room loads.
 *
 * The relay refuses such writes now (documentLayout.ts), but a document may hold them from
 * before. Two kinds of junk stop every reader, the relay's own LockGuard included: an entry of
 * `records` that is not a `{ key, val }` pair (y-utility's YKeyValue reads `entry.key` of every
 * entry) and a `schema.tldraw` that is not a schema (browsers refuse a board without one). Those
 * are removed or reset in one write with `origin`, stored and sent like any change. Records that
 * are pairs but not valid records are kept: no data is thrown away, and every reader skips them.
 * Returns null when nothing needed repair.
 */
export function repairBoardDoc(doc: Y.Doc, origin: unknown): RepairReport | null {
  const records = doc.getArray<unknown>(DOC_RECORDS);
  const bad: number[] = [];
  const removedKeys: string[] = [];
  records.toArray().forEach((entry, index) => {
    if (isRecordEntry(entry)) return;
    bad.push(index);
    const key = (entry as { key?: unknown } | null)?.key;
    if (typeof key === 'string' && removedKeys.length < 20) removedKeys.push(key.slice(0, 80));
  });
  const schemaMap = doc.getMap<unknown>(DOC_SCHEMA);
  const stored = schemaMap.get(DOC_SCHEMA_TLDRAW_KEY);
  // An empty document (nothing seeded) is left alone: there is nothing to describe.
  const schemaReset = stored === undefined ? records.length > 0 : !isSerializedSchema(stored);
  if (bad.length === 0 && !schemaReset) return null;
  doc.transact(() => {
    // From the end, so earlier indices stay valid.
    for (let i = bad.length - 1; i >= 0; i--) records.delete(bad[i], 1);
    if (schemaReset) schemaMap.set(DOC_SCHEMA_TLDRAW_KEY, boardSchema().serialize());
  }, origin);
  return { removedEntries: bad.length, removedKeys, schemaReset };
}
