import { useLayoutEffect, useRef } from 'react';
import { BaseBoxShapeUtil, HTMLContainer, resizeBox, useEditor, useValue, type Editor, type TLResizeInfo, type TLShapeId, type TLShapePartial } from 'tldraw';
import { defaultFields, displayValue, type ItemTypeDef } from '../../../exercises/kit/definitions';
import { itemMigrations, itemPropsValidators, itemShapeType } from '../../../exercises/kit/shapes';
import { paletteOf } from './cardColors';
import type { ItemShape, ItemShapeType } from './shapeTypes';
import { drawnWhenOnScreen } from './offscreen';

/** Smallest size a card can be resized to: the header and one line of title stay readable. */
const MIN_CARD_W = 140;
const MIN_CARD_H = 72;

/**
 * Card text sizes in canvas units (shapes.css uses the same): the smallest text on a card is
 * CARD_SMALLEST_TEXT_PX, which decides how far out a step may be shown (see stepView.ts).
 */
export const CARD_SMALLEST_TEXT_PX = 13;

/** Fired on `window` when a card is double-clicked: the inspector focuses its first field. */
export const EDIT_ITEM_EVENT = 'pb:edit-item';

export interface CardText {
  /** The title, or '' when its field is empty. */
  title: string;
  /** What the card shows instead of an empty title. */
  placeholder: string;
  /** Filled fields other than the title, as shown. */
  fields: { key: string; label: string; value: string; long: boolean }[];
}

/**
 * What a card says. An empty title reads from the fields: a card with nothing filled in is
 * "Empty knock", one with other fields filled says which field is missing ("Program: not filled
 * in") instead of calling the card empty.
 */
export function cardText(def: ItemTypeDef, props: Record<string, unknown>): CardText {
  const titleField = def.fields.find((f) => f.key === def.titleField);
  const title = titleField ? displayValue(titleField, props[titleField.key] as never) : '';
  const fields = def.fields
    .filter((f) => f.key !== def.titleField)
    .map((f) => ({ key: f.key, label: f.label, value: displayValue(f, props[f.key] as never), long: f.kind === 'longtext' }))
    .filter((f) => f.value !== '');
  const placeholder = title
    ? ''
    : fields.length > 0 && titleField
      ? `${titleField.label}: not filled in`
      : `Empty ${def.label.toLowerCase()}`;
  return { title, placeholder, fields };
}

/** The whole text of a card, for screen readers and the full-text pop-over. */
export function cardDescription(def: ItemTypeDef, props: Record<string, unknown>): string {
  const t = cardText(def, props);
  return `${def.label}: ${t.title || t.placeholder}`;
}

/**
 * Cards grow (never shrink) to show their text: a card whose content is taller than its height is
 * made taller, once the person who sees it may write. Batched per frame and kept out of undo.
 */
const growth = new Map<Editor, Map<TLShapeId, number>>();

function growCard(editor: Editor, id: TLShapeId, h: number) {
  let pending = growth.get(editor);
  if (!pending) {
    const created = new Map<TLShapeId, number>();
    pending = created;
    growth.set(editor, created);
    requestAnimationFrame(() => {
      growth.delete(editor);
      if (editor.isDisposed || editor.getIsReadonly()) return;
      const updates: TLShapePartial<ItemShape>[] = [];
      for (const [shapeId, height] of created) {
        const shape = editor.getShape<ItemShape>(shapeId);
        if (!shape || editor.isShapeOrAncestorLocked(shape) || shape.props.h >= height) continue;
        updates.push({ id: shapeId, type: shape.type, props: { h: height } });
      }
      if (updates.length) editor.run(() => editor.updateShapes(updates), { history: 'ignore' });
    });
  }
  pending.set(id, Math.max(h, pending.get(id) ?? 0));
}

/** The card of one typed item: coloured header with the type, the title, then the filled fields. */
function ItemCard({ def, shape }: { def: ItemTypeDef; shape: ItemShape }) {
  const editor = useEditor();
  const readOnly = useValue('readOnly', () => editor.getIsReadonly(), [editor]);
  const cardRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const palette = paletteOf(def.color);
  const text = cardText(def, shape.props);
  const { h } = shape.props;

  // Grow to the content (each text is clamped to a few lines, so the content has a bound); mark
  // a card whose text is cut, so the full text shows on hover and focus (CardFullText). Measured
  // by ResizeObservers on the card and its content, which report after layout (no layout forced
  // while rendering a board of thousands of cards): when the card is first drawn (tldraw does not
  // draw cards outside the view), when fonts arrive, and whenever its text or size changes.
  const measure = useRef(() => {});
  measure.current = () => {
    const card = cardRef.current;
    const body = bodyRef.current;
    const content = contentRef.current;
    if (!card || !body || !content || card.offsetHeight === 0) return;
    const needed = Math.ceil(card.offsetHeight - body.clientHeight + body.scrollHeight);
    const overflows = needed > h + 1;
    if (overflows && !readOnly) growCard(editor, shape.id, needed);
    const truncated = overflows || [...content.children].some((el) => el.scrollHeight > el.clientHeight + 1);
    if (truncated) card.dataset.truncated = 'true';
    else if (card.dataset.truncated) delete card.dataset.truncated;
  };
  useLayoutEffect(() => {
    const card = cardRef.current;
    const content = contentRef.current;
    if (!card || !content) return;
    const ro = new ResizeObserver(() => measure.current());
    ro.observe(card);
    ro.observe(content);
    return () => ro.disconnect();
  }, []);

  return (
    <div ref={cardRef} className="pb-card" style={{ borderColor: palette.border }}>
      <div className="pb-card-head" style={{ background: palette.header, color: palette.headerText }}>
        {def.label}
      </div>
      <div ref={bodyRef} className="pb-card-body">
        <div ref={contentRef}>
        {text.title ? (
          <p className="pb-card-title">{text.title}</p>
        ) : (
          <p className="pb-card-title pb-card-empty">
            {text.placeholder}
            {!readOnly && text.fields.length === 0 ? ': double-click to fill in' : ''}
          </p>
        )}
        {text.fields.map((f) => (
          <p className={f.long ? 'pb-card-field pb-card-field-long' : 'pb-card-field'} key={f.key}>
            <span className="pb-card-field-label">{f.label}:</span> {f.value}
          </p>
        ))}
        </div>
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

    /** What a screen reader hears when the card is selected: "Table: Regional healthcare roundtable". */
    override getAriaDescriptor(shape: ItemShape): string {
      return cardDescription(def, shape.props);
    }

    override getText(shape: ItemShape): string {
      const t = cardText(def, shape.props);
      return [t.title, ...t.fields.map((f) => `${f.label}: ${f.value}`)].filter(Boolean).join('\n');
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

    /** Drawn empty while off screen (offscreen.tsx), in full when shown. */
    override component(shape: ItemShape) {
      return drawnWhenOnScreen(this.editor, shape.id, () => (
        <HTMLContainer className="pb-card-container" data-item-type={def.type} data-shape-id={shape.id}>
          <ItemCard def={def} shape={shape} />
        </HTMLContainer>
      ));
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
