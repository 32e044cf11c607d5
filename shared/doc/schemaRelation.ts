import type { SerializedSchema, SerializedSchemaV2 } from '@tldraw/store';

export type SchemaRelation = 'same' | 'older' | 'newer';

/**
 * How the schema a board was written with relates to ours.
 *
 * `newer` when it knows a migration sequence we don't or is further along one of ours: we cannot
 * read such records safely, let alone write them. `older` when we are further along (or have
 * sequences it lacks): its records migrate up. tldraw's own `getMigrationsSince` ignores unknown
 * sequences, which is why this check exists.
 */
export function compareSchemas(ours: SerializedSchemaV2, theirs: SerializedSchema): SchemaRelation {
  if (theirs.schemaVersion > ours.schemaVersion) return 'newer';
  if (theirs.schemaVersion < 2) return 'older';
  const theirSeq = (theirs as SerializedSchemaV2).sequences ?? {};
  let older = false;
  for (const [id, version] of Object.entries(theirSeq)) {
    const mine = ours.sequences[id];
    if (mine === undefined) return 'newer';
    if (version > mine) return 'newer';
    if (version < mine) older = true;
  }
  for (const id of Object.keys(ours.sequences)) {
    if (!(id in theirSeq)) older = true;
  }
  return older ? 'older' : 'same';
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const allNumbers = (v: Record<string, unknown>) => Object.values(v).every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0);

/**
 * Whether a value is a serialized tldraw schema: version 1 (`storeVersion`, `recordVersions`) or
 * version 2 and later (`sequences`: sequence id → whole number). Anything else (a string, an
 * object of the wrong shape) is not, and no reader treats it as one.
 */
export function isSerializedSchema(v: unknown): v is SerializedSchema {
  if (!isPlainObject(v)) return false;
  const version = v.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return false;
  if (version === 1) return typeof v.storeVersion === 'number' && isPlainObject(v.recordVersions);
  return isPlainObject(v.sequences) && allNumbers(v.sequences);
}
