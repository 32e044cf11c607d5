import schema from '../../shared/export.schema.json' with { type: 'json' };

/** The export's JSON Schema (shared/export.schema.json), bundled with the server. */
let text: string | undefined;

export function exportSchemaText(): string {
  text ??= `${JSON.stringify(schema, null, 2)}\n`;
  return text;
}

export function exportSchema(): Record<string, unknown> {
  return JSON.parse(exportSchemaText()) as Record<string, unknown>;
}
