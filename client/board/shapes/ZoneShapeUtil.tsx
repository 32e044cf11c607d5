import { HTMLContainer, Rectangle2d, ShapeUtil, useEditor, useValue, type Geometry2d } from 'tldraw';
import { ZONE_SHAPE_TYPE, zoneMigrations, zonePropsValidators } from '../../../exercises/kit/shapes';
import { paletteOf } from './cardColors';
import type { ZoneShape } from './shapeTypes';
import { zoneGuides } from './zoneGuide';

/**
 * Label size in canvas units at 100 % zoom; zoomed out it keeps LABEL_SCREEN_PX on screen, up to
 * LABEL_MAX_PX on the canvas (the placement of new cards leaves room for that, see placement.ts).
 */
const LABEL_PX = 22;
const LABEL_SCREEN_PX = 16;
const LABEL_MAX_PX = 60;
/** The step's prompt under the label, at 100 %: hidden once zoomed out far enough to be unreadable. */
const PROMPT_PX = 15;
const PROMPT_MIN_ZOOM = LABEL_SCREEN_PX / LABEL_PX;
const PROMPT_MAX_W = 760;

/**
 * The zone's label and step badge. Zones are large, so they are often seen zoomed out: the
 * header then grows on the canvas to stay readable on screen (up to a fraction of the zone).
 */
function ZoneHeader({ shape }: { shape: ZoneShape }) {
  const editor = useEditor();
  const zoom = useValue('zoom', () => editor.getZoomLevel(), [editor]);
  const { w, h, label, badge, color } = shape.props;
  const palette = paletteOf(color);
  const size = Math.min(Math.max(LABEL_PX, LABEL_SCREEN_PX / zoom), LABEL_MAX_PX, w / 12, h / 8);
  const steps = badge ? (badge.includes(',') ? `Steps ${badge}` : `Step ${badge}`) : '';
  const guide = useValue('zoneGuide', () => zoneGuides(editor).get()[shape.props.zoneId], [editor, shape.props.zoneId]);
  const showPrompt = !!guide?.prompt && zoom >= PROMPT_MIN_ZOOM && h > 300;
  return (
    <>
      <div className="pb-zone-head" style={{ fontSize: size, top: size * 0.7, left: size * 0.9, right: size * 0.9, gap: size * 0.45 }}>
        {steps && (
          <span className="pb-zone-badge" style={{ background: palette.header, color: palette.headerText }}>
            {steps}
          </span>
        )}
        <span className="pb-zone-label">{label}</span>
      </div>
      {showPrompt && guide && (
        <p
          className="pb-zone-prompt"
          data-testid="zone-prompt"
          style={{ top: LABEL_PX * 0.7 + LABEL_PX * 1.2 + 10, left: LABEL_PX * 0.9, width: Math.min(PROMPT_MAX_W, w - LABEL_PX * 1.8), fontSize: PROMPT_PX }}
        >
          {guide.prompt}
        </p>
      )}
    </>
  );
}

/**
 * A template zone: a calm tinted region with its label and step badge at its top-left. The server
 * seeds zones locked and beneath every index a participant's shape gets, so they stay behind the
 * work. Participants can neither resize nor rotate them, and arrows never bind to them (an arrow
 * ending on empty space inside a zone stays free instead of attaching to the whole region).
 */
export class ZoneShapeUtil extends ShapeUtil<ZoneShape> {
  static override type = ZONE_SHAPE_TYPE as 'pb-zone';
  static override props = zonePropsValidators;
  static override migrations = zoneMigrations;

  override getDefaultProps(): ZoneShape['props'] {
    return { w: 800, h: 600, zoneId: '', label: '', badge: '', color: 'grey' };
  }

  override getGeometry(shape: ZoneShape): Geometry2d {
    // Not filled: clicks and arrow ends inside the region fall through to the canvas.
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: false });
  }

  /** Read to screen readers with the zone selected: "Step 2: The many tables". */
  override getAriaDescriptor(shape: ZoneShape): string {
    const { badge, label } = shape.props;
    return badge ? `${badge.includes(',') ? 'Steps' : 'Step'} ${badge}: ${label}` : label;
  }

  override canBind(): boolean {
    return false;
  }
  override canResize(): boolean {
    return false;
  }
  override canEdit(): boolean {
    return false;
  }
  override hideResizeHandles(): boolean {
    return true;
  }
  override hideRotateHandle(): boolean {
    return true;
  }
  override isAspectRatioLocked(): boolean {
    return true;
  }
  override canSnap(): boolean {
    return false;
  }

  override component(shape: ZoneShape) {
    const palette = paletteOf(shape.props.color);
    return (
      <HTMLContainer
        className="pb-zone"
        data-zone-id={shape.props.zoneId}
        style={{ width: shape.props.w, height: shape.props.h, background: palette.tint, borderColor: palette.border }}
      >
        <ZoneHeader shape={shape} />
      </HTMLContainer>
    );
  }

  override getIndicatorPath(shape: ZoneShape): Path2D {
    const path = new Path2D();
    path.rect(0, 0, shape.props.w, shape.props.h);
    return path;
  }
}
