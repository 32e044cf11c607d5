import { ITEM_TYPES } from '../../../exercises/registry';
import { itemShapeType, ZONE_SHAPE_TYPE } from '../../../exercises/kit/shapes';

/**
 * tldraw names a selected shape to screen readers as "<descriptor>, <tool.TYPE>. n of N". Our
 * shapes' descriptors say what they are ("Table: Regional healthcare roundtable", see
 * ItemShapeUtil and ZoneShapeUtil); these give their type words, which tldraw's translations lack
 * (it would read "tool.pb-item-table").
 */
export const BOARD_TRANSLATIONS = {
  en: {
    [`tool.${ZONE_SHAPE_TYPE}`]: 'zone',
    ...Object.fromEntries(ITEM_TYPES.map((d) => [`tool.${itemShapeType(d.type)}`, 'card'])),
  },
};
