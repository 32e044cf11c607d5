import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import './panelTabs.css';

export interface PanelTab {
  /** Stable id (test ids `tab-<id>` and `tabpanel-<id>`). */
  id: string;
  label: string;
  content: ReactNode;
  /** Starts downloading the content's code when the tab is pointed at (see lazyTab). */
  prefetch?: () => void;
}

/** The tab shown: the selected one, or the first when the selection names none of them. */
function shown(tabs: readonly PanelTab[], selected: string): PanelTab | undefined {
  return tabs.find((t) => t.id === selected) ?? tabs[0];
}

export interface PanelTabListProps {
  tabs: readonly PanelTab[];
  selected: string;
  onSelect(id: string): void;
  /** Prefix of the tab and panel element ids (shared with PanelTabPanels). */
  idBase: string;
  /** Accessible name of the tab list. */
  label: string;
}

/**
 * The tab buttons (WAI-ARIA tabs): arrow keys, Home and End move between tabs and open them; Tab
 * leaves the list for the open panel. Meant for a side panel's bar.
 */
export function PanelTabList({ tabs, selected, onSelect, idBase, label }: PanelTabListProps) {
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const current = shown(tabs, selected);
  const move = (e: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next =
      e.key === 'ArrowRight' ? (index === last ? 0 : index + 1) : e.key === 'ArrowLeft' ? (index === 0 ? last : index - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : -1;
    if (next < 0) return;
    e.preventDefault();
    onSelect(tabs[next].id);
    refs.current.get(tabs[next].id)?.focus();
  };
  return (
    <div className="panel-tabs" role="tablist" aria-label={label}>
      {tabs.map((t, i) => {
        const isSelected = t.id === current?.id;
        return (
          <button
            key={t.id}
            ref={(el) => {
              if (el) refs.current.set(t.id, el);
              else refs.current.delete(t.id);
            }}
            type="button"
            role="tab"
            id={`${idBase}-tab-${t.id}`}
            aria-selected={isSelected}
            aria-controls={`${idBase}-panel-${t.id}`}
            tabIndex={isSelected ? 0 : -1}
            className="panel-tab"
            data-testid={`tab-${t.id}`}
            onClick={() => onSelect(t.id)}
            onPointerEnter={t.prefetch}
            onKeyDown={(e) => move(e, i)}
          >
            {t.label}
          </button>
        );
      })}
    </div>
  );
}

export interface PanelTabPanelsProps {
  tabs: readonly PanelTab[];
  selected: string;
  idBase: string;
}

/** The open tab's content; the others are not rendered (their pending edits are written as they close). */
export function PanelTabPanels({ tabs, selected, idBase }: PanelTabPanelsProps) {
  const current = shown(tabs, selected);
  if (!current) return null;
  return (
    <div role="tabpanel" id={`${idBase}-panel-${current.id}`} aria-labelledby={`${idBase}-tab-${current.id}`} data-testid={`tabpanel-${current.id}`}>
      {current.content}
    </div>
  );
}
