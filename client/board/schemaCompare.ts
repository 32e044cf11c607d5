/** The schema comparison is shared with the server (shared/doc/schemaRelation.ts). */
export { compareSchemas, isSerializedSchema, type SchemaRelation } from '../../shared/doc/schemaRelation';
