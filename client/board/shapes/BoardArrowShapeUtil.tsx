import {
  ArrowShapeUtil,
  getArrowInfo,
  getColorValue,
  useValue,
  type SvgExportContext,
  type TLArrowInfo,
  type TLArrowShape,
  type VecLike,
} from 'tldraw';
import { typedConnectorOf, type TypedConnector } from './connectorKinds';

/** Canvas size of a connector's label text (readable at the zoom a step opens at). */
const CONNECTOR_LABEL_PX = 14;
/** A typed connector's line is a little heavier than a free arrow's. */
const TYPED_STROKE_WIDTH = 2.5;

/** The point halfway along the arrow, in the arrow's own coordinates. */
function middleOf(info: TLArrowInfo): VecLike {
  if (info.type !== 'elbow') return info.middle;
  const points = info.route.points;
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i].x, p.y - points[i].y));
  let left = lengths.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    if (left <= lengths[i]) {
      const t = lengths[i] ? left / lengths[i] : 0;
      return { x: points[i].x + (points[i + 1].x - points[i].x) * t, y: points[i].y + (points[i + 1].y - points[i].y) * t };
    }
    left -= lengths[i];
  }
  return points[points.length - 1];
}

/** A typed arrow as tldraw draws it, with the kind's dash (colour and width come from the display values). */
function styled(shape: TLArrowShape, typed: TypedConnector | null): TLArrowShape {
  if (!typed) return shape;
  return { ...shape, props: { ...shape.props, dash: typed.look.dash } };
}

/**
 * tldraw's arrow, unchanged for free arrows. A typed connector (an arrow whose `meta.pb` names a
 * kind) is drawn in its kind's colour and dash, a little heavier, with a label on the canvas
 * ("Knock overlap · fatigue risk"). The look is applied when drawing, never written, so arrows
 * typed on any board and by any version show it. Same type, props and migrations as tldraw's
 * arrow, so the board's schema does not change.
 */
export class BoardArrowShapeUtil extends ArrowShapeUtil.configure({
  getCustomDisplayValues(editor, shape, theme, colorMode) {
    const typed = typedConnectorOf(editor, shape);
    if (!typed) return {};
    const color = getColorValue(theme.colors[colorMode], typed.look.color, 'solid');
    return { strokeColor: color, strokeWidth: TYPED_STROKE_WIDTH };
  },
}) {
  override component(shape: TLArrowShape) {
    // A pure function of the record (and the board's exercise): no signal to track.
    const typed = typedConnectorOf(this.editor, shape);
    return (
      <>
        {super.component(styled(shape, typed))}
        {typed && <ConnectorLabel shape={shape} typed={typed} util={this} />}
      </>
    );
  }

  /** Screen readers hear a typed connector's kind and key field ("Knock overlap · fatigue risk, arrow"). */
  override getAriaDescriptor(shape: TLArrowShape): string | undefined {
    return typedConnectorOf(this.editor, shape)?.label ?? super.getAriaDescriptor(shape);
  }

  override toSvg(shape: TLArrowShape, ctx: SvgExportContext) {
    const typed = typedConnectorOf(this.editor, shape);
    const base = super.toSvg(styled(shape, typed), ctx);
    if (!typed) return base;
    const info = getArrowInfo(this.editor, shape);
    if (!info?.isValid) return base;
    const at = labelPoint(shape, info);
    const color = getColorValue(this.editor.getCurrentTheme().colors[ctx.colorMode], typed.look.color, 'solid');
    const width = typed.label.length * CONNECTOR_LABEL_PX * 0.56 + 16;
    return (
      <g>
        {base}
        <g transform={`translate(${at.x}, ${at.y})`}>
          <rect x={-width / 2} y={-12} width={width} height={24} rx={11} fill="#ffffff" stroke={color} strokeWidth={1.5} />
          <text textAnchor="middle" dominantBaseline="central" fontSize={CONNECTOR_LABEL_PX} fontWeight={600} fontFamily="sans-serif" fill="#1d2433">
            {typed.label}
          </text>
        </g>
      </g>
    );
  }
}

/** Whether an arrow has no text label of its own (tldraw's empty forms of a rich text document). */
function hasNoText(shape: TLArrowShape): boolean {
  const content = shape.props.richText.content as { content?: unknown[] }[];
  return content.length === 0 || (content.length === 1 && !content[0].content?.length);
}

/** Where the label goes: the middle of the arrow, below the arrow's own text label when it has one. */
function labelPoint(shape: TLArrowShape, info: TLArrowInfo): VecLike {
  const middle = middleOf(info);
  return hasNoText(shape) ? middle : { x: middle.x, y: middle.y + CONNECTOR_LABEL_PX * 2.2 };
}

function ConnectorLabel({ shape, typed, util }: { shape: TLArrowShape; typed: TypedConnector; util: BoardArrowShapeUtil }) {
  const editor = util.editor;
  const at = useValue(
    'connectorLabelPoint',
    () => {
      const info = getArrowInfo(editor, shape);
      return info?.isValid ? labelPoint(shape, info) : null;
    },
    [editor, shape],
  );
  const color = useValue(
    'connectorColor',
    () => getColorValue(editor.getCurrentTheme().colors[editor.getColorMode()], typed.look.color, 'solid'),
    [editor, typed.look.color],
  );
  if (!at) return null;
  return (
    <div
      className="pb-connector-label"
      data-testid="connector-label"
      data-kind={typed.def.kind}
      style={{ transform: `translate(${at.x}px, ${at.y}px) translate(-50%, -50%)`, borderColor: color, fontSize: CONNECTOR_LABEL_PX }}
    >
      <span className="pb-connector-swatch" style={{ background: color }} aria-hidden="true" />
      {typed.label}
    </div>
  );
}
