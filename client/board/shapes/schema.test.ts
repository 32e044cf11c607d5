import { describe, expect, it } from 'vitest';
import { createTLStore, defaultBindingUtils } from 'tldraw';
import { boardSchema, ITEM_TYPES } from '../../../exercises/registry';
import { itemShapeType, ZONE_SHAPE_TYPE } from '../../../exercises/kit/shapes';
import { ALL_SHAPE_UTILS } from './index';

describe('the client store schema', () => {
  const store = createTLStore({ shapeUtils: ALL_SHAPE_UTILS, bindingUtils: defaultBindingUtils });

  it('equals the schema the server seeds boards with', () => {
    expect(store.schema.serialize()).toEqual(boardSchema().serialize());
  });

  it('registers the zone and every item type of every exercise', () => {
    const sequences = Object.keys(store.schema.serialize().sequences);
    expect(sequences).toContain(`com.tldraw.shape.${ZONE_SHAPE_TYPE}`);
    for (const def of ITEM_TYPES) expect(sequences).toContain(`com.tldraw.shape.${itemShapeType(def.type)}`);
  });
});
