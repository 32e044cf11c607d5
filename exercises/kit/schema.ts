import { createTLSchema, defaultBindingSchemas, defaultShapeSchemas, type TLSchema } from '@tldraw/tlschema';
import type { ExerciseDef, ItemTypeDef } from './definitions';
import { itemMigrations, itemPropsValidators, itemShapeType, ZONE_SHAPE_TYPE, zoneMigrations, zonePropsValidators } from './shapes';

/** Every item type of the given exercises, once each. Two exercises may share a definition. */
export function collectItemTypes(exercises: readonly ExerciseDef[]): ItemTypeDef[] {
  const byType = new Map<string, ItemTypeDef>();
  for (const ex of exercises) {
    for (const def of ex.itemTypes) {
      const seen = byType.get(def.type);
      if (seen && seen !== def) throw new Error(`item type "${def.type}" is defined twice; share one definition`);
      byType.set(def.type, def);
    }
  }
  return [...byType.values()];
}

/** Schema entries of our custom shapes, in the form createTLSchema takes. */
function customShapeSchemas(itemTypes: readonly ItemTypeDef[]) {
  const shapes: Record<string, { props: Record<string, unknown>; migrations: unknown }> = {
    [ZONE_SHAPE_TYPE]: { props: zonePropsValidators, migrations: zoneMigrations },
  };
  for (const def of itemTypes) {
    shapes[itemShapeType(def.type)] = { props: itemPropsValidators(def), migrations: itemMigrations(def) };
  }
  return shapes;
}

/** The tldraw schema of a board: tldraw's default shapes plus ours. */
export function createBoardSchema(itemTypes: readonly ItemTypeDef[]): TLSchema {
  return createTLSchema({
    shapes: { ...defaultShapeSchemas, ...(customShapeSchemas(itemTypes) as typeof defaultShapeSchemas) },
    bindings: defaultBindingSchemas,
  });
}
