import type { SerializedSchema, SerializedSchemaV2 } from 'tldraw';

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

export function isSerializedSchema(v: unknown): v is SerializedSchema {
  if (!v || typeof v !== 'object') return false;
  const s = v as { schemaVersion?: unknown };
  return typeof s.schemaVersion === 'number';
}
