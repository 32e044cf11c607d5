import type { TLSchema } from '@tldraw/tlschema';
import { expect } from 'vitest';
import type { ExerciseDef, ItemTypeDef } from './definitions';
import { extractBoard } from './extract';
import { FixtureBuilder } from './fixtureBuilder';
import { itemShapeType } from './shapes';

/**
 * What the test helpers need of the registry: item types are global (a board holds cards of any
 * exercise), so fixtures and extraction look them up in every exercise, and records validate
 * against the one board schema. The registry imports every exercise folder, and every folder's
 * tests use these helpers: the helpers take the catalog instead of importing it, and vitest's
 * setup file (exercises/tests/provideCatalog.ts) hands it in before any test runs.
 */
export interface ItemCatalog {
  getItemType(type: string): ItemTypeDef | undefined;
  boardSchema(): TLSchema;
}

let catalog: ItemCatalog | null = null;

export function provideItemCatalog(c: ItemCatalog): void {
  catalog = c;
}

function theCatalog(): ItemCatalog {
  if (!catalog) throw new Error('exercises/kit/testing: no item catalog; vitest.config.ts runs exercises/tests/provideCatalog.ts first');
  return catalog;
}

/** A fixture builder for an exercise: its own item types first, then any registered one. */
export function fixtureFor(exercise: ExerciseDef): FixtureBuilder {
  const { getItemType } = theCatalog();
  return new FixtureBuilder(exercise, (t) => exercise.itemTypes.find((d) => d.type === t) ?? getItemType(t));
}

/** Asserts every record is valid for the board schema, as a client would require. */
export function expectValidRecords(records: Record<string, unknown>[]): void {
  const schema = theCatalog().boardSchema();
  for (const r of records) {
    expect(() => schema.validateRecord(null as never, r as never, 'tests', null), `record ${String(r.id)}`).not.toThrow();
  }
}

export function extractFixture(exercise: ExerciseDef, records: Record<string, unknown>[], variant: string | null = null) {
  return extractBoard(records, { exercise, itemType: theCatalog().getItemType, variant });
}

/**
 * Migrates records the way a client opening a board saved before any prop migration of
 * `itemType` does (its sequence at version 0, every other one current); returns the migrated
 * records by id and asserts each is valid.
 */
export function migrateFromFirstVersion(records: Record<string, unknown>[], itemType: string): Record<string, { props: Record<string, unknown> }> {
  const { boardSchema } = theCatalog();
  const schema = boardSchema().serialize();
  const old = { ...schema, sequences: { ...schema.sequences, [`com.tldraw.shape.${itemShapeType(itemType)}`]: 0 } };
  const migrated = boardSchema().migrateStoreSnapshot({ store: Object.fromEntries(records.map((r) => [r.id, r])) as never, schema: old });
  expect(migrated.type).toBe('success');
  const value = (migrated as { value: Record<string, { props: Record<string, unknown> }> }).value;
  expectValidRecords(Object.values(value) as never);
  return value;
}
