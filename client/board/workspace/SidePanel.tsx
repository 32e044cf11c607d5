import { useId, useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

export interface SidePanelProps {
  side: 'left' | 'right';
  /** Accessible name of the region, e.g. "Exercise". */
  label: string;
  open: boolean;
  onToggle(): void;
  /** Floats over the canvas (narrow windows) instead of taking room beside it. */
  floating?: boolean;
  /** Width in px while open (the CSS default when omitted). */
  width?: number;
  /** Makes the panel resizable from its inner edge within these bounds. */
  resize?: { min: number; max: number; onResize(width: number, done: boolean): void };
  /** Shown in the bar instead of the label while open (e.g. the panel's tabs). */
  header?: ReactNode;
  children: ReactNode;
}

/** Keyboard step of the resize handle, in px. */
const KEY_STEP = 32;

/**
 * A collapsible side region beside the canvas, or over it in a narrow window (then it keeps a
 * 40 px rail in the layout, so the canvas does not move when it opens). The right panel can be
 * widened by dragging its inner edge, or with the arrow keys on that edge.
 */
export function SidePanel({ side, label, open, onToggle, floating = false, width, resize, header, children }: SidePanelProps) {
  const contentId = useId();
  const asideRef = useRef<HTMLElement>(null);
  const arrow = (side === 'left') === open ? '‹' : '›';
  const classes = ['side-panel', `side-${side}`, open ? '' : 'collapsed', floating ? 'floating' : ''].filter(Boolean).join(' ');

  const widthAt = (clientX: number) => {
    const box = asideRef.current?.getBoundingClientRect();
    if (!box || !resize) return width ?? 0;
    const w = side === 'right' ? box.right - clientX : clientX - box.left;
    return Math.round(Math.min(resize.max, Math.max(resize.min, w)));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!resize || e.button !== 0) return;
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => resize.onResize(widthAt(ev.clientX), false);
    const up = (ev: globalThis.PointerEvent) => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
      resize.onResize(widthAt(ev.clientX), true);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!resize || width === undefined) return;
    const wider = side === 'right' ? 'ArrowLeft' : 'ArrowRight';
    const narrower = side === 'right' ? 'ArrowRight' : 'ArrowLeft';
    let next: number | null = null;
    if (e.key === wider) next = width + KEY_STEP;
    else if (e.key === narrower) next = width - KEY_STEP;
    else if (e.key === 'Home') next = resize.min;
    else if (e.key === 'End') next = resize.max;
    if (next === null) return;
    e.preventDefault();
    resize.onResize(Math.min(resize.max, Math.max(resize.min, next)), true);
  };

  return (
    <div className={`side-slot side-slot-${side}${floating ? ' floating' : ''}`}>
      <aside
        ref={asideRef}
        className={classes}
        aria-label={label}
        data-testid={`side-${side}`}
        data-covers-canvas={floating && open ? side : undefined}
        style={open && width !== undefined ? { width, flexBasis: width } : undefined}
      >
        {open && resize && width !== undefined && (
          // biome-ignore lint/a11y/useSemanticElements: a focusable window splitter is a separator with a value (WAI-ARIA), not an <hr>.
          <div
            className="side-resize"
            role="separator"
            aria-orientation="vertical"
            aria-label={`Width of the ${label.toLowerCase()}`}
            aria-valuemin={resize.min}
            aria-valuemax={resize.max}
            aria-valuenow={width}
            aria-controls={contentId}
            tabIndex={0}
            title="Drag to widen or narrow the panel"
            onPointerDown={onPointerDown}
            onKeyDown={onKeyDown}
            data-testid={`resize-${side}`}
          />
        )}
        <div className="side-bar">
          {open && (header ?? <span className="side-title">{label}</span>)}
          <button
            type="button"
            className="side-toggle"
            aria-expanded={open}
            aria-controls={contentId}
            title={open ? `Hide ${label.toLowerCase()}` : `Show ${label.toLowerCase()}`}
            onClick={onToggle}
            data-testid={`toggle-${side}`}
          >
            <span aria-hidden="true">{arrow}</span>
            <span className="visually-hidden">{open ? `Hide ${label}` : `Show ${label}`}</span>
          </button>
        </div>
        <div id={contentId} className="side-content" hidden={!open}>
          {children}
        </div>
      </aside>
    </div>
  );
}
