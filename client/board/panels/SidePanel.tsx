import { useId, type ReactNode } from 'react';

export interface SidePanelProps {
  side: 'left' | 'right';
  /** Accessible name of the region, e.g. "Exercise". */
  label: string;
  open: boolean;
  onToggle(): void;
  /** Shown in the bar instead of the label while open (e.g. the panel's tabs). */
  header?: ReactNode;
  children: ReactNode;
}

/** A collapsible side region beside the canvas (never over it, so tldraw's own UI stays free). */
export function SidePanel({ side, label, open, onToggle, header, children }: SidePanelProps) {
  const contentId = useId();
  const arrow = (side === 'left') === open ? '‹' : '›';
  return (
    <aside className={`side-panel side-${side}${open ? '' : ' collapsed'}`} aria-label={label} data-testid={`side-${side}`}>
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
  );
}
