import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useValue } from 'tldraw';
import type { ActionRow } from '../../../shared/actionPlan';
import { useActionPlan } from './ActionPlanContext';
import { ActionTextInput, FIELD_LABELS, StatusBadge, StatusSelect } from './ActionFields';
import { nextSort, type ActionSort, type ActionSortKey } from './actionRows';
import { SourceLink } from './SourceLink';

export type TableVariant = 'compact' | 'full';

/** ids of the <datalist>s the text fields suggest from. */
export interface SuggestionLists {
  owners: string;
  priorities: string;
}

interface Column {
  key: ActionSortKey;
  label: string;
}

const col = (key: Exclude<ActionSortKey, 'created'>): Column => ({ key, label: FIELD_LABELS[key] });
const FULL_COLUMNS: Column[] = [col('text'), col('owner'), col('due'), col('status'), col('priorityArea'), col('source')];
/** The side panel is narrow: the action (with its details under it) and its status. */
const COMPACT_COLUMNS: Column[] = [col('text'), col('status')];

const HIGHLIGHT_MS = 2500;

/**
 * Focuses a field of a revealed row. A promotion from tldraw's context menu runs while the menu
 * closes, and the closing menu hands the focus back to the canvas a moment later: within a short
 * while, a blur to the canvas is taken back once.
 */
function focusRevealed(el: HTMLElement) {
  // Someone already typing in another field keeps their focus: the reveal can come late.
  const active = document.activeElement;
  if (active instanceof HTMLElement && active !== el && !active.closest('.tl-container') && active.matches('input, textarea, select, [contenteditable="true"]')) return;
  el.focus();
  const stop = () => {
    el.removeEventListener('blur', onBlur);
    clearTimeout(timer);
  };
  const onBlur = (e: FocusEvent) => {
    stop();
    if (e.relatedTarget instanceof HTMLElement && e.relatedTarget.classList.contains('tl-container')) requestAnimationFrame(() => el.focus());
  };
  el.addEventListener('blur', onBlur);
  const timer = setTimeout(stop, 500);
}

/** True when the keyboard is nowhere in particular (the page body), e.g. after a blur. */
function nothingFocused(): boolean {
  return !document.activeElement || document.activeElement === document.body;
}

function rowSelector(id: string): string {
  return `[data-action-id="${CSS.escape(id)}"]`;
}

function SortHeader({ column, sort }: { column: Column; sort: ActionSort }) {
  const { plan } = useActionPlan();
  const active = sort.key === column.key;
  return (
    <th scope="col" aria-sort={active ? sort.direction : undefined} className={`ap-col-${column.key}`}>
      <button
        type="button"
        className="ap-sort"
        title={`Sort by ${column.label.toLowerCase()}`}
        data-sort-key={column.key}
        onClick={() => plan.sort.set(nextSort(sort, column.key))}
      >
        {column.label}
        <span className="ap-sort-icon" aria-hidden="true">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** "Kim · due 2026-04-30 · priority: Launch": the details the compact row shows under the action. */
function RowMeta({ row }: { row: ActionRow }) {
  const owner = row.owner.trim();
  const parts = [row.due.trim() && `due ${row.due.trim()}`, row.priorityArea.trim() && `priority: ${row.priorityArea.trim()}`].filter(Boolean);
  return (
    <p className="ap-meta">
      <span className={owner ? undefined : 'ap-empty'}>
        <span className="visually-hidden">Owner: </span>
        {owner || 'no owner yet'}
      </span>
      {parts.map((p) => (
        <span key={p}>{`\u00a0· ${p}`}</span>
      ))}
    </p>
  );
}

/** The compact row's editor: every field with a visible label, Delete and Done. */
function RowEditor({ row, lists, onClose, onRemove }: { row: ActionRow; lists: SuggestionLists; onClose(): void; onRemove(id: string): void }) {
  const base = useId();
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    (document.activeElement as HTMLElement | null)?.blur();
    onClose();
  };
  return (
    // Escape anywhere in the editor closes it.
    <fieldset className="ap-row-editor" onKeyDown={onKeyDown}>
      <legend className="visually-hidden">Edit action</legend>
      <div className="ap-field">
        <label htmlFor={`${base}-text`}>{FIELD_LABELS.text}</label>
        <ActionTextInput row={row} field="text" id={`${base}-text`} multiline />
      </div>
      <div className="ap-field-pair">
        <div className="ap-field">
          <label htmlFor={`${base}-owner`}>Owner / who is committed</label>
          <ActionTextInput row={row} field="owner" id={`${base}-owner`} list={lists.owners} />
        </div>
        <div className="ap-field">
          <label htmlFor={`${base}-due`}>Due date or timeline</label>
          <ActionTextInput row={row} field="due" id={`${base}-due`} />
        </div>
      </div>
      <div className="ap-field">
        <label htmlFor={`${base}-priority`}>{FIELD_LABELS.priorityArea}</label>
        <ActionTextInput row={row} field="priorityArea" id={`${base}-priority`} list={lists.priorities} />
      </div>
      <div className="ap-editor-actions">
        <button type="button" className="button small secondary ap-delete" onClick={() => onRemove(row.id)}>
          Delete action
        </button>
        <button type="button" className="button small primary" onClick={onClose}>
          Done
        </button>
      </div>
    </fieldset>
  );
}

function CompactRow(props: {
  row: ActionRow;
  open: boolean;
  highlighted: boolean;
  lists: SuggestionLists;
  onToggle(): void;
  onRemove(id: string): void;
}) {
  const { row, open, highlighted, lists, onToggle, onRemove } = props;
  const { readOnly } = useActionPlan();
  const editorId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const text = row.text.trim();
  return (
    <>
      <tr data-action-id={row.id} data-status={row.status} className={highlighted ? 'ap-row ap-highlight' : 'ap-row'}>
        <td className="ap-main">
          {readOnly ? (
            <p className="ap-text">{text || <em>No text</em>}</p>
          ) : (
            <button
              ref={toggleRef}
              type="button"
              className="ap-text ap-toggle"
              aria-expanded={open}
              aria-controls={open ? editorId : undefined}
              data-reveal="text"
              onClick={onToggle}
            >
              <span className="visually-hidden">{open ? 'Close editor: ' : 'Edit: '}</span>
              {text || <em>No text</em>}
            </button>
          )}
          <RowMeta row={row} />
          <SourceLink row={row} />
        </td>
        <td className="ap-status-cell">{readOnly ? <StatusBadge status={row.status} /> : <StatusSelect row={row} />}</td>
      </tr>
      {open && !readOnly && (
        <tr className="ap-editor-row" data-editor-for={row.id}>
          <td colSpan={2} id={editorId}>
            <RowEditor
              row={row}
              lists={lists}
              onRemove={onRemove}
              onClose={() => {
                onToggle();
                // Back to the row, unless the person has already moved on to another field.
                requestAnimationFrame(() => {
                  if (nothingFocused()) toggleRef.current?.focus();
                });
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}

function FullRow({ row, highlighted, lists, onRemove }: { row: ActionRow; highlighted: boolean; lists: SuggestionLists; onRemove(id: string): void }) {
  const { readOnly } = useActionPlan();
  const short = row.text.trim().slice(0, 60) || 'untitled action';
  if (readOnly) {
    return (
      <tr data-action-id={row.id} data-status={row.status} className={highlighted ? 'ap-row ap-highlight' : 'ap-row'}>
        <td className="ap-text-cell">{row.text}</td>
        <td>{row.owner}</td>
        <td>{row.due}</td>
        <td>
          <StatusBadge status={row.status} />
        </td>
        <td>{row.priorityArea}</td>
        <td>
          <SourceLink row={row} />
        </td>
      </tr>
    );
  }
  return (
    <tr data-action-id={row.id} data-status={row.status} className={highlighted ? 'ap-row ap-highlight' : 'ap-row'}>
      <td className="ap-text-cell" data-reveal-cell="text">
        <ActionTextInput row={row} field="text" multiline />
      </td>
      <td>
        <ActionTextInput row={row} field="owner" list={lists.owners} />
      </td>
      <td>
        <ActionTextInput row={row} field="due" />
      </td>
      <td>
        <StatusSelect row={row} />
      </td>
      <td>
        <ActionTextInput row={row} field="priorityArea" list={lists.priorities} />
      </td>
      <td>
        <SourceLink row={row} />
      </td>
      <td className="ap-remove-cell">
        <button type="button" className="button small ghost ap-delete" aria-label={`Delete action: ${short}`} title="Delete this action" onClick={() => onRemove(row.id)}>
          Delete
        </button>
      </td>
    </tr>
  );
}

export interface ActionTableProps {
  rows: ActionRow[];
  variant: TableVariant;
  lists: SuggestionLists;
  /** id of the element naming the table (the plan's heading). */
  labelledBy: string;
  onRemove(id: string): void;
}

/**
 * The actions as a table. Column headers are sort buttons (aria-sort on the sorted one). The full
 * variant edits every field in its cell; the compact one (side panel) shows the action with its
 * details and status, and opens a row editor under it.
 *
 * A reveal request from the plan (a new or promoted action) highlights its row, scrolls to it and,
 * when asked, moves the keyboard into it (for a promotion: the owner field). Only the visible
 * variant answers: the side panel's while the wide view is closed, the wide view's while open.
 */
export function ActionTable({ rows, variant, lists, labelledBy, onRemove }: ActionTableProps) {
  const { plan, readOnly } = useActionPlan();
  const sort = useValue('actionSort', () => plan.sort.get(), [plan]);
  const reveal = useValue('actionReveal', () => plan.reveal.get(), [plan]);
  const expanded = useValue('actionPlanExpanded', () => plan.expanded.get(), [plan]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  // Each request is answered once, by the view that is visible; it is cleared as it is taken.
  useEffect(() => {
    if (!reveal || expanded !== (variant === 'full')) return;
    plan.reveal.set(null);
    setHighlight(reveal.id);
    if (variant === 'compact' && reveal.focus === 'owner' && !readOnly) setOpenId(reveal.id);
    // Two frames: the row (and its editor) are rendered.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const table = tableRef.current;
        const row = table?.querySelector<HTMLElement>(rowSelector(reveal.id));
        if (!table || !row) return;
        row.scrollIntoView({ block: 'nearest' });
        if (reveal.focus === 'none' || readOnly) return;
        const scope = reveal.focus === 'owner' ? `[data-editor-for="${CSS.escape(reveal.id)}"], ${rowSelector(reveal.id)}` : rowSelector(reveal.id);
        const target =
          reveal.focus === 'owner'
            ? table.querySelector<HTMLElement>(`:is(${scope}) [data-field="owner"]`)
            : (row.querySelector<HTMLElement>('[data-reveal="text"]') ?? row.querySelector<HTMLElement>('[data-field="text"]'));
        if (target) focusRevealed(target);
      }),
    );
  }, [plan, reveal, expanded, variant, readOnly]);

  useEffect(() => {
    if (!highlight) return;
    const timer = setTimeout(() => setHighlight(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlight]);

  const columns = variant === 'full' ? FULL_COLUMNS : COMPACT_COLUMNS;
  const sortedBy = columns.find((c) => c.key === sort.key) ?? FULL_COLUMNS.find((c) => c.key === sort.key);

  return (
    <div className={`ap-table-wrap ap-${variant}`}>
      <table ref={tableRef} className={`ap-table ap-table-${variant}`} aria-labelledby={labelledBy} data-testid={`action-table-${variant}`}>
        <caption className="visually-hidden">{sortedBy ? `Sorted by ${sortedBy.label.toLowerCase()}, ${sort.direction}` : 'In the order they were added'}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <SortHeader key={c.key} column={c} sort={sort} />
            ))}
            {variant === 'full' && !readOnly && (
              <th scope="col" className="ap-col-remove">
                <span className="visually-hidden">Delete</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) =>
            variant === 'full' ? (
              <FullRow key={row.id} row={row} highlighted={highlight === row.id} lists={lists} onRemove={onRemove} />
            ) : (
              <CompactRow
                key={row.id}
                row={row}
                open={openId === row.id}
                highlighted={highlight === row.id}
                lists={lists}
                onToggle={() => setOpenId((cur) => (cur === row.id ? null : row.id))}
                onRemove={onRemove}
              />
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
