/** The schema comparison is shared with the server (shared/schemaRelation.ts). */
export { compareSchemas, isSerializedSchema, type SchemaRelation } from '../../shared/schemaRelation';
