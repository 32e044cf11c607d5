import { expect } from 'vitest';
import { boardSchema, getItemType } from '../registry';
import type { ExerciseDef } from './definitions';
import { extractBoard } from './extract';
import { FixtureBuilder } from './fixtureBuilder';
import { itemShapeType } from './shapes';

/** A fixture builder for an exercise: its own item types first, then any registered one. */
export function fixtureFor(exercise: ExerciseDef): FixtureBuilder {
  return new FixtureBuilder(exercise, (t) => exercise.itemTypes.find((d) => d.type === t) ?? getItemType(t));
}

/** Asserts every record is valid for the board schema, as a client would require. */
export function expectValidRecords(records: Record<string, unknown>[]): void {
  const schema = boardSchema();
  for (const r of records) {
    expect(() => schema.validateRecord(null as never, r as never, 'tests', null), `record ${String(r.id)}`).not.toThrow();
  }
}

export function extractFixture(exercise: ExerciseDef, records: Record<string, unknown>[], variant: string | null = null) {
  return extractBoard(records, { exercise, itemType: getItemType, variant });
}

/**
 * Migrates records the way a client opening a board saved before any prop migration of
 * `itemType` does (its sequence at version 0, every other one current); returns the migrated
 * records by id and asserts each is valid.
 */
export function migrateFromFirstVersion(records: Record<string, unknown>[], itemType: string): Record<string, { props: Record<string, unknown> }> {
  const schema = boardSchema().serialize();
  const old = { ...schema, sequences: { ...schema.sequences, [`com.tldraw.shape.${itemShapeType(itemType)}`]: 0 } };
  const migrated = boardSchema().migrateStoreSnapshot({ store: Object.fromEntries(records.map((r) => [r.id, r])) as never, schema: old });
  expect(migrated.type).toBe('success');
  const value = (migrated as { value: Record<string, { props: Record<string, unknown> }> }).value;
  expectValidRecords(Object.values(value) as never);
  return value;
}
