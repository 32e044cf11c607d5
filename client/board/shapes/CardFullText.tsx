import { useEffect, useState } from 'react';
import { useEditor, useValue, type Editor, type TLShapeId } from 'tldraw';
import { itemTypeOfShape } from '../../../exercises/kit/shapes';
import { getItemType } from '../../../exercises/registry';
import { cardText } from './ItemShapeUtil';

/** How long the pointer rests on a card before its whole text shows. */
const HOVER_DELAY_MS = 350;
const WIDTH = 320;

/** The card whose whole text to show: the one under the pointer, else the only selected one. */
function targetCard(editor: Editor): TLShapeId | null {
  if (!editor.isIn('select.idle')) return null;
  const isCard = (id: TLShapeId | null) => {
    const shape = id ? editor.getShape(id) : undefined;
    return !!shape && itemTypeOfShape(shape.type) !== null;
  };
  const hovered = editor.getHoveredShapeId();
  if (isCard(hovered)) return hovered;
  const only = editor.getOnlySelectedShapeId();
  return isCard(only) ? only : null;
}

function isTruncated(id: TLShapeId, container: HTMLElement): boolean {
  const card = container.querySelector<HTMLElement>(`.pb-card-container[data-shape-id="${CSS.escape(id)}"] .pb-card`);
  return card?.dataset.truncated === 'true';
}

/**
 * The whole text of a card whose texts are cut short (clamped to a few lines, or a card too small
 * for its content), beside the card while the pointer rests on it or while it is the only
 * selected card. In tldraw's `InFrontOfTheCanvas` slot, so it keeps its size at any zoom.
 */
export function CardFullText() {
  const editor = useEditor();
  const target = useValue('fullTextTarget', () => targetCard(editor), [editor]);
  const [shown, setShown] = useState<TLShapeId | null>(null);

  useEffect(() => {
    if (!target || !isTruncated(target, editor.getContainer())) {
      setShown(null);
      return;
    }
    const selected = editor.getOnlySelectedShapeId() === target;
    const t = setTimeout(() => setShown(target), selected ? 0 : HOVER_DELAY_MS);
    return () => clearTimeout(t);
  }, [target, editor]);

  const view = useValue(
    'fullTextView',
    () => {
      const shape = shown ? editor.getShape(shown) : undefined;
      const def = shape ? getItemType(itemTypeOfShape(shape.type) ?? '') : undefined;
      const bounds = shape ? editor.getShapePageBounds(shape) : undefined;
      if (!shape || !def || !bounds) return null;
      const viewport = editor.getViewportScreenBounds();
      const topRight = editor.pageToViewport({ x: bounds.maxX, y: bounds.minY });
      const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY });
      const fitsRight = topRight.x + 8 + WIDTH <= viewport.w;
      return {
        def,
        text: cardText(def, shape.props as Record<string, unknown>),
        left: Math.max(8, fitsRight ? topRight.x + 8 : topLeft.x - 8 - WIDTH),
        top: Math.max(8, Math.min(topRight.y, viewport.h - 160)),
      };
    },
    [editor, shown],
  );
  if (!view) return null;
  return (
    <div className="pb-card-fulltext" style={{ left: view.left, top: view.top, width: WIDTH }} data-testid="card-full-text">
      <p className="pb-card-fulltext-type">{view.def.label}</p>
      <p className="pb-card-fulltext-title">{view.text.title || view.text.placeholder}</p>
      {view.text.fields.map((f) => (
        <p key={f.key}>
          <strong>{f.label}:</strong> {f.value}
        </p>
      ))}
    </div>
  );
}
