import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { SNAPSHOT_NAME_MAX, type SnapshotInfo } from '../../../shared/api/history';
import { ApiError } from '../../lib/api';
import { useFacilitation } from '../sync/FacilitationContext';
import { defaultSnapshotName, KIND_LABEL, snapshotDate } from './format';
import { createSnapshot, listSnapshots, restoreSnapshot, snapshotPageUrl } from './historyApi';
import './history.css';

type ListState = { kind: 'loading' } | { kind: 'ok'; snapshots: SnapshotInfo[] } | { kind: 'error'; message: string };
type Status = { kind: 'busy' | 'ok' | 'error'; text: string } | null;

function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.status === 503 ? 'The server is busy or restarting; try again in a moment.' : e.message;
  return 'The server could not be reached. Check the connection and try again.';
}

/**
 * The top bar's "History" button and its panel (a pop-over like the people list): the board's
 * snapshots, newest first, each with "Open" (the read-only snapshot page, in a new tab); for
 * facilitators "Save snapshot" (a name, proposed from the date) and "Restore" (after a
 * confirmation saying the current board is kept as a snapshot first). Escape closes the
 * confirmation, then the panel; clicking outside closes it.
 */
export function HistoryMenu({ openAtOnce = false }: { openAtOnce?: boolean } = {}) {
  const f = useFacilitation();
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [confirming, setConfirming] = useState<SnapshotInfo | null>(null);
  const panelId = useId();
  const nameId = useId();
  const confirmTitleId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  /** The confirmation open now, for the Escape handler (which is not re-added on every change). */
  const confirmingRef = useRef<SnapshotInfo | null>(null);
  confirmingRef.current = confirming;
  const boardId = f?.boardId;
  const token = f?.token;
  const canManage = f?.role === 'facilitator';
  const busy = status?.kind === 'busy';

  const refresh = useCallback(async () => {
    if (!boardId || !token) return;
    try {
      setList({ kind: 'ok', snapshots: await listSnapshots(boardId, token) });
    } catch (e) {
      setList({ kind: 'error', message: messageOf(e) });
    }
  }, [boardId, token]);

  const openPanel = () => {
    setOpen(true);
    setList((l) => (l.kind === 'ok' ? l : { kind: 'loading' }));
    setName(defaultSnapshotName());
    setNameError(null);
    setConfirming(null);
    if (status?.kind !== 'busy') setStatus(null);
    void refresh();
  };

  // Its button was clicked while its code was loading (client/board/workspace/lazyMenu.tsx).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount
  useEffect(() => {
    if (openAtOnce) openPanel();
  }, []);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    setConfirming(null);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    panelRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      if (confirmingRef.current) {
        const id = confirmingRef.current.id;
        setConfirming(null);
        requestAnimationFrame(() => panelRef.current?.querySelector<HTMLButtonElement>(`[data-restore-for="${CSS.escape(id)}"]`)?.focus());
      } else {
        close(true);
      }
    };
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!panelRef.current?.contains(t) && !buttonRef.current?.contains(t)) close(false);
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open, close]);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  if (!f || !boardId || !token) return null;
  const me = () => f.me().name;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError('Give the snapshot a name.');
      return;
    }
    if (trimmed.length > SNAPSHOT_NAME_MAX) {
      setNameError(`At most ${SNAPSHOT_NAME_MAX} characters.`);
      return;
    }
    setNameError(null);
    setStatus({ kind: 'busy', text: 'Saving the snapshot…' });
    try {
      const saved = await createSnapshot(boardId, token, trimmed, me());
      setStatus({ kind: 'ok', text: `Saved “${saved.name}”.` });
      setName(defaultSnapshotName());
      setList((l) => ({ kind: 'ok', snapshots: [saved, ...(l.kind === 'ok' ? l.snapshots.filter((s) => s.id !== saved.id) : [])] }));
      void refresh();
    } catch (err) {
      if (err instanceof ApiError && err.field === 'name') setNameError(err.message);
      setStatus({ kind: 'error', text: `The snapshot was not saved: ${messageOf(err)}` });
    }
  };

  const restore = async (snapshot: SnapshotInfo) => {
    setConfirming(null);
    setStatus({ kind: 'busy', text: `Restoring “${snapshot.name}”…` });
    try {
      const { preRestore } = await restoreSnapshot(boardId, token, snapshot.id, me());
      setStatus({ kind: 'ok', text: `Restored “${snapshot.name}”. The board as it was is kept as “${preRestore.name}”.` });
      await refresh();
    } catch (err) {
      setStatus({ kind: 'error', text: `The board was not restored: ${messageOf(err)}` });
    }
    panelRef.current?.focus();
  };

  return (
    <div className="history">
      <button
        ref={buttonRef}
        type="button"
        className="button ghost history-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-haspopup="dialog"
        onClick={() => (open ? close(false) : openPanel())}
        data-testid="history-button"
      >
        <span aria-hidden="true">⟲</span> <span className="history-label">History</span>
      </button>
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          className="history-panel"
          role="dialog"
          aria-label="Board history"
          tabIndex={-1}
          data-testid="history-panel"
        >
          <h2>Board history</h2>
          <p className="history-intro">
            {canManage
              ? 'Snapshots of the whole board. Open one to look at it, or restore it for everyone.'
              : 'Snapshots of the whole board, saved by the facilitator or when a session ends. Open one to look at it.'}
          </p>
          {canManage && (
            <form className="history-save" onSubmit={(e) => void save(e)} noValidate>
              <label htmlFor={nameId}>Snapshot name</label>
              <div className="history-save-row">
                <input
                  id={nameId}
                  type="text"
                  value={name}
                  maxLength={SNAPSHOT_NAME_MAX}
                  onChange={(e) => setName(e.target.value)}
                  aria-invalid={nameError ? true : undefined}
                  aria-describedby={nameError ? `${nameId}-error` : undefined}
                  data-testid="snapshot-name"
                />
                <button type="submit" className="button small primary" disabled={busy} data-testid="snapshot-save">
                  Save snapshot
                </button>
              </div>
              {nameError && (
                <span id={`${nameId}-error`} className="error-text" data-testid="snapshot-name-error">
                  {nameError}
                </span>
              )}
            </form>
          )}
          <div
            className={`history-status${status ? ` history-status-${status.kind}` : ''}`}
            role={status?.kind === 'error' ? 'alert' : 'status'}
            data-testid="history-status"
            data-kind={status?.kind ?? ''}
          >
            {status?.text}
          </div>
          {confirming && (
            <div className="history-confirm" role="alertdialog" aria-modal="false" aria-labelledby={confirmTitleId} data-testid="restore-confirm">
              <h3 id={confirmTitleId}>Restore “{confirming.name}”?</h3>
              <p>
                The board goes back to how it was on {snapshotDate(confirming.createdAt)}, for everyone on it: shapes, notes, rubric and
                action plan. The board as it is now is kept first as the snapshot “Before restoring “{confirming.name}””, so you can go
                back.
              </p>
              <div className="history-confirm-actions">
                <button type="button" className="button small primary" onClick={() => void restore(confirming)} data-testid="restore-confirm-button">
                  Restore
                </button>
                <button ref={cancelRef} type="button" className="button small secondary" onClick={() => setConfirming(null)}>
                  Cancel
                </button>
              </div>
            </div>
          )}
          <SnapshotList
            list={list}
            canManage={canManage}
            disabled={busy}
            boardId={boardId}
            token={token}
            onRetry={() => {
              setList({ kind: 'loading' });
              void refresh();
            }}
            onRestore={setConfirming}
          />
        </div>
      )}
    </div>
  );
}

function SnapshotList(props: {
  list: ListState;
  canManage: boolean;
  disabled: boolean;
  boardId: string;
  token: string;
  onRetry(): void;
  onRestore(s: SnapshotInfo): void;
}) {
  const { list } = props;
  if (list.kind === 'loading') {
    return (
      <p className="muted" role="status">
        Loading snapshots…
      </p>
    );
  }
  if (list.kind === 'error') {
    return (
      <div className="history-error" role="alert">
        <span className="error-text">The snapshots could not be loaded: {list.message}</span>
        <button type="button" className="button small secondary" onClick={props.onRetry}>
          Try again
        </button>
      </div>
    );
  }
  if (list.snapshots.length === 0) {
    return (
      <p className="muted" data-testid="history-empty">
        No snapshots yet.{props.canManage ? ' Save one before big changes.' : ''}
      </p>
    );
  }
  return (
    <ul className="history-list" aria-label="Snapshots, newest first">
      {list.snapshots.map((s) => (
        <li key={s.id} className="history-item" data-testid="snapshot-item" data-snapshot-id={s.id} data-kind={s.kind}>
          <div className="history-item-main">
            <span className="history-item-name" data-testid="snapshot-name-text">
              {s.name}
            </span>
            <span className="history-item-meta">
              <span className={`badge small history-kind kind-${s.kind}`}>{KIND_LABEL[s.kind]}</span>
              <time dateTime={s.createdAt}>{snapshotDate(s.createdAt)}</time>
              {s.createdBy && <span className="history-item-by">by {s.createdBy}</span>}
            </span>
          </div>
          <div className="history-item-actions">
            <a
              className="button small secondary"
              href={snapshotPageUrl(props.boardId, s.id, props.token)}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={`Open “${s.name}” (read only, new tab)`}
              data-testid="snapshot-open"
            >
              Open
            </a>
            {props.canManage && (
              <button
                type="button"
                className="button small secondary"
                onClick={() => props.onRestore(s)}
                disabled={props.disabled}
                aria-label={`Restore “${s.name}”`}
                data-restore-for={s.id}
                data-testid="snapshot-restore"
              >
                Restore
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
