import type { ChangeVocabulary } from '../../shared/doc/changes';
import type { ExerciseDef, ItemTypeDef } from './definitions';
import { CONNECTOR_META_KEY, itemTypeOfShape, ZONE_SHAPE_TYPE } from './shapes';

/**
 * What shared/doc/changes.ts needs to know about a board's shapes: typed items from the item type
 * registry (every type, like every board), connector kinds from the board's exercise.
 */
export function changeVocabulary(exercise: ExerciseDef | undefined, itemType: (type: string) => ItemTypeDef | undefined): ChangeVocabulary {
  const kinds = new Map((exercise?.connectorKinds ?? []).map((k) => [k.kind, k.label]));
  return {
    itemType: (shapeType) => {
      const t = itemTypeOfShape(shapeType);
      return t ? itemType(t) : undefined;
    },
    connectorLabel: (kind) => kinds.get(kind),
    zoneShapeType: ZONE_SHAPE_TYPE,
    connectorMetaKey: CONNECTOR_META_KEY,
  };
}
