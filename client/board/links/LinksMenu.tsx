import { useId, useRef, useState } from 'react';
import type { Role } from '../../../shared/roles';
import { useDismiss } from '../../components/useDismiss';
import { ApiError, replaceBoardLink } from '../../lib/api';
import { copyText } from '../../lib/clipboard';
import { useFacilitation } from '../sync/FacilitationContext';
import { rememberNewLink } from '../../lib/newLink';
import './links.css';

const ROLE_ROWS: { role: Role; title: string; what: string; warning: string }[] = [
  {
    role: 'editor',
    title: 'Editor link',
    what: 'Can add and change everything on the canvas.',
    warning: 'The current editor link stops working now, for everyone using it. Send the new one to the people who should edit.',
  },
  {
    role: 'viewer',
    title: 'Viewer link',
    what: 'Can watch the board, not change it.',
    warning: 'The current viewer link stops working now, for everyone using it. Send the new one to the people who should watch.',
  },
  {
    role: 'facilitator',
    title: 'Facilitator link',
    what: 'Full control of the board and the session.',
    warning:
      'Every facilitator link stops working now: yours, and any co-facilitator links you made. This page reloads with your new link; make new co-facilitator links afterwards.',
  },
];

type RowState =
  | { kind: 'idle' }
  | { kind: 'confirm' }
  | { kind: 'busy' }
  | { kind: 'done'; link: string; copied: boolean }
  | { kind: 'error'; message: string };

/**
 * "Share" in the top bar (facilitators): make a new link for a role when one leaked or was lost
 * (POST /api/boards/:id/links/:role/rotate). Links cannot be shown again (the server keeps only a
 * fingerprint of each), so this is also how to get a fresh one. Each role asks for a confirmation
 * first, since the old link stops working at once.
 */
export function LinksMenu() {
  const f = useFacilitation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  useDismiss(open, [panelRef, buttonRef], (byKeyboard) => {
    setOpen(false);
    if (byKeyboard) buttonRef.current?.focus();
  });
  if (!f?.canControl) return null;
  return (
    <div className="links-menu">
      <button
        ref={buttonRef}
        type="button"
        className="button ghost"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid="links-button"
      >
        Share
      </button>
      {open && (
        <div ref={panelRef} id={panelId} className="links-panel" role="dialog" aria-label="Board links" data-testid="links-panel">
          <h2>Board links</h2>
          <p className="hint">
            The server keeps no copy of the links, only a fingerprint. If a link leaked or got lost, make a new one: the old one
            stops working at once.
          </p>
          <ul className="links-list">
            {ROLE_ROWS.map((row) => (
              <LinkRow key={row.role} row={row} boardId={f.boardId} token={f.token} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function LinkRow({ row, boardId, token }: { row: (typeof ROLE_ROWS)[number]; boardId: string; token: string }) {
  const [state, setState] = useState<RowState>({ kind: 'idle' });
  const warningId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);

  const replace = async () => {
    setState({ kind: 'busy' });
    try {
      const { link } = await replaceBoardLink(boardId, token, row.role);
      if (row.role === 'facilitator') {
        // This page's own link is gone too: carry on with the new one (BoardPage says so).
        rememberNewLink(boardId);
        window.location.replace(link);
        return;
      }
      setState({ kind: 'done', link, copied: await copyText(link) });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof ApiError ? e.message : 'The server could not be reached; nothing was changed.' });
    }
  };

  return (
    <li className="links-row" data-testid={`link-row-${row.role}`} data-state={state.kind}>
      <div className="links-row-head">
        <span>
          <strong>{row.title}</strong>
          <span className="links-row-what">{row.what}</span>
        </span>
        {(state.kind === 'idle' || state.kind === 'done' || state.kind === 'error') && (
          <button
            type="button"
            className="button small secondary"
            onClick={() => {
              setState({ kind: 'confirm' });
              requestAnimationFrame(() => confirmRef.current?.focus());
            }}
            aria-label={`Make a new ${row.title.toLowerCase()}`}
            data-testid={`new-link-${row.role}`}
          >
            Make a new link
          </button>
        )}
      </div>
      {(state.kind === 'confirm' || state.kind === 'busy') && (
        <div className="links-confirm">
          <p id={warningId}>{row.warning}</p>
          <div className="links-confirm-actions">
            <button
              ref={confirmRef}
              type="button"
              className="button small primary"
              onClick={() => void replace()}
              disabled={state.kind === 'busy'}
              aria-describedby={warningId}
              data-testid={`confirm-new-link-${row.role}`}
            >
              {state.kind === 'busy' ? 'Making the link…' : `Make a new ${row.role} link`}
            </button>
            <button type="button" className="button small secondary" onClick={() => setState({ kind: 'idle' })} disabled={state.kind === 'busy'}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {state.kind === 'done' && (
        <div className="links-result">
          <label>
            <span>New {row.role} link</span>
            <input type="text" readOnly value={state.link} onFocus={(e) => e.currentTarget.select()} data-testid={`new-link-value-${row.role}`} />
          </label>
          <span className="hint" role="status">
            {state.copied ? 'Copied. ' : ''}The old {row.role} link no longer works.
          </span>
        </div>
      )}
      {state.kind === 'error' && (
        <p className="error-text" role="alert">
          {state.message}
        </p>
      )}
    </li>
  );
}
