import type { SerializedSchema, SerializedSchemaV2 } from '@tldraw/store';
import type { TLRecord, TLSchema } from '@tldraw/tlschema';
import { compareSchemas, isSerializedSchema } from '../../shared/doc/schemaRelation';

/**
 * Checking tldraw records the way a browser will load them: a board's records were written with
 * the schema stored beside them (`schema.tldraw`); a record is good when it migrates from that
 * schema to the board schema and then passes the board schema's validators. The set of record
 * types, shape types and their props is the board schema's (exercises/kit/schema.ts), built from
 * the exercise registry, so a new exercise's item types are accepted without listing them here.
 *
 * Only document-scope types belong in a board document (pages, shapes, bindings, assets, the
 * document record, users); session and presence records never do.
 */
export type RecordVerdict = { ok: true; record: TLRecord } | { ok: false; problem: string };

export interface RecordChecker {
  /**
   * How the stored schema relates to the board schema: `same`, `older` (records migrate up),
   * or `unknown` (not a schema, or newer than ours): records are then only checked for their
   * outline (id, known document type), since no validator of ours describes them.
   */
  readonly relation: 'same' | 'older' | 'unknown';
  /** The record brought to the board schema, or why it cannot be one. */
  check(record: unknown): RecordVerdict;
}

const serialized = new WeakMap<TLSchema, SerializedSchemaV2>();
/** `schema.serialize()`, computed once per schema (it walks every migration sequence). */
export function serializedSchema(schema: TLSchema): SerializedSchemaV2 {
  let s = serialized.get(schema);
  if (!s) serialized.set(schema, (s = schema.serialize()));
  return s;
}

const checkers = new WeakMap<TLSchema, { plain: Map<unknown, RecordChecker>; objects: WeakMap<object, RecordChecker> }>();

/**
 * The checker of records stored with `storedSchema`, made once per stored schema value (a
 * document hands out the same object until its schema changes).
 */
export function recordChecker(schema: TLSchema, storedSchema: unknown): RecordChecker {
  let cache = checkers.get(schema);
  if (!cache) checkers.set(schema, (cache = { plain: new Map(), objects: new WeakMap() }));
  const isObject = typeof storedSchema === 'object' && storedSchema !== null;
  const known = isObject ? cache.objects.get(storedSchema) : cache.plain.get(storedSchema);
  if (known) return known;
  const made = makeChecker(schema, storedSchema);
  if (isObject) cache.objects.set(storedSchema, made);
  else if (cache.plain.size < 16) cache.plain.set(storedSchema, made);
  return made;
}

function makeChecker(schema: TLSchema, storedSchema: unknown): RecordChecker {
  const ours = serializedSchema(schema);
  const documentTypes = new Set(Object.entries(schema.types).filter(([, t]) => t.scope === 'document').map(([name]) => name));
  let relation: RecordChecker['relation'] = 'unknown';
  if (storedSchema === undefined) relation = 'same';
  else if (isSerializedSchema(storedSchema)) {
    const r = compareSchemas(ours, storedSchema);
    relation = r === 'newer' ? 'unknown' : r;
  }
  const from = storedSchema as SerializedSchema;

  const check = (record: unknown): RecordVerdict => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return { ok: false, problem: 'a record is an object' };
    const { id, typeName } = record as { id?: unknown; typeName?: unknown };
    if (typeof id !== 'string' || id.length === 0 || id.length > 300) return { ok: false, problem: 'a record has an id' };
    if (typeof typeName !== 'string' || !documentTypes.has(typeName)) {
      return { ok: false, problem: `"${String(typeName).slice(0, 40)}" is not a record type of a board` };
    }
    if (!id.startsWith(`${typeName}:`)) return { ok: false, problem: `a ${typeName} record's id starts with "${typeName}:"` };
    if (relation === 'unknown') return { ok: true, record: record as TLRecord };
    let current = record as TLRecord;
    if (relation === 'older') {
      const migrated = schema.migratePersistedRecord(current, from, 'up');
      if (migrated.type === 'error') return { ok: false, problem: `the record cannot be migrated (${migrated.reason})` };
      current = migrated.value;
    }
    try {
      return { ok: true, record: schema.validateRecord(null as never, current, 'initialize', null) };
    } catch (error) {
      return { ok: false, problem: `${id.slice(0, 80)}: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}` };
    }
  };
  return { relation, check };
}
