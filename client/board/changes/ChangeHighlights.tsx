import { useMemo } from 'react';
import { useEditor, useValue, type TLShapeId } from 'tldraw';
import { useSinceLastVisit } from './ChangesNotice';
import type { HighlightKind } from './SinceLastVisit';
import type { SinceLastVisit } from './SinceLastVisit';

interface Outline {
  id: string;
  kind: HighlightKind;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Gap between a card and its outline, on screen. */
const GAP_PX = 6;
const LINE_PX = 3;

/**
 * Part of tldraw's `OnTheCanvas` slot (camera-transformed, above the shapes): an outline around
 * each card added or changed since the last visit, with a "New" / "Changed" tag, while the
 * "Since your last visit" notice is open. Sizes are kept constant on screen. Decorative: the
 * notice lists the same cards for everyone.
 */
export function ChangeHighlights() {
  const since = useSinceLastVisit();
  if (!since) return null;
  return <HighlightLayer since={since} />;
}

function HighlightLayer({ since }: { since: SinceLastVisit }) {
  const editor = useEditor();
  const zoom = useValue('zoom', () => editor.getZoomLevel(), [editor]);
  const key = useValue(
    'changeOutlines',
    () => {
      const out: Outline[] = [];
      for (const [id, kind] of since.highlights.get()) {
        const shape = editor.getShape(id as TLShapeId);
        if (!shape || editor.getAncestorPageId(shape) !== editor.getCurrentPageId()) continue;
        const b = editor.getShapePageBounds(shape);
        if (b) out.push({ id, kind, x: b.minX, y: b.minY, w: b.width, h: b.height });
      }
      return JSON.stringify(out);
    },
    [editor, since],
  );
  const outlines = useMemo(() => JSON.parse(key) as Outline[], [key]);
  if (outlines.length === 0) return null;
  const gap = GAP_PX / zoom;
  const line = LINE_PX / zoom;
  const tagScale = Math.min(Math.max(1, 1 / zoom), 4);
  const zIndex = editor.options.maxShapesPerPage * 4 - 1;
  return (
    <>
      {outlines.map((o) => (
        <div
          key={o.id}
          className={`pb-change-outline pb-change-${o.kind}`}
          style={{
            transform: `translate(${o.x - gap - line}px, ${o.y - gap - line}px)`,
            width: o.w + 2 * (gap + line),
            height: o.h + 2 * (gap + line),
            borderWidth: line,
            borderRadius: 8 / zoom,
            zIndex,
          }}
          data-testid={`change-highlight-${o.id}`}
          data-change={o.kind}
          aria-hidden="true"
        >
          <span className="pb-change-tag" style={{ transform: `scale(${tagScale})` }}>
            {o.kind === 'added' ? 'New' : 'Changed'}
          </span>
        </div>
      ))}
    </>
  );
}
