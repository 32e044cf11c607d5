import { expect } from 'vitest';
import { boardSchema, getItemType } from '../registry';
import type { ExerciseDef } from './definitions';
import { extractBoard } from './extract';
import { FixtureBuilder } from './fixtureBuilder';

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
