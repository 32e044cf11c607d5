import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ITEM_TYPES } from '../../../exercises/registry';
import type { Figure, FigureStatus, ListFigure, NumberFigure, TableFigure } from '../../../shared/results';
import { paletteOf } from '../shapes/cardColors';
import { selectAndShow } from '../cards/cardEdits';
import type { LiveResults } from '../cards/liveResults';
import { WIDEN_PANEL_EVENT } from '../workspace/boardFeature';
import { useWorkspace } from '../workspace/WorkspaceState';

/** Stable React keys for entries that may repeat (same text twice gets `text#2`). */
function uniqueKeys(values: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return values.map((v) => {
    const n = (seen.get(v) ?? 0) + 1;
    seen.set(v, n);
    return n === 1 ? v : `${v}#${n}`;
  });
}

const STATUS_TEXT: Record<FigureStatus, string> = { ok: 'On track', warn: 'Needs attention', info: 'For information' };

function StatusMark({ status }: { status?: FigureStatus }) {
  if (!status || status === 'info') return null;
  return (
    <span className={`status-mark status-${status}`} role="img" aria-label={STATUS_TEXT[status]}>
      {status === 'ok' ? '✓' : '!'}
    </span>
  );
}

/** Text that selects and shows the given items when there are any, plain text otherwise. */
function ShowItems({ itemIds, label, children }: { itemIds?: string[]; label: string; children: ReactNode }) {
  const { editor } = useWorkspace();
  if (!itemIds || itemIds.length === 0) return <>{children}</>;
  return (
    <button
      type="button"
      className="link-button"
      title={`Select ${itemIds.length} ${itemIds.length === 1 ? 'card' : 'cards'} on the board`}
      aria-label={`${label}: select ${itemIds.length} ${itemIds.length === 1 ? 'card' : 'cards'} on the board`}
      onClick={() => selectAndShow(editor, itemIds)}
    >
      {children}
    </button>
  );
}

function NumberBody({ figure }: { figure: NumberFigure }) {
  return (
    <p className="figure-number">
      <ShowItems itemIds={figure.itemIds} label={figure.label}>
        <span className="figure-value">{figure.value}</span>
        {figure.target !== undefined && <span className="figure-target"> / {figure.target}</span>}
      </ShowItems>
    </p>
  );
}

/** How many pixels of a table are hidden to the side of its scroll box (0 when it fits or is not shown). */
function useHiddenWidth(shown: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState(0);
  useEffect(() => {
    const el = ref.current;
    const table = el?.firstElementChild;
    if (!shown || !el || !table) return;
    const measure = () => setHidden(Math.max(0, Math.ceil(el.scrollWidth - el.clientWidth)));
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    ro.observe(table);
    return () => {
      ro.disconnect();
      setHidden(0);
    };
  }, [shown]);
  return [ref, hidden] as const;
}

function TableBody({ figure }: { figure: TableFigure }) {
  const [wrapRef, hidden] = useHiddenWidth(figure.rows.length > 0);
  if (figure.rows.length === 0) return <p className="hint">Nothing yet.</p>;
  const cellKeys = uniqueKeys(figure.rows[0].cells.map((_, i) => figure.columns[i] ?? 'column'));
  return (
    <>
      {hidden > 1 && (
        <button
          type="button"
          className="link-button figure-widen"
          data-testid="figure-widen"
          onClick={() => window.dispatchEvent(new CustomEvent(WIDEN_PANEL_EVENT, { detail: { by: hidden + 8 } }))}
        >
          Widen the panel to show the whole table
        </button>
      )}
      <div className="figure-table-wrap" ref={wrapRef}>
        <table className="figure-table">
          <caption className="visually-hidden">{figure.label}</caption>
          <thead>
            <tr>
              {figure.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {figure.rows.map((row) => (
              <tr key={row.key} className={row.status ? `status-${row.status}` : undefined}>
                {row.cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={cellKeys[i]} scope="row">
                      <StatusMark status={row.status} />
                      <ShowItems itemIds={row.itemIds} label={String(cell)}>
                        {cell}
                      </ShowItems>
                    </th>
                  ) : (
                    <td key={cellKeys[i]}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ListBody({ figure }: { figure: ListFigure }) {
  if (figure.entries.length === 0) return <p className="hint">{figure.empty ?? 'Nothing yet.'}</p>;
  const keys = uniqueKeys(figure.entries.map((e) => `${e.text}|${e.itemIds?.join(',') ?? ''}`));
  return (
    <ul className="figure-list">
      {figure.entries.map((entry, i) => (
        <li key={keys[i]} className={entry.status ? `status-${entry.status}` : undefined}>
          <StatusMark status={entry.status} />
          <ShowItems itemIds={entry.itemIds} label={entry.text}>
            {entry.text}
          </ShowItems>
        </li>
      ))}
    </ul>
  );
}

function FigureView({ figure }: { figure: Figure }) {
  return (
    <article className={`figure figure-${figure.kind}${figure.status ? ` status-${figure.status}` : ''}`} data-figure-id={figure.id} aria-labelledby={`figure-${figure.id}`}>
      <h3 id={`figure-${figure.id}`}>
        <StatusMark status={figure.status} />
        {figure.label}
      </h3>
      {figure.kind === 'number' && <NumberBody figure={figure} />}
      {figure.kind === 'table' && <TableBody figure={figure} />}
      {figure.kind === 'list' && <ListBody figure={figure} />}
      {figure.help && <p className="hint">{figure.help}</p>}
    </article>
  );
}

/** Live results of the board: how many cards of each type, and the exercise's figures. */
export function FiguresPanel({ live }: { live: LiveResults }) {
  const { exercise } = useWorkspace();
  if (live.kind === 'error') {
    return (
      <section className="panel-section" aria-labelledby="figures-heading" data-testid="figures">
        <h2 id="figures-heading">Results</h2>
        <p className="field-error" role="alert">
          The results could not be computed: {live.message}
        </p>
      </section>
    );
  }
  const { results, board } = live;
  // The exercise's own types first, then any pasted in from another exercise.
  const ownTypes = exercise.itemTypes.map((d) => d.type);
  const otherTypes = ITEM_TYPES.map((d) => d.type).filter((t) => !ownTypes.includes(t) && board.ofType(t).length > 0);
  const complete = results.connections.filter((c) => c.complete).length;

  return (
    <section className="panel-section" aria-labelledby="figures-heading" data-testid="figures">
      <h2 id="figures-heading">Results</h2>
      <ul className="counts" aria-label="Cards on the board" data-testid="item-counts">
        {[...ownTypes, ...otherTypes].map((type) => {
          const def = ITEM_TYPES.find((d) => d.type === type);
          const items = board.ofType(type);
          if (!def) return null;
          return (
            <li key={type} data-item-type={type} data-count={items.length}>
              <span className="swatch" style={{ background: paletteOf(def.color).header }} aria-hidden="true" />
              <ShowItems itemIds={items.map((i) => i.id)} label={def.label}>
                {def.label}
              </ShowItems>
              <span className="count">{items.length}</span>
            </li>
          );
        })}
        {exercise.connectorKinds.length > 0 && (
          <li data-item-type="connections" data-count={results.connections.length}>
            <span className="swatch swatch-arrow" aria-hidden="true" />
            <ShowItems itemIds={results.connections.map((c) => c.id)} label="Connections">
              Connections
            </ShowItems>
            <span className="count">
              {results.connections.length}
              {complete < results.connections.length && <span className="muted"> ({results.connections.length - complete} unattached)</span>}
            </span>
          </li>
        )}
      </ul>
      {results.figures.length === 0 ? (
        <p className="hint">No figures for this template.</p>
      ) : (
        <div className="figures">
          {results.figures.map((f) => (
            <FigureView key={f.id} figure={f} />
          ))}
        </div>
      )}
    </section>
  );
}
