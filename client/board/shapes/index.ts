import { defaultShapeUtils, type TLAnyShapeUtilConstructor } from 'tldraw';
import { ITEM_TYPES } from '../../../exercises/registry';
import { BoardArrowShapeUtil } from './BoardArrowShapeUtil';
import { createItemShapeUtil } from './ItemShapeUtil';
import { ZoneShapeUtil } from './ZoneShapeUtil';
import './shapeTypes';
import './shapes.css';

/**
 * Our shapes: the zone, one card util per item type of every exercise, and tldraw's arrow drawn
 * with the look of its connector kind (same type and schema as tldraw's). All item types are
 * registered on every board, whatever its template, so that any board (and any pasted card)
 * opens; the resulting schema equals the registry's `boardSchema()`.
 */
export const BOARD_SHAPE_UTILS: readonly TLAnyShapeUtilConstructor[] = [
  BoardArrowShapeUtil,
  ZoneShapeUtil,
  ...ITEM_TYPES.map(createItemShapeUtil),
];

/** Everything the store is created with: tldraw's default shapes (our arrow in place of theirs) plus ours. */
export const ALL_SHAPE_UTILS: readonly TLAnyShapeUtilConstructor[] = [
  ...defaultShapeUtils.filter((u) => u.type !== BoardArrowShapeUtil.type),
  ...BOARD_SHAPE_UTILS,
];

export { EDIT_ITEM_EVENT } from './ItemShapeUtil';
export { setBoardExercise, typedConnectorOf, arrowheadProps } from './connectorKinds';
export type { ItemShape, ZoneShape } from './shapeTypes';
