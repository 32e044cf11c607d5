import { useDismiss } from '../../components/useDismiss';
import { useEffect, useId, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { PresenceState } from '../../../shared/doc/docLayout';
import type { Role } from '../../../shared/roles';
import { ApiError, createFacilitatorInvite } from '../../lib/api';
import { useFacilitation } from '../sync/FacilitationContext';
import './people.css';

export interface Person {
  id: string;
  name: string;
  color: string;
  role: Role;
  /** User id (without tldraw's `user:` prefix) of the person this one follows, if any. */
  followingId: string | null;
  tabs: number;
}

const ROLE_LABEL: Record<Role, string> = { facilitator: 'Facilitator', editor: 'Participant', viewer: 'Viewer' };
const ROLE_ORDER: Record<Role, number> = { facilitator: 0, editor: 1, viewer: 2 };

/**
 * The people on the board from presence, one entry per person (several tabs count once; the
 * highest role wins). The role is the one the server checked for the connection (the relay
 * corrects any other claim), so the list can be trusted to say who facilitates.
 */
function peopleOf(awareness: Awareness): Person[] {
  const byId = new Map<string, Person>();
  for (const state of awareness.getStates().values()) {
    const s = state as Partial<PresenceState> | null;
    const u = s?.user;
    if (!u || typeof u.id !== 'string' || typeof u.name !== 'string') continue;
    const role: Role = u.role === 'facilitator' || u.role === 'viewer' ? u.role : 'editor';
    const followingRaw = (s.presence as { followingUserId?: unknown } | null | undefined)?.followingUserId;
    const followingId = typeof followingRaw === 'string' ? followingRaw.replace(/^user:/, '') : null;
    const prev = byId.get(u.id);
    if (prev) {
      prev.tabs++;
      if (ROLE_ORDER[role] < ROLE_ORDER[prev.role]) prev.role = role;
      prev.followingId ??= followingId;
      continue;
    }
    byId.set(u.id, { id: u.id, name: u.name || 'Guest', color: typeof u.color === 'string' ? u.color : '#888', role, followingId, tabs: 1 });
  }
  return [...byId.values()].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name));
}

/**
 * The people list while `active` (the panel is open). Awareness changes with every cursor move;
 * the list re-renders only when who is here, their role or whom they follow changes.
 */
function usePeople(awareness: Awareness | null, active: boolean): Person[] {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    if (!awareness || !active) return;
    let last = '';
    const update = () => {
      const next = peopleOf(awareness);
      const key = JSON.stringify(next);
      if (key === last) return;
      last = key;
      setPeople(next);
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness, active]);
  return people;
}

/**
 * "N people here" in the top bar, opening the list of who is here: name, role, whom they follow.
 * Facilitators can make a co-facilitator link for someone (a new facilitator link to send them;
 * the role comes with the link, never from a setting in someone's browser).
 */
export function PeopleMenu({ count }: { count: number }) {
  const f = useFacilitation();
  const [open, setOpen] = useState(false);
  const people = usePeople(f?.awareness ?? null, open);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useDismiss(open, [panelRef, buttonRef], (byKeyboard) => {
    setOpen(false);
    if (byKeyboard) buttonRef.current?.focus();
  });

  const nameOf = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? null) : null);
  const meId = f?.me().id;

  return (
    <div className="people">
      <button
        ref={buttonRef}
        type="button"
        className="button ghost presence"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid="people-button"
      >
        <span className="presence-count" data-testid="presence-count" data-count={count} aria-live="polite">
          <span aria-hidden="true">●</span> {count} {count === 1 ? 'person' : 'people'} here
        </span>
      </button>
      {open && (
        <div ref={panelRef} id={panelId} className="people-panel" role="dialog" aria-label="People on this board" data-testid="people-panel">
          <h2>People here</h2>
          <ul className="people-list">
            {people.map((p) => {
              const follows = nameOf(p.followingId);
              return (
                <li key={p.id} className="person" data-testid="person" data-user-id={p.id} data-role={p.role} data-following={p.followingId ?? ''}>
                  <span className="person-swatch" style={{ background: p.color }} aria-hidden="true" />
                  <span className="person-main">
                    <span className="person-name">
                      {p.name}
                      {p.id === meId && <span className="muted"> (you)</span>}
                    </span>
                    <span className="person-meta">
                      <span className={`badge small role-${p.role}`}>{ROLE_LABEL[p.role]}</span>
                      {follows && <span className="person-follows">following {follows}</span>}
                    </span>
                  </span>
                  {f?.canControl && p.role !== 'facilitator' && p.role !== 'viewer' && <InviteButton name={p.name} />}
                </li>
              );
            })}
            {people.length === 0 && <li className="muted">Nobody has joined with a name yet.</li>}
          </ul>
          {f?.canControl && (
            <div className="people-footer">
              <InviteButton name="" label="New co-facilitator link" />
            </div>
          )}
        </div>
      )}
    </div>
  );
}

function InviteButton({ name, label }: { name: string; label?: string }) {
  const f = useFacilitation();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; link: string; copied: boolean } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  if (!f) return null;
  const create = async () => {
    setState({ kind: 'busy' });
    try {
      const { link } = await createFacilitatorInvite(f.boardId, f.token, name);
      let copied = false;
      try {
        await navigator.clipboard.writeText(link);
        copied = true;
      } catch {
        // No clipboard permission: the link is shown to copy by hand.
      }
      setState({ kind: 'done', link, copied });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof ApiError ? e.message : 'The server could not be reached.' });
    }
  };
  if (state.kind === 'done') {
    return (
      <div className="invite-result" data-testid="invite-result">
        <label>
          <span>{name ? `Facilitator link for ${name}` : 'Co-facilitator link'}</span>
          <input type="text" readOnly value={state.link} onFocus={(e) => e.currentTarget.select()} data-testid="invite-link" />
        </label>
        <span className="hint" role="status">
          {state.copied ? 'Copied. ' : ''}Send it to them: opening it makes them a facilitator of this board.
        </span>
      </div>
    );
  }
  return (
    <span className="invite">
      <button
        type="button"
        className="button small secondary"
        onClick={() => void create()}
        disabled={state.kind === 'busy'}
        data-testid="invite-button"
        aria-label={label ?? `Make ${name} a co-facilitator`}
      >
        {label ?? 'Make co-facilitator'}
      </button>
      {state.kind === 'error' && (
        <span className="error-text" role="alert">
          {state.message}
        </span>
      )}
    </span>
  );
}
