import { defaultShapeUtils, type TLAnyShapeUtilConstructor } from 'tldraw';
import { ITEM_TYPES } from '../../../exercises/registry';
import { createItemShapeUtil } from './ItemShapeUtil';
import { ZoneShapeUtil } from './ZoneShapeUtil';
import './shapeTypes';
import './shapes.css';

/**
 * Our shapes: the zone and one card util per item type of every exercise. All item types are
 * registered on every board, whatever its template, so that any board (and any pasted card)
 * opens; the resulting schema equals the registry's `boardSchema()`.
 */
export const BOARD_SHAPE_UTILS: readonly TLAnyShapeUtilConstructor[] = [ZoneShapeUtil, ...ITEM_TYPES.map(createItemShapeUtil)];

/** Everything the store is created with: tldraw's default shapes plus ours. */
export const ALL_SHAPE_UTILS: readonly TLAnyShapeUtilConstructor[] = [...defaultShapeUtils, ...BOARD_SHAPE_UTILS];

export { EDIT_ITEM_EVENT } from './ItemShapeUtil';
export type { ItemShape, ZoneShape } from './shapeTypes';
