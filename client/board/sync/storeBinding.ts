import type * as Y from 'yjs';
import type { YKeyValue } from 'y-utility/y-keyvalue';
import { loadSnapshot, type SerializedSchema, type TLRecord, type TLStore } from 'tldraw';
import { DOC_SCHEMA, DOC_SCHEMA_TLDRAW_KEY } from '../../../shared/doc/docLayout';
import { LOCAL_ORIGIN } from './boardConnection';
import { compareSchemas, isSerializedSchema, type SchemaRelation } from '../../../shared/doc/schemaRelation';

export type LoadResult =
  | { kind: 'ok'; relation: SchemaRelation; upgraded: boolean; skipped?: string[] }
  | { kind: 'newer' }
  | { kind: 'empty' }
  | { kind: 'error'; message: string };

type KV = YKeyValue<TLRecord>;

export function readDocSchema(doc: Y.Doc): SerializedSchema | null {
  const v = doc.getMap<unknown>(DOC_SCHEMA).get(DOC_SCHEMA_TLDRAW_KEY);
  return isSerializedSchema(v) ? v : null;
}

function allRecords(kv: KV): Record<string, TLRecord> {
  const out: Record<string, TLRecord> = {};
  for (const [key, entry] of kv.map) out[key] = entry.val;
  return out;
}

/** Structural equality for JSON values (records are plain JSON). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  if (ak.length !== bk.length) return false;
  for (const k of ak) if (!jsonEqual(ao[k], bo[k])) return false;
  return true;
}

/**
 * Loads the doc's records into an empty store, migrating them from the schema they were written
 * with. When that schema is older and we may write, the migrated records and our schema are
 * written back in one transaction so every client sees one version. A newer schema is refused
 * and nothing is written.
 */
export function loadDocIntoStore(doc: Y.Doc, kv: KV, store: TLStore, canWrite: boolean): LoadResult {
  const docSchema = readDocSchema(doc);
  const records = allRecords(kv);
  if (!docSchema) {
    // The server seeds every board; a doc without a schema was never initialised (or failed to
    // load). Never treat it as an empty board we could write into.
    return Object.keys(records).length === 0
      ? { kind: 'empty' }
      : { kind: 'error', message: 'The board data has no schema version.' };
  }
  const ours = store.schema.serialize();
  const relation = compareSchemas(ours, docSchema);
  if (relation === 'newer') return { kind: 'newer' };

  let migration = store.schema.migrateStoreSnapshot({ store: records, schema: docSchema });
  // One record that cannot be migrated (junk an older server stored) fails the whole snapshot:
  // then each record is migrated on its own, and those that fail are left out.
  const unmigratable = new Set<string>();
  if (migration.type === 'error' && migration.reason === 'migration-error') {
    const each: Record<string, TLRecord> = {};
    for (const [id, rec] of Object.entries(records)) {
      const r = store.schema.migratePersistedRecord(rec, docSchema, 'up');
      if (r.type === 'success') each[id] = r.value;
      else unmigratable.add(id);
    }
    migration = { type: 'success', value: each };
  }
  if (migration.type === 'error') {
    return migration.reason === 'target-version-too-new' || migration.reason === 'unrecognized-subtype'
      ? { kind: 'newer' }
      : { kind: 'error', message: `The board data could not be migrated (${migration.reason}).` };
  }
  const migrated = migration.value as Record<string, TLRecord>;

  // Every reader skips junk: a record the schema refuses is left out of the canvas (and left in
  // the document as it is), instead of keeping the whole board from opening.
  const loadable: Record<string, TLRecord> = {};
  const skipped = [...unmigratable];
  for (const [id, rec] of Object.entries(migrated)) {
    try {
      loadable[id] = store.schema.validateRecord(store, rec, 'initialize', null);
    } catch {
      skipped.push(id);
    }
  }
  if (skipped.length > 0) console.warn(`Left out ${skipped.length} record(s) this app cannot show: ${skipped.slice(0, 5).join(', ')}`);

  try {
    loadSnapshot(store, { document: { store: loadable, schema: ours } });
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }

  let upgraded = false;
  if (relation === 'older' && canWrite) {
    doc.transact(() => {
      // Only records the schema accepts: the relay refuses a write carrying any other.
      for (const [id, rec] of Object.entries(loadable)) {
        if (!jsonEqual(kv.get(id), rec)) kv.set(id, rec);
      }
      for (const id of Object.keys(records)) {
        if (!(id in migrated) && !unmigratable.has(id)) kv.delete(id);
      }
      doc.getMap<unknown>(DOC_SCHEMA).set(DOC_SCHEMA_TLDRAW_KEY, ours);
    }, LOCAL_ORIGIN);
    upgraded = true;
  }
  return skipped.length > 0 ? { kind: 'ok', relation, upgraded, skipped } : { kind: 'ok', relation, upgraded };
}

export interface BindingHooks {
  /** Whether local edits may be written to the doc right now. */
  canWrite(): boolean;
  /** The doc's schema became newer than ours while the board was open. */
  onNewerSchema(): void;
  /** A remote record could not be applied (validation or migration failure). */
  onRemoteError?(error: unknown, recordId: string): void;
}

/**
 * Two-way binding between the tldraw store and the doc's records, after `loadDocIntoStore`.
 *
 * - Local: `store.listen({ source: 'user', scope: 'document' })` → one doc transaction with
 *   origin LOCAL_ORIGIN (set for added/updated, delete for removed). Unchanged values are skipped.
 * - Remote: YKeyValue `change` events from any other origin → `store.mergeRemoteChanges`, so they
 *   are marked remote, skip our listener and stay out of the undo stack.
 */
export function bindStoreToDoc(doc: Y.Doc, kv: KV, store: TLStore, hooks: BindingHooks): () => void {
  const ours = store.schema.serialize();
  const schemaMap = doc.getMap<unknown>(DOC_SCHEMA);

  const stopListening = store.listen(
    ({ changes }) => {
      if (!hooks.canWrite()) return;
      const puts: TLRecord[] = [];
      const deletes: string[] = [];
      for (const rec of Object.values(changes.added)) puts.push(rec);
      for (const [, to] of Object.values(changes.updated)) puts.push(to);
      for (const rec of Object.values(changes.removed)) deletes.push(rec.id);
      const writes = puts.filter((rec) => !jsonEqual(kv.get(rec.id), rec));
      const removals = deletes.filter((id) => kv.has(id));
      if (writes.length === 0 && removals.length === 0) return;
      doc.transact(() => {
        for (const rec of writes) kv.set(rec.id, rec);
        for (const id of removals) kv.delete(id);
      }, LOCAL_ORIGIN);
    },
    { source: 'user', scope: 'document' },
  );

  type Change = { action: 'add' | 'update' | 'delete'; newValue?: TLRecord; oldValue?: TLRecord };
  const onChange = (changes: Map<string, Change>, tr: Y.Transaction) => {
    if (tr.origin === LOCAL_ORIGIN) return;
    const docSchema = readDocSchema(doc);
    const relation = docSchema ? compareSchemas(ours, docSchema) : 'same';
    if (relation === 'newer') {
      hooks.onNewerSchema();
      return;
    }
    const toPut: TLRecord[] = [];
    const toRemove: TLRecord['id'][] = [];
    for (const [id, change] of changes) {
      if (change.action === 'delete') {
        if (store.has(id as TLRecord['id'])) toRemove.push(id as TLRecord['id']);
        continue;
      }
      let rec = change.newValue as TLRecord;
      if (relation === 'older' && docSchema) {
        // Written by an older client against an older schema: bring it up to ours.
        const res = store.schema.migratePersistedRecord(rec, docSchema, 'up');
        if (res.type === 'error') {
          hooks.onRemoteError?.(new Error(`migration failed: ${res.reason}`), id);
          continue;
        }
        rec = res.value;
      }
      if (!store.scopedTypes.document.has(rec.typeName)) continue;
      toPut.push(rec);
    }
    if (toPut.length === 0 && toRemove.length === 0) return;
    try {
      store.mergeRemoteChanges(() => {
        if (toRemove.length) store.remove(toRemove);
        if (toPut.length) store.put(toPut);
      });
    } catch (e) {
      // One bad record must not block the others: retry one by one.
      store.mergeRemoteChanges(() => {
        for (const id of toRemove) {
          try {
            store.remove([id]);
          } catch (err) {
            hooks.onRemoteError?.(err, id);
          }
        }
        for (const rec of toPut) {
          try {
            store.put([rec]);
          } catch (err) {
            hooks.onRemoteError?.(err, rec.id);
          }
        }
      });
      if (!hooks.onRemoteError) console.error('Applying remote changes failed', e);
    }
  };
  kv.on('change', onChange);

  const onSchemaChange = (event: Y.YMapEvent<unknown>) => {
    if (event.transaction.origin === LOCAL_ORIGIN) return;
    if (!event.keysChanged.has(DOC_SCHEMA_TLDRAW_KEY)) return;
    const docSchema = readDocSchema(doc);
    if (docSchema && compareSchemas(ours, docSchema) === 'newer') hooks.onNewerSchema();
  };
  schemaMap.observe(onSchemaChange);

  return () => {
    stopListening();
    kv.off('change', onChange);
    schemaMap.unobserve(onSchemaChange);
  };
}
