import { describe, expect, it } from 'vitest';
import { createTLStore, defaultBindingUtils, defaultShapeUtils } from 'tldraw';
import type { ItemTypeDef } from '../../../exercises/kit/definitions';
import { createBoardSchema } from '../../../exercises/kit/schema';
import { itemShapeType } from '../../../exercises/kit/shapes';
import { cardDescription, cardText, createItemShapeUtil } from './ItemShapeUtil';
import { defaultFields } from '../../../exercises/kit/definitions';
import { knockItem } from '../../../exercises/many-tables-many-knocks/items';
import { ZoneShapeUtil } from './ZoneShapeUtil';

/** An item type with one field of every kind (not part of any exercise). */
const sample: ItemTypeDef = {
  type: 'sample-every-field',
  label: 'Sample',
  description: 'Every kind of field.',
  color: 'violet',
  titleField: 'title',
  w: 200,
  h: 120,
  fields: [
    { key: 'title', label: 'Title', kind: 'text' },
    { key: 'story', label: 'Story', kind: 'longtext' },
    { key: 'pick', label: 'Pick', kind: 'choice', options: [{ value: 'a', label: 'A' }] },
    { key: 'rating', label: 'Rating', kind: 'scale', min: 1, max: 5 },
    { key: 'count', label: 'Count', kind: 'number' },
    { key: 'done', label: 'Done', kind: 'boolean' },
  ],
};

describe('an item shape util made from an item type', () => {
  const Util = createItemShapeUtil(sample);

  it('carries the type, validators and migrations the board schema expects', () => {
    expect(Util.type).toBe(itemShapeType(sample.type));
    const store = createTLStore({ shapeUtils: [...defaultShapeUtils, ZoneShapeUtil, Util], bindingUtils: defaultBindingUtils });
    expect(store.schema.serialize()).toEqual(createBoardSchema([sample]).serialize());
  });

  it('has default props that pass its own validation', () => {
    const util = new Util({} as never);
    const props = util.getDefaultProps();
    expect(props).toEqual({ w: 200, h: 120, title: '', story: '', pick: '', rating: null, count: null, done: false });
    const schema = createBoardSchema([sample]);
    const record = {
      id: 'shape:s1',
      typeName: 'shape',
      type: Util.type,
      x: 0,
      y: 0,
      rotation: 0,
      index: 'a1',
      parentId: 'page:page',
      isLocked: false,
      opacity: 1,
      meta: {},
      props,
    };
    expect(() => schema.validateRecord(null as never, record as never, 'tests', null)).not.toThrow();
    expect(() =>
      schema.validateRecord(null as never, { ...record, props: { ...props, rating: 9 } } as never, 'tests', null),
    ).toThrow();
  });
});

describe('what a card says', () => {
  it('calls a card with nothing filled in empty, by its type', () => {
    expect(cardText(knockItem, defaultFields(knockItem.fields))).toMatchObject({ title: '', placeholder: 'Empty knock', fields: [] });
  });

  it('names the missing title field when other fields are filled in, instead of calling the card empty', () => {
    const t = cardText(knockItem, { ...defaultFields(knockItem.fields), organization: 'Three Rivers Workforce Board' });
    expect(t.placeholder).toBe('Program: not filled in');
    expect(t.fields).toEqual([{ key: 'organization', label: 'Organization', value: 'Three Rivers Workforce Board', long: false }]);
  });

  it('tells screen readers the type and the title', () => {
    expect(cardDescription(knockItem, { ...defaultFields(knockItem.fields), program: 'Veterans employment' })).toBe('Knock: Veterans employment');
  });
});
