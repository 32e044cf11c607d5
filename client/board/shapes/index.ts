import { defaultShapeUtils, type TLAnyShapeUtilConstructor } from 'tldraw';
import { ITEM_TYPES } from '../../../exercises/registry';
import { BoardArrowShapeUtil } from './BoardArrowShapeUtil';
import { createItemShapeUtil } from './ItemShapeUtil';
import { CachedGeoShapeUtil } from './labelSizes';
import { ZoneShapeUtil } from './ZoneShapeUtil';
import './shapeTypes';
import './shapes.css';

/**
 * Our shapes: the zone, one card util per item type of every exercise, tldraw's arrow drawn
 * with the look of its connector kind (same type and schema as tldraw's), and tldraw's geo shape
 * with its label measurements kept between visits (labelSizes.ts). All item types are
 * registered on every board, whatever its template, so that any board (and any pasted card)
 * opens; the resulting schema equals the registry's `boardSchema()`.
 */
export const BOARD_SHAPE_UTILS: readonly TLAnyShapeUtilConstructor[] = [
  BoardArrowShapeUtil,
  CachedGeoShapeUtil,
  ZoneShapeUtil,
  ...ITEM_TYPES.map(createItemShapeUtil),
];

/** Everything the store is created with: tldraw's default shapes (our arrow in place of theirs) plus ours. */
export const ALL_SHAPE_UTILS: readonly TLAnyShapeUtilConstructor[] = [
  ...defaultShapeUtils.filter((u) => u.type !== BoardArrowShapeUtil.type && u.type !== CachedGeoShapeUtil.type),
  ...BOARD_SHAPE_UTILS,
];

export { EDIT_ITEM_EVENT } from './ItemShapeUtil';
export { setBoardExercise, typedConnectorOf, arrowheadProps } from './connectorKinds';
export type { ItemShape, ZoneShape } from './shapeTypes';
