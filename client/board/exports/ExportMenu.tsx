import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { Editor } from 'tldraw';
import { getExercise } from '../../../exercises/registry';
import type { BoardInfo } from '../../lib/api';
import { downloadExport, downloadImage, exportErrorMessage, openReport, zoneInView } from './exports';
import './exports.css';

interface MenuItem {
  id: string;
  label: string;
  hint?: string;
  /** Items of the Image group are listed under its label. */
  group?: 'Image';
  disabled?: boolean;
  run(): Promise<string | null>;
}

export interface ExportMenuProps {
  info: BoardInfo;
  token: string;
  /** The mounted editor (images and the report's board picture need it). */
  editor: Editor | null;
  /** Opens the menu when it mounts (its button was clicked while its code was loading). */
  openAtOnce?: boolean;
}

/**
 * The board's Export menu: the data (JSON), spreadsheets (CSV zip), a Markdown report, the
 * printable report (a new tab, with the board drawn in it) and images of the whole board or of
 * the step zone in view. A menu button: Enter, Space or ArrowDown opens it on the first item,
 * arrows move, Escape closes it and gives focus back to the button.
 */
export function ExportMenu({ info, token, editor, openAtOnce = false }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [zone, setZone] = useState<{ zoneId: string; title: string; stepIndex: number } | null>(null);
  /** Where the popup goes: under the button, right-aligned (it lives in a portal above the canvas). */
  const [place, setPlace] = useState<{ top: number; right: number } | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const exercise = getExercise(info.templateId);

  const items: MenuItem[] = [
    { id: 'json', label: 'Data (JSON)', hint: 'everything on the board, for other tools', run: () => downloadExport(info.id, token, 'json', info.title) },
    { id: 'csv', label: 'Spreadsheets (CSV, zip)', hint: 'one file per kind of data', run: () => downloadExport(info.id, token, 'csv', info.title) },
    { id: 'md', label: 'Report (Markdown)', run: () => downloadExport(info.id, token, 'md', info.title) },
    {
      id: 'report',
      label: 'Printable report',
      hint: 'opens in a new tab',
      run: async () => {
        await openReport(info.id, token, editor);
        return null;
      },
    },
    { id: 'board-png', group: 'Image' as const, label: 'Whole board (PNG)', disabled: !editor, run: () => downloadImage(editor!, 'png', info.title) },
    { id: 'board-svg', group: 'Image' as const, label: 'Whole board (SVG)', disabled: !editor, run: () => downloadImage(editor!, 'svg', info.title) },
    ...(zone
      ? [
          { id: 'zone-png', group: 'Image' as const, label: `Step ${zone.stepIndex + 1}: ${zone.title} (PNG)`, disabled: !editor, run: () => downloadImage(editor!, 'png', info.title, zone) },
          { id: 'zone-svg', group: 'Image' as const, label: `Step ${zone.stepIndex + 1}: ${zone.title} (SVG)`, disabled: !editor, run: () => downloadImage(editor!, 'svg', info.title, zone) },
        ]
      : []),
  ];

  const focusItem = (index: number) => {
    const buttons = Array.from(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? []);
    if (buttons.length === 0) return;
    buttons[(index + buttons.length) % buttons.length].focus();
  };

  // Which item takes focus once the open menu is on screen: the menu stays hidden (and cannot take
  // focus) until its place is measured, so focus waits for that render, not for the next frame.
  const pendingFocus = useRef<'first' | 'last' | null>(null);
  const openMenu = (focus: 'first' | 'last' = 'first') => {
    setZone(editor ? zoneInView(editor, exercise) : null);
    pendingFocus.current = focus;
    setOpen(true);
  };
  useEffect(() => {
    if (!open || !place || !pendingFocus.current || !menuRef.current) return;
    focusItem(pendingFocus.current === 'first' ? 0 : -1);
    pendingFocus.current = null;
  });

  const close = (returnFocus = true) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount
  useEffect(() => {
    if (openAtOnce) openMenu();
  }, []);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!rootRef.current?.contains(target) && !menuRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  // The canvas's own layers sit above the top bar, so the popup is placed over everything.
  useLayoutEffect(() => {
    if (!open && !status) return;
    const measure = () => {
      const r = buttonRef.current?.getBoundingClientRect();
      if (r) setPlace({ top: r.bottom + 6, right: Math.max(8, window.innerWidth - r.right) });
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [open, status]);

  useEffect(() => {
    if (status?.kind !== 'ok') return;
    const t = setTimeout(() => setStatus(null), 6000);
    return () => clearTimeout(t);
  }, [status]);

  const run = (item: MenuItem) => {
    close();
    setBusy(true);
    setStatus({ kind: 'ok', text: `Preparing ${item.label}…` });
    // Called inside the click: the printable report opens its tab before anything is awaited.
    item
      .run()
      .then((name) => setStatus({ kind: 'ok', text: name ? `Downloaded ${name}` : `${item.label} opened in a new tab` }))
      .catch((e: unknown) => setStatus({ kind: 'error', text: exportErrorMessage(e) }))
      .finally(() => setBusy(false));
  };

  const onMenuKeyDown = (e: KeyboardEvent) => {
    const buttons = Array.from(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? []);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown') focusItem(index + 1);
    else if (e.key === 'ArrowUp') focusItem(index - 1);
    else if (e.key === 'Home') focusItem(0);
    else if (e.key === 'End') focusItem(-1);
    else if (e.key === 'Escape') close();
    else if (e.key === 'Tab') close(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
    e.stopPropagation();
  };

  const menuItem = (item: MenuItem) => (
    <button key={item.id} type="button" role="menuitem" tabIndex={-1} disabled={item.disabled} data-testid={`export-${item.id}`} onClick={() => run(item)}>
      <span className="export-label">{item.label}</span>
      {item.hint && <span className="export-hint">{item.hint}</span>}
    </button>
  );

  return (
    <div className="export-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button ghost small export-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy}
        data-testid="export-menu-button"
        onClick={() => (open ? close() : openMenu())}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            openMenu(e.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        Export <span aria-hidden="true">▾</span>
      </button>
      {createPortal(
        <div className="export-layer" style={place ? { top: place.top, right: place.right } : undefined}>
          {open && (
            <div
              id={menuId}
              ref={menuRef}
              className="export-popup"
              role="menu"
              aria-label="Export this board"
              data-testid="export-menu"
              onKeyDown={onMenuKeyDown}
              style={place ? undefined : { visibility: 'hidden' }}
            >
              {items.filter((i) => !i.group).map(menuItem)}
              <fieldset className="export-group">
                <legend>Image</legend>
                {items.filter((i) => i.group === 'Image').map(menuItem)}
              </fieldset>
            </div>
          )}
          <span className="export-status" role="status" data-testid="export-status" hidden={open}>
            {status?.kind === 'ok' ? status.text : ''}
          </span>
          {status?.kind === 'error' && !open && (
            <div className="export-error" role="alert" data-testid="export-error">
              <span>{status.text}</span>
              <button type="button" className="button ghost small" onClick={() => setStatus(null)} aria-label="Dismiss the export message">
                ×
              </button>
            </div>
          )}
        </div>,
        document.body,
      )}
    </div>
  );
}
