import { BaseBoxShapeUtil, HTMLContainer, resizeBox, type TLResizeInfo } from 'tldraw';
import { defaultFields, displayValue, type ItemTypeDef } from '../../../exercises/kit/definitions';
import { itemMigrations, itemPropsValidators, itemShapeType } from '../../../exercises/kit/shapes';
import { paletteOf } from './cardColors';
import type { ItemShape, ItemShapeType } from './shapeTypes';

/** Smallest size a card can be resized to: the header and one line of title stay readable. */
export const MIN_CARD_W = 140;
export const MIN_CARD_H = 72;

/** Fired on `window` when a card is double-clicked: the inspector focuses its first field. */
export const EDIT_ITEM_EVENT = 'pb:edit-item';

/** The card of one typed item: coloured header with the type, the title, then the filled fields. */
function ItemCard({ def, shape }: { def: ItemTypeDef; shape: ItemShape }) {
  const palette = paletteOf(def.color);
  const titleField = def.fields.find((f) => f.key === def.titleField);
  const title = titleField ? displayValue(titleField, shape.props[titleField.key]) : '';
  const rest = def.fields
    .filter((f) => f.key !== def.titleField)
    .map((f) => ({ key: f.key, label: f.label, value: displayValue(f, shape.props[f.key]) }))
    .filter((f) => f.value !== '');
  return (
    <div className="pb-card" style={{ borderColor: palette.border }}>
      <div className="pb-card-head" style={{ background: palette.header, color: palette.headerText }}>
        {def.label}
      </div>
      <div className="pb-card-body">
        {title ? (
          <p className="pb-card-title">{title}</p>
        ) : (
          <p className="pb-card-title pb-card-empty">Empty {def.label.toLowerCase()}: double-click to fill in</p>
        )}
        {rest.map((f) => (
          <p className="pb-card-field" key={f.key}>
            <span className="pb-card-field-label">{f.label}:</span> {f.value}
          </p>
        ))}
      </div>
    </div>
  );
}

/**
 * Makes the shape util of one item type: shape type `pb-item-<type>`, props and migrations from
 * the exercise kit, so the editor's schema is the one the server seeds boards with.
 */
export function createItemShapeUtil(def: ItemTypeDef) {
  const type = itemShapeType(def.type) as ItemShapeType;
  class ItemShapeUtil extends BaseBoxShapeUtil<ItemShape> {
    static override type = type;
    static override props = itemPropsValidators(def);
    static override migrations = itemMigrations(def);
    static readonly itemType: ItemTypeDef = def;

    override getDefaultProps(): ItemShape['props'] {
      return { w: def.w, h: def.h, ...defaultFields(def.fields) };
    }

    override canEdit(): boolean {
      return false;
    }

    override onResize(shape: ItemShape, info: TLResizeInfo<ItemShape>) {
      return resizeBox(shape, info, { minWidth: MIN_CARD_W, minHeight: MIN_CARD_H });
    }

    /**
     * Double-click edits the card in the inspector. The returned (empty) change tells the select
     * tool the double-click was handled; otherwise it would drop a text shape on the card.
     */
    override onDoubleClick(shape: ItemShape) {
      window.dispatchEvent(new CustomEvent(EDIT_ITEM_EVENT, { detail: { id: shape.id } }));
      return { id: shape.id, type: shape.type };
    }

    override component(shape: ItemShape) {
      return (
        <HTMLContainer className="pb-card-container" data-item-type={def.type}>
          <ItemCard def={def} shape={shape} />
        </HTMLContainer>
      );
    }

    override getIndicatorPath(shape: ItemShape): Path2D {
      const path = new Path2D();
      path.roundRect(0, 0, shape.props.w, shape.props.h, 8);
      return path;
    }
  }
  Object.defineProperty(ItemShapeUtil, 'name', { value: `ItemShapeUtil(${def.type})` });
  return ItemShapeUtil;
}
