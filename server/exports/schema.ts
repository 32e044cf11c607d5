import fs from 'node:fs';

/** The export's JSON Schema (shared/export.schema.json), read once. */
let text: string | undefined;

export function exportSchemaText(): string {
  text ??= fs.readFileSync(new URL('../../shared/export.schema.json', import.meta.url), 'utf8');
  return text;
}

export function exportSchema(): Record<string, unknown> {
  return JSON.parse(exportSchemaText()) as Record<string, unknown>;
}
